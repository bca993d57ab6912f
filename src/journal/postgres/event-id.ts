import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** instr's namespace for name-based UUIDs (RFC 4122 version 5). */
const NAMESPACE = Buffer.from('6f1c2b7e9a3d4c5e8f10a2b3c4d5e6f7', 'hex');

/**
 * An event's id, made on the client: the record's own `id` when it has one, else the version 5
 * UUID of its run and seq. The same record always gets the same id, so uploading it twice (a
 * retry, a second `push`, two machines pushing the same file) stores it once.
 */
export function eventId(event: { run: string; seq: number; id?: unknown }): string {
  if (typeof event.id === 'string' && UUID.test(event.id)) return event.id.toLowerCase();
  const h = createHash('sha1').update(NAMESPACE).update(`${event.run}\u0000${event.seq}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
