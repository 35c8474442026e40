import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatDay, parseIsoDay, referenceDayFor, RollcallError, type CaseState } from '../domain/index.js';
import { plantCases } from './plant.js';
import { Random } from './random.js';
import { computeTruth, describeTruth, type TruthCase } from './truth.js';
import { buildWorld, COUNTY_PREFIX, checkIn, type GenerateOptions, type RegistryEntry, type World } from './world.js';
import { writeExports, type SourceFiles } from './write.js';

// `rollcall generate --next DIR`: the next night of a county made by `generate`
// (SPEC §8, issue #13). The same world is rebuilt from DIR/truth.json's options,
// then changed as a county changes overnight: some absent children check in (their
// cases are resolved), some children who checked in stop (new cases), some cases'
// evidence changes (a poverty roll now says 非在校生, or the child checked in while
// the roll still says so), the rest stay as they were. truth.json gives every
// case its expected ledger state, from this intent, not from src/ledger.

/** A case the test closes between the two nights (SPEC §9 销号), and whether night 2 changes its evidence. */
export interface CloseBetweenNights {
  category: TruthCase['category'];
  source: TruthCase['source'];
  row: number;
  evidence_changes: boolean;
}

export interface NextNightTruth {
  night: 2;
  previous_as_of: string;
  /** Night 2's cases, each with the state a correct ledger gives it. */
  states: (TruthCase & { state: CaseState })[];
  /** Night 1's cases night 2 no longer has (and that were not closed). */
  resolved: Pick<TruthCase, 'category' | 'source' | 'row'>[];
  close_between_nights: CloseBetweenNights[];
}

/** Shares of night 1's eligible cases fixed, of clean children made absent, of cases closed between the nights. */
const FIX_SHARE = 0.8;
const NEW_AT_LEAST = 20;
const CLOSE_SAME = 4;
const CLOSE_CHANGED = 4;

export async function generateNextNight(
  previousDir: string,
  dir: string,
  asOfText: string | undefined,
): Promise<{ files: SourceFiles; truth: NextNightTruth; counts: Record<string, unknown> }> {
  const previous = await readFirstNight(previousDir);
  const firstAsOf = parseIsoDay(previous.generator.as_of)!;
  const asOf = asOfText === undefined ? nextDay(firstAsOf) : parseIsoDay(asOfText);
  if (asOf === null || asOf <= firstAsOf || referenceDayFor(asOf) !== referenceDayFor(firstAsOf)) {
    throw new RollcallError('usage', {
      key: 'cli.generate.next_bad_as_of',
      params: { as_of: asOfText ?? '', previous: previous.generator.as_of },
    });
  }
  const options: GenerateOptions = {
    people: previous.generator.people,
    seed: previous.generator.seed,
    asOf: firstAsOf,
    flavor: previous.generator.flavor,
  };
  await mkdir(dir, { recursive: true });
  const world = buildWorld(options);
  plantCases(world);
  await writeExports(world, dir); // numbers the rows as night 1 did
  const night1 = computeTruth(world);

  const close = changeOvernight(world, night1, new Random(options.seed * 7919 + 17));
  const files = await writeExports(world, dir);
  const night2 = computeTruth(world);

  const key = (c: Pick<TruthCase, 'category' | 'source' | 'row'>) => `${c.category} ${c.source}:${c.row}`;
  const before = new Map(night1.map((c) => [key(c), c]));
  const after = new Map(night2.map((c) => [key(c), c]));
  // Keep only the closings whose evidence does what was meant (a changed case must still be found).
  const closings = close.filter((c) => {
    const second = after.get(key(c));
    const first = before.get(key(c));
    return second && first && (reasonsOf(first) !== reasonsOf(second)) === c.evidence_changes;
  });
  const closedKeys = new Map(closings.map((c) => [key(c), c]));
  const states = night2.map((c) => {
    const closing = closedKeys.get(key(c));
    const state: CaseState = closing ? (closing.evidence_changes ? 'reopened' : 'closed') : before.has(key(c)) ? 'open' : 'new';
    return { ...c, state };
  });
  const resolved = night1
    .filter((c) => !after.has(key(c)) && !closedKeys.has(key(c)))
    .map(({ category, source, row }) => ({ category, source, row }));
  const truth: NextNightTruth = { night: 2, previous_as_of: previous.generator.as_of, states, resolved, close_between_nights: closings };
  const description = { ...describeTruth(world, night2, files, [COUNTY_PREFIX]), ...truth };
  description.generator.as_of = formatDay(asOf);
  await writeFile(join(dir, 'truth.json'), `${JSON.stringify(description, null, 1)}\n`);
  return { files, truth, counts: description.counts };
}

