import { createHash } from 'node:crypto';

export const idPattern = /^[a-z][a-z0-9-]{0,63}$/;

const prefixes = { step: 's', decision: 'd', jump: 'j', end: 'e', escalation: 'x', checkpoint: 'c', wait: 'w', option: 'o' } as const;

/**
 * An id derived from what a node says, not where it is: inserting a step does not change the id
 * of any other step, so diffs and saved runs stay stable. Rewording a step changes its id.
 */
export function contentId(kind: keyof typeof prefixes, text: string, used: Set<string>, scope: string): string {
  const hash = createHash('sha1').update(kind).update('\0').update(text.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex').slice(0, 6);
  const base = `${scope}${prefixes[kind]}${hash}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
