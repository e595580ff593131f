import { signal } from '@preact/signals';
import { AccountPicker } from './components/AccountPicker';
import { ActingForPicker } from './components/ActingForPicker';
import { FeeNotice } from './components/FeeNotice';
import { LinkBanner } from './components/LinkBanner';
import { Settings } from './components/Settings';
import { t } from './i18n';
import { Affairs } from './pages/Affairs';
import { Help } from './pages/Help';
import { Home } from './pages/Home';
import { Money } from './pages/Money';
import { Officer } from './pages/Officer';
import { Owners } from './pages/Owners';
import { Topics } from './pages/Topics';
import { Volunteering } from './pages/Volunteering';
import { TxProgress } from './components/TxProgress';
import { chain, finalized, lastAction, me, source } from './state';

const PAGES = { home: Home, topics: Topics, affairs: Affairs, owners: Owners, money: Money, volunteer: Volunteering, help: Help, officer: Officer } as const;
type PageName = keyof typeof PAGES;

const pageFromHash = (): PageName => {
  const name = location.hash.replace(/^#\/?/, '') as PageName;
  return name in PAGES ? name : 'home';
};
const page = signal<PageName>(pageFromHash());
window.addEventListener('hashchange', () => { page.value = pageFromHash(); });

export function App() {
  const Page = PAGES[page.value];
  const c = chain.value;
  const tabs = (Object.keys(PAGES) as PageName[]).filter((p) =>
    (p !== 'officer' || (me.value?.officerOf.length ?? 0) > 0) && (p !== 'owners' || me.value?.ownsHomes || (me.value?.estatesOfMyUnits.length ?? 0) > 0));
  return (
    <>
      <a class="skip" href="#main">{t('app.skip')}</a>
      <header>
        <h1>{t('app.title')}</h1>
        {c?.isDev && <p class="dev-chain" role="note">{t('app.devChain', { name: c.name })}</p>}
        {c && source.value.kind === 'light' && (
          <p class="verified" data-testid="light-client">{t('app.lightClient', { n: finalized.value })}</p>
        )}
        <Settings />
        <AccountPicker />
        <ActingForPicker />
        <FeeNotice />
      </header>
      <LinkBanner />
      <nav aria-label={t('app.nav')}>
        <ul>
          {tabs.map((p) => (
            <li key={p}><a href={`#/${p}`} aria-current={page.value === p ? 'page' : undefined}>{t(`nav.${p}`)}</a></li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <h2 class="sr-only">{t(`nav.${page.value}`)}</h2>
        {c ? <Page /> : <p class="hint">{t('app.connecting')}</p>}
      </main>
      <aside class="status-area" aria-label={t("tx.last")} aria-live="polite">
        <TxProgress stage={lastAction.value} id="last-action" />
      </aside>
      <footer><p class="muted">{t('app.footer')}</p></footer>
    </>
  );
}
