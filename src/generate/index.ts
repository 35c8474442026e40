import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { plantCases } from './plant.js';
import { computeTruth, describeTruth, type TruthCase } from './truth.js';
import { buildWorld, COUNTY_PREFIX, type GenerateOptions } from './world.js';
import { writeExports, type SourceFiles } from './write.js';

export type { GenerateOptions } from './world.js';
export type { TruthCase } from './truth.js';
export type { SourceFiles } from './write.js';
export { generateNextNight } from './next-night.js';
export { measureAccuracy, renderAccuracy } from './accuracy.js';

export interface GeneratedCounty {
  readonly dir: string;
  readonly files: SourceFiles;
  readonly truth: readonly TruthCase[];
  readonly counts: { household: number; registry: number; poverty: number; attendance: number };
}

/**
 * `rollcall generate`: a synthetic county with every case of SPEC §5 planted, the
 * distractors that must not be reported, and truth.json listing what a correct
 * run reports. The same options give the same bytes.
 */
export async function generateCounty(options: GenerateOptions, dir: string): Promise<GeneratedCounty> {
  await mkdir(dir, { recursive: true });
  const world = buildWorld(options);
  plantCases(world);
  const files = await writeExports(world, dir);
  const truth = computeTruth(world);
  const description = describeTruth(world, truth, files, [COUNTY_PREFIX]);
  await writeFile(join(dir, 'truth.json'), `${JSON.stringify(description, null, 1)}\n`);
  return { dir, files, truth, counts: description.counts };
}
