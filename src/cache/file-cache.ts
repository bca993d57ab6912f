import { createHash, createHmac } from 'node:crypto';
import { closeSync, readSync } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { FileResult } from '../compile/compile-file.js';
import { openRegularSync, readRegularFile } from '../fs/safe-open.js';
import type { GuardLimits } from '../parse/guard.js';
import { toolFingerprint } from './fingerprint.js';
import { cacheSecret } from './secret.js';

/**
 * A content-addressed cache of compiled files: key = sha256(path + file bytes + tool fingerprint
 * + guard limits), value = the file's FileResult without its display path. Entries are written
 * to a temporary file and renamed, so concurrent runs never see half an entry.
 *
 * Anyone can compute a key from a file's bytes, so an entry must not be forgeable: the cache
 * lives in the user's cache folder, not in the working tree, and every entry (and every mark)
 * carries an HMAC of its key and body under a per-machine secret kept in that folder
 * (src/cache/secret.ts). An entry without a valid HMAC, of the wrong shape, larger than
 * maxEntryBytes, or not a regular file (a FIFO, a symlink) is ignored and rebuilt.
 */
export interface FileCache {
  key(path: string, bytes: Uint8Array, guard: GuardLimits): string;
  get(key: string, display: string): Promise<FileResult | null>;
  set(key: string, result: FileResult): Promise<void>;
  /** One key for a set of entries (order does not matter). */
  combinedKey(keys: string[]): string;
  /** Whether a mark (e.g. "the graph linked from these entries passed the schema") was left. */
  hasMark(key: string): Promise<boolean>;
  mark(key: string): Promise<void>;
  /** Text derived from compiled files (e.g. the search index), checksummed like the entries; null when absent or damaged. */
  getText(key: string): Promise<string | null>;
  setText(key: string, text: string): Promise<void>;
  /** Bytes derived from compiled files (the search's postings), sealed like the text entries; null when absent, damaged or forged. */
  getBytes(key: string): Promise<Buffer | null>;
  setBytes(key: string, bytes: Uint8Array): Promise<void>;
  /**
   * A table and a body that is read a part at a time (the warm search's index and pieces): only the
   * table is sealed, so it must hold digests of the body's parts, and whoever reads a part checks
   * it against them. Null when absent, or when the table is damaged or forged.
   */
  openTable(key: string): TableEntry | null;
  setTable(key: string, table: Uint8Array, body: readonly Uint8Array[]): Promise<void>;
}

/** An entry written by setTable(): its sealed table, and its body read where asked (the file stays open until close()). */
export interface TableEntry {
  table: Buffer;
  /** `length` bytes of the body from `offset`, in an ArrayBuffer of their own; null when the file is shorter (or closed). Not checked: see openTable. */
  read(offset: number, length: number): Uint8Array | null;
  /** Fills `target` with the body's bytes from `offset`; false when the file is shorter (or closed). Not checked either. */
  readInto(offset: number, target: Uint8Array): boolean;
  /** Closes the file (once; reads after it fail). */
  close(): void;
}

const magic = 'instr-cache 2';
/** No compiled file comes near this (the input is limited to 5 MB by default). */
const maxEntryBytes = 256 * 1024 * 1024;

/** INSTR_CACHE_DIR, else `$XDG_CACHE_HOME/instr`, else `~/.cache/instr`: never the working tree by default. */
export function cacheDir(cwd: string, env: NodeJS.ProcessEnv = process.env, home: () => string = homedir): string {
  const configured = env['INSTR_CACHE_DIR'];
  if (configured) return resolve(cwd, configured);
  const xdg = env['XDG_CACHE_HOME'];
  // The XDG specification: a relative value is invalid and is ignored.
  if (xdg && isAbsolute(xdg)) return join(xdg, 'instr');
  return join(home(), '.cache', 'instr');
}

