import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSource, linkSources, sourceFromBytes } from '../../src/compile/compile.js';
import { instructionMarkdown } from './markdown-arbitrary.js';
import { propertyRuns } from '../support/scale.js';

const encode = (text: string) => new TextEncoder().encode(text);

function compileText(text: string, path = 'doc.md') {
  const loaded = sourceFromBytes(encode(text), path, path);
  if (!('source' in loaded)) return { graph: null, diagnostics: [loaded.diagnostic] };
  return linkSources([compileSource(loaded.source)]);
}

/** The graph without the document hashes (they hash the file's bytes, which may legitimately differ). */
function withoutHashes(json: string): string {
  return json.replace(/"hash":"[0-9a-f]{64}"/g, '"hash":""');
}

describe('compile, on random instruction-like Markdown', () => {
  it('never throws and never fails internally: every problem is a diagnostic with a position', () => {
    fc.assert(
      fc.property(instructionMarkdown, (text) => {
        const { graph, diagnostics } = compileText(text);
        expect(graph).not.toBeNull();
        for (const d of diagnostics) {
          expect(d.rule).not.toBe('internal-error');
          expect(d.rule).not.toBe('graph-schema');
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(typeof d.message).toBe('string');
        }
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  it('is deterministic: the same input gives byte-identical JSON', () => {
    fc.assert(
      fc.property(instructionMarkdown, (text) => {
        expect(JSON.stringify(compileText(text))).toBe(JSON.stringify(compileText(text)));
      }),
      { numRuns: propertyRuns(100) },
    );
  });

  it('compiles CRLF, lone CR and a UTF-8 BOM exactly like LF', () => {
    fc.assert(
      fc.property(instructionMarkdown, fc.constantFrom('\r\n', '\r'), fc.boolean(), (text, newline, bom) => {
        const lf = JSON.stringify(compileText(text));
        const other = JSON.stringify(compileText(`${bom ? '\uFEFF' : ''}${text.replace(/\n/g, newline)}`));
        expect(withoutHashes(other)).toBe(withoutHashes(lf));
      }),
      { numRuns: propertyRuns(100) },
    );
  });
});
