export { HEADER_SYNONYMS, DEFAULT_STATUSES, DEFAULT_SCHOOL_AGE, ENCODING_NAMES, encodingNamed, type Encoding, type StatusListName } from './defaults.js';
export { configSchema, type ConfigFile } from './schema.js';
export { loadConfigFile, parseConfigText } from './load-config.js';
export { requireSources, resolveSettings, parseAsOf, type Settings, type SourceSettings, type NoticeSettings, type CommandLineInputs } from './settings.js';
