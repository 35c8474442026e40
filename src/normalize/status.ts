import type { RegistryExit, StatusKind } from '../domain/index.js';
import { foldText } from './text.js';

// SPEC §2 "Statuses": matched, by text or by code, against configurable lists.

export interface StatusLists {
  readonly registryActive: readonly string[];
  readonly registryDropout: readonly string[];
  readonly registryLeft: readonly string[];
  /** Approved absences within *left* (休学, 保留学籍): never a case. */
  readonly registrySuspended: readonly string[];
  /** Completions within *left* (毕业, 结业): compulsory education is complete when on grades 7–9. */
  readonly registryCompleted: readonly string[];
  readonly householdLiving: readonly string[];
  readonly householdDeceased: readonly string[];
  readonly householdGone: readonly string[];
  readonly povertyOutOfSchool: readonly string[];
  /** 在校生状况 values that say in school: a value in neither poverty list is shown by `inspect`. */
  readonly povertyInSchool: readonly string[];
}

/** The lists folded once (NFKC, no white space) and keyed for lookup. */
export class StatusMatcher {
  private readonly registry = new Map<string, StatusKind>();
  private readonly household = new Map<string, StatusKind>();
  private readonly exits = new Map<string, RegistryExit>();
  private readonly outOfSchool: ReadonlySet<string>;
  private readonly inSchool: ReadonlySet<string>;

  constructor(lists: StatusLists) {
    // Earlier lists win when a text stands in two: active before dropout before left.
    // A suspension or a completion is a way of leaving, even when a county's own
    // left list forgets it.
    addAll(this.registry, lists.registrySuspended, 'left');
    addAll(this.registry, lists.registryCompleted, 'left');
    addAll(this.registry, lists.registryLeft, 'left');
    addAll(this.registry, lists.registryDropout, 'dropout');
    addAll(this.registry, lists.registryActive, 'active');
    // Suspension wins over completion: an approved absence is never a case.
    for (const text of lists.registryCompleted) this.exits.set(foldText(text), 'completed');
    for (const text of lists.registrySuspended) this.exits.set(foldText(text), 'suspended');
    addAll(this.household, lists.householdGone, 'gone');
    addAll(this.household, lists.householdDeceased, 'deceased');
    addAll(this.household, lists.householdLiving, 'living');
    this.outOfSchool = new Set(lists.povertyOutOfSchool.map(foldText));
    this.inSchool = new Set(lists.povertyInSchool.map(foldText));
  }

  registryStatus(text: string): StatusKind {
    return this.registry.get(text) ?? this.registry.get(foldText(text)) ?? 'unknown';
  }

  /**
   * SPEC §5: how a registration with a *left* status left. A completion counts on
   * grades 7 and above (`grade`, from gradeLevel); a 六年级 毕业 is 小升初: the child
   * still owes three years. A grade nobody can read (null) is not taken as primary:
   * rollcall does not raise a case it cannot prove.
   */
  registryExit(text: string, grade: number | null): RegistryExit {
    if (this.registryStatus(text) !== 'left') return 'other';
    const exit = this.exits.get(text) ?? this.exits.get(foldText(text)) ?? 'other';
    return exit === 'completed' && grade !== null && grade < 7 ? 'other' : exit;
  }

  householdStatus(text: string): StatusKind {
    return this.household.get(text) ?? this.household.get(foldText(text)) ?? 'unknown';
  }

  isOutOfSchool(schoolStatus: string): boolean {
    return this.outOfSchool.has(schoolStatus) || this.outOfSchool.has(foldText(schoolStatus));
  }

  /** A 在校生状况 value in either poverty list (empty counts as known: nothing was said). */
  isKnownSchoolStatus(schoolStatus: string): boolean {
    const folded = foldText(schoolStatus);
    return folded === '' || this.inSchool.has(folded) || this.outOfSchool.has(folded);
  }
}

function addAll(map: Map<string, StatusKind>, list: readonly string[], kind: StatusKind): void {
  for (const text of list) map.set(foldText(text), kind);
}

/** SPEC §2: the *no* values of the yes/no list, and 空, which a 未上学原因 column writes for none. */
const NO_REASON = new Set(['', '否', '0', '无', 'N', 'FALSE', '空']);

/**
 * SPEC §2: a `not_in_school_reason` that is not a *no* value (否, 0, 无, N, false,
 * empty) and not 空 says the member is out of school. Only the exact no values:
 * the yes/no reader's wider "不…" rule would swallow reasons such as 不愿上学.
 */
export function isOutOfSchoolReason(raw: string): boolean {
  return !NO_REASON.has(foldText(raw).toUpperCase());
}
