/**
 * The answers file of a scripted run (`--answers FILE`): a YAML mapping from a prompt — its node
 * id, or its text (decision question, checkpoint, step, wait event) — to the answer:
 *
 *   in-tariff: no                       # decision → option id or label
 *   "Клиент согласен оплатить?": Да
 *   invoice-number: INV-7               # checkpoint → its value, or true / yes / да; false / no / нет (the wait's
 *                                       #   words): not confirmed, the run pauses there
 *   greet: { skip: already greeted }    # step → skip with a reason (default: done)
 *   greet: { unclear: what to say? }    # step → note a question, then done
 *   in-tariff: { unclear: which tariff?, option: no }  # decision → note a question, then choose (without
 *                                       #   option: the decision is then unanswered, the run pauses there)
 *   call-back: { kept: "17:40" }        # promise step → done (the promise is given), and kept at 17:40
 *                                       #   today (or true: now; "2026-11-27 17:40"), also in a resumed run
 *   paid: true                          # wait → the event happened (also yes, да; no, нет or no entry: suspend)
 *   paid: "11:00"                       # wait → it happened today at 11:00 (or "2026-11-26 16:30")
 *   paid: timeout                       # wait → the time ran out: its timeout steps (also «время вышло», or the
 *                                       #   timeout item's text); any other word is an error
 *   greet:                              # any prompt → a situation the instruction does not cover:
 *     not-covered:                      #   the draft is saved and the run ends "not covered"
 *       what: the client asks for an English contract
 *       decided-by: chief accountant
 *       done: [answered in Russian, translation tomorrow]
 *       result: the client agreed
 */
import { lazy } from '../compile/lazy.js';
import { duplicateKeys, lineOverLimit } from '../parse/yaml-limits.js';
import type { AnswersProblem } from './answers-messages.js';
import type { Graph, Node } from '../graph/types.js';
import { documentZone } from '../schedule/task-zone.js';
import { parseHappened } from './happened.js';
import type { Answer, Prompt } from './engine.js';
import type { Gap } from './drive.js';

/** YAML is loaded when an answers file is read (`instr run` without one never reads YAML). */
const yaml = lazy<typeof import('yaml')>('yaml');

type AnswerValue = string | number | boolean | null | { skip?: unknown; unclear?: unknown; notCovered?: Gap; kept?: unknown; option?: unknown };

type At = { line: number; column: number };

export interface AnswersFile {
  /** Keys as written (and where: 1-based line and column), by normalised key. */
  entries: Map<string, { key: string; value: AnswerValue; at?: At }>;
}

export const MAX_ANSWERS_BYTES = 1024 * 1024;

/**
 * Where `instr show` prints a link's place after its text: «скрипте приветствия (instr show
 * greeting-script)», a web address, or a missing file marked ✗. The run prints the text without
 * it, so a key copied from either matches (friend test, round 10).
 */
const shownLinkPlace = /\s*\((?:instr show [^()]*|[a-z][a-z0-9+.-]*:[^()\s]*|[^()\s]+ ✗)\)/giu;

export function normalizeKey(text: string): string {
  return text
    .replace(shownLinkPlace, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.?!:;…]+$/u, '');
}

