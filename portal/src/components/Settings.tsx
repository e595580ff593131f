import { locale, setLocale, t } from '../i18n';
import { chooseLightClient, largeText, source } from '../state';

/** Language and large text, always one click away. */
export function Settings() {
  return (
    <div class="settings">
      <button type="button" onClick={() => setLocale(locale.value === 'zh-CN' ? 'en' : 'zh-CN')} lang={locale.value === 'zh-CN' ? 'en' : 'zh-CN'}>
        {locale.value === 'zh-CN' ? 'English' : '中文'}
      </button>
      <button type="button" aria-pressed={largeText.value} onClick={() => { largeText.value = !largeText.value; }}>
        {t('settings.largeText')}
      </button>
      <button type="button" aria-pressed={source.value.kind === 'light'} onClick={() => chooseLightClient(source.value.kind !== 'light')}
        title={t('settings.lightClientHint')}>
        {t('settings.lightClient')}
      </button>
    </div>
  );
}
