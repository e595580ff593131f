import { t } from '../i18n';
import { chain, me } from '../state';

/**
 * Says before anything is sent when actions will cost a fee: the account is neither a resident
 * nor an officer (a visitor's calls pay), or today's free actions are used up.
 */
export function FeeNotice() {
  const m = me.value;
  if (!m || !chain.value || m.freeLeft > 0) return null;
  return (
    <p class="hint fee" role="note" data-testid="fee-notice">
      {m.community === undefined && m.officerOf.length === 0 ? t('fees.notResident') : t('fees.quotaUsed', { quota: m.quota })}
    </p>
  );
}
