// The portal's one way to the chain: pages import from here, never from polkadot-api directly.
export * from './connection';
export * from './reads';
export * from './submit';
export * from './format';
export * from './actions';
export * from './anonymous';
export * from './prover';
