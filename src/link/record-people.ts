import { birthFrom, genderOf, statedBirthFrom, type Gender, type SourceRecord, type StatusKind } from '../domain/index.js';
import type { IdKeyTable } from '../normalize/index.js';
import type { People } from './people-index.js';

/**
 * A few thousand records as `People` (registry persons, for a poverty member with
 * no household person: SPEC §4). The household register has its own column store
 * (src/load); these are records already made, read as they are.
 */
export class RecordPeople<T extends number = number> implements People<T> {
  private readonly keys: Float64Array;

  constructor(
    private readonly records: readonly SourceRecord[],
    readonly idKeys: IdKeyTable,
  ) {
    this.keys = Float64Array.from(records, (record) => (record.idState === 'valid' ? idKeys.register(record.id) : -1));
  }

  get length(): number {
    return this.records.length;
  }

  at(t: T): SourceRecord {
    return this.records[t]!;
  }

  idKey(t: T): number {
    return this.keys[t]!;
  }

  birth(t: T): number {
    return birthFrom(this.records[t]!.idBirth, this.records[t]!.birthDate);
  }

  statedBirth(t: T): number {
    return statedBirthFrom(this.records[t]!.idBirth, this.records[t]!.birthDate);
  }

  statusKind(t: T): StatusKind {
    return this.records[t]!.statusKind;
  }

  gender(t: T): Gender | null {
    return genderOf(this.records[t]!);
  }

  name(t: T): string {
    return this.records[t]!.name;
  }

  township(t: T): string {
    return this.records[t]!.township;
  }

  village(t: T): string {
    return this.records[t]!.village;
  }

  writtenName(t: T): string {
    return this.records[t]!.nameRaw || this.records[t]!.name;
  }

  id(t: T): string {
    return this.records[t]!.id;
  }

  row(t: T): number {
    return this.records[t]!.row;
  }

  flags(t: T): number {
    return this.records[t]!.flags;
  }

  householdNo(t: T): string {
    return this.records[t]!.householdNo;
  }

  relation(t: T): string {
    return this.records[t]!.relation;
  }
}
