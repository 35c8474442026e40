export { linkSources, type LinkedData } from './link-sources.js';
export { linkRecord, type Link, type Review } from './rules.js';
export { PeopleIndex } from './people-index.js';
export { describeIdDifference } from './id-difference.js';
export { GuardianFinder, relationKind } from './guardians.js';
