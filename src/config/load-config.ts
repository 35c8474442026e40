import { readFile } from 'node:fs/promises';
import levenshtein from 'fast-levenshtein';
import { parse as parseTolerantly, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { RollcallError } from '../domain/index.js';
import { both, type MessageKey, type Text } from '../i18n/index.js';
import { allowedKeysAt, configSchema, type ConfigFile } from './schema.js';

/**
 * Reads and validates a config file (SPEC §6). Every problem is reported at once
 * (STYLE 6), each as "path: what is wrong".
 */
export async function loadConfigFile(file: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const key = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'config.file_missing' : 'config.file_unreadable';
    throw new RollcallError('config', { key, params: { file } }, { cause: error });
  }
  return parseConfigText(text.replace(/^\uFEFF/, ''), file);
}

export function parseConfigText(text: string, file: string): ConfigFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw syntaxError(text, file, (error as Error).message);
  }
  const result = configSchema.safeParse(json);
  if (result.success) return result.data;
  const lines = result.error.issues.flatMap(describeIssue);
  const list: Text = { zh: lines.map((l) => `  ${l.zh}`).join('\n'), en: lines.map((l) => `  ${l.en}`).join('\n') };
  throw new RollcallError('config', {
    key: 'config.problems',
    params: {
      file,
      problems: lines.length === 1 ? both('config.one_problem') : both('config.many_problems', { count: lines.length }),
      list,
    },
  });
}

/**
 * Where JSON syntax breaks, as line and column (an editor shows those, not a
 * character position), and the full-width quotes and commas an input method types
 * in place of " and , (issue #12).
 */
function syntaxError(text: string, file: string, detail: string): RollcallError {
  const errors: ParseError[] = [];
  parseTolerantly(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  const offset = first?.offset ?? text.length;
  // An input method's quote or comma where JSON needs " or , (inside a string it is fine).
  const span = first ? text.slice(first.offset, first.offset + Math.max(first.length, 1)) : '';
  const fullWidthAt = span.search(/[“”＂，]/u);
  const fullWidth = fullWidthAt >= 0 ? { index: offset + fullWidthAt, char: span[fullWidthAt]! } : null;
  const { line, column } = lineAndColumn(text, offset);
  // What is wrong, in words: jsonc-parser's error code, else JSON.parse's own message.
  const what: Text = first ? (JSON_PROBLEMS[printParseErrorCode(first.error)] ?? plain(detail)) : plain(detail);
  if (offset >= text.trimEnd().length)
    return new RollcallError('config', { key: 'config.not_json_at_end', params: { file, detail: what } });
  if (!fullWidth) return new RollcallError('config', { key: 'config.not_json', params: { file, line, column, detail: what } });
  const at = lineAndColumn(text, fullWidth.index);
  return new RollcallError('config', {
    key: 'config.not_json',
    params: { file, line, column, detail: both('config.full_width', { line: at.line, column: at.column, char: fullWidth.char }) },
  });
}

function plain(detail: string): Text {
  const text = detail.replace(/\s+/g, ' ');
  return { zh: text, en: text };
}

const JSON_PROBLEMS: Readonly<Record<string, Text>> = {
  InvalidSymbol: { zh: '无效的字符', en: 'a character JSON does not allow' },
  ValueExpected: { zh: '这里应有一个值（常见原因：多余的逗号）', en: 'a value is expected here (often a comma too many)' },
  CommaExpected: { zh: '缺少逗号', en: 'a comma is missing' },
  ColonExpected: { zh: '缺少冒号', en: 'a colon is missing' },
  PropertyNameExpected: { zh: '应为用双引号括起的键名', en: 'a key in double quotes is expected' },
  CloseBraceExpected: { zh: '缺少 }', en: 'a } is missing' },
  CloseBracketExpected: { zh: '缺少 ]', en: 'a ] is missing' },
  EndOfFileExpected: { zh: 'JSON 对象后面还有多余的内容', en: 'there is more after the JSON object' },
  UnexpectedEndOfString: { zh: '文字没有结束的双引号', en: 'a text has no closing double quote' },
  InvalidCommentToken: { zh: 'JSON 不允许注释', en: 'JSON allows no comments' },
};

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function describeIssue(issue: z.core.$ZodIssue): Text[] {
  const at = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(issue.path);
    return issue.keys.map((key) => {
      const path = at ? `${at}.${key}` : key;
      const hint = closest(key, allowed);
      return hint ? both('config.unknown_key_hint', { path, hint }) : both('config.unknown_key', { path });
    });
  }
  const path: Text = at ? { zh: at, en: at } : both('config.top_level');
  return [both('config.invalid_value', { path, detail: describeProblem(issue) })];
}

/** zod's English detail, and the same in Chinese for the problems a config file can have. */
function describeProblem(issue: z.core.$ZodIssue): Text {
  const en = issue.message.replace(/^Invalid input: /, '');
  // The schema's own messages are catalogue keys (schema.ts).
  if (issue.code === 'custom' || issue.code === 'invalid_format') {
    return issue.message.startsWith('config.') ? both(issue.message as MessageKey) : { zh: en, en };
  }
  if (issue.code === 'invalid_type') {
    const received = /received (\w+)/.exec(en)?.[1] ?? '';
    return { zh: `应为${typeName(issue.expected)}，实际是${typeName(received)}`, en };
  }
  if (issue.code === 'too_small')
    return { zh: issue.origin === 'array' ? `至少要有 ${issue.minimum} 项` : `不能小于 ${issue.minimum}`, en };
  if (issue.code === 'too_big') return { zh: issue.origin === 'array' ? `最多 ${issue.maximum} 项` : `不能大于 ${issue.maximum}`, en };
  if (issue.code === 'invalid_union') return { zh: '应为一个文字或一组文字', en: 'expected a text or a list of texts' };
  return { zh: en, en };
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  array: '列表 [ ]',
  object: '对象 { }',
  boolean: 'true/false',
  null: 'null',
  int: '整数',
};

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

function closest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const distance = levenshtein.get(key, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}
