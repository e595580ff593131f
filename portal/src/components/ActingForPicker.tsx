import { principalsOf } from '../chain';
import { useLive } from '../hooks';
import { t } from '../i18n';
import { actingFor, current } from '../state';
import { nameOf, Who } from "./Who";

/** "Act for …": the residents whose civic proxy the signer is. Every action is then theirs. */
export function ActingForPicker() {
  const signer = current.value?.address;
  const principals = useLive((c) => (signer ? principalsOf(c, signer) : Promise.resolve([])), [signer]) ?? [];
  if (!signer || principals.length === 0) return null;
  return (
    <div class="picker">
      <label for="acting-for">{t('account.actFor')}</label>
      <select id="acting-for" value={actingFor.value ?? ''}
        onChange={(e) => { actingFor.value = (e.target as HTMLSelectElement).value || undefined; }}>
        <option value="">{t('account.myself')}</option>
        {principals.map((p) => <option key={p} value={p}>{t("account.actingFor")} {nameOf(p)}</option>)}
      </select>
      {actingFor.value && <p class="hint acting" role="status">{t('account.actingNow')} <Who address={actingFor.value} /></p>}
    </div>
  );
}