export function openFileCache(dir: string): FileCache {
  let made: Promise<unknown> | undefined;
  let secret: Buffer | null | undefined;
  const key = (): Buffer | null => (secret === undefined ? (secret = cacheSecret(dir)) : secret);
  return {
    key(path, bytes, guard) {
      return createHash('sha256')
        .update(toolFingerprint())
        .update('\0')
        .update(JSON.stringify([guard.maxDepth, guard.maxInlineDelimiters, guard.maxListItems]))
        .update('\0')
        .update(path)
        .update('\0')
        .update(bytes)
        .digest('hex');
    },

    async get(name, display) {
      const k = key();
      if (!k) return null;
      let raw: Buffer;
      try {
        raw = await readRegularFile(entryPath(dir, name), maxEntryBytes, { base: dir });
      } catch {
        return null;
      }
      const result = decodeEntry(raw, k, name);
      if (!result) return null;
      result.display = display;
      for (const d of result.diagnostics) d.file = display;
      return result;
    },

    combinedKey(keys) {
      return createHash('sha256')
        .update([...keys].sort().join('\n'))
        .digest('hex');
    },

    async hasMark(name) {
      const k = key();
      if (!k) return false;
      try {
        return (await readRegularFile(join(dir, `${name}.ok`), 1024, { base: dir })).toString('utf8') === `${magic} ${seal(k, name, 'ok')}`;
      } catch {
        return false;
      }
    },

    async mark(name) {
      const k = key();
      if (k) await writeAtomically(join(dir, `${name}.ok`), `${magic} ${seal(k, name, 'ok')}`);
    },

    async getText(name) {
      const k = key();
      if (!k) return null;
      let raw: string;
      try {
        raw = (await readRegularFile(join(dir, `${name}.txt`), maxEntryBytes, { base: dir })).toString('utf8');
      } catch {
        return null;
      }
      const newline = raw.indexOf('\n');
      if (newline === -1) return null;
      const body = raw.slice(newline + 1);
      return raw.slice(0, newline) === `${magic} ${seal(k, name, body)}` ? body : null;
    },

    async setText(name, text) {
      const k = key();
      if (k) await writeAtomically(join(dir, `${name}.txt`), `${magic} ${seal(k, name, text)}\n${text}`);
    },

    async getBytes(name) {
      const k = key();
      if (!k) return null;
      let raw: Buffer;
      try {
        raw = await readRegularFile(join(dir, `${name}.bin`), maxEntryBytes, { base: dir });
      } catch {
        return null;
      }
      const newline = raw.indexOf(10);
      if (newline === -1) return null;
      const body = raw.subarray(newline + 1);
      return raw.toString('latin1', 0, newline) === `${magic} ${seal(k, name, body)}` ? body : null;
    },

    async setBytes(name, bytes) {
      const k = key();
      if (k) await writeAtomically(join(dir, `${name}.bin`), Buffer.concat([Buffer.from(`${magic} ${seal(k, name, bytes)}\n`, 'latin1'), bytes]));
    },

    openTable(name) {
      const k = key();
      if (!k) return null;
      let fd: number;
      let size: number;
      try {
        ({ fd, size } = openRegularSync(join(dir, `${name}.tab`), { base: dir }));
      } catch {
        return null;
      }
      const readInto = (at: number, bytes: Uint8Array): boolean => {
        const length = bytes.length;
        if (at + length > size) return false;
        let done = 0;
        while (done < length) {
          const n = readSync(fd, bytes, done, length - done, at + done);
          if (n === 0) return false;
          done += n;
        }
        return true;
      };
      const read = (at: number, length: number): Uint8Array | null => {
        if (at + length > size) return null;
        const bytes = new Uint8Array(length);
        return readInto(at, bytes) ? bytes : null;
      };
      try {
        // `instr-cache 2 <seal> <table length>\n`, the table, then the body.
        const head = read(0, Math.min(size, 128));
        const newline = head ? head.indexOf(10) : -1;
        const match = newline === -1 ? null : /^instr-cache 2 ([0-9a-f]{64}) (\d{1,10})$/.exec(Buffer.from(head!.buffer, 0, newline).toString('latin1'));
        const table = match ? read(newline + 1, Number(match[2])) : null;
        if (!match || !table || match[1] !== seal(k, name, table)) {
          closeSync(fd);
          return null;
        }
        const body = newline + 1 + table.length;
        let closed = false;
        return {
          table: Buffer.from(table.buffer, 0, table.length),
          read: (offset, length) => (closed ? null : read(body + offset, length)),
          readInto: (offset, target) => !closed && readInto(body + offset, target),
          close: () => {
            if (!closed) closeSync(fd);
            closed = true;
          },
        };
      } catch {
        closeSync(fd);
        return null;
      }
    },

    async setTable(name, table, body) {
      const k = key();
      if (k)
        await writeAtomically(
          join(dir, `${name}.tab`),
          Buffer.concat([Buffer.from(`${magic} ${seal(k, name, table)} ${table.length}\n`, 'latin1'), table, ...body]),
        );
    },

    async set(name, result) {
      const k = key();
      if (!k) return;
      const body = JSON.stringify({ ...result, display: '', diagnostics: result.diagnostics.map((d) => ({ ...d, file: '' })) });
      await writeAtomically(entryPath(dir, name), encodeEntry(body, k, name));
    },
  };

  /** Temporary file + rename: a concurrent reader sees the old entry, the new one, or none. */
  async function writeAtomically(target: string, content: string | Uint8Array): Promise<void> {
    const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      made ??= mkdir(dir, { recursive: true });
      await made;
      await writeFile(temp, content);
      await rename(temp, target);
    } catch {
      // A cache that cannot be written (read-only checkout, full disk) only costs speed.
      await unlink(temp).catch(() => undefined);
    }
  }
}

