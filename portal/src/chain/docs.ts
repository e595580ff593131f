// The runtime's own words for its errors (the doc comments in the metadata): what the portal shows
// for an error its locale files do not explain (a pallet added after this build of the portal).
import { decAnyMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings';
import type { Chain } from './connection';

const cache = new WeakMap<Chain, Promise<Map<string, string>>>();

async function load(chain: Chain): Promise<Map<string, string>> {
  const block = await chain.client.getFinalizedBlock();
  const metadata = unifyMetadata(decAnyMetadata(await chain.client.getMetadata(block.hash)));
  const docs = new Map<string, string>();
  for (const pallet of metadata.pallets) {
    if (!pallet.errors) continue;
    const def = metadata.lookup.find((entry) => entry.id === pallet.errors?.type)?.def;
    if (def?.tag !== 'variant') continue;
    for (const variant of def.value) docs.set(`${pallet.name}.${variant.name}`, variant.docs.join(' ').trim());
  }
  return docs;
}

/** The documentation of error `code` ("Pallet.Error"), if the runtime has any. */
export async function errorDocs(chain: Chain, code: string): Promise<string | undefined> {
  let docs = cache.get(chain);
  if (!docs) {
    docs = load(chain);
    cache.set(chain, docs);
  }
  return (await docs.catch(() => new Map<string, string>())).get(code) || undefined;
}
