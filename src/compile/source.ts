/** One instruction file handed to the compiler. */
export interface SourceFile {
  /** Path relative to the compiled root, with forward slashes: what the graph records. */
  path: string;
  /** Path as diagnostics show it (relative to the working directory). */
  display: string;
  text: string;
  /** sha256 of the file's bytes. */
  hash: string;
}
