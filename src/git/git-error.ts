/** git is missing, the folder is not in a repository, or a revision cannot be read; the CLI exits 2. */
export class GitError extends Error {
  override name = 'GitError';
}
