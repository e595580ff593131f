// Who signs: accounts from any wallet extension that follows the Polkadot.js extension interface
// (Polkadot.js extension, Talisman, SubWallet), and on development chains only the well-known
// development accounts, whose keys are public (they are loaded on demand, never in a district's
// production bundle path).
import { connectInjectedExtension, getInjectedExtensions } from 'polkadot-api/pjs-signer';
import type { PolkadotSigner } from 'polkadot-api';

export interface Account {
  address: string;
  name: string;
  /** The extension's name, or "dev" for a development account. */
  source: string;
  signer: PolkadotSigner;
}

/** Names of the wallet extensions the browser has (empty when none is installed). */
export const walletExtensions = (): string[] => getInjectedExtensions();

/** The accounts every installed extension shares with the portal (each asks the user once). */
export async function extensionAccounts(): Promise<Account[]> {
  const all: Account[] = [];
  for (const name of getInjectedExtensions()) {
    try {
      const extension = await connectInjectedExtension(name, '共治 Gongzhi');
      for (const a of extension.getAccounts()) {
        all.push({ address: a.address, name: a.name ?? a.address, source: name, signer: a.polkadotSigner });
      }
    } catch {
      // The user declined this extension: its accounts are simply not offered.
    }
  }
  return all;
}

/** The development accounts of node/src/chain_spec.rs's dev and local chains. */
export async function devAccounts(ss58: number, token: { decimals: number; symbol: string }): Promise<Account[]> {
  const { developmentAccounts } = await import('./dev-accounts');
  return developmentAccounts(ss58, token);
}
