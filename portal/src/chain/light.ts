// The in-browser light client: smoldot in a Web Worker, given the chain spec the portal ships
// with. It follows the chain through the district's p2p WebSocket boot nodes and checks every
// block and GRANDPA finality itself, so a resident's reads and results do not rest on trusting
// the district's RPC server. Loaded only when chosen (its wasm is a separate download).
import { getSmProvider } from 'polkadot-api/sm-provider';
import { startFromWorker } from 'polkadot-api/smoldot/from-worker';
import SmoldotWorker from 'polkadot-api/smoldot/worker?worker';
import type { JsonRpcProvider } from 'polkadot-api';

let smoldot: ReturnType<typeof startFromWorker> | undefined;

/** A JSON-RPC provider served by a light client of the chain that `chainSpec` (JSON) describes. */
export function lightProvider(chainSpec: string): JsonRpcProvider {
  smoldot ??= startFromWorker(new SmoldotWorker(), { forbidWs: false, maxLogLevel: 2 });
  const client = smoldot;
  return getSmProvider(() => client.addChain({ chainSpec }));
}
