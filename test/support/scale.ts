/**
 * The default suite and `npm run test:slow` (which CI runs too) check the same things; the slow
 * one at full size. A shape or a property is checked by both, a superlinear regression or a rare
 * counterexample is caught by the slow one.
 */
export const slow = process.env['INSTR_SLOW'] === '1';

/** The size of an input whose point is scale: `big` under test:slow, `small` by default. */
export const scale = (small: number, big: number): number => (slow ? big : small);

/** A property's number of runs: `full` under test:slow, a quarter (at least 10) by default. */
export const propertyRuns = (full: number): number => (slow ? full : Math.max(10, Math.round(full / 4)));
