// The hashes the judge's features and language votes are built on; one copy, shared with the rest of the tree.
export { fnv1a, fnv1aRange } from '../util/index.js';
