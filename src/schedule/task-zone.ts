import type { Document } from '../graph/types.js';
import { isValidTimeZone, systemTimeZone } from './zone.js';

/** The zone a document's schedules are in: its front matter `timezone`, else the system's. */
export function documentZone(doc: Pick<Document, 'timezone'> | undefined): string {
  const zone = doc?.timezone;
  if (!zone) return systemTimeZone();
  let valid = checked.get(zone);
  if (valid === undefined) checked.set(zone, (valid = isValidTimeZone(zone)));
  return valid ? zone : systemTimeZone();
}

const checked = new Map<string, boolean>();
