/**
 * Mermaid's own parser (the `mermaid` package, v11), for tests: `mermaid.parse` needs a DOM only
 * for DOMPurify, so a window is installed while Mermaid loads and parses, and removed after:
 * test files share a worker, and a global `window` makes other libraries think they run in a
 * browser. Rejects with Mermaid's parse error. The window is linkedom's, not jsdom's: nothing here
 * renders, and loading jsdom cost ~1.07 s of CPU in each worker that validates Mermaid, linkedom
 * ~0.33 s.
 */
let loaded: Promise<{ parse: (text: string) => Promise<unknown>; window: unknown }> | undefined;

export async function mermaidParse(text: string): Promise<unknown> {
  loaded ??= (async () => {
    const { parseHTML } = await import('linkedom');
    const window = parseHTML('<!doctype html><html><body></body></html>');
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
