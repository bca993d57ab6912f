import { UsageError } from '../usage-error.js';
import { lstat, rename, unlink, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exitCodes } from '../errors.js';
import type { Io } from '../io.js';
import { loadInstructions, parseSize } from '../load.js';
import { formatDiagnosticLine } from '../../diagnostics/format.js';
import { jsonText } from '../../render/json-text.js';

export interface CompileFlags {
  out?: string;
  quiet?: boolean;
  compact?: boolean;
  maxFileSize?: string;
}

export async function compileCommand(paths: string[], flags: CompileFlags, io: Io): Promise<number> {
  const options = flags.maxFileSize ? { maxFileBytes: parseSize(flags.maxFileSize) } : {};
  const result = await loadInstructions(paths, io, { ...options, requireClean: true });
  for (const d of result.diagnostics) io.err(`${formatDiagnosticLine(d, io.color)}\n`);
  if (flags.quiet) return exitCodes.ok;
  const json = jsonText(result.graph, flags.compact ? 0 : 2);
  if (flags.out) {
    const target = resolve(io.cwd, flags.out);
    const temp = `${target}.${process.pid}.tmp`;
    try {
      // A file is replaced whole (write, then rename); a device or pipe (`-o /dev/null`, a FIFO) is
      // written into, so that the rename never swaps it for a regular file.
      if (await isSpecial(target)) {
        await writeFile(target, json);
        return exitCodes.ok;
      }
      await writeFile(temp, json);
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw new UsageError((t) => t.cannotWrite(flags.out ?? '', error));
    }
  } else io.out(json);
  return exitCodes.ok;
}

async function isSpecial(path: string): Promise<boolean> {
  const info = await lstat(path).catch(() => null);
  return info !== null && (info.isCharacterDevice() || info.isFIFO() || info.isSocket() || info.isBlockDevice());
}
