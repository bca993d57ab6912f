import { execFile } from 'node:child_process';

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** The environment every git call gets: no password prompt, untranslated messages. */
export function gitEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
}

/** Runs git with arguments (never through a shell) and returns its output as bytes. */
export function git(args: string[], cwd: string, maxBuffer = 64 * 1024 * 1024): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer, env: gitEnvironment() }, (error, stdout, stderr) => {
      const errno = error as (NodeJS.ErrnoException & { code?: string | number }) | null;
      if (errno && typeof errno.code === 'string') {
        reject(errno);
        return;
      }
      resolve({ code: errno ? Number(errno.code ?? 1) : 0, stdout, stderr: stderr.toString('utf8') });
    });
  });
}
