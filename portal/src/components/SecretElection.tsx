import { useState } from 'preact/hooks';
import {
  actions, ballotKey, castAnonymously, counted, electionStanding, newBallotSecret, ProverError, type AssemblyVoteView,
} from '../chain';
import { ballotSecret, keepAnonymous, keepBallotSecret, keptAnonymous } from '../ballots';
import { useAction, useLive } from '../hooks';
import { t } from '../i18n';
import { chain, subject } from '../state';
import { TxProgress } from './TxProgress';
import { Who } from './Who';

/**
 * An owner's part in a committee election by secret ballot. During the notice: enrol to vote
 * online, with a ballot key made in this browser, in a ring of owners of the same area. Once
 * ballots open: mark up to the election's seats (or leave the ballot blank) with anonymous
 * ballots made here, one per mark. An owner who did not enrol, or whose area too few enrolled
 * owners share, is sent to the polling station.
 */
export function SecretElection({ vote: v }: { vote: AssemblyVoteView }) {
  const poll = v.secret?.poll;
  const action = useAction();
  const [chosen, setChosen] = useState<number[]>([]);
  const [working, setWorking] = useState<'proving' | 'sending' | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [marked, setMarked] = useState(0);
  const state = useLive(async (c, who) => {
    if (poll === undefined || !who) return undefined;
    const standing = await electionStanding(c, poll, who);
    const mine = keptAnonymous(poll, who);
    const last = mine ? await counted(c, poll, mine.alias) : undefined;
    return { standing, last };
  }, [poll, v.stage, marked]);
  const c = chain.value;
  const who = subject.value;
  const q = v.matters[0]?.question;
  if (poll === undefined || !c || !who || !state || q?.kind !== 'election') return null;
  if (!v.myHolding) return <p class="hint">{t('owners.notInElectorate')}</p>;
  const { standing, last } = state;
  const enrolled = standing.ring !== undefined;
  const tooSmall = enrolled && (standing.ringSize ?? 0) < standing.minRing;
  const station = v.secret?.station;
  if (station !== undefined) return <p data-testid="voted">{t('secret.onPaper', { station })}</p>;

  if (v.stage === 'notice') {
    const enrol = async () => {
      setError(undefined);
      try {
        // The owner's ballot secret in this browser (a resident's key serves too), or a new one.
        const secret = ballotSecret(who) ?? newBallotSecret();
        const made = await ballotKey(secret, who);
        if (!ballotSecret(who)) keepBallotSecret(who, secret, made.key);
        const sent = await action.run(actions(c).enrolInElection(poll, made));
        if (sent?.ok) setMarked((n) => n + 1);
      } catch {
        setError('errors.prover.unavailable');
      }
    };
    return (
      <div data-testid="secret-election">
        <p class="hint">{t('secret.explain', { area: v.myHolding.area.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) })}</p>
        {enrolled
          ? <p data-testid="secret-enrolled">{t('secret.enrolled', { n: standing.ringSize ?? 0 })}</p>
          : <button type="button" disabled={action.busy} onClick={enrol}>{t('secret.enrol')}</button>}
        {tooSmall && <p class="hint">{t('secret.fewSoFar', { min: standing.minRing })}</p>}
        {error && <p role="alert" class="error">{t(error)}</p>}
        <TxProgress stage={action.stage} />
      </div>
    );
  }
  if (!enrolled || tooSmall) {
    return <p data-testid="secret-paper">{t(enrolled ? 'secret.ringTooSmall' : 'secret.notEnrolled')}</p>;
  }
  if (last) return <p data-testid="secret-counted">{t('secret.counted', { n: last.sequence + 1 })}</p>;
  if (!standing.open) return <p role="status">{t('secret.building')}</p>;

  const candidates = v.matters[0].candidates;
  const blank = candidates.length;
  const cast = async (e: Event) => {
    e.preventDefault();
    const secret = ballotSecret(who);
    if (!secret || standing.ring === undefined) {
      setError('secret.keyElsewhere');
      return;
    }
    setError(undefined);
    const marks = chosen.length ? chosen : [blank];
    try {
      // One anonymous ballot per mark, numbered 0, 1, …; each waits for the one before it.
      for (const [sequence, choice] of marks.entries()) {
        setWorking('proving');
        const done = await castAnonymously(c, secret, poll, standing.ring, choice, sequence, () => setWorking('sending'));
        keepAnonymous(poll, who, { alias: done.alias, sequence: done.sequence });
      }
      setMarked((n) => n + 1);
    } catch (failure) {
      setError(failure instanceof ProverError ? `errors.prover.${failure.reason}` : 'errors.ballotRefused');
    } finally {
      setWorking(undefined);
    }
  };
  return (
    <form data-testid="secret-election" onSubmit={cast}>
      <fieldset>
        <legend>{v.matters[0].title}</legend>
        <p class="hint">{t('owners.seats', { seats: q.seats })}</p>
        {candidates.map((cand, k) => {
          const standingHere = cand.nominations >= q.nominators;
          const on = chosen.includes(k);
          return (
            <label class="check" key={cand.who}>
              <input type="checkbox" disabled={!standingHere || (!on && chosen.length >= q.seats)} checked={on}
                onChange={(ev) => setChosen((ev.target as HTMLInputElement).checked ? [...chosen, k] : chosen.filter((x) => x !== k))} />{' '}
              <Who address={cand.who} /> {!standingHere && <span class="muted">{t('owners.notStanding')}</span>}
            </label>
          );
        })}
      </fieldset>
      <p class="hint">{t(chosen.length ? 'secret.secretHint' : 'secret.blankHint')}</p>
      <button type="submit" disabled={working !== undefined}>{t('secret.cast')}</button>
      {working && <p role="status">{t(`anonymous.${working}`)}</p>}
      {error && <p role="alert" class="error">{t(error)}</p>}
    </form>
  );
}
