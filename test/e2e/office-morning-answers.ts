/**
 * A temporary folder of answers files for scripted runs of the bundled instructions, and the
 * answers of an ordinary `office-morning` (nothing missing, the printer fine, the rooms ready).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export function answersFolder(prefix: string): { temp: string; answers: (name: string, lines: string[]) => string } {
  const temp = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  const answers = (name: string, lines: string[]): string => {
    const file = join(temp, `${name}.yaml`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };
  return { temp, answers };
}

export const officeMorningLines = [
  'supplies-out: Нет, всё есть',
  '"Принтер или МФУ пишет «Замените картридж» или «Мало тонера», или печатает бледно, с полосами?": o8961e7',
  '"Сломалась техника: принтер, МФУ, компьютер или телефон не включается, мнёт бумагу, показывает другую ошибку или плохо печатает с новым картриджем?": Нет, всё работает',
  '"Переговорная, кухня и принтер готовы к приходу клиентов": true',
];
