import { t } from '../i18n';
import { describe } from '../chain';
import { link, source } from '../state';

/** Says plainly when the portal cannot reach the chain; silent while all is well. */
export function LinkBanner() {
  const s = link.value;
  if (s === 'connected') return null;
  return (
    <div class={`banner banner-${s}`} role={s === 'connecting' ? 'status' : 'alert'} data-testid="link-banner">
      {t(`link.${s}`, { endpoint: describe(source.value) })}
    </div>
  );
}
