/**
 * Mermaid's own parser (the `mermaid` package, v11), for tests: `mermaid.parse` needs a DOM only
 * for DOMPurify, so a jsdom window is installed while Mermaid loads and parses, and removed after:
 * test files share a worker, and a global `window` makes other libraries think they run in a
 * browser. Rejects with Mermaid's parse error.
 */
let loaded: Promise<{ parse: (text: string) => Promise<unknown>; window: unknown }> | undefined;

export async function mermaidParse(text: string): Promise<unknown> {
  loaded ??= (async () => {
    const { JSDOM } = await import('jsdom');
    const window = new JSDOM('<!doctype html><html><body></body></html>').window;
    return withDom(window, async () => {
      const { default: mermaid } = await import('mermaid');
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
      return { parse: (source: string) => mermaid.parse(source), window };
    });
  })();
  const { parse, window } = await loaded;
  return withDom(window, () => parse(text));
}

async function withDom<T>(window: unknown, run: () => Promise<T>): Promise<T> {
  const g = globalThis as Record<string, unknown>;
  const added = g['window'] === undefined;
  if (added) {
    g['window'] = window;
    g['document'] = (window as { document: unknown }).document;
  }
  try {
    return await run();
  } finally {
    if (added) {
      delete g['window'];
      delete g['document'];
    }
  }
}

/** The ```mermaid blocks of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
}
