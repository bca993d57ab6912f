/**
 * Scripted mode: answers come from the --answers file. A missing answer stops the run (exit 2;
 * the run is paused, resumable with more answers) unless a terminal is there to ask it (`ask`, the interactive driver); it never waits on a
 * closed stdin.
 */
import { documentZone } from '../schedule/task-zone.js';
import type { Answer } from './engine.js';
import { parseHappened } from './happened.js';
import { answerEntry, keptAt, scriptedAnswer, type AnswersFile } from './answers.js';
import { localDateTime } from '../schedule/zone.js';
import { promiseOf } from './engine.js';
import { promiseMessages } from '../i18n/promise-messages.js';
import { answersProblemText } from './answers-messages.js';
import type { Action, Driver, Open } from './drive.js';
import type { RunMessages } from './messages.js';
import type { RunSession } from './session.js';

export class ScriptedDriver implements Driver {
  private queue: Answer[] = [];
  /** The last answer was typed at the terminal rather than read from the file. */
  private asked = false;
  /** Waits whose timeout steps were taken: back at them, the run waits again (is suspended). */
  private readonly timedOut = new Set<string>();
  /** Decisions whose question was noted with no option: back at them, the answer is missing. */
  private readonly noted = new Set<string>();
  /**
   * Steps taken as done because the file does not mention them (friend test, round 11: «Ответить
   * клиенту…» passed as done on a holiday): the summary lists them.
   */
  readonly assumed = new Set<string>();

  /**
   * `file`: the answers file as the user named it, and `lang` the screen's language: a wrong
   * answer is told as «answers.yaml:3:1: …» in it.
   */
  constructor(
    private readonly answers: AnswersFile,
    private readonly t: RunMessages,
    private readonly ask: Driver | undefined,
    private readonly file: string,
    private readonly lang: string,
  ) {}

  /** Promises the file says were kept (`PROMISE: { kept: … }`), once each is made and still open. */
  settle(session: RunSession): string | null {
    const t = promiseMessages(this.lang);
    for (const p of session.promises()) {
      if (p.kept || p.dropped) continue;
      const step = promiseOf(session.graph, p.node);
      const entry = step ? answerEntry(step, this.answers) : undefined;
      const value = entry?.value;
      if (!entry || value === null || typeof value !== 'object' || value.kept === undefined || value.kept === false) continue;
      const place = `${this.where(entry.at)}: `;
      const doc = session.graph.documents.find((d) => d.file === step!.position.file);
      const read = keptAt(value.kept, session.now().getTime(), documentZone(doc));
      if (!read.ok) return `${place}${read.error === 'future' ? t.answerKeptFuture(entry.key, String(value.kept)) : t.answerKeptValue(entry.key)}`;
      if (!session.keepPromise(p.node, new Date(read.at).toISOString()))
        return `${place}${t.answerKeptBefore(entry.key, String(value.kept), localDateTime(Date.parse(p.madeAt), documentZone(doc)))}`;
    }
    return null;
  }

  /** `answers.yaml:3:1` for an answer the file gives at a place, else the file. */
  private where(at: { line: number; column: number } | undefined): string {
    return at ? `${this.file}:${at.line}:${at.column}` : this.file;
  }

  private quote(text: string): string {
    return this.lang === 'ru' ? `«${text}»` : `"${text}"`;
  }

  async next(prompt: Open, session: RunSession): Promise<Action> {
    this.asked = false;
    const queued = this.queue.shift();
    if (queued) return { kind: 'answer', answer: queued };
    let got = scriptedAnswer(prompt, this.answers);
    if ('answers' in got && got.answers.length === 1 && got.answers[0]?.type === 'unclear' && prompt.kind === 'decision') {
      if (this.noted.has(prompt.node.id)) got = { missing: prompt.node.id };
      else this.noted.add(prompt.node.id);
    }
    if ('missing' in got) {
      if (!this.ask) return { kind: 'stop', message: missingMessage(prompt, this.t), missing: true };
      this.asked = true;
      return this.ask.next(prompt, session);
    }
    if ('suspend' in got) return { kind: 'suspend' };
    if ('unconfirmed' in got) return { kind: 'pause', unconfirmed: true };
    if ('notCovered' in got) return { kind: 'not-covered', gap: got.notCovered };
    if ('error' in got) return { kind: 'stop', message: answersProblemText(got.error, this.file, this.lang) };
    if ('waitWord' in got) return { kind: 'stop', message: `${this.where(got.at)}: ${this.quote(got.key)}: ${this.t.waitWord} ${this.quote(got.waitWord)}` };
    if ('happened' in got) {
      const now = session.now().getTime();
      const doc = session.graph.documents.find((d) => d.file === prompt.node.position.file);
      const happened = parseHappened(got.happened, now, documentZone(doc));
      if (!happened.ok)
        return {
          kind: 'stop',
          message: `${this.where(got.at)}: ${this.quote(prompt.node.id)}: ${this.quote(got.happened)} ${happened.error === 'future' ? `${this.t.happenedFuture}. ${this.t.happenedFutureScripted}` : this.t.happenedFormat}`,
        };
      return { kind: 'answer', answer: { type: 'arrived', at: new Date(happened.at).toISOString() } };
    }
    if (got.answers[0]?.type === 'timeout') {
      if (this.timedOut.has(prompt.node.id)) return { kind: 'suspend' };
      this.timedOut.add(prompt.node.id);
    }
    if (prompt.kind === 'step' && answerEntry(prompt.node, this.answers) === undefined) this.assumed.add(prompt.node.id);
    const [first, ...rest] = got.answers;
    this.queue = rest;
    return { kind: 'answer', answer: first! };
  }

  rejected(error: string, prompt: Open): Action | null {
    // an answer from the file is wrong: stop, at its line; one typed at the terminal: say so and ask again
    if (this.ask && this.asked) return this.ask.rejected(error, prompt);
    return { kind: 'stop', message: `${this.where(answerEntry(prompt.node, this.answers)?.at)}: ${error}` };
  }
}

/**
 * "No answer for "in-tariff" (Is it in the tariff?); options: a) Yes; b) No", then the line to
 * add to the answers file, keyed by the prompt's text as `instr show` prints it (ids may be generated).
 */
function missingMessage(prompt: Open, t: RunMessages): string {
  const n = prompt.node;
  // `yaml` is the value as YAML text: a checkpoint's true must stay a boolean, not the string "true"
  const line = (key: string, yaml: string) => `\n${t.addAnswer}\n  ${JSON.stringify(key)}: ${yaml}`;
  if (n.kind === 'decision') {
    const options = n.options.map((o, i) => `${String.fromCharCode(97 + i)}) ${o.label}`).join('; ');
    return `${t.missingAnswer} "${n.id}" (${n.question}); ${t.options}: ${options}${line(n.question, JSON.stringify(n.options[0]?.label ?? ''))}`;
  }
  if (n.kind === 'checkpoint')
    return `${t.missingAnswer} "${n.id}" (${n.text}): ${n.value ? n.value : 'true / false'}${line(n.text, n.value ? JSON.stringify(n.value) : 'true')}`;
  return `${t.missingAnswer} "${n.id}"`;
}
