/** Types of what TypeScript code imports from generate.mjs. */
/** mulberry32: a small seeded PRNG, good enough for text. */
export function random(seed: number): () => number;