/** Parses the YAML; problems are returned (a code, its values and where), never thrown. */
export function parseAnswers(text: string): { answers: AnswersFile } | { error: AnswersProblem } {
  if (text.length > MAX_ANSWERS_BYTES) return { error: { code: 'tooLarge', args: { max: MAX_ANSWERS_BYTES } } };
  if (lineOverLimit(text, 20_000) !== null) return { error: { code: 'tooManyLines', args: { max: 20_000 } } };
  const lines = new (yaml().LineCounter)();
  const at = (offset: number): At => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  // uniqueKeys compares every key with all before it (quadratic): duplicates are found with a Set instead.
  const doc = yaml().parseDocument(text, { uniqueKeys: false, prettyErrors: false, lineCounter: lines });
  const yamlError = doc.errors[0];
  if (yamlError) return { error: { code: yamlError.code === 'TAB_AS_INDENT' ? 'tab' : 'notYaml', at: at(yamlError.pos[0]) } };
  const duplicate = duplicateKeys(doc, 1)[0];
  if (duplicate) return { error: { code: 'duplicate', args: { key: duplicate.key }, at: at(duplicate.offset) } };
  let value: unknown;
  try {
    value = doc.toJS({ mapAsMap: true, maxAliasCount: 100 });
  } catch {
    // the one error toJS throws on a document that parsed: too many aliases
    return { error: { code: 'aliases' } };
  }
  if (value === null || value === undefined) return { answers: { entries: new Map() } };
  if (!(value instanceof Map)) return { error: { code: 'notMapping', ...(doc.contents?.range ? { at: at(doc.contents.range[0]) } : {}) } };
  // where each prompt is answered, for messages about its answer
  const places = new Map<string, At>();
  if (yaml().isMap(doc.contents))
    for (const pair of doc.contents.items) if (yaml().isScalar(pair.key) && pair.key.range) places.set(String(pair.key.value), at(pair.key.range[0]));
  const entries = new Map<string, { key: string; value: AnswerValue; at?: At }>();
  for (const [rawKey, raw] of value) {
    const key = String(rawKey);
    const place = places.get(key);
    const problem = (code: AnswersProblem['code'], args: Record<string, string | number> = {}): { error: AnswersProblem } => ({
      error: { code, args: { key, ...args }, ...(place ? { at: place } : {}) },
    });
    let v: AnswerValue;
    if (raw instanceof Map) {
      const obj: { skip?: unknown; unclear?: unknown; notCovered?: Gap; kept?: unknown; option?: unknown } = {};
      for (const [k, x] of raw) {
        if (k === 'skip') obj.skip = x;
        else if (k === 'unclear') obj.unclear = x;
        else if (k === 'kept') obj.kept = x;
        else if (k === 'option') obj.option = x;
        else if (k === 'not-covered') {
          const gap = readGap(x);
          if ('error' in gap) return problem(gap.error, gap.args);
          obj.notCovered = gap;
        } else return problem('unknownAnswer', { word: String(k) });
      }
      if (obj.kept !== undefined && (obj.skip !== undefined || obj.notCovered)) return problem('keptWith');
      if (obj.notCovered && (obj.skip !== undefined || obj.unclear !== undefined || obj.option !== undefined)) return problem('notCoveredWith');
      v = obj;
    } else if (raw === null || ['string', 'number', 'boolean'].includes(typeof raw)) {
      v = raw as AnswerValue;
    } else {
      return problem('answerShape');
    }
    entries.set(normalizeKey(key), { key, value: v, ...(place ? { at: place } : {}) });
  }
  return { answers: { entries } };
}

const gapKeys = ['what', 'decided-by', 'done', 'result'];

/**
 * `not-covered: what happened` or `not-covered: { what, decided-by, done, result }`: the same
 * draft the menu's «Этого нет в инструкции…» captures, ending the run "not covered".
 */
function readGap(raw: unknown): Gap | { error: AnswersProblem['code']; args?: Record<string, string> } {
  const text = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() || undefined : undefined);
  if (!(raw instanceof Map)) {
    const what = text(raw);
    return what ? { description: what, actions: [], end: true } : { error: 'gapNeedsWhat' };
  }
  const unknown = [...raw.keys()].find((k) => !gapKeys.includes(String(k)));
  if (unknown !== undefined) return { error: 'gapKey', args: { list: gapKeys.join(', '), word: String(unknown) } };
  const description = text(raw.get('what'));
  if (!description) return { error: 'gapNeedsWhat' };
  const done: unknown = raw.get('done');
  const actions = (Array.isArray(done) ? done : done === undefined || done === null ? [] : [done]).map(text);
  if (actions.some((a) => a === undefined) || actions.length > 30) return { error: 'gapDone' };
  const decidedBy = text(raw.get('decided-by'));
  const result = text(raw.get('result'));
  if (raw.has('decided-by') && !decidedBy) return { error: 'gapDecidedBy' };
  return { description, actions: actions as string[], ...(decidedBy ? { decidedBy } : {}), ...(result ? { result } : {}), end: true };
}