function entryPath(dir: string, key: string): string {
  return join(dir, `${key}.json`);
}

/** HMAC-SHA256 of an entry's key and body under the machine's secret: only this machine's instr could have written it. */
function seal(secret: Buffer, name: string, body: string | Uint8Array): string {
  return createHmac('sha256', secret).update(name).update('\0').update(body).digest('hex');
}

export function encodeEntry(body: string, secret: Buffer, name: string): string {
  return `${magic} ${seal(secret, name, body)}\n${body}`;
}

/**
 * The entry's FileResult, or null when the entry is truncated, garbled, forged or of another format.
 * The seal is checked on the bytes as read (the same bytes as the UTF-8 it was made from), and only
 * a sealed body is decoded: a 400 KB entry is then decoded once, not decoded and encoded again.
 */
export function decodeEntry(entry: string | Uint8Array, secret: Buffer, name: string): FileResult | null {
  const raw = typeof entry === 'string' ? Buffer.from(entry, 'utf8') : Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength);
  const newline = raw.indexOf(10);
  if (newline === -1) return null;
  const body = raw.subarray(newline + 1);
  if (raw.toString('latin1', 0, newline) !== `${magic} ${seal(secret, name, body)}`) return null;
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  return looksLikeFileResult(value) ? value : null;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isPosition = (v: unknown): boolean => isObject(v) && typeof v['file'] === 'string' && Number.isInteger(v['line']) && Number.isInteger(v['column']);

/**
 * The shape every consumer relies on, checked all the way down to what they index without a
 * check of their own (an entry of another shape must be rebuilt, never crash a command). The
 * graph linked from the entries is checked against the JSON Schema as well, unless this very
 * combination of entries passed before.
 */
function looksLikeFileResult(value: unknown): value is FileResult {
  if (!isObject(value)) return false;
  const { file, document, tasks, nodes, diagnostics } = value;
  if (typeof file !== 'string') return false;
  if (document !== null && !(isObject(document) && typeof document['id'] === 'string' && typeof document['file'] === 'string')) return false;
  if (
    !Array.isArray(tasks) ||
    !tasks.every(
      (t) =>
        isObject(t) &&
        typeof t['id'] === 'string' &&
        typeof t['title'] === 'string' &&
        typeof t['file'] === 'string' &&
        isPosition(t['position']) &&
        Array.isArray(t['schedules']),
    )
  )
    return false;
  if (!isObject(nodes) || Object.getPrototypeOf(nodes) !== Object.prototype) return false;
  for (const [id, n] of Object.entries(nodes)) {
    if (!isObject(n) || n['id'] !== id || typeof n['kind'] !== 'string' || !isPosition(n['position'])) return false;
  }
  return (
    Array.isArray(diagnostics) &&
    diagnostics.every(
      (d) =>
        isObject(d) &&
        Number.isInteger(d['line']) &&
        Number.isInteger(d['column']) &&
        typeof d['message'] === 'string' &&
        typeof d['rule'] === 'string' &&
        typeof d['severity'] === 'string',
    )
  );
}
