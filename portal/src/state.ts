// The portal's state: the connection, the finalised block (every page re-reads on it), who signs,
// and for whom. Pages read these signals; only this module and the header change them.
import { signal, computed, effect } from '@preact/signals';
import { connect, defaultSource, me as readMe, type Chain, type LinkStatus, type Me, type Source, type Stage } from './chain';
import { devAccounts, extensionAccounts, walletExtensions, type Account } from './wallet/accounts';

export const source = signal<Source>(defaultSource());
export const chain = signal<Chain | undefined>(undefined);
export const link = signal<LinkStatus>('connecting');
/** The latest finalised block number (0 until the first arrives). */
export const finalized = signal(0);
export const accounts = signal<Account[]>([]);
export const hasWallet = signal(false);
export const current = signal<Account | undefined>(undefined);
/** The resident a civic proxy is acting for, when one is chosen. */
export const actingFor = signal<string | undefined>(localStorage.getItem('gongzhi.actingFor') ?? undefined);
/** The account whose community and rights the pages show: the one acted for, else the signer. */
export const subject = computed(() => actingFor.value ?? current.value?.address);
export const me = signal<Me | undefined>(undefined);
/** The progress of the latest action, shown in one place whatever page it was sent from. */
export const lastAction = signal<Stage | undefined>(undefined);
export const largeText = signal(localStorage.getItem('gongzhi.largeText') === '1');

effect(() => {
  document.documentElement.classList.toggle('large', largeText.value);
  localStorage.setItem('gongzhi.largeText', largeText.value ? '1' : '0');
});
effect(() => {
  if (actingFor.value) localStorage.setItem('gongzhi.actingFor', actingFor.value);
  else localStorage.removeItem('gongzhi.actingFor');
});

let sub: { unsubscribe(): void } | undefined;

/** Connects (again) to `to`; on failure the banner says why, and it tries again. */
export async function start(to = source.value) {
  sub?.unsubscribe();
  chain.value?.destroy();
  chain.value = undefined;
  source.value = to;
  try {
    const c = await connect(to, (s) => { link.value = s; });
    chain.value = c;
    link.value = 'connected';
    sub = c.client.finalizedBlock$.subscribe((b) => { finalized.value = b.number; });
    await loadAccounts(c);
  } catch {
    if (link.value !== 'wrong-network') link.value = 'down';
    setTimeout(() => { if (!chain.value && source.value === to) void start(to); }, 3000);
  }
}

async function loadAccounts(c: Chain) {
  hasWallet.value = walletExtensions().length > 0;
  const list = [...await extensionAccounts()];
  if (c.isDev) list.push(...await devAccounts(c.ss58, { decimals: c.decimals, symbol: c.token }));
  accounts.value = list;
  const saved = localStorage.getItem('gongzhi.account');
  current.value = list.find((a) => a.address === saved) ?? current.value ?? undefined;
}

export function choose(address: string | undefined) {
  current.value = accounts.value.find((a) => a.address === address);
  if (address) localStorage.setItem('gongzhi.account', address);
  else localStorage.removeItem('gongzhi.account');
  actingFor.value = undefined;
}

/** Re-reads the subject's record (community, roles, free actions) at each finalised block. */
effect(() => {
  const c = chain.value;
  const who = subject.value;
  void finalized.value;
  if (!c || !who) { me.value = undefined; return; }
  readMe(c, who).then((m) => { if (subject.value === who) me.value = m; }, (e) => console.warn('read failed', e));
});

/** Switches between the district's node and the in-browser light client, and remembers it. */
export function chooseLightClient(on: boolean) {
  if (on) localStorage.setItem('gongzhi.light', '1');
  else localStorage.removeItem('gongzhi.light');
  const query = new URLSearchParams(location.search);
  const host = location.hostname || '127.0.0.1';
  void start(on
    ? { kind: 'light', chainSpecUrl: query.get('chainSpec') ?? 'chain-spec.json' }
    : { kind: 'rpc', endpoint: query.get('rpc') ?? localStorage.getItem('gongzhi.endpoint') ?? `ws://${host}:9944` });
}
