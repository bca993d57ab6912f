import { randomBytes } from 'node:crypto';
import { closeSync, constants, linkSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { readRegularFileSync } from '../fs/safe-open.js';

/** The file in the cache folder that holds this machine's secret (32 random bytes, hex). */
const secretFile = 'secret';

/**
 * The per-machine secret that entries of the cache are signed with, created on first use (mode
 * 0600, written whole to a temporary file and linked into place, so two processes starting at
 * once agree on one secret). Null when the folder cannot be written or the secret is not a
 * regular file of the expected shape: then nothing is read from or written to the cache.
 */
export function cacheSecret(dir: string): Buffer | null {
  const path = join(dir, secretFile);
  const existing = readSecret(path, dir);
  if (existing !== undefined) return existing;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temp = join(dir, `.${secretFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    try {
      writeSync(fd, `${randomBytes(32).toString('hex')}\n`);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temp, path); // fails when another process was first: its secret is then used
    } catch {
      // fall through to reading the one that won
    } finally {
      unlinkSync(temp);
    }
  } catch {
    return null;
  }
  return readSecret(path, dir) ?? null;
}

/** The secret; null for a file that is not one; undefined when there is none yet. */
function readSecret(path: string, dir: string): Buffer | null | undefined {
  let text: string;
  try {
    text = readRegularFileSync(path, 1024, { base: dir }).toString('utf8').trim();
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : null;
  }
  return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, 'hex') : null;
}
