// The rows a reader could not use are part of the output contract (SPEC §7 rejected.csv): their types live in domain.
export type { RejectedRow, RejectReason } from '../domain/index.js';
