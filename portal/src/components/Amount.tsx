import { formatAmount } from '../chain';
import { chain } from '../state';

export function Amount({ value }: { value: bigint }) {
  const c = chain.value;
  if (!c) return null;
  return <span class="amount">{formatAmount(value, c.decimals)} {c.token}</span>;
}
