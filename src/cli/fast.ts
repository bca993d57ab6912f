import type { Io } from './io.js';

/**
 * `instr list` without commander: the command most often typed, whose command lines are simple
 * enough to read by hand, started without loading commander (~125 KB) and the definitions of the
 * other commands. Only command lines that mean one thing are read here: `list`, then paths (none
 * starting with `-`) and `--json`, in any order. Anything else (help, --lang, global options, an
 * unknown option, `--`) returns undefined, and main() reads it with commander as before. The same
 * command line gives the same output and exit code either way (src/cli/fast.test.ts).
 */
export function fastList(args: readonly string[]): { paths: string[]; json: boolean } | undefined {
  if (args[0] !== 'list') return undefined;
  const paths: string[] = [];
  let json = false;
  for (const arg of args.slice(1)) {
    if (arg === '--json') json = true;
    else if (arg === '' || arg.startsWith('-')) return undefined;
    else paths.push(arg);
  }
  return { paths: paths.length > 0 ? paths : ['instructions'], json };
}

/**
 * Runs the command line (`argv` as process.argv) when fastList reads it, as main() would (the
 * exit code in process.exitCode, and returned); undefined, having done nothing, when it does not.
 */
export async function fastMain(argv: string[], io?: Io): Promise<number | undefined> {
  const args = argv.slice(2);
  const list = fastList(args);
  if (list === undefined) return undefined;
  const { processIo, listCommand } = await import('./fast-run.js');
  const out = io ?? processIo();
  // what main()'s preAction hook sets when no global option is given
  out.compile = process.env['INSTR_NO_CACHE'] === '1' ? { cache: false } : {};
  let code: number;
  try {
    process.exitCode = await listCommand(list.paths, list.json ? { json: true } : {}, out);
    code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    const { actionErrorCode } = await import('./action-error.js');
    code = await actionErrorCode(error, out, args);
  }
  process.exitCode = code;
  return code;
}
