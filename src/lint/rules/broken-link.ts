import { realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isInside } from '../../compile/compile-paths.js';
import { resolveRelative } from '../../compile/inline.js';
import { defineRule, docsUrl } from '../rule.js';

/**
 * A relative link (a template, a sample) whose file does not exist, or that leads outside the
 * repository — by `../`, by an absolute path, or through a symlink. Links in code are ignored.
 */
export const rule = defineRule({
  meta: {
    id: 'broken-link',
    type: 'problem',
    description: 'a relative link or template that does not exist or leads outside the repository',
    defaultSeverity: 'error',
    docs: docsUrl('broken-link'),
    schema: {},
    defaultOptions: {},
    messages: {
      outside: {
        ru: 'Ссылка «{{url}}» ведёт за пределы репозитория; ссылайтесь только на файлы внутри него',
        en: 'Link "{{url}}" points outside the repository; link only to files inside it',
      },
      missing: {
        ru: 'Ссылка «{{url}}» ведёт на несуществующий файл; создайте его или исправьте путь (он считается от этого файла)',
        en: 'Link "{{url}}" points to a file that does not exist; create it or fix the path (relative to this file)',
      },
      symlink: {
        ru: 'Ссылка «{{url}}» — символическая ссылка, которая ведёт за пределы репозитория',
        en: 'Link "{{url}}" is a symbolic link that leads outside the repository',
      },
    },
  },
  async check(context) {
    const realRepository = await realpath(context.repository).catch(() => context.repository);
    const checked = new Map<string, Promise<Reason | null>>();
    for (const doc of context.graph.documents) {
      const source = context.source(doc.file);
      if (!source) continue;
      for (const link of findLinks(source.markdown)) {
        const target = resolveRelative(link.url, doc.file);
        if (target === undefined) continue;
        const abs = target.startsWith('/') ? join(context.repository, target) : resolve(context.root, target);
        let problem = checked.get(abs);
        if (!problem) {
          problem = check(abs, context.repository, realRepository);
          checked.set(abs, problem);
        }
        const why = await problem;
        if (!why) continue;
        context.report({ file: doc.file, at: { offset: link.offset, endOffset: link.offset + link.url.length }, messageId: why, data: { url: link.url } });
      }
    }
  },
});

type Reason = 'outside' | 'missing' | 'symlink';

async function check(abs: string, repository: string, realRepository: string): Promise<Reason | null> {
  if (!isInside(repository, abs)) return 'outside';
  try {
    await stat(abs);
  } catch {
    return 'missing';
  }
  const real = await realpath(abs).catch(() => abs);
  if (!isInside(realRepository, real)) return 'symlink';
  return null;
}

export interface FoundLink {
  url: string;
  offset: number;
}

/** Inline link and image destinations and reference definitions, with the destination's offset. */
export function findLinks(markdown: string): FoundLink[] {
  const out: FoundLink[] = [];
  for (const m of markdown.matchAll(/\]\([ \t]*(<?)([^()\s<>]*)/g)) {
    const url = m[2]!;
    if (url) out.push({ url, offset: m.index + m[0].length - url.length });
  }
  for (const m of markdown.matchAll(/^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s<>]+)/gm)) {
    out.push({ url: m[1]!, offset: m.index + m[0].length - m[1]!.length });
  }
  return out;
}
