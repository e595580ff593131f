import { useState } from 'preact/hooks';
import { actions, CHOICES, SECRECIES, TOPIC_CATEGORIES, topics, type Secrecy, type TopicView } from '../chain';
import { exportBallots, keep, kept, newSalt } from '../ballots';
import { AnonymousVote } from '../components/AnonymousVote';
import { BallotKey } from '../components/BallotKey';
import { Countdown } from '../components/Countdown';
import { PaperBallot } from '../components/PaperBallot';
import { ProgressReports } from '../components/ProgressReports';
import { Section } from '../components/Section';
import { TxProgress } from '../components/TxProgress';
import { Who } from '../components/Who';
import { useAction, useLive } from '../hooks';
import { t } from '../i18n';
import { chain, me, subject } from '../state';

const PHASES = ['voting', 'revealing', 'deliberating', 'gathering', 'qualified', 'decided', 'ended'] as const;

/** My community's topics by phase; raising, supporting, opinions, votes (secret ones too). */
export function Topics() {
  // A resident's community; for an officer who lives elsewhere, the first unit they serve.
  const community = me.value?.community ?? me.value?.officerOf[0];
  const list = useLive((c, who) => (community !== undefined ? topics(c, community, who) : Promise.resolve([])), [community]);
  if (community === undefined) return <p class="hint">{t('home.notResident')}</p>;
  return (
    <>
      <RaiseTopic unit={community} />
      <BallotKey />
      {PHASES.map((phase) => {
        const inPhase = (list ?? []).filter((x) => x.phase === phase);
        return inPhase.length === 0 ? null : (
          <Section key={phase} id={`phase-${phase}`} title={t(`topics.phase.${phase}`)}>
            {inPhase.map((x) => <TopicCard key={x.id} topic={x} />)}
          </Section>
        );
      })}
      {list && list.length === 0 && <p class="hint">{t('topics.none')}</p>}
      <p><button type="button" class="link" onClick={exportBallots}>{t('topics.exportBallots')}</button></p>
    </>
  );
}

function RaiseTopic({ unit }: { unit: number }) {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [category, setCategory] = useState<string>('PublicAffairs');
  const [secrecy, setSecrecy] = useState<Secrecy>('Open');
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  const submit = async (e: Event) => {
    e.preventDefault();
    const sent = await action.run(actions(c).raiseTopic(unit, title.trim(), body.trim(), category, secrecy));
    if (sent?.ok) { setTitle(''); setBody(''); }
  };
  return (
    <Section id="raise" title={t('topics.raise')}>
      <form onSubmit={submit}>
        <label for="topic-title">{t('topics.title')}</label>
        <input id="topic-title" required maxLength={40} value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        <label for="topic-body">{t('topics.body')}</label>
        <textarea id="topic-body" rows={3} maxLength={300} value={body} onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)} />
        <label for="topic-category">{t('topics.category')}</label>
        <select id="topic-category" value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value)}>
          {TOPIC_CATEGORIES.map((k) => <option key={k} value={k}>{t(`categories.${k}`)}</option>)}
        </select>
        <fieldset>
          <legend>{t('topics.secrecyLabel')}</legend>
          {SECRECIES.map((s) => (
            <label key={s} class="check"><input type="radio" name="secrecy" value={s} checked={secrecy === s} onChange={() => setSecrecy(s)} /> {t(`topics.secrecy.${s}`)}</label>
          ))}
        </fieldset>
        <p class="hint">{t('topics.publicWarning')}</p>
        <button type="submit" disabled={action.busy || !title.trim()}>{t('topics.raiseButton')}</button>
      </form>
      <TxProgress stage={action.stage} />
    </Section>
  );
}

