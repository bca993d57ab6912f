import { hash as oneShotHash } from 'node:crypto';

export const idPattern = /^[a-z][a-z0-9-]{0,63}$/;

const prefixes = { step: 's', decision: 'd', jump: 'j', end: 'e', escalation: 'x', checkpoint: 'c', wait: 'w', option: 'o' } as const;

/**
 * An id derived from what a node says, not where it is: inserting a step does not change the id
 * of any other step, so diffs and saved runs stay stable. Rewording a step changes its id.
 */
export function contentId(kind: keyof typeof prefixes, text: string, used: Set<string>, scope: string): string {
  // one call instead of a Hash object and three updates: the same bytes, so the same digest (about
  // half the cost on a folder's ten thousand nodes)
  const hash = oneShotHash('sha1', `${kind}\0${normalised(text)}`).slice(0, 6);
  const base = `${scope}${prefixes[kind]}${hash}`;
  let id = base;
  if (used.has(id)) {
    // The next suffix is remembered per base: probing -2, -3, … from the start each time made
    // 8 000 identical checkpoints quadratic. The set only grows, so the first free suffix is
    // never below the one remembered: the ids are the same as probing from -2.
    let suffixes = nextSuffix.get(used);
    if (!suffixes) nextSuffix.set(used, (suffixes = new Map()));
    let n = suffixes.get(base) ?? 2;
    while (used.has(`${base}-${n}`)) n++;
    id = `${base}-${n}`;
    suffixes.set(base, n + 1);
  }
  used.add(id);
  return id;
}

/**
 * The text an id is made from: white space runs as one space, trimmed, lowercased. Most texts are
 * that already but for the case (single spaces between words): they are not rebuilt space by space.
 */
function normalised(text: string): string {
  return needsSpacing.test(text) ? text.replace(/\s+/g, ' ').trim().toLowerCase() : text.toLowerCase();
}

/** White space other than a single space between two other characters. */
const needsSpacing = /[^\S ]| {2}|^ | $/;

const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

export function sha256(bytes: Uint8Array | string): string {
  return oneShotHash('sha256', bytes);
}
