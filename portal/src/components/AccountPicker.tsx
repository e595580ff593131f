import { t } from '../i18n';
import { accounts, choose, current, hasWallet } from '../state';

/**
 * Who signs. Wallet accounts first; on development chains the development accounts in their own,
 * clearly labelled group. Without a wallet extension, says how to get one.
 */
export function AccountPicker() {
  const list = accounts.value;
  const wallet = list.filter((a) => a.source !== 'dev');
  const dev = list.filter((a) => a.source === 'dev');
  return (
    <div class="picker">
      <label for="account">{t('account.label')}</label>
      <select id="account" value={current.value?.address ?? ''}
        onChange={(e) => choose((e.target as HTMLSelectElement).value || undefined)}>
        <option value="">{t('account.none')}</option>
        {wallet.length > 0 && (
          <optgroup label={t('account.wallet')}>
            {wallet.map((a) => <option key={a.address} value={a.address}>{a.name}</option>)}
          </optgroup>
        )}
        {dev.length > 0 && (
          <optgroup label={t('account.dev')}>
            {dev.map((a) => <option key={a.address} value={a.address}>{a.name}</option>)}
          </optgroup>
        )}
      </select>
      {!hasWallet.value && <p class="hint" data-testid="no-wallet">{t('account.noWallet')}</p>}
    </div>
  );
}
