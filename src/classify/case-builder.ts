import {
  birthOf,
  DIFFERENCE_FIELDS,
  differsIn,
  formatDay,
  genderOf,
  statedBirthOf,
  type Case,
  type CaseCandidate,
  type CasePerson,
  type CaseRecord,
  type Difference,
  type DifferenceField,
  type Evidence,
  type Gender,
  type SourceRecord,
} from '../domain/index.js';
import type { GuardianFinder } from '../link/index.js';
import { caseIdFor } from './case-id.js';
import type { Finding } from './finding.js';
import { flagsFor } from './flags.js';

/** Turns a finding into the Case of the output contract (SPEC §7), keys in contract order. */
export function buildCase(finding: Finding, county: ReadonlySet<string>, guardians: GuardianFinder): Case {
  const { primary, household } = finding;
  const records = unique([primary, ...(household ? [household] : []), ...finding.others]);
  const inHouseholdRegister = primary.source === 'household' || household !== null;
  return {
    case_id: caseIdFor(finding.category, primary),
    category: finding.category,
    reasons: finding.reasons,
    flags: flagsFor(records, county, inHouseholdRegister),
    township: primary.township || household?.township || '',
    school: primary.school,
    village: primary.village || household?.village || '',
    grade: primary.grade,
    class: primary.className,
    student_no: primary.studentNo,
    household_no: primary.householdNo || household?.householdNo || '',
    id_note: primary.idNote,
    person: personOf(primary),
    records: records.map(recordOf),
    suggested_id: finding.suggestedId,
    candidates: finding.review
      ? finding.review.review.candidates.map((candidate, i) => candidateOf(finding.review!.people[i]!, candidate.evidence))
      : [],
    match: finding.link ? { rule: finding.link.rule, evidence: finding.link.evidence } : null,
    differences: finding.link && household ? differencesOf(finding.link.evidence, primary, household) : [],
    // SPEC §11: the child's own household record names the household.
    guardians: guardians.guardiansOf(primary.source === 'household' ? primary : household, primary.village),
  } as Case;
}

/** SPEC §7: where the registration and the household person differ, both values as each side states them. */
function differencesOf(evidence: Evidence, record: SourceRecord, person: SourceRecord): Difference[] {
  return DIFFERENCE_FIELDS.filter((field) => differsIn(evidence, field)).map((field) => ({
    field,
    registry: valueIn(record, field),
    household: valueIn(person, field),
  }));
}

function valueIn(record: SourceRecord, field: DifferenceField): string | null {
  switch (field) {
    case 'id_number':
      return record.id || null;
    case 'name':
      return record.nameRaw || null;
    case 'gender':
      return genderName(genderOf(record));
    case 'birth_date':
      return formatDay(statedBirthOf(record)) || null;
  }
}

/** Records are compared by source and row: a row read twice from a table is two objects. */
function unique(records: SourceRecord[]): SourceRecord[] {
  const seen = new Set<string>();
  return records.filter((record) => {
    const key = `${record.source}:${record.row}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function genderName(gender: Gender | null): CasePerson['gender'] {
  return gender === 'M' ? 'male' : gender === 'F' ? 'female' : null;
}

function personOf(record: SourceRecord): CasePerson {
  return {
    name: record.nameRaw,
    id_number: record.id,
    gender: genderName(genderOf(record)),
    birth_date: formatDay(birthOf(record)) || null,
  };
}

function recordOf(record: SourceRecord): CaseRecord {
  return { source: record.source, row: record.row, id_number: record.id, name: record.nameRaw };
}

function candidateOf(person: SourceRecord, evidence: Evidence): CaseCandidate {
  return {
    ...recordOf(person),
    gender: genderName(genderOf(person)),
    birth_date: formatDay(birthOf(person)) || null,
    township: person.township,
    village: person.village,
    household_no: person.householdNo,
    evidence,
  };
}
