export { ConfigError, loadConfigFile, renderPath, type LoadedConfig } from './load.js';
export { defaultConfig, DiscoveredConfigs, explicitConfig, fixedConfig, presetSeverity, ResolvedConfig, type ConfigProvider } from './resolve.js';
export {
  configFileNames,
  configJsonSchema,
  configSchema,
  configSchemaId,
  configurableRules,
  packageJsonKey,
  presetNames,
  severitySettings,
  type PresetName,
  type SeveritySetting,
} from './schema.js';
