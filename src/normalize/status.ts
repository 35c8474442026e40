import type { StatusKind } from '../domain/index.js';
import { foldText } from './text.js';

// SPEC §2 "Statuses": matched, by text or by code, against configurable lists.

export interface StatusLists {
  readonly registryActive: readonly string[];
  readonly registryDropout: readonly string[];
  readonly registryLeft: readonly string[];
  readonly householdLiving: readonly string[];
  readonly householdDeceased: readonly string[];
  readonly householdGone: readonly string[];
  readonly povertyOutOfSchool: readonly string[];
}

/** The lists folded once (NFKC, no white space) and keyed for lookup. */
export class StatusMatcher {
  private readonly registry = new Map<string, StatusKind>();
  private readonly household = new Map<string, StatusKind>();
  private readonly outOfSchool: ReadonlySet<string>;

  constructor(lists: StatusLists) {
    // Earlier lists win when a text stands in two: active before dropout before left.
    addAll(this.registry, lists.registryLeft, 'left');
    addAll(this.registry, lists.registryDropout, 'dropout');
    addAll(this.registry, lists.registryActive, 'active');
    addAll(this.household, lists.householdGone, 'gone');
    addAll(this.household, lists.householdDeceased, 'deceased');
    addAll(this.household, lists.householdLiving, 'living');
    this.outOfSchool = new Set(lists.povertyOutOfSchool.map(foldText));
  }

  registryStatus(text: string): StatusKind {
    return this.registry.get(text) ?? this.registry.get(foldText(text)) ?? 'unknown';
  }

  householdStatus(text: string): StatusKind {
    return this.household.get(text) ?? this.household.get(foldText(text)) ?? 'unknown';
  }

  isOutOfSchool(schoolStatus: string): boolean {
    return this.outOfSchool.has(schoolStatus) || this.outOfSchool.has(foldText(schoolStatus));
  }
}

function addAll(map: Map<string, StatusKind>, list: readonly string[], kind: StatusKind): void {
  for (const text of list) map.set(foldText(text), kind);
}
