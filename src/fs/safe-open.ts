/**
 * Opening files that a repository controls. A clone may commit a symlink where instr reads or
 * writes by default (`.instr/journal.jsonl -> ~/.bashrc`, `instructions/inbox -> /anywhere`), a
 * FIFO where a file is expected (an open that never returns), or a device (`/dev/zero`, a read
 * that never ends). So, for every default path:
 *
 * - every component between the base folder (the working directory, the instructions root) and
 *   the file is checked with lstat and must not be a symlink;
 * - the file is opened with O_NOFOLLOW and O_NONBLOCK (a FIFO cannot block the open) and must be
 *   a regular file (fstat on the open descriptor, so nothing can be swapped in between);
 * - reads are bounded in size.
 *
 * A path the user names explicitly (`--journal`, `--answers`, a scenario file given as an
 * argument) may be a symlink, but must still lead to a regular file.
 */
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { open as openAsync } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A path instr refuses to use: a symlink where none is allowed, or not a regular file. */
export class UnsafePathError extends Error {
  readonly code = 'EUNSAFE';
  constructor(
    readonly path: string,
    readonly reason: 'symlink' | 'not-a-file' | 'too-large',
    detail: string,
  ) {
    super(detail);
  }
}

export interface SafeOpenOptions {
  /**
   * The folder the path was derived from (the working directory or the instructions root).
   * When set, no component below it may be a symlink and the file itself is opened with
   * O_NOFOLLOW. Leave it out for a path the user named explicitly.
   */
  base?: string;
}

const noFollow = constants.O_NOFOLLOW ?? 0;
const nonBlock = constants.O_NONBLOCK ?? 0;

