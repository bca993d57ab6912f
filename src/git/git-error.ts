import { gitProblemText, type GitProblem } from '../i18n/git-messages.js';

/** git is missing, the folder is not in a repository, or a revision cannot be read; the CLI exits 2. */
export class GitError extends Error {
  override name = 'GitError';
  /** What went wrong as data; the message is its English wording, the CLI says it in the screen's language. */
  readonly problem: GitProblem;
  constructor(problem: GitProblem | string) {
    const p: GitProblem = typeof problem === 'string' ? { kind: 'failed', detail: problem } : problem;
    super(typeof problem === 'string' ? problem : gitProblemText(p, 'en'));
    this.problem = p;
  }
}
