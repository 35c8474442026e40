export { inspect, type InspectReport, type SourceInspection } from './inspect.js';
export { reconcile } from './reconcile.js';