interface FirstNight {
  generator: { people: number; seed: number; as_of: string; flavor: 'clean' | 'messy' };
  night?: number;
}

/**
 * The first night's truth. A next night's folder has the first night's generator
 * options too: starting from it would write the second night again, so it is refused.
 */
async function readFirstNight(dir: string): Promise<FirstNight> {
  let truth: FirstNight;
  try {
    truth = JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8')) as FirstNight;
  } catch (error) {
    throw new RollcallError('usage', { key: 'cli.generate.next_not_a_county', params: { dir } }, { cause: error });
  }
  if (typeof truth?.generator?.as_of !== 'string')
    throw new RollcallError('usage', { key: 'cli.generate.next_not_a_county', params: { dir } });
  if (truth.night !== undefined) throw new RollcallError('usage', { key: 'cli.generate.next_from_first_night', params: { dir } });
  return truth;
}

/** Changes the world as one night would, and says which cases the test should close between the nights. */
function changeOvernight(world: World, night1: readonly TruthCase[], random: Random): CloseBetweenNights[] {
  const byRow = new Map(world.registry.map((entry) => [entry.row, entry]));
  const absentOnly: RegistryEntry[] = [];
  const absentAndPoor: RegistryEntry[] = [];
  const withCase = new Set<number>();
  for (const c of night1) {
    if (c.source === 'registry') withCase.add(c.row);
    if (c.category !== 'enrolled_absent' || c.source !== 'registry') continue;
    const entry = byRow.get(c.row)!;
    if (reasonsOf(c) === 'not_checked_in') absentOnly.push(entry);
    else if (reasonsOf(c) === 'not_checked_in,poverty_out_of_school') absentAndPoor.push(entry);
  }
  const shuffled = random.shuffle([...absentOnly]);
  // A small county has few such cases: a third each for closing unchanged, closing and changing, and fixing.
  const quota = Math.min(CLOSE_SAME, CLOSE_CHANGED, Math.ceil(shuffled.length / 3));
  const closeSame = shuffled.slice(0, quota);
  // Changed evidence: the school now records the child as 辍学 (registry_dropout instead of not_checked_in) …
  const changed = shuffled.slice(quota, 2 * quota);
  for (const entry of changed) entry.status = '辍学';
  // … or the child checked in while the poverty roll still says out of school (a reason goes).
  for (const entry of absentAndPoor.slice(0, 2)) {
    checkIn(world, entry);
    changed.push(entry);
  }
  // Fixed: the child checks in; the case is resolved.
  const rest = shuffled.slice(2 * quota);
  const fixCount = Math.round(rest.length * FIX_SHARE);
  for (const entry of rest.slice(0, fixCount)) checkIn(world, entry);
  // New: children with no case at all who stop checking in.
  const clean = world.registry.filter(
    (entry) =>
      entry.status === '在读' &&
      entry.school.roster &&
      entry.idState === 'valid' &&
      entry.link.kind === 'linked' &&
      entry.link.rule === 'id_exact' &&
      !withCase.has(entry.row),
  );
  for (const entry of random.shuffle(clean).slice(0, Math.max(fixCount, NEW_AT_LEAST))) {
    for (let i = world.attendance.length - 1; i >= 0; i--) {
      const row = world.attendance[i]!;
      if (row.studentNo === entry.studentNo || (row.id !== '' && row.id === entry.idWritten)) world.attendance.splice(i, 1);
    }
  }
  const closing = (entry: RegistryEntry, evidenceChanges: boolean): CloseBetweenNights => ({
    category: 'enrolled_absent',
    source: 'registry',
    row: entry.row,
    evidence_changes: evidenceChanges,
  });
  return [...closeSame.map((entry) => closing(entry, false)), ...changed.map((entry) => closing(entry, true))];
}

function reasonsOf(c: TruthCase): string {
  return [...c.reasons].sort().join(',');
}

function nextDay(day: number): number {
  const date = new Date(Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, (day % 100) + 1));
  return date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}
