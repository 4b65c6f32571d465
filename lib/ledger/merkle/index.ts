export { buildPeriodTree, CHUNK_SIZE, type TPeriodTree } from './build-period-tree';
export { buildEpcTree, epcInclusion, type TEpcTree } from './epc-tree';
export { fastLeafHash, fastNodeHash } from './fast-hash';
export { eventLeafHash, hashLeaves } from './hash-leaves';
export { inclusionPathFromChunks, type TChunkedInclusionInput } from './inclusion-path-from-chunks';
export { MerkleLog } from './merkle-log';
export { merkletreejsRoot } from './merkletreejs-root';
export { HASH_SIZE, packHashes, unpackHashes } from './packed-hashes';
export { consistencyProof, inclusionProof, merkleRoot } from './proofs';