function TopicCard({ topic: x }: { topic: TopicView }) {
  const action = useAction();
  const [opinion, setOpinion] = useState('');
  const c = chain.value;
  const who = subject.value;
  if (!c || !who) return null;
  const a = actions(c);
  const turnout = x.electorate ? Math.round(((x.ayes + x.nays + x.abstentions) / x.electorate) * 100) : 0;
  const sealed = kept(x.id, who);
  const vote = (choice: (typeof CHOICES)[number]) => {
    if (x.secrecy === 'Open') return action.run(a.vote(x.id, choice));
    const salt = newSalt();
    keep(x.id, who, choice, salt);
    return action.run(a.commitVote(x.id, who, choice, salt));
  };
  return (
    <article class="topic" data-testid={`topic-${x.id}`} aria-labelledby={`topic-${x.id}-title`}>
      <h3 id={`topic-${x.id}-title`}>{x.title || <em class="muted">{t('affairs.takenDown')}</em>}</h3>
      <p class="muted">
        {t(`categories.${x.category}`)} · {x.author ? <>{t('topics.by')} <Who address={x.author} /></> : t('topics.byChain')}
        {x.secrecy !== 'Open' && <> · {t(`topics.secrecyTag.${x.secrecy}`)}</>}
      </p>
      {x.body && <p>{x.body}</p>}
      {x.phase === 'gathering' && (
        <>
          <p data-testid="supports">{t('topics.supports', { n: x.supports, of: x.threshold })}</p>
          <progress max={x.threshold} value={x.supports} aria-label={t('topics.supportProgress')} />
        </>
      )}
      {x.until !== undefined && <p><Countdown until={x.until} /></p>}
      {x.phase === 'decided' && (
        <p data-testid="result" class={`result result-${x.outcome}`}>
          {t(`topics.outcome.${x.outcome}`)} · {t('topics.tally', { ayes: x.ayes, nays: x.nays, abstentions: x.abstentions })}
          {' · '}{t('topics.turnout', { pct: turnout, electorate: x.electorate })}
        </p>
      )}
      {x.myBallot && <p class="mine" data-testid="my-ballot">{x.myBallot.sealed ? t('topics.sealedBallot') : t('topics.myVote', { choice: t(`choices.${x.myBallot.choice}`) })}</p>}
      <div class="actions">
        {x.phase === 'gathering' && !x.supportedByMe && (
          <button type="button" disabled={action.busy} onClick={() => action.run(a.support(x.id))}>{t('topics.support')}</button>
        )}
        {x.phase === 'gathering' && x.supportedByMe && <span class="mine">{t('topics.supported')}</span>}
        {/* A ballot may be changed until the vote closes. */}
        {x.phase === 'voting' && x.secrecy !== 'Anonymous' && CHOICES.filter((choice) => choice !== x.myBallot?.choice).map((choice) => (
          <button key={choice} type="button" disabled={action.busy} onClick={() => vote(choice)}>{t(`choices.${choice}`)}</button>
        ))}
        {x.phase === 'revealing' && x.myBallot?.sealed && sealed && (
          <button type="button" disabled={action.busy} onClick={() => action.run(a.revealVote(x.id, sealed.choice, sealed.salt))}>
            {t('topics.reveal', { choice: t(`choices.${sealed.choice}`) })}
          </button>
        )}
      </div>
      {x.phase === 'deliberating' && (
        <form class="inline" onSubmit={(e) => { e.preventDefault(); void action.run(a.giveOpinion(x.id, opinion.trim())); setOpinion(''); }}>
          <label for={`opinion-${x.id}`}>{t('topics.opinion')}</label>
          <input id={`opinion-${x.id}`} maxLength={150} value={opinion} onInput={(e) => setOpinion((e.target as HTMLInputElement).value)} />
          <button type="submit" disabled={action.busy || !opinion.trim()}>{t('topics.send')}</button>
        </form>
      )}
      {x.phase === 'decided' && x.outcome === 'Approved' && <ProgressReports topic={x} />}
      {(x.phase === 'decided' || x.phase === 'ended') && <OfficialAnswer topic={x} />}
      {x.phase === 'voting' && x.secrecy === 'Anonymous' && (x.poll === undefined
        ? <p class="hint" data-testid="anonymous-waiting">{t('topics.anonymousWaiting')}</p>
        : <AnonymousVote topic={x} />)}
      {x.phase === 'voting' && x.secrecy === 'Open' && me.value?.roles.some((r) => r.role === 'PollingOfficer' && r.unit === x.unit) && <PaperBallot topic={x.id} />}
      <TxProgress stage={action.stage} />
    </article>
  );
}

/** The officers' official answer to an ended topic; an officer gives it once. */
function OfficialAnswer({ topic: x }: { topic: TopicView }) {
  const [text, setText] = useState('');
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  if (x.answer) {
    return (
      <blockquote data-testid="official-answer">
        <strong>{t('topics.officialAnswer')}</strong> {x.answer.text || <em class="muted">{t('affairs.takenDown')}</em>}
        <footer class="muted"><Who address={x.answer.by} /></footer>
      </blockquote>
    );
  }
  if ((me.value?.officerOf.length ?? 0) === 0) return <p class="hint">{t('topics.awaitingAnswer')}</p>;
  return (
    <form onSubmit={async (e) => { e.preventDefault(); const sent = await action.run(actions(c).answerTopic(x.id, text.trim())); if (sent?.ok) setText(''); }}>
      <label for={`answer-topic-${x.id}`}>{t('topics.giveAnswer')}</label>
      <textarea id={`answer-topic-${x.id}`} rows={2} required maxLength={150} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <button type="submit" disabled={action.busy}>{t('topics.sendAnswer')}</button>
      <TxProgress stage={action.stage} />
    </form>
  );
}
