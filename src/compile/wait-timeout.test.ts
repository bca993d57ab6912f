import { describe, expect, it } from 'vitest';
import type { StepNode, WaitNode } from '../graph/types.js';
import { compileSource, linkSources, sourceFromBytes } from './compile.js';

function inMemory(text: string) {
  const loaded = sourceFromBytes(new TextEncoder().encode(text), 'mem.md', 'mem.md');
  if (!('source' in loaded)) throw new Error(loaded.diagnostic.message);
  return linkSources([compileSource(loaded.source)]);
}

const head = '---\nid: mem\ntitle: Mem\nlang: en\n---\n\n## Tasks {.tasks}\n\n### Pay {#pay}\n\n1. Send the invoice.\n\n';

describe('compile: the steps under a wait for when its time runs out', () => {
  it('a bullet item under a wait with a timeout is its timeout branch; the branch comes back to the wait', () => {
    const { graph, diagnostics } = inMemory(
      `${head}::wait[The client paid]{#paid timeout=3wd}\n- The time ran out\n\n  1. Remind the client.\n  2. Tell the director.\n\n2. Start the work.\n`,
    );
    expect(diagnostics).toEqual([]);
    const wait = graph.nodes['paid'] as WaitNode;
    expect(wait.onTimeout).toMatchObject({ id: 'timeout', label: 'The time ran out', position: { line: 14 } });
    const remind = graph.nodes[wait.onTimeout!.next!] as StepNode;
    expect(remind.text).toBe('Remind the client.');
    const tell = graph.nodes[remind.next!] as StepNode;
    expect(tell.text).toBe('Tell the director.');
    expect(tell.next).toBe('paid');
    expect((graph.nodes[wait.next!] as StepNode).text).toBe('Start the work.');
  });

  it('a bullet list after a wait without a timeout stays steps; a second item under a wait is reported, not dropped', () => {
    const plain = inMemory(`${head}::wait[The client paid]{#paid}\n- Start the work.\n`);
    expect((plain.graph.nodes['paid'] as WaitNode).onTimeout).toBeUndefined();
    expect((plain.graph.nodes[(plain.graph.nodes['paid'] as WaitNode).next!] as StepNode).text).toBe('Start the work.');
    const two = inMemory(`${head}::wait[The client paid]{#paid timeout=P1D}\n- The time ran out\n\n  1. Remind the client.\n- Another item\n`);
    expect(two.diagnostics.map((d) => [d.rule, d.line])).toEqual([['wait-timeout-branch', 17]]);
  });
});
