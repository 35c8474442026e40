export { linkSources, type LinkInputs, type LinkedData, type LinkCounts, type RuleCounts } from './link-sources.js';
export { linkRecord, evidenceFor, type LinkOutcome, type Link, type Review, type Candidate } from './rules.js';
export { PeopleIndex, type People } from './people-index.js';
export { describeIdDifference, type IdDifference } from './id-difference.js';
export { forEachNeighbourKey } from './id-neighbourhood.js';
export type { AttendanceMatch } from './attendance.js';
export { GuardianFinder, relationKind, type RelationKind } from './guardians.js';