/** Keys that name no node of the graph (by id or text): most likely typos; as written, with where, in file order. */
export function unknownKeys(graph: Graph, answers: AnswersFile): Array<{ key: string; at?: At }> {
  const known = new Set<string>();
  for (const node of Object.values(graph.nodes)) for (const k of keysOf(node)) known.add(k);
  return [...answers.entries.entries()].filter(([k]) => !known.has(k)).map(([, e]) => ({ key: e.key, ...(e.at && { at: e.at }) }));
}

function keysOf(node: Node): string[] {
  const keys = [node.id];
  if (node.kind === 'step') keys.push(node.text);
  if (node.kind === 'decision') keys.push(node.question);
  if (node.kind === 'checkpoint') keys.push(node.text);
  if (node.kind === 'wait') keys.push(node.event);
  if (node.kind === 'escalation') keys.push(node.reason);
  return keys.map(normalizeKey);
}

type Entry = { key: string; value: AnswerValue; at?: At };

/**
 * The first `kept:` answer that cannot stand: on a node that is no promise step, or with a value
 * that is neither true nor a time not after `now` (read in the promise's zone).
 */
export function keptProblem(
  graph: Graph,
  answers: AnswersFile,
  now: number,
): { entry: Entry; problem: 'not-promise' | 'format' | 'future'; text: string } | null {
  const promises = new Map<string, Node>();
  for (const node of Object.values(graph.nodes)) if (node.kind === 'step' && node.promise) for (const k of keysOf(node)) promises.set(k, node);
  for (const [k, entry] of answers.entries) {
    const v = entry.value;
    if (v === null || typeof v !== 'object' || v.kept === undefined) continue;
    const node = promises.get(k);
    if (!node) return { entry, problem: 'not-promise', text: '' };
    const read = keptAt(v.kept, now, documentZone(graph.documents.find((d) => d.file === node.position.file)));
    if (!read.ok) return { entry, problem: read.error, text: String(v.kept) };
  }
  return null;
}

const nowWords = new Set(['yes', 'да', 'now', 'сейчас', 'kept', 'выполнено']);

/** A `kept:` value: true (or «да», «сейчас») is now; "17:40" today, "2026-11-27 17:40" then; never after now. */
export function keptAt(value: unknown, now: number, zone: string): { ok: true; at: number } | { ok: false; error: 'format' | 'future' } {
  if (value === true || (typeof value === 'string' && nowWords.has(normalizeKey(value)))) return { ok: true, at: now };
  if (typeof value !== 'string') return { ok: false, error: 'format' };
  const read = parseHappened(value, now, zone);
  return read.ok ? read : { ok: false, error: read.error === 'future' ? 'future' : 'format' };
}

const arrivedWords = new Set(['yes', 'arrived', 'happened', 'done', 'да', 'произошло', 'уже произошло', 'случилось', 'готово']);
const timeoutWords = new Set(['timeout', 'timed out', 'time is up', 'время вышло', 'вышло время', 'таймаут']);
const suspendWords = new Set(['no', 'wait', 'suspend', 'нет', 'ждать', 'ждём', 'ещё нет', 'отложить']);

export type Scripted =
  | { answers: Answer[] }
  | { missing: string }
  | { suspend: true }
  /** A checkpoint answered no: it is not confirmed, so the run pauses at it. */
  | { unconfirmed: true }
  | { notCovered: Gap }
  | { waitWord: string; key: string; at?: At }
  | { happened: string; at?: At }
  | { error: AnswersProblem };

/** The file's entry that answers a node: by its id or its text. */
export function answerEntry(node: Node, answers: AnswersFile): { key: string; value: AnswerValue; at?: At } | undefined {
  return keysOf(node)
    .map((k) => answers.entries.get(k))
    .find((e) => e !== undefined);
}

