/**
 * `instr diff`'s problems with git (it is missing, the folder is not in a repository, a revision
 * is unknown), in the screen's language (docs/screen-language.md). What git itself said is quoted
 * after «git:», as the user's own words would be.
 */
import { resolveLanguage } from './language.js';

export type GitProblem =
  | { kind: 'no-git' }
  | { kind: 'failed'; detail: string }
  | { kind: 'not-a-repository'; dir: string; said?: string }
  | { kind: 'invalid-revision'; revision: string }
  | { kind: 'unknown-revision'; revision: string }
  | { kind: 'outside'; path: string; top: string }
  | { kind: 'cannot-list'; folder: string; revision: string; said: string }
  | { kind: 'missing-object'; display: string; object: string };

export function gitProblemText(p: GitProblem, lang: string | undefined): string {
  const ru = resolveLanguage(lang) === 'ru';
  switch (p.kind) {
    case 'no-git':
      return ru
        ? 'git не установлен или его нет в PATH; instr diff с ревизиями без него не работает (две папки сравниваются и без git: instr diff old/ new/)'
        : 'git is not installed or not on PATH; `instr diff` with revisions needs it (two folders work without git: instr diff old/ new/)';
    case 'failed':
      return ru ? `git завершился с ошибкой: ${p.detail}` : `git failed: ${p.detail}`;
    case 'not-a-repository': {
      const said = p.said ? ` (git: ${p.said})` : '';
      return ru
        ? `${p.dir} не лежит в репозитории git${said}; сравните две папки: instr diff old/ new/`
        : `${p.dir} is not inside a git repository${said}; compare two folders instead: instr diff old/ new/`;
    }
    case 'invalid-revision':
      return ru ? `Ревизия «${p.revision}» записана неверно` : `Invalid revision "${p.revision}"`;
    case 'unknown-revision':
      return ru
        ? `Ревизии «${p.revision}» нет (это не ветка, не метка и не коммит этого репозитория; в CI загружайте историю целиком: fetch-depth: 0)`
        : `Unknown revision "${p.revision}" (not a branch, tag or commit of this repository; in CI, check out with fetch-depth: 0)`;
    case 'outside':
      return ru ? `${p.path} лежит вне репозитория git ${p.top}` : `${p.path} is outside the git repository at ${p.top}`;
    case 'cannot-list':
      return ru ? `Не удалось перечислить ${p.folder} в ${p.revision} (git: ${p.said})` : `Cannot list ${p.folder} in ${p.revision}: ${p.said}`;
    case 'missing-object':
      return ru ? `Не удалось прочитать ${p.display}: объекта ${p.object} нет` : `Cannot read ${p.display}: the object ${p.object} is missing`;
  }
}
