import type { Stage } from '../chain';
import { has, t } from '../i18n';
import { source } from '../state';

/**
 * "submitted → in block → final" for one action. Shown next to the button that sent it, and once
 * more in the page's status area (`id` set), which screen readers announce as it moves.
 */
export function TxProgress({ stage, id }: { stage?: Stage; id?: string }) {
  if (!stage) return null;
  const steps = ['submitted', 'in-block', 'final'] as const;
  if (stage.stage === 'failed') {
    const { key, code, docs } = stage.error;
    // The locale's plain words; else the runtime's own description; else the code to ask about.
    const message = has(key) ? t(key) : docs ? t('errors.fallbackDocs', { docs }) : t('errors.fallback', { code });
    return (
      <p id={id} class="tx tx-failed" role={id ? "alert" : undefined} data-testid="tx-failed" data-code={code}>
        {t('tx.failed')} {message} <span class="code">({code})</span>
      </p>
    );
  }
  const reached = stage.stage === 'signing' ? -1 : steps.indexOf(stage.stage);
  return (
    <p id={id} class="tx" data-testid="tx-progress" data-stage={stage.stage}>
      {stage.stage === 'signing' && <span>{t('tx.signing')}</span>}
      {steps.map((s, i) => (
        <span key={s} class={i <= reached ? 'step done' : 'step'}>
          {i > 0 && ' → '}
          {t(`tx.${s}`)}
          {i <= reached && 'block' in stage && s !== 'submitted' ? ` #${stage.block}` : ''}
        </span>
      ))}
      {'blockHash' in stage && source.value.kind === 'rpc' && (
        <> · <a href={`https://polkadot.js.org/apps/?rpc=${encodeURIComponent(source.value.endpoint)}#/explorer/query/${stage.blockHash}`}
          target="_blank" rel="noopener noreferrer">{t('tx.explorer')}</a></>
      )}
    </p>
  );
}
