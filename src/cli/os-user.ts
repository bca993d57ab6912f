import { userInfo } from 'node:os';

/** Who is at the keyboard, for the journal when `--user` is not given: the login name, else $USER. */
export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env['USER'] ?? process.env['USERNAME'] ?? 'unknown';
  }
}
