import { useState } from 'preact/hooks';
import { actions, parseAmount, pot, SPEND_CATEGORIES, unitPath, type Pot, type SpendView } from '../chain';
import { Amount } from '../components/Amount';
import { Countdown } from '../components/Countdown';
import { Section } from '../components/Section';
import { TxProgress } from '../components/TxProgress';
import { Who, WhoList } from '../components/Who';
import { useAction, useLive } from '../hooks';
import { t } from '../i18n';
import { chain, me, subject } from '../state';

/** The community pot: balance, every movement, spends in notice with a countdown, donations. */
export function Money() {
  const community = me.value?.community ?? me.value?.officerOf[0];
  const p = useLive((c, who) => (community !== undefined ? pot(c, community, who) : Promise.resolve(undefined)), [community]);
  if (community === undefined) return <p class="hint">{t('home.notResident')}</p>;
  if (!p) return <p class="hint">{t('money.loading')}</p>;
  const isOfficer = me.value?.officerOf.includes(community) ?? false;
  return (
    <>
      <Section id="pot" title={t('money.pot')}>
        <p class="big" data-testid="pot-balance"><Amount value={p.balance} /></p>
        {p.settings ? (
          <p class="muted">{t('money.supervisors', { m: p.settings.requiredApprovals, n: p.settings.supervisors.length })}: <WhoList addresses={p.settings.supervisors} /></p>
        ) : <p class="muted">{t('money.notConfigured')}</p>}
      </Section>
      <LevelsAbove unit={community} />
      <Section id="spends" title={t('money.spends')}>
        {p.spends.length === 0 ? <p class="hint">{t('money.noSpends')}</p> : p.spends.map((s) => <SpendCard key={s.index} spend={s} pot={p} />)}
      </Section>
      <Donate unit={community} />
      {isOfficer && <ProposeSpend unit={community} />}
      <Section id="statement" title={t('money.statement')}>
        <BalanceChart pot={p} />
        <CategoryChart pot={p} />
        <Statement pot={p} />
      </Section>
    </>
  );
}

function SpendCard({ spend: s, pot: p }: { spend: SpendView; pot: Pot }) {
  const action = useAction();
  const c = chain.value;
  const who = subject.value;
  if (!c || !who) return null;
  const a = actions(c);
  const isSupervisor = p.settings?.supervisors.includes(who) ?? false;
  const decided = s.approvals.includes(who) || s.rejections.includes(who);
  return (
    <article class="spend" data-testid={`spend-${s.index}`} aria-labelledby={`spend-${s.index}-title`}>
      <h3 id={`spend-${s.index}-title`}>{s.purpose} — <Amount value={s.amount} /></h3>
      <p class="muted">
        {t(`spendCategories.${s.category}`)} · {t('money.to')} {s.beneficiary.account ? <Who address={s.beneficiary.account} /> : t('money.unit', { id: s.beneficiary.unit ?? 0 })}
        {' · '}{t('money.proposedBy')} <Who address={s.proposer} />
      </p>
      <p data-testid="spend-status">{t(`money.status.${s.status}`)}
        {s.until !== undefined && <> · <Countdown until={s.until} /></>}</p>
      <p>{t('money.approvals', { n: s.approvals.length, m: p.settings?.requiredApprovals ?? 0 })}
        {s.status === 'notice' && <> · <span data-testid="objections">{t('money.objections', { n: s.objections, of: s.objectionThreshold })}</span></>}</p>
      <div class="actions">
        {s.status === 'awaiting-approval' && isSupervisor && !decided && (
          <>
            <button type="button" disabled={action.busy} onClick={() => action.run(a.approveSpend(s.index))}>{t('money.approve')}</button>
            <button type="button" disabled={action.busy} onClick={() => action.run(a.rejectSpend(s.index))}>{t('money.reject')}</button>
          </>
        )}
        {s.status === 'notice' && !s.objectedByMe && me.value?.community === s.unit && (
          <button type="button" class="warn" disabled={action.busy} onClick={() => action.run(a.object(s.index))}>{t('money.object')}</button>
        )}
        {s.objectedByMe && <span class="mine">{t('money.objected')}</span>}
      </div>
      <TxProgress stage={action.stage} />
    </article>
  );
}

