// The development accounts (//Alice … //Ferdie and their //stash), derived in the browser from the
// public development phrase. Only ever offered on development chains; signs with the metadata
// hash, as the CheckMetadataHash extension of the runtime expects of a careful wallet.
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy, ss58Address } from '@polkadot-labs/hdkd-helpers';
import { getPolkadotSigner, withMetadataHash } from 'polkadot-api/signer';
import type { Account } from './accounts';

export const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

export function developmentAccounts(ss58: number, token: { decimals: number; symbol: string }): Account[] {
  const derive = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
  return DEV_NAMES.flatMap((name) => [`//${name}`, `//${name}//stash`]).map((path) => {
    const pair = derive(path);
    const signer = withMetadataHash(
      { decimals: token.decimals, tokenSymbol: token.symbol },
      getPolkadotSigner(pair.publicKey, 'Sr25519', pair.sign),
    );
    return { address: ss58Address(pair.publicKey, ss58), name: path.slice(2), source: 'dev', signer };
  });
}
