export { HEADER_SYNONYMS, DEFAULT_STATUSES, type Encoding } from './defaults.js';
export { loadConfigFile, parseConfigText } from './load-config.js';
export {
  requireSources,
  resolveSettings,
  parseAsOf,
  type Settings,
  type SourceSettings,
  type NoticeSettings,
  type CommandLineInputs,
} from './settings.js';
