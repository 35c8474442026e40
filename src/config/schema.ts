import { z } from 'zod';
import { FIELD_NAMES, SOURCE_NAMES } from '../domain/index.js';
import { encodingNamed, STATUS_LIST_NAMES } from './defaults.js';

// SPEC §6: the config file. Every key optional; an unknown key or a wrong type is
// a config error that names the key's path. Custom messages are catalogue keys
// (src/i18n/messages/config.ts), rendered by load-config.ts.

const headerNames = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const columnsSchema = z.strictObject(
  Object.fromEntries(FIELD_NAMES.map((field) => [field, headerNames.optional()])) as Record<
    (typeof FIELD_NAMES)[number],
    z.ZodOptional<typeof headerNames>
  >,
);

const sourceSchema = z.strictObject({
  /** The export to read (relative to the config file's folder); a command-line flag wins. */
  file: z.string().min(1).optional(),
  columns: columnsSchema.optional(),
  encoding: z
    .string()
    .refine((value) => encodingNamed(value) !== null, {
      message: 'config.encoding_choice',
    })
    .optional(),
  sheet: z.string().min(1).optional(),
});

const statusList = z.array(z.string());

export const configSchema = z.strictObject({
  /** The report folder (relative to the config file's folder); --out wins. */
  out: z.string().min(1).optional(),
  county: z
    .array(z.string().regex(/^\d{6}$/, 'config.county_code'))
    .min(1)
    .optional(),
  schoolAge: z
    .strictObject({ min: z.number().int().min(0).max(30), max: z.number().int().min(0).max(30) })
    .refine((age) => age.min <= age.max, { message: 'config.school_age_order' })
    .optional(),
  sources: z
    .strictObject(
      Object.fromEntries(SOURCE_NAMES.map((source) => [source, sourceSchema.optional()])) as Record<
        (typeof SOURCE_NAMES)[number],
        z.ZodOptional<typeof sourceSchema>
      >,
    )
    .optional(),
  statuses: z
    .strictObject(
      Object.fromEntries(STATUS_LIST_NAMES.map((list) => [list, statusList.optional()])) as Record<
        (typeof STATUS_LIST_NAMES)[number],
        z.ZodOptional<typeof statusList>
      >,
    )
    .optional(),
  // SPEC §11: the 劝返复学通知书 (reconcile --notices).
  notice: z
    .strictObject({
      issuer: z.string().min(1).optional(),
      daysToComply: z.number().int().min(1).max(365).optional(),
      template: z.string().min(1).optional(),
    })
    .optional(),
  // SPEC §8: the ledger file (a path relative to the config file's folder) and the input guard.
  ledger: z.string().min(1).optional(),
  guard: z.strictObject({ maxShrink: z.number().min(0).max(1) }).optional(),
});

export type ConfigFile = z.infer<typeof configSchema>;

/** The keys that may stand at each path, for "did you mean" hints. */
export function allowedKeysAt(path: readonly PropertyKey[]): readonly string[] {
  const [first, second, third] = path.map(String);
  if (path.length === 0) return Object.keys(configSchema.shape);
  if (first === 'schoolAge') return ['min', 'max'];
  if (first === 'notice') return ['issuer', 'daysToComply', 'template'];

  if (first === 'guard') return ['maxShrink'];
  if (first === 'statuses') return STATUS_LIST_NAMES;
  if (first === 'sources' && path.length === 1) return SOURCE_NAMES;
  if (first === 'sources' && path.length === 2 && second !== undefined) return ['file', 'columns', 'encoding', 'sheet'];
  if (first === 'sources' && third === 'columns') return FIELD_NAMES;
  return [];
}
