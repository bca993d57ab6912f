/**
 * The answers file of a scripted run (`--answers FILE`): a YAML mapping from a prompt — its node
 * id, or its text (decision question, checkpoint, step, wait event) — to the answer:
 *
 *   in-tariff: no                       # decision → option id or label
 *   "Клиент согласен оплатить?": Да
 *   invoice-number: INV-7               # checkpoint → its value, or true / false
 *   greet: { skip: already greeted }    # step → skip with a reason (default: done)
 *   greet: { unclear: what to say? }    # step → note a question, then done
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
import { parseDocument } from 'yaml';
import { duplicateKeys, lineOverLimit } from '../parse/yaml-limits.js';
import type { Graph, Node } from '../graph/types.js';
import type { Answer, Prompt } from './engine.js';
import type { Gap } from './drive.js';

type AnswerValue = string | number | boolean | null | { skip?: unknown; unclear?: unknown; notCovered?: Gap };

export interface AnswersFile {
  /** Keys as written, by normalised key. */
  entries: Map<string, { key: string; value: AnswerValue }>;
}

export const MAX_ANSWERS_BYTES = 1024 * 1024;

export function normalizeKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.?!:;…]+$/u, '');
}

/** Parses the YAML; problems are returned as messages, never thrown. */
export function parseAnswers(text: string): { answers: AnswersFile } | { error: string } {
  if (text.length > MAX_ANSWERS_BYTES) return { error: `the answers file is larger than ${MAX_ANSWERS_BYTES} bytes` };
  if (lineOverLimit(text, 20_000) !== null) return { error: 'the answers file is longer than 20000 lines' };
  // uniqueKeys compares every key with all before it (quadratic): duplicates are found with a Set instead.
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) return { error: doc.errors[0]!.message.split('\n')[0]! };
  const duplicate = duplicateKeys(doc, 1)[0];
  if (duplicate) return { error: `Map keys must be unique; "${duplicate.key}" is repeated` };
  let value: unknown;
  try {
    value = doc.toJS({ mapAsMap: true, maxAliasCount: 100 });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (value === null || value === undefined) return { answers: { entries: new Map() } };
  if (!(value instanceof Map)) return { error: 'the answers file must be a mapping: prompt id or text → answer' };
  const entries = new Map<string, { key: string; value: AnswerValue }>();
  for (const [rawKey, raw] of value) {
    const key = String(rawKey);
    let v: AnswerValue;
    if (raw instanceof Map) {
      const obj: { skip?: unknown; unclear?: unknown; notCovered?: Gap } = {};
      for (const [k, x] of raw) {
        if (k === 'skip') obj.skip = x;
        else if (k === 'unclear') obj.unclear = x;
        else if (k === 'not-covered') {
          const gap = readGap(key, x);
          if ('error' in gap) return gap;
          obj.notCovered = gap;
        } else return { error: `"${key}": unknown answer "${String(k)}"; a step takes skip: reason or unclear: note, any prompt not-covered: what happened` };
      }
      if (obj.notCovered && (obj.skip !== undefined || obj.unclear !== undefined))
        return { error: `"${key}": not-covered ends the run, so it cannot go with skip or unclear` };
      v = obj;
    } else if (raw === null || ['string', 'number', 'boolean'].includes(typeof raw)) {
      v = raw as AnswerValue;
    } else {
      return { error: `"${key}": the answer must be a word, a number, true/false or skip: reason` };
    }
    entries.set(normalizeKey(key), { key, value: v });
  }
  return { answers: { entries } };
}

const gapKeys = ['what', 'decided-by', 'done', 'result'];

/**
 * `not-covered: what happened` or `not-covered: { what, decided-by, done, result }`: the same
 * draft the menu's «Этого нет в инструкции…» captures, ending the run "not covered".
 */
