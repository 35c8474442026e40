import type { FieldName, SourceName } from '../domain/index.js';
import type { HeaderMap } from './header-map.js';

/** The source a file's headers belong to, and the headers that show it. */
export interface SourceSignature {
  readonly source: SourceName;
  readonly headers: readonly string[];
}

/** Fields only a poverty roll has (在校生状况, 是否失学辍学), and the words of its 未上学原因 headers. */
const POVERTY_FIELDS: readonly FieldName[] = ['school_status', 'dropout_flag'];
const POVERTY_WORDS = /未上学原因|失学或辍学原因|失学辍学原因/;
/** Fields of a 学籍 export that a check-in roster does not carry: 身份证件类型 and the 学籍 flags. */
const REGISTRY_FIELDS: readonly FieldName[] = ['id_type', 'left_behind', 'migrant', 'parent_incarcerated'];

/**
 * SPEC §6: "a file whose headers belong to another source is named as such". Which
 * source the headers look like, tried from the most telling signs to the least:
 * - poverty: a poverty-only field (a 建档立卡 export also has 户编号 and 与户主关系);
 * - registry: a student number and a status (全国学籍号 + 学籍状态);
 * - attendance: a header with 报到;
 * - registry: a student number with registry-only columns (身份证件类型, 是否留守儿童…)
 *   or a status column under a name no field reads (学籍状态名称): a registry whose
 *   status is missing, which the missing-field message must name, not a roster;
 * - attendance: a student number without a status (a roster);
 * - household: 户号 or 与户主关系.
 * null when the headers show none of these.
 */
export function recogniseSource(map: HeaderMap): SourceSignature | null {
  const has = (field: FieldName) => map.columns[field] !== undefined;
  const shown = (fields: readonly FieldName[]) => fields.filter(has).map((field) => map.headers[field]!);
  const poverty = [...shown(POVERTY_FIELDS), ...map.found.filter((header) => POVERTY_WORDS.test(header))];
  if (poverty.length > 0) return { source: 'poverty', headers: poverty };
  if (has('student_no') && has('status')) return { source: 'registry', headers: shown(['student_no', 'status']) };
  const checkIn = map.found.filter((header) => header.includes('报到'));
  if (checkIn.length > 0) return { source: 'attendance', headers: [...shown(['student_no']), ...checkIn] };
  const registryOnly = [...shown(REGISTRY_FIELDS), ...map.unmapped.filter((header) => header.includes('状态'))];
  if (has('student_no') && registryOnly.length > 0) return { source: 'registry', headers: [...shown(['student_no']), ...registryOnly] };
  if (has('student_no')) return { source: 'attendance', headers: shown(['student_no', 'school', 'school_code']) };
  const household = shown(['household_no', 'relation']);
  if (household.length > 0) return { source: 'household', headers: household };
  return null;
}

/**
 * A poverty roll with no poverty-only field that looks like a roster or a registry
 * (issue #12: an attendance roster given as --poverty ran and made 在籍不在校 fall
 * from 89 to 24). A plain list of members (name and ID only) is still a poverty
 * roll: it marks the focus group.
 */
export function misplacedPovertyRoll(map: HeaderMap): SourceSignature | null {
  const signature = recogniseSource(map);
  return signature && (signature.source === 'attendance' || signature.source === 'registry') ? signature : null;
}

/** A registry, poverty roll or roster given as --household (whose only required fields are a name and an ID). */
export function misplacedHousehold(map: HeaderMap): SourceSignature | null {
  const signature = recogniseSource(map);
  return signature && signature.source !== 'household' ? signature : null;
}
