import { useState } from 'preact/hooks';
import {
  actions, assemblyVotes, myEstates,
  type AssemblyMatterView, type AssemblyVoteView, type EstateView, type OwnersChoice, type OwnersCount,
} from '../chain';
import { Amount } from '../components/Amount';
import { Countdown } from '../components/Countdown';
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
  const estates = useLive((c, who) => (who ? myEstates(c, who) : Promise.resolve([])));
  if (!m) return <p class="hint">{t('home.chooseAccount')}</p>;
  if (estates && estates.length === 0) return <p class="hint" data-testid="no-estate">{t('owners.none')}</p>;
  return (
    <>
      {(estates ?? []).map(({ estate, mine }) => (
        <div key={estate.id}>
          <EstateFigures estate={estate} mine={mine} />
          <EstateVotes estate={estate.id} />
        </div>
      ))}
    </>
  );
}

const m2 = (area: number) => area.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

function EstateFigures({ estate: e, mine }: { estate: EstateView; mine: { units: number; area: number } }) {
  return (
    <Section id={`estate-${e.id}`} title={e.name}>
      <p data-testid="my-homes">{t('owners.mine', { units: mine.units, area: m2(mine.area) })}</p>
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
    </Section>
  );
}

function EstateVotes({ estate }: { estate: number }) {
  const votes = useLive((c, who) => assemblyVotes(c, estate, who), [estate]);
  return (
    <Section id={`estate-${estate}-votes`} title={t('owners.votes')}>
      {votes && votes.length === 0 && <p class="hint">{t('owners.noVotes')}</p>}
      {(votes ?? []).map((v) => <VoteCard key={v.id} vote={v} />)}
    </Section>
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

function VoteCard({ vote: v }: { vote: AssemblyVoteView }) {
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
        : <MyBallot vote={v} />}
    </article>
  );
}

/** The ballot form while voting is open; what I may do before and after. */
function MyBallot({ vote: v }: { vote: AssemblyVoteView }) {
  const [choices, setChoices] = useState<OwnersChoice[]>(() => v.matters.map(() => 'Abstain'));
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  if (!v.myHolding) return <p class="hint">{t('owners.notInElectorate')}</p>;
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