function readGap(key: string, raw: unknown): Gap | { error: string } {
  const text = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() || undefined : undefined);
  if (!(raw instanceof Map)) {
    const what = text(raw);
    return what ? { description: what, actions: [], end: true } : { error: `"${key}": not-covered needs what happened: not-covered: { what: … }` };
  }
  const unknown = [...raw.keys()].find((k) => !gapKeys.includes(String(k)));
  if (unknown !== undefined) return { error: `"${key}": not-covered takes ${gapKeys.join(', ')}, not "${String(unknown)}"` };
  const description = text(raw.get('what'));
  if (!description) return { error: `"${key}": not-covered needs what happened: what: …` };
  const done: unknown = raw.get('done');
  const actions = (Array.isArray(done) ? done : done === undefined || done === null ? [] : [done]).map(text);
  if (actions.some((a) => a === undefined) || actions.length > 30) return { error: `"${key}": done is what was done: a line, or a list of up to 30 lines` };
  const decidedBy = text(raw.get('decided-by'));
  const result = text(raw.get('result'));
  if (raw.has('decided-by') && !decidedBy) return { error: `"${key}": decided-by names who decided` };
  return { description, actions: actions as string[], ...(decidedBy ? { decidedBy } : {}), ...(result ? { result } : {}), end: true };
}

/** Keys that name no node of the graph (by id or text): most likely typos. */
export function unknownKeys(graph: Graph, answers: AnswersFile): string[] {
  const known = new Set<string>();
  for (const node of Object.values(graph.nodes)) for (const k of keysOf(node)) known.add(k);
  return [...answers.entries.entries()].filter(([k]) => !known.has(k)).map(([, e]) => e.key);
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

const arrivedWords = new Set(['yes', 'arrived', 'happened', 'done', 'да', 'произошло', 'уже произошло', 'случилось', 'готово']);
const timeoutWords = new Set(['timeout', 'timed out', 'time is up', 'время вышло', 'вышло время', 'таймаут']);
const suspendWords = new Set(['no', 'wait', 'suspend', 'нет', 'ждать', 'ждём', 'ещё нет', 'отложить']);

export type Scripted =
  | { answers: Answer[] }
  | { missing: string }
  | { suspend: true }
  | { happened: string }
  | { notCovered: Gap }
  | { waitWord: string; key: string }
  | { error: string };

/** The answers for a prompt from the file: a list (unclear then done), a missing answer, or a wait to suspend on. */
export function scriptedAnswer(prompt: Exclude<Prompt, { kind: 'finished' }>, answers: AnswersFile): Scripted {
  const entry = keysOf(prompt.node)
    .map((k) => answers.entries.get(k))
    .find((e) => e !== undefined);
  const value = entry?.value;
  const where = entry ? `"${entry.key}"` : `"${prompt.node.id}"`;
  if (value !== null && typeof value === 'object' && value.notCovered) return { notCovered: value.notCovered };
  switch (prompt.kind) {
    case 'step': {
      if (value === undefined || value === null || value === true || value === 'done') return { answers: [{ type: 'done' }] };
      if (typeof value === 'object') {
        const out: Answer[] = [];
        if (value.unclear !== undefined) out.push({ type: 'unclear', note: String(value.unclear) });
        out.push(value.skip !== undefined ? { type: 'skip', reason: String(value.skip ?? '') } : { type: 'done' });
        return { answers: out };
      }
      const text = String(value);
      const m = /^skip\s*:\s*(.*)$/is.exec(text);
      if (m) return { answers: [{ type: 'skip', reason: m[1]! }] };
      return { error: `${where}: a step takes done, skip: reason or unclear: note, not "${text}"` };
    }
    case 'decision':
      if (value === undefined || value === null) return { missing: prompt.node.id };
      if (typeof value === 'object') return { error: `${where}: a decision takes an option id or label` };
      return { answers: [{ type: 'choose', option: String(value) }] };
    case 'checkpoint':
      if (value === undefined || value === null) return { missing: prompt.node.id };
      if (typeof value === 'object') return { error: `${where}: a checkpoint takes true, false or its value` };
      if (value === false || value === 'no') return { answers: [{ type: 'confirm', confirmed: false }] };
      if (value === true || value === 'yes') return { answers: [{ type: 'confirm', confirmed: true }] };
      return { answers: [{ type: 'confirm', confirmed: true, value: String(value) }] };
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
      if (typeof value === 'string' && /^\d{1,2}[:.]\d\d$|^\d{4}-\d\d-\d\d[T ]\d/.test(value.trim())) return { happened: value };
      // Anything else was meant as an answer; waiting silently instead left testers guessing.
      return { waitWord: String(value), key: where };
    }
  }
}
