import { describe, expect, it } from 'vitest';
import { compileSource, linkSources, sourceFromBytes } from './compile.js';

function compileText(text: string) {
  const loaded = sourceFromBytes(new TextEncoder().encode(text), 'mem.md', 'mem.md');
  if (!('source' in loaded)) throw new Error(loaded.diagnostic.message);
  return linkSources([compileSource(loaded.source)]);
}

const doc = (body: string) => `---\nid: doc\ntitle: Doc\nlang: en\n---\n\n## Tasks {.tasks}\n\n### Do it {#do-it}\n\n1. Greet the client.\n\n${body}\n`;

// Regression: the directive table was a plain object, so these names found Object.prototype's
// methods and the compiler crashed with an internal error.
describe('directive and attribute names that are Object.prototype keys', () => {
  // (A directive name cannot start with "_": micromark reads ::__proto__[x] as text.)
  for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf']) {
    it(`::${name}[x] is an unknown directive at its line`, () => {
      const { diagnostics } = compileText(doc(`::${name}[x]`));
      expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['13:1 unknown-directive']);
      expect(diagnostics[0]!.message).toContain(`::${name}`);
    });

    it(`an attribute called ${name} is an unknown attribute`, () => {
      const { diagnostics } = compileText(doc(`::checkpoint[Signed]{${name}=1}`));
      expect(diagnostics.map((d) => d.rule)).toEqual(['unknown-attribute']);
      expect(diagnostics[0]!.line).toBe(13);
    });
  }
});
