import { duration, t } from '../i18n';
import { chain, finalized } from '../state';

/** Time left until block `until`, in words, with the block number for the record. */
export function Countdown({ until }: { until: number }) {
  const c = chain.value;
  const left = Math.max(0, until - finalized.value);
  if (!c) return null;
  return (
    <span class="countdown" data-testid="countdown">
      {left === 0 ? t('time.now') : t('time.left', { time: duration(left * c.blockMs) })}
      <span class="muted"> ({t('time.atBlock', { n: until })})</span>
    </span>
  );
}
