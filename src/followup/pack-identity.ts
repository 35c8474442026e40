// SPEC §9: a pack says which ledger and which run wrote it, so that a pack returned
// to another ledger, or from a run this ledger does not have, is recognised and
// explained before any row is read. Kept in a hidden sheet: Excel, WPS and
// LibreOffice keep hidden sheets when they re-save a workbook (document
// properties are less reliably kept by WPS).

export const IDENTITY_SHEET = 'rollcall';
export const IDENTITY_MARK = 'rollcall_pack';

export interface PackIdentity {
  readonly ledgerId: string;
  /** The as-of of the run that wrote the pack (YYYY-MM-DD). */
  readonly asOf: string;
  readonly unit: 'township' | 'school';
  readonly name: string;
}

export function identityRows(identity: PackIdentity): [string, string][] {
  return [
    [IDENTITY_MARK, '1'],
    ['ledger_id', identity.ledgerId],
    ['as_of', identity.asOf],
    ['unit', identity.unit],
    ['name', identity.name],
  ];
}

/** The identity from the key/value rows of the hidden sheet; null when they are not a pack's. */
export function identityFrom(rows: ReadonlyMap<string, string>): PackIdentity | null {
  if (rows.get(IDENTITY_MARK) !== '1') return null;
  const unit = rows.get('unit');
  const ledgerId = rows.get('ledger_id') ?? '';
  const asOf = rows.get('as_of') ?? '';
  if ((unit !== 'township' && unit !== 'school') || ledgerId === '' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return null;
  return { ledgerId, asOf, unit, name: rows.get('name') ?? '' };
}
