import { useState } from 'preact/hooks';
import {
  actions, assemblyVotes, ASSEMBLY_MOTION_CATEGORIES, estate as readEstate, myEstates, myHomes, parseAmount, pendingPaperBallots,
  type AssemblyMatterView, type AssemblyVoteView, type Choice, type EstateView, type OwnersChoice, type OwnersCount,
} from '../chain';
import { Amount } from '../components/Amount';
import { Countdown } from '../components/Countdown';
import { SecretElection } from '../components/SecretElection';
import { Section } from '../components/Section';
import { TxProgress } from '../components/TxProgress';
import { Who, WhoList } from '../components/Who';
import { useAction, useLive } from '../hooks';
import { t } from '../i18n';
import { chain, me } from '../state';

/**
 * The owners' assembly (业主大会) of the estates where I own a home: the estate's figures and
 * pot, its votes with their participation as it grows, my ballot, and the counts once closed.
 */
export function Owners() {
  const m = me.value;
  const others = (m?.estatesOfMyUnits ?? []).join();
  const estates = useLive(async (c, who) => {
    const mine = who ? await myEstates(c, who) : [];
    const theirs = await Promise.all((m?.estatesOfMyUnits ?? [])
      .filter((id) => !mine.some((x) => x.estate.id === id))
      .map((id) => readEstate(c, id)));
    return [...mine, ...theirs.flatMap((e) => (e ? [{ estate: e, mine: undefined }] : []))];
  }, [others]);
  if (!m) return <p class="hint">{t('home.chooseAccount')}</p>;
  if (estates && estates.length === 0) return <p class="hint" data-testid="no-estate">{t('owners.none')}</p>;
  return (
    <>
      {(estates ?? []).map(({ estate, mine }) => {
        // Who convenes: the committee in office, or while there is none the community's officers.
        const steward = estate.committee.length > 0
          ? estate.committee.includes(m.address)
          : m.estatesOfMyUnits.includes(estate.id);
        return (
          <div key={estate.id}>
            <EstateFigures estate={estate} mine={mine} />
            {steward && <CallVote estate={estate.id} />}
            <EstateVotes estate={estate.id} steward={steward} />
          </div>
        );
      })}
    </>
  );
}

const m2 = (area: number) => area.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

function EstateFigures({ estate: e, mine }: { estate: EstateView; mine?: { units: number; area: number } }) {
  return (
    <Section id={`estate-${e.id}`} title={e.name}>
      {mine && <p data-testid="my-homes">{t('owners.mine', { units: mine.units, area: m2(mine.area) })}</p>}
      <dl class="figures">
        <dt>{t('owners.register')}</dt>
        <dd data-testid="estate-register">{t('owners.registerFigures', { units: e.units, owners: e.owners, area: m2(e.area) })}</dd>
        <dt>{t('owners.fund')}</dt>
        <dd data-testid="estate-fund"><Amount value={e.fund} /></dd>
        <dt>{t('owners.revenue')}</dt>
        <dd><Amount value={e.revenue} /></dd>
        <dt>{t('owners.committee')}</dt>
        <dd data-testid="estate-committee">{e.committee.length ? <WhoList addresses={e.committee} /> : t('owners.noCommittee')}</dd>
        <dt>{t('owners.company')}</dt>
        <dd>{e.company ? <Who address={e.company} /> : t('owners.noCompany')}</dd>
      </dl>
      {mine && <MyHomes estate={e.id} />}
    </Section>
  );
}

