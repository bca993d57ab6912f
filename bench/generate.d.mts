/** Types of what TypeScript code imports from generate.mjs. */
/** mulberry32: a small seeded PRNG, good enough for text. */
export function random(seed: number): () => number;
/** Seeded, realistic instruction files: name and text of each. */
export function generateInstructions(options: { files: number; bytesPerFile: number; seed?: number; mutate?: number }): Array<{ name: string; text: string }>;
