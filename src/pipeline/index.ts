export { inspect, describeSource, type InspectReport, type SourceInspection } from './inspect.js';
