/** A problem with what the command was given (a path that does not exist) rather than with an instruction; the CLI exits 2. */
export class InputError extends Error {
  override name = 'InputError';
}
