import { existsSync, writeFileSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config/index.js';
import { generateCounty } from '../../src/generate/index.js';
import { loadSources as loadInThisThread, type LoadedSources } from '../../src/load/index.js';
import { join, tempDir } from '../helpers/files.js';

// load/side-loader.ts: the registry, poverty roll and roster are read on a worker
// beside the household register. The worker only runs from the build (npm test
// builds first); the TypeScript sources read every file on one thread. Both must
// give the same tables, keys included, and the same first error.

const BUILT = 'dist/src/load/index.js';

async function county() {
  const dir = tempDir();
  const generated = await generateCounty({ people: 4000, seed: 23, asOf: 20260920, flavor: 'messy' }, dir);
  const file = (name: string | undefined) => join(dir, name ?? '');
  const { registry, household, poverty, attendance } = generated.files;
  return { dir, files: { registry: file(registry), household: file(household), poverty: file(poverty), attendance: file(attendance) } };
}

function rows(loaded: LoadedSources) {
  return Object.fromEntries(
    Object.entries(loaded).map(([source, data]) => {
      const table = data.records;
      const records = Array.from({ length: table.length }, (_, i) => ({ key: table.idKey(i), ...table.at(i) }));
      return [source, { records, rejected: data.rejected, problems: { ...data.problems }, rowsRead: data.rowsRead }];
    }),
  );
}

describe('reading the smaller sources on a worker (built by npm test)', () => {
  it('gives the tables, keys, rejected rows and problems one thread gives', async () => {
    expect(existsSync(BUILT) && existsSync('dist/src/load/side-worker.js')).toBe(true);
    const { files } = await county();
    const settings = await resolveSettings({ ...files, asOf: '2026-09-20' });
    const built = (await import(`../../${BUILT}`)) as typeof import('../../src/load/index.js');
    const seen: string[] = [];
    const beside = await built.loadSources(settings, (source) => seen.push(source));
    const alone = await loadInThisThread(settings);
    expect(rows(beside)).toEqual(rows(alone));
    // Progress came from both threads.
    expect(new Set(seen)).toEqual(new Set(['household', 'registry', 'poverty', 'attendance']));
  }, 60_000);

  it('stops with the first broken source in the order household, registry, poverty, attendance', async () => {
    const { files } = await county();
    // A registry cut inside a quoted field, and a poverty roll that is not there.
    const broken = join(tempDir(), 'registry.csv');
    writeFileSync(broken, `${readFileSync(files.household, 'utf8').slice(0, 2000)}"unfinished`);
    const settings = await resolveSettings({ ...files, registry: broken, poverty: '/nonexistent/poverty.csv', asOf: '2026-09-20' });
    const built = (await import(`../../${BUILT}`)) as typeof import('../../src/load/index.js');
    const beside = await built.loadSources(settings).catch((error: unknown) => error);
    const alone = await loadInThisThread(settings).catch((error: unknown) => error);
    expect(beside).toMatchObject({
      name: 'RollcallError',
      code: (alone as { code: string }).code,
      text: (alone as { text: unknown }).text,
    });
    expect((beside as Error).message).toBe((alone as Error).message);
    expect((beside as Error).message).toContain('registry.csv');
  }, 60_000);
});
