import { inject } from 'vitest';

/**
 * python3 with the pty module, as the path of the interpreter itself, for the pseudo-terminal
 * tests (test/e2e/pty-drive.py); '' when there is none (those tests are skipped).
 * Resolved once per run by global-setup.ts, past any version manager's shim.
 */
export const python: string = inject('python');
