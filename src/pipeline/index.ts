export { inspect, describeSource, type InspectReport, type SourceInspection } from './inspect.js';
export { reconcile, type ReconcileOptions, type ReconcileResult } from './reconcile.js';