/** Every component of `path` below `base` that exists, checked with lstat: none may be a symlink. */
function assertNoSymlinks(base: string, path: string): void {
  const rel = relative(base, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return;
  let current = base;
  for (const part of rel.split(sep)) {
    current = join(current, part);
    let info;
    try {
      info = lstatSync(current);
    } catch {
      return; // the rest does not exist yet
    }
    if (info.isSymbolicLink())
      throw new UnsafePathError(current, 'symlink', `${current} is a symbolic link; instr does not follow links for the files it keeps (remove the link)`);
  }
}

/** Creates the folders of `dir` below `base` one by one, refusing any that is (or becomes) a symlink. */
export function makeFolders(base: string, dir: string): void {
  assertNoSymlinks(base, dir);
  const rel = relative(base, dir);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    mkdirSync(dir, { recursive: true });
    return;
  }
  mkdirSync(base, { recursive: true });
  let current = base;
  for (const part of rel.split(sep)) {
    current = join(current, part);
    try {
      mkdirSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const info = lstatSync(current);
    if (info.isSymbolicLink())
      throw new UnsafePathError(current, 'symlink', `${current} is a symbolic link; instr does not follow links for the files it keeps (remove the link)`);
    if (!info.isDirectory()) throw new UnsafePathError(current, 'not-a-file', `${current} is not a folder`);
  }
}

function flagsFor(base: string | undefined, flags: number): number {
  return flags | nonBlock | (base === undefined ? 0 : noFollow);
}

function describeOpenError(path: string, error: unknown, base: string | undefined): unknown {
  // O_NOFOLLOW on a symlink fails with ELOOP (EMLINK on some BSDs).
  const code = (error as NodeJS.ErrnoException).code;
  if (base !== undefined && (code === 'ELOOP' || code === 'EMLINK'))
    return new UnsafePathError(path, 'symlink', `${path} is a symbolic link; instr does not follow links for the files it keeps (remove the link)`);
  return error;
}

function checkRegular(fd: number, path: string): number {
  const info = fstatSync(fd);
  if (!info.isFile()) {
    closeSync(fd);
    throw new UnsafePathError(path, 'not-a-file', `${path} is not a regular file`);
  }
  return info.size;
}

/** Opens a regular file for reading (synchronously); returns the descriptor and its size. */
export function openRegularSync(path: string, options: SafeOpenOptions = {}): { fd: number; size: number } {
  const full = resolve(path);
  if (options.base !== undefined) assertNoSymlinks(options.base, full);
  let fd: number;
  try {
    fd = openSync(full, flagsFor(options.base, constants.O_RDONLY));
  } catch (error) {
    throw describeOpenError(full, error, options.base);
  }
  return { fd, size: checkRegular(fd, full) };
}

/**
 * Opens (creating it and its folders) a regular file for appending and reading, as the journal
 * does. With `base`, neither the folders below it nor the file may be symlinks. Nothing is read
 * from a character device (its size is 0), so one named explicitly may be written to.
 */
export function openForAppendSync(path: string, options: SafeOpenOptions = {}): number {
  const full = resolve(path);
  if (options.base !== undefined) makeFolders(options.base, resolve(full, '..'));
  else mkdirSync(resolve(full, '..'), { recursive: true });
  let fd: number;
  try {
    fd = openSync(full, flagsFor(options.base, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT), 0o666);
  } catch (error) {
    throw describeOpenError(full, error, options.base);
  }
  // A journal named explicitly may be a character device (`--journal /dev/null` keeps none); a
  // default one, or anything else (a FIFO, a folder), must be a regular file.
  const info = fstatSync(fd);
  if (!info.isFile() && !(options.base === undefined && info.isCharacterDevice())) {
    closeSync(fd);
    throw new UnsafePathError(full, 'not-a-file', `${full} is not a regular file`);
  }
  return fd;
}

/** Reads a whole regular file, refusing one larger than `maxBytes` (without reading it). */
export function readRegularFileSync(path: string, maxBytes: number, options: SafeOpenOptions = {}): Buffer {
  const { fd, size } = openRegularSync(path, options);
  try {
    if (size > maxBytes) throw new UnsafePathError(path, 'too-large', `${path} is ${size} bytes; at most ${maxBytes} are read`);
    return readBounded(fd, Math.min(size, maxBytes));
  } finally {
    closeSync(fd);
  }
}

/**
 * readRegularFileSync() into a buffer the caller reuses (grown when the file is larger): the bytes
 * read are `read`, a view of `buffer`, valid until the next call. Null when the file is larger than `maxBytes`.
 */
export function readRegularFileInto(path: string, maxBytes: number, buffer: Buffer): { buffer: Buffer; read: Buffer } | null {
  const { fd, size } = openRegularSync(path);
  try {
    if (size > maxBytes) return null;
    const into = buffer.length >= size ? buffer : Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      const n = readSync(fd, into, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    return { buffer: into, read: into.subarray(0, done) };
  } finally {
    closeSync(fd);
  }
}

/** Reads a whole regular file asynchronously; `maxBytes` as above. */
export async function readRegularFile(path: string, maxBytes: number, options: SafeOpenOptions = {}): Promise<Buffer> {
  const { handle, size } = await openRegular(path, options);
  try {
    if (size > maxBytes) throw new UnsafePathError(resolve(path), 'too-large', `${resolve(path)} is ${size} bytes; at most ${maxBytes} are read`);
    // The size can change while reading (a file still being appended to): read what is there, up to the bound.
    const buffer = Buffer.alloc(Math.min(maxBytes, size));
    let done = 0;
    while (done < buffer.length) {
      const { bytesRead } = await handle.read(buffer, done, buffer.length - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return buffer.subarray(0, done);
  } finally {
    await handle.close();
  }
}

/** Opens a regular file for reading, asynchronously (for streaming readers); the caller closes it. */
export async function openRegular(path: string, options: SafeOpenOptions = {}): Promise<{ handle: import('node:fs/promises').FileHandle; size: number }> {
  const full = resolve(path);
  if (options.base !== undefined) assertNoSymlinks(options.base, full);
  let handle;
  try {
    handle = await openAsync(full, flagsFor(options.base, constants.O_RDONLY));
  } catch (error) {
    throw describeOpenError(full, error, options.base);
  }
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    throw new UnsafePathError(full, 'not-a-file', `${full} is not a regular file`);
  }
  return { handle, size: info.size };
}

function readBounded(fd: number, bytes: number): Buffer {
  const buffer = Buffer.alloc(bytes);
  let done = 0;
  while (done < buffer.length) {
    const n = readSync(fd, buffer, done, buffer.length - done, done);
    if (n === 0) break;
    done += n;
  }
  return buffer.subarray(0, done);
}
