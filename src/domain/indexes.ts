// STYLE 14: say what a number indexes in its type. Rows of different tables are
// all plain numbers at run time; in the types a household row can never be used
// as a registry row or as a registry person (a mix-up that once compiled).

declare const table: unique symbol;

/** A position in one table; `Table` names the table. */
export type Ix<Table extends string> = number & { readonly [table]: Table };

/** A person of the household register (a row of its RecordTable). */
export type HouseholdIx = Ix<'household'>;
/** A registration: a row of the registry. */
export type RegistryIx = Ix<'registry'>;
/** A member of the poverty roll. */
export type PovertyIx = Ix<'poverty'>;
/** A registry person: the registrations that share one valid ID (LinkedData.registryPersons). */
export type RegistryPersonIx = Ix<'registry_person'>;

/** The position `i` of a table, typed as that table's index. */
export function ix<T extends Ix<string>>(i: number): T {
  return i as T;
}
