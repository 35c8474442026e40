export { foldText, detach, Interner } from './text.js';
export {
  normalizeIdNumber,
  normalizeIdFromNumber,
  convert15,
  checkCharFor,
  checksumWeight,
  isChecksumValid,
  isProvinceCode,
  type NormalizedId,
} from './id-number.js';
export { normalizeName, soundKey, compareNames, type NameAgreement } from './name.js';
export { parseDateText, parseDateCell, INVALID_DATE } from './date.js';
export { parseGender } from './gender.js';
export { parseYesNo, type YesNoField } from './yes-no.js';
export { StatusMatcher, isOutOfSchoolReason, type StatusLists } from './status.js';
export { isResidentIdType } from './id-type.js';
export { gradeLevel, isJuniorMiddleGrade } from './grade.js';
export { IdKeyTable, restDigits, birthOfKey } from './id-key.js';
