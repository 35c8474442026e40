import { readFile } from 'node:fs/promises';
import levenshtein from 'fast-levenshtein';
import type { z } from 'zod';
import { RollcallError } from '../domain/index.js';
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
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot be read';
    throw new RollcallError('config', `config file ${file}: ${reason} — check the --config path`, { cause: error });
  }
  return parseConfigText(text.replace(/^\uFEFF/, ''), file);
}

export function parseConfigText(text: string, file: string): ConfigFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RollcallError(
      'config',
      `config file ${file}: not valid JSON (${(error as Error).message}) — fix the syntax; the file must be one JSON object`,
    );
  }
  const result = configSchema.safeParse(json);
  if (result.success) return result.data;
  const lines = result.error.issues.flatMap(describeIssue);
  throw new RollcallError('config', `config file ${file} has ${lines.length === 1 ? 'a problem' : `${lines.length} problems`}:\n${lines.map((l) => `  ${l}`).join('\n')}`);
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  const at = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(issue.path);
    return issue.keys.map((key) => {
      const path = at ? `${at}.${key}` : key;
      const hint = closest(key, allowed);
      return `${path}: unknown key${hint ? ` (did you mean "${hint}"?)` : ''}`;
    });
  }
  const message = issue.message.replace(/^Invalid input: /, '');
  return [`${at || '(top level)'}: ${message}`];
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
