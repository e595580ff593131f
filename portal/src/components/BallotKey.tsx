import { useState } from 'preact/hooks';
import { actions, ballotKey, ballotKeyOf, newBallotSecret } from '../chain';
import { ballotKeyBackup, heldBallotKey, keepBallotSecret, restoreBallotKey } from '../ballots';
import { useAction, useLive } from '../hooks';
import { t } from '../i18n';
import { chain, me, subject } from '../state';
import { Section } from './Section';
import { TxProgress } from './TxProgress';

/**
 * A resident's anonymous ballot key: made in this browser (its secret stays here), registered
 * once, and replaced when this browser does not hold the secret of the registered key.
 */
export function BallotKey() {
  const action = useAction();
  const [making, setMaking] = useState(false);
  const [failed, setFailed] = useState(false);
  const record = useLive((c, who) => (who ? ballotKeyOf(c, who) : Promise.resolve(undefined)));
  const c = chain.value;
  const who = subject.value;
  if (!c || !who || me.value?.community === undefined) return null;
  const registered = record !== undefined;
  const here = registered && heldBallotKey(who) === record.key.toLowerCase();
  const make = async () => {
    setMaking(true);
    setFailed(false);
    const before = ballotKeyBackup(who);
    try {
      const secret = newBallotSecret();
      const made = await ballotKey(secret, who);
      // Kept before it is sent, so a closed page never leaves a registered key without its secret.
      keepBallotSecret(who, secret, made.key);
      const a = actions(c);
      const sent = await action.run(registered ? a.replaceBallotKey(made) : a.registerBallotKey(made));
      if (!sent?.ok) restoreBallotKey(who, before);
    } catch {
      setFailed(true);
    } finally {
      setMaking(false);
    }
  };
  return (
    <Section id="ballot-key" title={t('ballotKey.title')}>
      <p data-testid="ballot-key-status">
        {!registered ? t('ballotKey.none') : here ? t('ballotKey.ready') : t('ballotKey.elsewhere')}
      </p>
      <p class="hint">{t('ballotKey.explain')}</p>
      {!here && (
        <button type="button" disabled={making || action.busy} onClick={make}>
          {registered ? t('ballotKey.replace') : t('ballotKey.register')}
        </button>
      )}
      {making && !action.stage && <p role="status">{t('ballotKey.making')}</p>}
      {failed && <p role="alert" class="error">{t('errors.prover.unavailable')}</p>}
      <TxProgress stage={action.stage} />
    </Section>
  );
}
