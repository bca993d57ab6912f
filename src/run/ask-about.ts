/** The optional question at the start of an interactive run: what the run is about (inquirer; loaded only in a terminal). */
import input from '@inquirer/input';
import type { ChalkInstance } from 'chalk';
import { timeMessages } from '../i18n/time-messages.js';
import { normalizeAbout } from './about.js';
import { inquirerTheme } from './interactive.js';
import type { RunMessages } from './messages.js';

export async function askAbout(lang: string, t: RunMessages, color: ChalkInstance): Promise<string | undefined> {
  return normalizeAbout(await input({ message: timeMessages(lang).aboutAsk, theme: inquirerTheme(color, t) }));
}
