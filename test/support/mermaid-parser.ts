/**
 * Mermaid's own parser (the `mermaid` package, v11), for tests: `mermaid.parse` needs a DOM only
 * for DOMPurify, so a jsdom window is installed first. Rejects with Mermaid's parse error.
 */
let parser: Promise<(text: string) => Promise<unknown>> | undefined;

export function mermaidParse(text: string): Promise<unknown> {
  parser ??= (async () => {
    const { JSDOM } = await import('jsdom');
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    const g = globalThis as Record<string, unknown>;
    g['window'] ??= dom.window;
    g['document'] ??= dom.window.document;
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return (source: string) => mermaid.parse(source);
  })();
  return parser.then((parse) => parse(text));
}

/** The ```mermaid blocks of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
}
