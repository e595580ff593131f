import { shortAddress } from '../chain';
import { accounts } from '../state';

/** An account's name as the portal knows it (its wallet's name), else a short address. */
export const nameOf = (address: string) =>
  accounts.value.find((a) => a.address === address)?.name ?? shortAddress(address);

/** An account as people know it, the full address on hover. */
export function Who({ address }: { address?: string }) {
  if (!address) return null;
  return <span class="who" title={address}>{nameOf(address)}</span>;
}

/** Several accounts, separated as the language separates a list. */
export function WhoList({ addresses }: { addresses: string[] }) {
  return <>{addresses.map((a, i) => <span key={a}>{i > 0 && '、'}<Who address={a} /></span>)}</>;
}
