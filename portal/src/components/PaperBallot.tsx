import { useState } from 'preact/hooks';
import { actions, CHOICES, type Choice } from '../chain';
import { useAction } from '../hooks';
import { t } from '../i18n';
import { chain } from '../state';
import { TxProgress } from './TxProgress';

/** A polling officer records a resident's paper or in-person ballot on an open topic. */
export function PaperBallot({ topic }: { topic: number }) {
  const [resident, setResident] = useState('');
  const [choice, setChoice] = useState<Choice>('Aye');
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  return (
    <form class="paper" onSubmit={async (e) => {
      e.preventDefault();
      const sent = await action.run(actions(c).recordPaperBallot(topic, resident.trim(), choice));
      if (sent?.ok) setResident('');
    }}>
      <h4>{t('topics.paperBallot')}</h4>
      <label for={`paper-${topic}`}>{t('topics.paperResident')}</label>
      <input id={`paper-${topic}`} value={resident} onInput={(e) => setResident((e.target as HTMLInputElement).value)} />
      <label for={`paper-choice-${topic}`}>{t('topics.paperChoice')}</label>
      <select id={`paper-choice-${topic}`} value={choice} onChange={(e) => setChoice((e.target as HTMLSelectElement).value as Choice)}>
        {CHOICES.map((k) => <option key={k} value={k}>{t(`choices.${k}`)}</option>)}
      </select>
      <button type="submit" disabled={action.busy || !resident.trim()}>{t('topics.recordPaper')}</button>
      <TxProgress stage={action.stage} />
    </form>
  );
}
