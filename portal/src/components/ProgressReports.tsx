import { useState } from 'preact/hooks';
import { actions, progressReports, type TopicView } from '../chain';
import { useAction, useLive } from '../hooks';
import { t } from '../i18n';
import { chain, me } from '../state';
import { TxProgress } from './TxProgress';
import { Who } from './Who';

/** How an approved topic is being carried out: the officers' reports, and a form for them. */
export function ProgressReports({ topic }: { topic: TopicView }) {
  const reports = useLive((c) => progressReports(c, topic.id, topic.reports), [topic.id, topic.reports]) ?? [];
  const isOfficer = me.value?.officerOf.includes(topic.unit) ?? false;
  return (
    <div class="reports" data-testid="reports">
      <h4>{t('topics.reports')}</h4>
      {reports.length === 0 ? <p class="hint">{t('topics.noReports')}</p> : (
        <ol>{reports.map((r, i) => <li key={i}>{r.text} <span class="muted">— <Who address={r.by} />, {t('time.atBlock', { n: r.at })}</span></li>)}</ol>
      )}
      {topic.completed && <p class="mine">{t('topics.completed')}</p>}
      {isOfficer && !topic.completed && <ReportForm topic={topic.id} />}
    </div>
  );
}

function ReportForm({ topic }: { topic: number }) {
  const [text, setText] = useState('');
  const [completed, setCompleted] = useState(false);
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  return (
    <form onSubmit={async (e) => {
      e.preventDefault();
      const sent = await action.run(actions(c).reportProgress(topic, text.trim(), completed));
      if (sent?.ok) setText('');
    }}>
      <label for={`report-${topic}`}>{t('topics.report')}</label>
      <input id={`report-${topic}`} maxLength={150} value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
      <label class="check"><input type="checkbox" checked={completed} onChange={(e) => setCompleted((e.target as HTMLInputElement).checked)} /> {t('topics.markCompleted')}</label>
      <button type="submit" disabled={action.busy || !text.trim()}>{t('topics.sendReport')}</button>
      <TxProgress stage={action.stage} />
    </form>
  );
}
