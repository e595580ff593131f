import { useState } from 'preact/hooks';
import { ballotKeyOf, castAnonymously, counted, pollRingKeys, pollView, ProverError, CHOICES, type TopicView } from '../chain';
import { ballotSecret, keepAnonymous, keptAnonymous } from '../ballots';
import { useLive } from '../hooks';
import { t } from '../i18n';
import { chain, subject } from '../state';

/** What stands between a resident and an anonymous ballot in a topic's poll. */
type Standing = 'no-key' | 'not-here' | 'outside' | 'closed' | 'ready';

/**
 * Voting on an anonymous topic from this browser: the ballot is made here with the resident's
 * ballot key and sent with no account on it; the page then shows it counted. The options are the
 * topic's (for, against, abstain: the poll's options 0, 1, 2).
 */
export function AnonymousVote({ topic: x }: { topic: TopicView }) {
  const [working, setWorking] = useState<'proving' | 'sending' | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [proveMs, setProveMs] = useState<number | undefined>(undefined);
  const poll = x.poll;
  const state = useLive(async (c, who) => {
    if (poll === undefined || !who) return undefined;
    const [record, view] = await Promise.all([ballotKeyOf(c, who), pollView(c, poll)]);
    const secret = ballotSecret(who);
    const mine = keptAnonymous(poll, who);
    const ballot = mine ? await counted(c, poll, mine.alias) : undefined;
    let standing: Standing = 'ready';
    if (!view?.open) standing = 'closed';
    else if (!record) standing = 'no-key';
    else if (!secret) standing = 'not-here';
    else {
      const keys = await pollRingKeys(c, poll, record.ring);
      const key = record.key.toLowerCase();
      if (!keys?.some((k) => `0x${[...k].map((b) => b.toString(16).padStart(2, '0')).join('')}` === key)) standing = 'outside';
    }
    return { record, view, mine, ballot, standing };
  }, [poll]);
  const c = chain.value;
  const who = subject.value;
  if (poll === undefined || !c || !who || !state) return null;
  const { record, view, mine, ballot, standing } = state;
  const canChange = view?.changesAllowed ?? false;
  const cast = async (choice: number) => {
    const secret = ballotSecret(who);
    if (!secret || !record) return;
    setError(undefined);
    setWorking('proving');
    try {
      const sequence = mine ? (ballot ? ballot.sequence + 1 : mine.sequence) : 0;
      const done = await castAnonymously(c, secret, poll, record.ring, choice, sequence, (ms) => {
        setProveMs(ms);
        setWorking('sending');
      });
      keepAnonymous(poll, who, { alias: done.alias, sequence: done.sequence });
    } catch (e) {
      setError(e instanceof ProverError ? `errors.prover.${e.reason}` : 'errors.ballotRefused');
    } finally {
      setWorking(undefined);
    }
  };
  return (
    <div class="anonymous-vote" data-testid="anonymous-vote">
      <p class="hint">{t('topics.anonymousHint', { poll })}</p>
      {standing !== 'ready' && <p data-testid="anonymous-standing">{t(`anonymous.${standing}`)}</p>}
      {ballot && (
        <p class="mine" data-testid="anonymous-counted">
          {t('anonymous.counted', { choice: t(`choices.${CHOICES[ballot.choice]}`) })}
        </p>
      )}
      {standing === 'ready' && (!ballot || canChange) && (
        <div class="actions">
          {CHOICES.map((choice, n) => (
            <button key={choice} type="button" disabled={working !== undefined || ballot?.choice === n} onClick={() => cast(n)}>
              {t(`choices.${choice}`)}
            </button>
          ))}
        </div>
      )}
      {working && <p role="status">{t(`anonymous.${working}`)}</p>}
      {proveMs !== undefined && !working && <p class="muted" data-testid="prove-ms">{t('anonymous.provedIn', { s: (proveMs / 1000).toFixed(1) })}</p>}
      {error && <p role="alert" class="error">{t(error)}</p>}
    </div>
  );
}
