import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, FIELD_NAMES, FLAGS, REASONS } from '../../src/domain/index.js';
import { t } from '../../src/i18n/index.js';
import { COLUMNS } from '../../src/report/index.js';

describe('the documents live in the repository (issue #12)', () => {
  const reference = readFileSync('docs/REFERENCE.md', 'utf8');

  it('explains every field, column, category, reason, flag and rule in docs/REFERENCE.md', () => {
    for (const code of [...FIELD_NAMES, ...COLUMNS, ...CATEGORIES, ...REASONS, ...FLAGS, 'id_exact', 'id_fuzzy', 'name_birth']) {
      expect(reference, code).toContain(`\`${code}\``);
    }
    for (const column of COLUMNS) expect(reference).toContain(`| ${t(`report.column.${column}`, 'zh')} |`);
    for (const key of ['schools_without_roster', 'population_by_township', 'sha256', '退出码']) expect(reference).toContain(key);
  });

  it('points to no document outside the repository', () => {
    for (const file of ['README.md', 'docs/DECISIONS.md', 'docs/REFERENCE.md'])
      expect(readFileSync(file, 'utf8'), file).not.toContain('../shared');
  });
});