/** My homes in the estate and their maintenance-fund deposits, with a payment form. */
function MyHomes({ estate }: { estate: number }) {
  const homes = useLive((c, who) => (who ? myHomes(c, estate, who) : Promise.resolve([])), [estate]);
  const [home, setHome] = useState<number | undefined>(undefined);
  const [amount, setAmount] = useState('');
  const action = useAction();
  const c = chain.value;
  if (!c || !homes?.length) return null;
  const chosen = home ?? homes[0].id;
  const value = parseAmount(amount, c.decimals);
  return (
    <>
      <table data-testid="my-deposits">
        <caption>{t('owners.deposits')}</caption>
        <thead><tr><th scope="col">{t('owners.home')}</th><th scope="col">{t('owners.area')}</th><th scope="col">{t('owners.due')}</th><th scope="col">{t('owners.paid')}</th></tr></thead>
        <tbody>
          {homes.map((h) => (
            <tr key={h.id}>
              <td>{t('owners.homeName', { building: h.building, id: h.id })}</td>
              <td>{m2(h.area)}</td>
              <td><Amount value={h.due} /></td>
              <td><Amount value={h.paid} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="inline" onSubmit={async (e) => { e.preventDefault(); if (value === undefined) return; const sent = await action.run(actions(c).depositFund(estate, chosen, value)); if (sent?.ok) setAmount(''); }}>
        <label for={`deposit-${estate}-home`}>{t('owners.home')}</label>
        <select id={`deposit-${estate}-home`} value={chosen} onChange={(e) => setHome(Number((e.target as HTMLSelectElement).value))}>
          {homes.map((h) => <option key={h.id} value={h.id}>{t('owners.homeName', { building: h.building, id: h.id })}</option>)}
        </select>
        <label for={`deposit-${estate}-amount`}>{t('owners.amount')}</label>
        <input id={`deposit-${estate}-amount`} required inputMode="decimal" value={amount} onInput={(e) => setAmount((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={action.busy || value === undefined}>{t('owners.pay')}</button>
      </form>
      <p class="hint">{t('owners.payHint')}</p>
      <TxProgress stage={action.stage} />
    </>
  );
}

function EstateVotes({ estate, steward }: { estate: number; steward: boolean }) {
  const votes = useLive((c, who) => assemblyVotes(c, estate, who), [estate]);
  return (
    <Section id={`estate-${estate}-votes`} title={t('owners.votes')}>
      {votes && votes.length === 0 && <p class="hint">{t('owners.noVotes')}</p>}
      {(votes ?? []).map((v) => <VoteCard key={v.id} vote={v} steward={steward} />)}
    </Section>
  );
}

/** For the committee (or, before one, the community's officers): call a vote of one matter. */
function CallVote({ estate }: { estate: number }) {
  const [kind, setKind] = useState<'motion' | 'pay' | 'election'>('motion');
  const [category, setCategory] = useState<string>('OtherMajor');
  const [title, setTitle] = useState('');
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const [seats, setSeats] = useState('5');
  // Committee elections are by secret ballot unless the caller says otherwise.
  const [secret, setSecret] = useState(true);
  const [days, setDays] = useState('7');
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  const blocks = (d: number) => Math.max(1, Math.round((d * 86_400_000) / c.blockMs));
  const submit = async (e: Event) => {
    e.preventDefault();
    const value = parseAmount(amount, c.decimals);
    const matter = kind === 'pay' ? { kind, to: to.trim(), amount: value ?? 0n }
      : kind === 'election' ? { kind, seats: Number(seats), termBlocks: blocks(5 * 365) }
        : { kind, category };
    const a = actions(c);
    const sent = await action.run(kind === 'election' && secret
      ? a.callSecretElection(estate, title.trim(), Number(seats), blocks(5 * 365), blocks(Number(days)))
      : a.callAssemblyVote(estate, title.trim(), matter, blocks(Number(days))));
    if (sent?.ok) setTitle('');
  };
  const id = (name: string) => `call-${estate}-${name}`;
  return (
    <Section id={`call-vote-${estate}`} title={t('owners.callVote')}>
      <form onSubmit={submit}>
        <label for={id('kind')}>{t('owners.kind')}</label>
        <select id={id('kind')} value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as typeof kind)}>
          {(['motion', 'pay', 'election'] as const).map((k) => <option key={k} value={k}>{t(`owners.kinds.${k}`)}</option>)}
        </select>
        <label for={id('title')}>{t('owners.matterTitle')}</label>
        <input id={id('title')} required maxLength={80} value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        {kind === 'motion' && (
          <>
            <label for={id('category')}>{t('owners.categoryLabel')}</label>
            <select id={id('category')} value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value)}>
              {ASSEMBLY_MOTION_CATEGORIES.map((k) => <option key={k} value={k}>{t(`owners.category.${k}`)}</option>)}
            </select>
          </>
        )}
        {kind === 'pay' && (
          <>
            <label for={id('to')}>{t('owners.payTo')}</label>
            <input id={id('to')} required value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} />
            <label for={id('amount')}>{t('owners.amount')}</label>
            <input id={id('amount')} required inputMode="decimal" value={amount} onInput={(e) => setAmount((e.target as HTMLInputElement).value)} />
          </>
        )}
        {kind === 'election' && (
          <>
            <label for={id('seats')}>{t('owners.seatsLabel')}</label>
            <input id={id('seats')} type="number" min={1} max={11} value={seats} onInput={(e) => setSeats((e.target as HTMLInputElement).value)} />
            <label class="check"><input type="checkbox" checked={secret} onChange={(e) => setSecret((e.target as HTMLInputElement).checked)} /> {t('owners.secretElection')}</label>
            <p class="hint">{t('owners.secretElectionHint')}</p>
          </>
        )}
        <label for={id('days')}>{t('owners.votingDays')}</label>
        <input id={id('days')} type="number" min={1} max={60} value={days} onInput={(e) => setDays((e.target as HTMLInputElement).value)} />
        <p class="hint">{t('owners.noticeHint')}</p>
        <button type="submit" disabled={action.busy}>{t('owners.callButton')}</button>
      </form>
      <TxProgress stage={action.stage} />
    </Section>
  );
}

/** For stewards, while a vote of one motion is open: record an owner's paper ballot, and
 * countersign those another steward recorded. */
function PaperBallots({ vote: v }: { vote: AssemblyVoteView }) {
  const [owner, setOwner] = useState('');
  const [choice, setChoice] = useState<Choice>('Aye');
  const pending = useLive((c) => pendingPaperBallots(c, v.id), [v.id, v.turnout.owners]);
  const action = useAction();
  const c = chain.value;
  const m = me.value;
  if (!c || !m) return null;
  const id = (name: string) => `paper-${v.id}-${name}`;
  return (
    <details>
      <summary>{t('owners.paper')}</summary>
      <form onSubmit={async (e) => { e.preventDefault(); const sent = await action.run(actions(c).recordOwnersPaperBallot(v.id, owner.trim(), choice)); if (sent?.ok) setOwner(''); }}>
        <label for={id('owner')}>{t('owners.paperOwner')}</label>
        <input id={id('owner')} required value={owner} onInput={(e) => setOwner((e.target as HTMLInputElement).value)} />
        <label for={id('choice')}>{t('owners.paperChoice')}</label>
        <select id={id('choice')} value={choice} onChange={(e) => setChoice((e.target as HTMLSelectElement).value as Choice)}>
          {(['Aye', 'Nay', 'Abstain'] as const).map((x) => <option key={x} value={x}>{t(`choices.${x}`)}</option>)}
        </select>
        <button type="submit" disabled={action.busy}>{t('owners.paperRecord')}</button>
      </form>
      <ul data-testid="paper-pending">
        {(pending ?? []).map((p) => (
          <li key={p.owner}>
            <Who address={p.owner} /> · {t('owners.recordedBy')} <Who address={p.recordedBy} />{' '}
            {p.recordedBy !== m.address && (
              <button type="button" disabled={action.busy} onClick={() => void action.run(actions(c).countersignOwnersPaperBallot(v.id, p.owner))}>
                {t('owners.countersign')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <TxProgress stage={action.stage} />
    </details>
  );
}

/** Two thirds of the owners and of the area must take part: shown as a share of each. */
function Participation({ turnout, electorate }: { turnout: OwnersCount; electorate: OwnersCount }) {
  const pct = (a: number, b: number) => (b ? Math.floor((a / b) * 100) : 0);
  return (
    <p data-testid="participation">
      {t('owners.participation', {
        owners: turnout.owners, allOwners: electorate.owners, ownersPct: pct(turnout.owners, electorate.owners),
        area: m2(turnout.area), allArea: m2(electorate.area), areaPct: pct(turnout.area, electorate.area),
      })}
    </p>
  );
}

function VoteCard({ vote: v, steward }: { vote: AssemblyVoteView; steward: boolean }) {
  return (
    <article data-testid={`assembly-vote-${v.id}`} aria-labelledby={`assembly-vote-${v.id}-title`} class="topic">
      <h3 id={`assembly-vote-${v.id}-title`}>
        <span class="badge">{t(`owners.stage.${v.stage}`)}</span> {v.matters.map((m) => m.title).join('；')}
      </h3>
      <p class="muted">{t('owners.calledBy')} <Who address={v.calledBy} /></p>
      {v.stage === 'notice' && <p>{t('owners.opensIn')}: <Countdown until={v.opens} /></p>}
      {v.stage === 'open' && <p>{t('owners.closesIn')}: <Countdown until={v.closes} /></p>}
      <Participation turnout={v.turnout} electorate={v.electorate} />
      {v.stage === 'closed'
        ? <Results vote={v} />
        : v.secret ? <SecretElection vote={v} /> : <MyBallot vote={v} />}
      {v.secret && <p class="muted" data-testid="secret-badge">{t('owners.secretBadge')}</p>}
      {steward && v.stage === 'open' && v.matters.length === 1 && v.matters[0].question.kind === 'motion' && <PaperBallots vote={v} />}
    </article>
  );
}

/** The ballot form while voting is open; what I may do before and after. */
function MyBallot({ vote: v }: { vote: AssemblyVoteView }) {
  const [choices, setChoices] = useState<OwnersChoice[]>(() => v.matters.map(() => 'Abstain'));
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  if (!v.myHolding) return v.stage === 'closed' ? null : <p class="hint">{t('owners.notInElectorate')}</p>;
  if (v.voted) return <><p data-testid="voted">{t('owners.voted')}</p><TxProgress stage={action.stage} /></>;
  if (v.stage === 'notice') return <p class="hint">{t('owners.notOpenYet', { area: m2(v.myHolding.area) })}</p>;
  const set = (i: number, choice: OwnersChoice) => setChoices(choices.map((x, j) => (j === i ? choice : x)));
  return (
    <form onSubmit={(e) => { e.preventDefault(); void action.run(actions(c).castOwnersBallot(v.id, choices)); }}>
      <p class="hint">{t('owners.ballotWeight', { area: m2(v.myHolding.area) })}</p>
      {v.matters.map((m, i) => <MatterChoice key={i} vote={v.id} index={i} matter={m} choice={choices[i]} onChoose={(x) => set(i, x)} />)}
      <p class="hint">{t('owners.public')}</p>
      <button type="submit" disabled={action.busy}>{t('owners.cast')}</button>
      <TxProgress stage={action.stage} />
    </form>
  );
}

function MatterChoice({ vote, index, matter: m, choice, onChoose }: {
  vote: number; index: number; matter: AssemblyMatterView; choice: OwnersChoice; onChoose: (c: OwnersChoice) => void;
}) {
  const name = `ballot-${vote}-${index}`;
  const radio = (value: string, label: string, checked: boolean, pick: () => void) => (
    <label class="check" key={value}><input type="radio" name={name} value={value} checked={checked} onChange={pick} /> {label}</label>
  );
  const q = m.question;
  return (
    <fieldset>
      <legend>{m.title} <span class="muted">（{t(`owners.category.${m.category}`)} · {t(m.special ? 'owners.special' : 'owners.ordinary')}）</span></legend>
      {q.kind === 'motion' && (['Aye', 'Nay', 'Abstain'] as const).map((x) => radio(x, t(`choices.${x}`), choice === x, () => onChoose(x)))}
      {q.kind === 'choose' && (
        <>
          {q.alternatives.map((label, a) => radio(`${a}`, label, typeof choice === 'object' && 'alternative' in choice && choice.alternative === a, () => onChoose({ alternative: a })))}
          {radio('abstain', t("choices.Abstain"), choice === 'Abstain', () => onChoose('Abstain'))}
        </>
      )}
      {q.kind === 'election' && (
        <>
          <p class="hint">{t('owners.seats', { seats: q.seats })}</p>
          {m.candidates.map((cand, k) => {
            const chosen = typeof choice === 'object' && 'candidates' in choice ? choice.candidates : [];
            const standing = cand.nominations >= q.nominators;
            return (
              <label class="check" key={cand.who}>
                <input type="checkbox" disabled={!standing} checked={chosen.includes(k)}
                  onChange={(e) => {
                    const on = (e.target as HTMLInputElement).checked;
                    onChoose({ candidates: on ? [...chosen, k] : chosen.filter((x) => x !== k) });
                  }} />{' '}
                <Who address={cand.who} /> {!standing && <span class="muted">{t('owners.notStanding')}</span>}
              </label>
            );
          })}
        </>
      )}
    </fieldset>
  );
}

/** The count of a closed vote: every matter's outcome with its numbers. */
function Results({ vote: v }: { vote: AssemblyVoteView }) {
  return (
    <ul class="results" data-testid="assembly-results">
      {v.matters.map((m, i) => (
        <li key={i}>
          <strong>{m.title}</strong>：<span data-testid="outcome">{outcomeText(m)}</span>
          {m.tally && m.question.kind === 'motion' && (
            <span class="muted"> {t('owners.motionCount', {
              ayes: m.tally[0]?.owners ?? 0, ayeArea: m2(m.tally[0]?.area ?? 0),
              nays: m.tally[1]?.owners ?? 0, nayArea: m2(m.tally[1]?.area ?? 0),
              abstain: m.tally[2]?.owners ?? 0,
            })}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

function outcomeText(m: AssemblyMatterView) {
  const o = m.outcome;
  if (!o) return '';
  switch (o.kind) {
    case 'Chosen': return t('owners.outcome.Chosen', { label: m.question.kind === 'choose' ? m.question.alternatives[o.alternative] : `#${o.alternative}` });
    case 'Elected': return <>{t('owners.outcome.Elected')} {o.elected.length ? <WhoList addresses={o.elected} /> : '—'}{o.vacant > 0 && `（${t('owners.vacant', { n: o.vacant })}）`}</>;
    default: return t(`owners.outcome.${o.kind}`);
  }
}
