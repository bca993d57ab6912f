/**
 * "Does `from` lead to `to`?" over a directed graph given as id → successor ids, answered for many
 * pairs without walking the graph once per question.
 *
 * The graph is cut into strongly connected components (two ids in one component reach each other),
 * and a component's descendants are a bit set, computed the first time it is asked about. A folder
 * of thousands of tasks whose jumps tie most of them into one component then costs one walk and a
 * few bit sets, where a set of reachable ids per task cost time and memory quadratic in the tasks.
 */
export class Reachability {
  private readonly index = new Map<string, number>();
  private readonly component: Int32Array;
  /** Whether a component holds a cycle (more than one id, or an id that leads to itself). */
  private readonly cyclic: boolean[] = [];
  /** Successor components of each component, each once. */
  private readonly successors: number[][] = [];
  private readonly descendants: Array<Uint32Array | undefined> = [];

  constructor(links: ReadonlyMap<string, ReadonlySet<string>>) {
    const ids: string[] = [];
    const idOf = (id: string) => {
      let at = this.index.get(id);
      if (at === undefined) {
        at = ids.length;
        this.index.set(id, at);
        ids.push(id);
      }
      return at;
    };
    for (const id of links.keys()) idOf(id);
    const edges: number[][] = [];
    for (const [id, targets] of links) edges[idOf(id)] = [...targets].map(idOf);
    const count = ids.length;
    for (let i = 0; i < count; i++) edges[i] ??= [];
    const { component, total } = components(edges);
    this.component = component;
    const sizes = new Int32Array(total);
    for (let i = 0; i < count; i++) sizes[this.component[i]!]!++;
    for (let c = 0; c < total; c++) {
      this.cyclic.push(sizes[c]! > 1);
      this.successors.push([]);
    }
    for (let i = 0; i < count; i++) {
      const from = this.component[i]!;
      for (const j of edges[i]!) {
        const to = this.component[j]!;
        if (to === from) {
          if (i === j) this.cyclic[from] = true;
          continue;
        }
        const list = this.successors[from]!;
        if (list[list.length - 1] !== to && !list.includes(to)) list.push(to);
      }
    }
  }

  /** Whether a path of one edge or more leads from `from` to `to` (an id reaches itself only on a cycle). */
  reaches(from: string, to: string): boolean {
    const f = this.index.get(from);
    const t = this.index.get(to);
    if (f === undefined || t === undefined) return false;
    const cf = this.component[f]!;
    const ct = this.component[t]!;
    if (cf === ct) return f !== t || this.cyclic[cf]!;
    const bits = this.descendantsOf(cf);
    return (bits[ct >>> 5]! & (1 << (ct & 31))) !== 0;
  }

  /** The components reachable from component `c`, as a bit set (computed once, successors first). */
  private descendantsOf(c: number): Uint32Array {
    const known = this.descendants[c];
    if (known) return known;
    const words = (this.successors.length + 31) >>> 5;
    const stack = [c];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (this.descendants[top]) {
        stack.pop();
        continue;
      }
      const pending = this.successors[top]!.filter((s) => !this.descendants[s]);
      if (pending.length > 0) {
        stack.push(...pending);
        continue;
      }
      const bits = new Uint32Array(words);
      for (const s of this.successors[top]!) {
        bits[s >>> 5]! |= 1 << (s & 31);
        const below = this.descendants[s]!;
        for (let w = 0; w < words; w++) bits[w]! |= below[w]!;
      }
      this.descendants[top] = bits;
      stack.pop();
    }
    return this.descendants[c]!;
  }
}

/** Tarjan's strongly connected components, without recursion: each vertex's component number, and how many there are. */
function components(edges: readonly (readonly number[])[]): { component: Int32Array; total: number } {
  const count = edges.length;
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const component = new Int32Array(count).fill(-1);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const calls: Array<{ v: number; next: number }> = [];
  let counter = 0;
  let found = 0;
  for (let root = 0; root < count; root++) {
    if (order[root] !== -1) continue;
    calls.push({ v: root, next: 0 });
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (calls.length > 0) {
      const frame = calls[calls.length - 1]!;
      const { v } = frame;
      const out = edges[v]!;
      if (frame.next < out.length) {
        const w = out[frame.next++]!;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          calls.push({ v: w, next: 0 });
        } else if (onStack[w]) low[v] = Math.min(low[v]!, order[w]!);
        continue;
      }
      calls.pop();
      if (calls.length > 0) {
        const parent = calls[calls.length - 1]!.v;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === order[v]) {
        for (;;) {
          const w = stack.pop()!;
          onStack[w] = 0;
          component[w] = found;
          if (w === v) break;
        }
        found++;
      }
    }
  }
  return { component, total: found };
}