/** The answers for a prompt from the file: a list (unclear then done), a missing answer, or a wait to suspend on. */
export function scriptedAnswer(prompt: Exclude<Prompt, { kind: 'finished' }>, answers: AnswersFile): Scripted {
  const entry = answerEntry(prompt.node, answers);
  const value = entry?.value;
  const key = entry ? entry.key : prompt.node.id;
  const place = entry?.at ? { at: entry.at } : {};
  const problem = (code: AnswersProblem['code'], args: Record<string, string> = {}): { error: AnswersProblem } => ({
    error: { code, args: { key, ...args }, ...place },
  });
  if (value !== null && typeof value === 'object' && value.notCovered) return { notCovered: value.notCovered };
  switch (prompt.kind) {
    case 'step': {
      if (value === undefined || value === null || value === true || value === 'done') return { answers: [{ type: 'done' }] };
      if (typeof value === 'object') {
        if (value.option !== undefined) return problem('optionNotDecision');
        const out: Answer[] = [];
        if (value.unclear !== undefined) out.push({ type: 'unclear', note: String(value.unclear) });
        out.push(value.skip !== undefined ? { type: 'skip', reason: String(value.skip ?? '') } : { type: 'done' });
        return { answers: out };
      }
      const text = String(value);
      const m = /^skip\s*:\s*(.*)$/is.exec(text);
      if (m) return { answers: [{ type: 'skip', reason: m[1]! }] };
      return problem('stepAnswer', { value: text });
    }
    case 'decision':
      if (value === undefined || value === null) return { missing: prompt.node.id };
      if (typeof value === 'object') {
        if (value.unclear === undefined || value.skip !== undefined || value.kept !== undefined) return problem('decisionAnswer');
        const noted: Answer[] = [{ type: 'unclear', note: String(value.unclear ?? '') }];
        return { answers: value.option === undefined || value.option === null ? noted : [...noted, { type: 'choose', option: answerText(value.option) }] };
      }
      return { answers: [{ type: 'choose', option: answerText(value) }] };
    case 'checkpoint': {
      if (value === undefined || value === null) return { missing: prompt.node.id };
      if (typeof value === 'object') return problem('checkpointAnswer');
      // the waits' yes / no words: a checkpoint answered no is not confirmed, and the run stops at it
      const word = normalizeKey(String(value));
      // "true" in quotes is the string, as a hand-written (or an older suggested) line may have it
      if (value === false || word === 'false' || suspendWords.has(word)) return { unconfirmed: true };
      if (value === true || word === 'true' || arrivedWords.has(word)) return { answers: [{ type: 'confirm', confirmed: true }] };
      if (!prompt.node.value) return problem('checkpointWord', { value: answerText(value) });
      return { answers: [{ type: 'confirm', confirmed: true, value: answerText(value) }] };
    }
    case 'escalation':
      return { answers: [{ type: 'ack' }] };
    case 'wait': {
      if (value === undefined || value === null || value === false) return { suspend: true };
      const word = normalizeKey(String(value));
      if (value === true || arrivedWords.has(word)) return { answers: [{ type: 'arrived' }] };
      const timeoutLabel = prompt.node.onTimeout ? normalizeKey(prompt.node.onTimeout.label) : null;
      if (timeoutWords.has(word) || word === timeoutLabel) return { answers: [{ type: 'timeout' }] };
      if (suspendWords.has(word)) return { suspend: true };
      // "11:00" or "2026-11-26 16:30": it happened then (read by the driver in the instruction's zone)
      if (typeof value === 'string' && /^\d{1,2}[:.]\d\d$|^\d{4}-\d\d-\d\d[T ]\d/.test(value.trim())) return { happened: value, ...place };
      // Anything else was meant as an answer; waiting silently instead left testers guessing.
      return { waitWord: answerText(value), key, ...place };
    }
  }
}

/** An answer as the author wrote it, for a message: a mapping or list as YAML's flow form would show it, not "[object Object]". */
function answerText(value: unknown): string {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}
