/** A problem with what the command was given (a path that does not exist) rather than with an instruction; the CLI exits 2. */
export class InputError extends Error {
  override name = 'InputError';
  /** A path the command was given that does not exist (the CLI words it in the screen's language). */
  readonly missingPath: string | undefined;
  constructor(message: string, options: { missingPath?: string } = {}) {
    super(message);
    this.missingPath = options.missingPath;
  }
}
