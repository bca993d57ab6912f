/**
 * commander's errors (an unknown option or command, a missing argument or value, too many
 * arguments, a value not among the choices) in the screen's language. commander only gives an
 * English sentence and a code, so the values are read back from its sentence; a sentence of a
 * shape not known here is shown as it is, after a line in the screen's language.
 */
import type { CommanderError } from 'commander';
import type { UsageMessages } from '../i18n/usage-messages.js';
import { terminalSafe } from '../text/terminal-safe.js';

export function commanderMessage(error: CommanderError, args: readonly string[], t: UsageMessages): string {
  const text = error.message.replace(/^error: /, '');
  const suggestion = /\(Did you mean (?:one of )?(.+)\?\)/.exec(text)?.[1];
  const didYouMean = suggestion ? ` ${t.didYouMean(suggestion.split(', '))}` : '';
  const command = commandOf(args);
  const help = `\n${t.seeHelp(command ? `instr ${command}` : 'instr')}`;
  let m: RegExpExecArray | null;
  switch (error.code) {
    case 'commander.unknownOption':
      if ((m = /unknown option '(.*)'/.exec(text))) return `${t.unknownOption(terminalSafe(m[1]!))}${didYouMean}${help}`;
      break;
    case 'commander.unknownCommand':
      if ((m = /unknown command '(.*)'/.exec(text))) return `${t.unknownCommand(terminalSafe(m[1]!))}${didYouMean}\n${t.seeHelp('instr')}`;
      break;
    case 'commander.missingArgument':
      if ((m = /missing required argument '(.*)'/.exec(text))) return `${t.missingArgument(m[1]!)}${help}`;
      break;
    case 'commander.optionMissingArgument':
      if ((m = /option '(.*)' argument missing/.exec(text))) return `${t.optionNeedsValue(m[1]!)}${help}`;
      break;
    case 'commander.excessArguments':
      if ((m = /Expected (\d+) arguments? but got (\d+)/.exec(text)))
        return `${t.tooManyArguments(command ? `instr ${command}` : 'instr', Number(m[1]), Number(m[2]))}${help}`;
      break;
    case 'commander.invalidArgument':
      if ((m = /option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/.exec(text)))
        return `${t.invalidValue(m[1]!, terminalSafe(m[2]!), m[3]!.split(', '))}${help}`;
      break;
  }
  return `${t.commandLine(terminalSafe(text))}${help}`;
}

/** The command named on the command line (the first word that is not an option). */
function commandOf(args: readonly string[]): string | undefined {
  const word = args.find((a) => !a.startsWith('-'));
  return word !== undefined && /^[a-z]+$/.test(word) ? word : undefined;
}