function Donate({ unit }: { unit: number }) {
  const [amount, setAmount] = useState('');
  const [memo, setMemo] = useState('');
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  const value = parseAmount(amount, c.decimals);
  return (
    <Section id="donate" title={t('money.donate')}>
      <form onSubmit={async (e) => {
        e.preventDefault();
        if (value === undefined) return;
        const sent = await action.run(actions(c).donate(unit, value, memo.trim()));
        if (sent?.ok) { setAmount(''); setMemo(''); }
      }}>
        <label for="donate-amount">{t('money.amount', { token: c.token })}</label>
        <input id="donate-amount" inputMode="decimal" value={amount} onInput={(e) => setAmount((e.target as HTMLInputElement).value)}
          aria-invalid={amount !== '' && value === undefined} aria-describedby="donate-amount-hint" />
        <p id="donate-amount-hint" class="hint">{amount !== '' && value === undefined ? t('money.badAmount') : t('money.amountHint')}</p>
        <label for="donate-memo">{t('money.memo')}</label>
        <input id="donate-memo" maxLength={20} value={memo} onInput={(e) => setMemo((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={action.busy || value === undefined}>{t('money.donateButton')}</button>
      </form>
      <TxProgress stage={action.stage} />
    </Section>
  );
}

function ProposeSpend({ unit }: { unit: number }) {
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const [purpose, setPurpose] = useState('');
  const [category, setCategory] = useState<string>('Facilities');
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  const value = parseAmount(amount, c.decimals);
  return (
    <Section id="propose" title={t('money.propose')}>
      <form onSubmit={async (e) => {
        e.preventDefault();
        if (value === undefined) return;
        const sent = await action.run(actions(c).proposeSpend(unit, to.trim(), value, category, purpose.trim()));
        if (sent?.ok) { setTo(''); setAmount(''); setPurpose(''); }
      }}>
        <label for="spend-to">{t('money.beneficiary')}</label>
        <input id="spend-to" required value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} />
        <label for="spend-amount">{t('money.amount', { token: c.token })}</label>
        <input id="spend-amount" inputMode="decimal" value={amount} onInput={(e) => setAmount((e.target as HTMLInputElement).value)} />
        <label for="spend-category">{t('money.category')}</label>
        <select id="spend-category" value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value)}>
          {SPEND_CATEGORIES.map((k) => <option key={k} value={k}>{t(`spendCategories.${k}`)}</option>)}
        </select>
        <label for="spend-purpose">{t('money.purpose')}</label>
        <input id="spend-purpose" required maxLength={40} value={purpose} onInput={(e) => setPurpose((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={action.busy || value === undefined || !to.trim() || !purpose.trim()}>{t('money.proposeButton')}</button>
      </form>
      <TxProgress stage={action.stage} />
    </Section>
  );
}

/** Money out by category, as bars (the table below has the figures). */
function CategoryChart({ pot: p }: { pot: Pot }) {
  const totals = new Map<string, bigint>();
  for (const line of p.statement) {
    if (!line.incoming && line.category) totals.set(line.category, (totals.get(line.category) ?? 0n) + line.amount);
  }
  const max = [...totals.values()].reduce((m, v) => (v > m ? v : m), 0n);
  if (max === 0n) return null;
  return (
    <figure class="chart" aria-label={t('money.byCategory')}>
      <figcaption>{t('money.byCategory')}</figcaption>
      {[...totals.entries()].map(([k, v]) => (
        <div key={k} class="bar-row">
          <span class="bar-label">{t(`spendCategories.${k}`)}</span>
          <span class="bar" style={{ width: `${Number((v * 100n) / max)}%` }} />
          <Amount value={v} />
        </div>
      ))}
    </figure>
  );
}

function Statement({ pot: p }: { pot: Pot }) {
  if (p.statement.length === 0) return <p class="hint">{t('money.noMovements')}</p>;
  return (
    <table data-testid="statement">
      <caption class="sr-only">{t('money.statement')}</caption>
      <thead><tr><th scope="col">{t('money.block')}</th><th scope="col">{t('money.direction')}</th><th scope="col">{t('money.counterparty')}</th><th scope="col">{t('money.amountCol')}</th><th scope="col">{t('money.reason')}</th></tr></thead>
      <tbody>
        {p.statement.map((l) => (
          <tr key={l.index}>
            <td>#{l.block}</td>
            <td>{l.incoming ? t('money.in') : t('money.out')}</td>
            <td>{l.counterparty.account ? <Who address={l.counterparty.account} /> : t('money.unit', { id: l.counterparty.unit ?? 0 })}</td>
            <td class="num"><Amount value={l.amount} /></td>
            <td>{l.memo ?? (l.category ? `${t(`spendCategories.${l.category}`)} (#${l.spend})` : '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The pots of the street and the district above: every level's money is public. */
function LevelsAbove({ unit }: { unit: number }) {
  const above = useLive(async (c) => {
    const path = (await unitPath(c, unit)).filter((u) => u.id !== unit && u.level !== 'Grid');
    const pots = await Promise.all(path.map((u) => c.api.apis.CommunityTreasuryApi.pot(u.id)));
    return path.map((u, i) => ({ name: u.name, balance: pots[i]?.balance }));
  }, [unit]);
  if (!above || above.length === 0) return null;
  return (
    <Section id="above" title={t('money.above')}>
      <ul class="pots">
        {above.map((u) => <li key={u.name}>{u.name}: {u.balance !== undefined ? <Amount value={u.balance} /> : t('money.noPot')}</li>)}
      </ul>
    </Section>
  );
}

/** The pot's balance after each movement, oldest first, as a line (the table has the figures). */
function BalanceChart({ pot: p }: { pot: Pot }) {
  if (p.statement.length < 2) return null;
  let running = p.balance;
  // The statement is newest first; walk back from today's balance.
  const points = p.statement.map((l) => {
    const after = running;
    running = l.incoming ? running - l.amount : running + l.amount;
    return { block: l.block, after };
  }).reverse();
  const max = points.reduce((m, x) => (x.after > m ? x.after : m), 1n);
  const first = points[0].block;
  const span = Math.max(1, points[points.length - 1].block - first);
  const xy = points.map((x) => `${((x.block - first) / span) * 300},${100 - Number((x.after * 100n) / max)}`).join(' ');
  return (
    <figure class="chart">
      <figcaption>{t('money.overTime')}</figcaption>
      <svg viewBox="-5 -5 310 110" role="img" aria-label={t('money.overTimeLabel', { n: points.length })} class="line-chart">
        <polyline points={xy} fill="none" stroke="currentColor" stroke-width="2" />
      </svg>
    </figure>
  );
}
