import { closeSync, constants, openSync, readSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from '../diagnostics/input-error.js';

/**
 * Which files a compile reads: the instructions below the folders given. Apart from compile.ts so
 * that a warm `instr search` (src/search/warm.ts), which hashes the same files, loads none of the compiler.
 */

export const defaultMaxFileBytes = 5 * 1024 * 1024;

export async function discover(paths: string[], cwd: string): Promise<{ root: string; files: string[] }> {
  const files = new Set<string>();
  const roots: string[] = [];
  for (const given of paths) {
    const abs = resolve(cwd, given);
    let info;
    try {
      info = await stat(abs);
    } catch {
      throw new InputError(`No such file or folder: ${given}`, { missingPath: given });
    }
    if (info.isDirectory()) {
      roots.push(abs);
      for (const f of await scan(abs)) files.add(f);
    } else {
      roots.push(dirname(abs));
      files.add(abs);
    }
  }
  return { root: commonDir(roots), files: [...files].sort() };
}

/** Every instruction below a folder: `*.md` files that start with front matter; no symlinked folders. */
async function scan(dir: string): Promise<string[]> {
  const found: string[] = [];
  const stack = [dir];
  const realRoot = await realpath(dir);
  while (stack.length > 0) {
    const current = stack.pop()!;
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = resolve(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith('.md')) {
        if (entry.isSymbolicLink()) {
          const real = await realpath(full).catch(() => '');
          if (!real || !isInside(realRoot, real)) continue;
        }
        if (await startsWithFrontMatter(full)) found.push(full);
      }
    }
  }
  return found;
}

async function startsWithFrontMatter(file: string): Promise<boolean> {
  // Synchronously: eight bytes of each of a hundred files cost less than three round trips to the thread pool each.
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)); // a FIFO must not block the scan
  } catch {
    return true; // let the read report the problem
  }
  try {
    const buffer = Buffer.alloc(8);
    const bytesRead = readSync(fd, buffer, 0, 8, 0);
    const head = buffer
      .subarray(0, bytesRead)
      .toString('latin1')
      .replace(/^\xEF\xBB\xBF/, '');
    // front matter written in UTF-16 (with or without its byte-order mark) is an instruction in
    // the wrong encoding: it is read, and reported as such, not skipped without a word
    return head.startsWith('---') || /^(?:\xFF\xFE|\xFE\xFF)?(?:-\0-\0-\0|\0-\0-\0-)/.test(head);
  } catch {
    return true;
  } finally {
    closeSync(fd);
  }
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function commonDir(dirs: string[]): string {
  if (dirs.length === 0) return process.cwd();
  let common = dirs[0]!.split(sep);
  for (const d of dirs.slice(1)) {
    const parts = d.split(sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(sep) || sep;
}
