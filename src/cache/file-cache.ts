import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FileResult } from '../compile/compile-file.js';
import type { GuardLimits } from '../parse/guard.js';
import { toolFingerprint } from './fingerprint.js';

/**
 * A content-addressed cache of compiled files: key = sha256(path + file bytes + tool fingerprint
 * + guard limits), value = the file's FileResult without its display path. Entries are written
 * to a temporary file and renamed, so concurrent runs never see half an entry; each entry carries
 * a checksum of its body, so a truncated or garbled entry is detected, ignored and rebuilt.
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
}

const magic = 'instr-cache 1';

/** `.instr/cache/` under cwd, or INSTR_CACHE_DIR. */
export function cacheDir(cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['INSTR_CACHE_DIR'];
  return configured ? resolve(cwd, configured) : join(cwd, '.instr', 'cache');
}

export function openFileCache(dir: string): FileCache {
  let made: Promise<unknown> | undefined;
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

    async get(key, display) {
      let raw: string;
      try {
        raw = await readFile(entryPath(dir, key), 'utf8');
      } catch {
        return null;
      }
      const result = decodeEntry(raw);
      if (!result) return null;
      result.display = display;
      for (const d of result.diagnostics) d.file = display;
      return result;
    },

    combinedKey(keys) {
      return createHash('sha256').update([...keys].sort().join('\n')).digest('hex');
    },

    async hasMark(key) {
      try {
        return (await readFile(join(dir, `${key}.ok`), 'utf8')) === magic;
      } catch {
        return false;
      }
    },

    async mark(key) {
      await writeAtomically(join(dir, `${key}.ok`), magic);
    },

    async getText(key) {
      let raw: string;
      try {
        raw = await readFile(join(dir, `${key}.txt`), 'utf8');
      } catch {
        return null;
      }
      const newline = raw.indexOf('\n');
      if (newline === -1) return null;
      const body = raw.slice(newline + 1);
      return raw.slice(0, newline) === `${magic} ${checksum(body)}` ? body : null;
    },

    async setText(key, text) {
      await writeAtomically(join(dir, `${key}.txt`), `${magic} ${checksum(text)}\n${text}`);
    },

    async set(key, result) {
      const body = JSON.stringify({ ...result, display: '', diagnostics: result.diagnostics.map((d) => ({ ...d, file: '' })) });
      await writeAtomically(entryPath(dir, key), `${magic} ${checksum(body)}\n${body}`);
    },
  };

  /** Temporary file + rename: a concurrent reader sees the old entry, the new one, or none. */
  async function writeAtomically(target: string, content: string): Promise<void> {
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

function checksum(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The entry's FileResult, or null when the entry is truncated, garbled or of another format. */
export function decodeEntry(raw: string): FileResult | null {
  const newline = raw.indexOf('\n');
  if (newline === -1) return null;
  const header = raw.slice(0, newline);
  const body = raw.slice(newline + 1);
  if (header !== `${magic} ${checksum(body)}`) return null;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  return looksLikeFileResult(value) ? value : null;
}

function looksLikeFileResult(value: unknown): value is FileResult {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['file'] === 'string' &&
    (v['document'] === null || typeof v['document'] === 'object') &&
    Array.isArray(v['tasks']) &&
    v['nodes'] !== null &&
    typeof v['nodes'] === 'object' &&
    Array.isArray(v['diagnostics'])
  );
}
