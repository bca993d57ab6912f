/** The environment's locale as a language tag: LC_ALL, then LC_MESSAGES, then LANG (docs/screen-language.md, rule 4). */
export function localeLanguage(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((v) => v !== undefined && v !== '');
}
