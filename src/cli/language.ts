import type { Help, Command, CommanderError, Option } from 'commander';
import levenshtein from 'fast-levenshtein';
import { t, type Lang } from '../i18n/index.js';

/**
 * SPEC §6: the language of the run, read from argv before commander parses it, so
 * that commander's own help and errors are in that language too. Chinese unless
 * `--lang en` (an unknown value is left to commander, which refuses it in Chinese).
 */
export function detectLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined) return value.trim().toLowerCase() === 'en' ? 'en' : 'zh';
  }
  return 'zh';
}

/** commander's help, its headings and its "(default: …)" notes in the run's language. */
export function localiseHelp(program: Command, lang: Lang): void {
  const titles: Record<string, string> = {
    'Usage:': t('cli.help.usage', lang),
    'Options:': t('cli.help.options', lang),
    'Commands:': t('cli.help.commands', lang),
    'Arguments:': t('cli.help.arguments', lang),
    'Global Options:': t('cli.help.global_options', lang),
  };
  const words = (text: string) =>
    text.replaceAll('[options]', t('cli.help.options_word', lang)).replaceAll('[command]', t('cli.help.command_word', lang));
  program
    .helpOption('-h, --help', t('cli.option.help', lang))
    .helpCommand('help [command]', t('cli.option.help_command', lang))
    .configureHelp({
      styleTitle: (title: string) => titles[title] ?? title,
      styleUsage: words,
      styleSubcommandTerm: words,
      optionDescription: (option: Option) => describeOption(option, lang),
      // A Chinese character takes two columns in a terminal, and a line may break between any two.
      displayWidth: terminalWidth,
      boxWrap: wrapText,
    } as Partial<Help>);
}

/** Columns a text takes in a terminal (commander's help has no colours here). */
function terminalWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) >= 0x2e80 && ch.charCodeAt(0) <= 0xffef ? 2 : 1;
  return width;
}

/** Greedy wrapping at `width` columns, between words or between any two Chinese characters. */
function wrapText(text: string, width: number): string {
  if (width < 40) return text;
  return text
    .split(/\r\n|\n/)
    .map((line) => {
      const lines: string[] = [];
      let current = '';
      for (const token of line.match(/\s*(?:[\u2e80-\uffef]|[^\s\u2e80-\uffef]+)/gu) ?? []) {
        if (current !== '' && terminalWidth(current) + terminalWidth(token) > width) {
          lines.push(current);
          current = token.trimStart();
        } else current += token;
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}

function describeOption(option: Option, lang: Lang): string {
  const notes: string[] = [];
  if (option.argChoices) notes.push(t('cli.help.choices', lang, { values: option.argChoices.join(', ') }));
  // An empty default (e.g. --note) says nothing: no "(default: )".
  if (option.defaultValue !== undefined && option.defaultValue !== '' && (option.required || option.optional)) {
    notes.push(t('cli.help.default', lang, { value: option.defaultValueDescription ?? String(option.defaultValue) }));
  }
  if (notes.length === 0) return option.description;
  return lang === 'zh' ? `${option.description}（${notes.join('；')}）` : `${option.description} (${notes.join('; ')})`;
}

/**
 * One of commander's errors (commander 14's English messages carry the option,
 * value or command in quotes) said in the run's language, with the flag that was
 * probably meant: `--registy` → "did you mean --registry?".
 */
export function describeCommanderError(error: CommanderError, program: Command, argv: readonly string[], lang: Lang): string {
  const quoted = [...error.message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const command = program.commands.find((c) => argv.includes(c.name()));
  const flag = (text: string | undefined) => (text ?? '').split(/[ ,]/).find((part) => part.startsWith('-')) ?? text ?? '';
  const suggestion = suggestFlag(command ?? program, argv);
  const didYouMean = suggestion ? t('cli.error.did_you_mean', lang, { flag: suggestion.meant }) : '';
  let text: string;
  switch (error.code) {
    case 'commander.unknownOption':
      text = t('cli.error.unknown_option', lang, { flag: quoted[0] ?? '' }) + didYouMean;
      break;
    case 'commander.missingMandatoryOptionValue': {
      const wanted = flag(quoted[0]);
      text = t('cli.error.missing_option', lang, { flag: wanted });
      // commander checks required options before unknown ones: --registy is reported as a missing --registry.
      if (suggestion)
        text +=
          suggestion.meant === wanted
            ? didYouMean
            : `${lang === 'zh' ? '；' : '; '}${t('cli.error.unknown_option', lang, { flag: suggestion.typed })}${didYouMean}`;
      break;
    }
    case 'commander.optionMissingArgument':
      text = t('cli.error.option_value_missing', lang, { flag: flag(quoted[0]) });
      break;
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.*)\.$/.exec(error.message)?.[1] ?? '';
      text = t('cli.error.invalid_choice', lang, { flag: flag(quoted[0]), value: quoted[1] ?? '', choices });
      break;
    }
    case 'commander.unknownCommand':
      text = t('cli.error.unknown_command', lang, { command: quoted[0] ?? '', commands: program.commands.map((c) => c.name()).join(', ') });
      break;
    case 'commander.excessArguments':
      text = t('cli.error.excess_arguments', lang, { args: strayArguments(command ?? program, argv).join(' ') });
      break;
    default:
      text = t('cli.error.other', lang, { detail: error.message.replace(/^error: /, '') });
  }
  const name = command ? `rollcall ${command.name()}` : 'rollcall';
  // One line (SPEC §6: a run that stops says why in one human-readable line).
  const stop = lang === 'en' ? ' ' : /[？。]$/.test(text) ? '' : '。';
  return `${text}${stop}${t('cli.error.see_help', lang, { command: name })}`;
}

/** A flag on the command line that the command does not know, and the one it most resembles. */
function suggestFlag(command: Command, argv: readonly string[]): { typed: string; meant: string } | null {
  const known = command.options.flatMap((option) => (option.long ? [option.long] : []));
  for (const arg of argv) {
    if (!arg.startsWith('--')) continue;
    const typed = arg.split('=')[0]!;
    if (known.includes(typed) || typed === '--help') continue;
    let best: string | null = null;
    let bestDistance = Infinity;
    for (const candidate of known) {
      const distance = levenshtein.get(typed, candidate);
      if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
    }
    if (best && bestDistance <= Math.max(2, Math.floor(typed.length / 4))) return { typed, meant: best };
  }
  return null;
}

/** Words that are neither an option nor an option's value. */
function strayArguments(command: Command, argv: readonly string[]): string[] {
  const stray: string[] = [];
  const takesValue = new Set(command.options.filter((option) => option.required || option.optional).map((option) => option.long));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === command.name()) continue;
    if (arg.startsWith('-')) {
      if (takesValue.has(arg)) i++;
      continue;
    }
    stray.push(arg);
  }
  return stray;
}
