import { osUser } from '../os-user.js';
import { ExitError, exitCodes } from '../errors.js';
import { fill, showMessages } from '../../i18n/show-messages.js';
import type { Io } from '../io.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { loadInstructions } from '../load.js';
import { openJournal } from './journal-store.js';
import { inboxMessages } from '../../inbox/messages.js';
import { inboxQuestions } from '../../report/questions.js';
import { jsonText } from '../../render/json-text.js';

export interface AnswerFlags {
  note?: string;
  user?: string;
  lang?: string;
  journal?: string;
  json?: boolean;
  format?: string;
}

/** Longest answer kept (a question's answer is a few sentences; the journal is not a document store). */
const maxAnswer = 4000;

/**
 * `instr inbox answer ID --note TEXT`: the question is answered. An `answered` record is appended
 * to the question's run in the journal (nothing is rewritten); `instr inbox` no longer lists the
 * question as open, `--all` shows it with its answer.
 */
export async function answerQuestion(query: string | undefined, paths: string[], flags: AnswerFlags, now: Date, io: Io): Promise<number> {
  const { graph } = await loadInstructions(paths.length ? paths : ['instructions'], io, { requireClean: false });
  const lang = flags.lang ?? graph.documents[0]?.lang ?? 'en';
  const q9 = inboxMessages(lang);
  const t = showMessages(lang);
  const note = (flags.note ?? '').trim();
  if (!query) throw new ExitError(q9.answerUsage, exitCodes.usage);
  if (!note) throw new ExitError(q9.answerNeedsNote, exitCodes.usage);
  if (note.length > maxAnswer) throw new ExitError(fill(q9.answerTooLong, { n: maxAnswer }), exitCodes.usage);
  const journal = await openJournal(io, flags.journal, lang);
  try {
    const raw = await journal.store.questions();
    const questions = inboxQuestions(graph, raw);
    const found = questions.find((x) => x.id === query.trim());
    if (!found) {
      const open = questions.filter((x) => !x.answer);
      const list = open.map((x) => `  ${x.id}  ${terminalSafe(x.note.replace(/\s+/g, ' ').slice(0, 60))}`).join('\n');
      throw new ExitError(`${fill(q9.noQuestion, { q: terminalSafe(query) })}${list ? ` ${t.known}\n${list}` : ''}`, exitCodes.usage);
    }
    const question = raw.find((x) => x.run === found.run && x.seq === found.seq)!;
    const user = flags.user ?? osUser();
    const at = now.toISOString();
    await journal.store.answerQuestion(question, note, user, at);
    if (flags.json || flags.format === 'json') {
      io.out(jsonText({ kind: 'answered', id: found.id, question: found.note, answer: { text: note, at, user }, journal: journal.shown }));
    } else {
      io.out(`${io.color.green('✔')} ${fill(q9.answered, { id: found.id })} ${io.color.dim(`(${q9.journal}: ${terminalSafe(journal.shown)})`)}\n`);
    }
    return exitCodes.ok;
  } finally {
    await journal.store.close();
  }
}
