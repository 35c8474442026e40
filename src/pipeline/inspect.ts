import type { Settings } from '../config/index.js';
import { ID_STATES, type FieldName, type IdState, type SourceName } from '../domain/index.js';
import { loadSources, type LoadedSource, type SourceProgress } from '../load/index.js';

/** How one file will be read (`rollcall inspect --json`, issue #2). */
export interface SourceInspection {
  file: string;
  format: string;
  encoding: string | null;
  encoding_forced: boolean;
  sheet: string | null;
  header_row: number;
  fields: Partial<Record<FieldName, string>>;
  unmapped_headers: string[];
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  rejected_by_reason: Record<string, number>;
  id_states: Record<IdState, number>;
  id_digits_lost: number;
  unreadable_dates: { count: number; rows: number[] };
  unreadable_genders: number;
  unreadable_yes_no: number;
  unknown_statuses: Record<string, number>;
  /** A household register without a status column: everyone in it is living (SPEC §1). */
  everyone_living: boolean;
  /** Poverty roll: 在校生状况 values in neither the in-school nor the out-of-school list (SPEC §2). */
  unknown_school_statuses: Record<string, number>;
  /** Poverty roll: members out of school by `not_in_school_reason` alone. */
  out_of_school_by_reason: number;
  /** Workbook formula cells with no saved value, read as empty. */
  formulas_without_value: number;
}

export interface InspectReport {
  sources: Partial<Record<SourceName, SourceInspection>>;
}

export async function inspect(settings: Settings, onProgress?: SourceProgress): Promise<InspectReport> {
  const loaded = await loadSources(settings, onProgress);
  const sources: InspectReport['sources'] = {};
  for (const [source, data] of Object.entries(loaded) as [SourceName, LoadedSource][]) {
    sources[source] = describeSource(data, settings.sources[source]?.encoding != null);
  }
  return { sources };
}

export function describeSource(data: LoadedSource, encodingForced: boolean): SourceInspection {
  const rejectedByReason: Record<string, number> = {};
  for (const row of data.rejected) rejectedByReason[row.reason] = (rejectedByReason[row.reason] ?? 0) + 1;
  const idStates = Object.fromEntries(ID_STATES.map((state) => [state, data.problems.idStates[state]])) as Record<IdState, number>;
  return {
    file: data.file,
    format: data.format,
    encoding: data.encoding,
    encoding_forced: data.format === 'csv' && encodingForced,
    sheet: data.sheet,
    header_row: data.headerRow,
    fields: data.fields,
    unmapped_headers: [...data.unmappedHeaders],
    rows_read: data.rowsRead,
    rows_accepted: data.rowsAccepted,
    rows_rejected: data.rowsRejected,
    rejected_by_reason: rejectedByReason,
    id_states: idStates,
    id_digits_lost: data.problems.idDigitsLost,
    unreadable_dates: { count: data.problems.badDateCount, rows: [...data.problems.badDates] },
    unreadable_genders: data.problems.badGenderCount,
    unreadable_yes_no: data.problems.badYesNoCount,
    unknown_statuses: Object.fromEntries([...data.problems.unknownStatuses].sort((a, b) => b[1] - a[1])),
    everyone_living: data.source === 'household' && data.fields.status === undefined,
    unknown_school_statuses: Object.fromEntries([...data.problems.unknownSchoolStatuses].sort((a, b) => b[1] - a[1])),
    out_of_school_by_reason: data.problems.outOfSchoolByReasonCount,
    formulas_without_value: data.formulasWithoutValue,
  };
}
