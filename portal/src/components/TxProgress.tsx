import type { Stage } from '../chain';
import { has, t } from '../i18n';

/** "submitted → in block → final" for one action, announced to screen readers as it moves. */
export function TxProgress({ stage }: { stage?: Stage }) {
  if (!stage) return null;
  const steps = ['submitted', 'in-block', 'final'] as const;
  if (stage.stage === 'failed') {
    const { key, code } = stage.error;
    const message = has(key) ? t(key) : t('errors.fallback', { code });
    return (
      <p class="tx tx-failed" role="alert" data-testid="tx-failed" data-code={code}>
        {t('tx.failed')} {message} <span class="code">({code})</span>
      </p>
    );
  }
  const reached = stage.stage === 'signing' ? -1 : steps.indexOf(stage.stage);
  return (
    <p class="tx" role="status" aria-live="polite" data-testid="tx-progress" data-stage={stage.stage}>
      {stage.stage === 'signing' && <span>{t('tx.signing')}</span>}
      {steps.map((s, i) => (
        <span key={s} class={i <= reached ? 'step done' : 'step'}>
          {i > 0 && ' → '}
          {t(`tx.${s}`)}
          {i <= reached && 'block' in stage && s !== 'submitted' ? ` #${stage.block}` : ''}
        </span>
      ))}
    </p>
  );
}
