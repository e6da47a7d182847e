import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Severity } from '../engine/finding.js';
import { readTextFileSafely } from '../engine/read.js';
import type { RuleMeta, RuleOptionValue } from '../engine/rule.js';
import { ConfigError, loadConfigFile, type LoadedConfig } from './load.js';
import { configFileNames, packageJsonKey, type PresetName } from './schema.js';

/**
 * The configuration that applies to one file: a preset, per-rule severities and options, ignore
 * patterns and per-path overrides.
 *
 * Presets:
 * - `recommended` (the default): every rule whose metadata does not say `recommended: false`
 *   (opinionated rules), at its default severity;
 * - `strict`: every rule, with `info` raised to `warning`;
 * - `all`: every rule at its default severity.
 *
 * Then `rules` sets severities and options, then every `overrides` entry whose `files` match the
 * file sets severities (later entries win). Options apply to every file of the configuration:
 * a rule runs once over the resource graph, so options cannot change per path.
 */
export class ResolvedConfig {
  private readonly ignoreMatcher: Ignore | undefined;
  private readonly overrideMatchers: Array<{ matcher: Ignore; rules: ReadonlyMap<string, string> }>;

  constructor(readonly loaded: LoadedConfig | undefined) {
    this.ignoreMatcher = loaded && loaded.ignore.length > 0 ? ignore().add([...loaded.ignore]) : undefined;
    this.overrideMatchers = (loaded?.overrides ?? []).map((override) => ({ matcher: ignore().add([...override.files]), rules: override.rules }));
  }

  /** Absolute path of the configuration file, or undefined for the built-in defaults. */
  get file(): string | undefined {
    return this.loaded?.file;
  }

  get preset(): PresetName {
    return this.loaded?.preset ?? 'recommended';
  }

  /** The severity of a rule in a file, or `off`. */
  severity(meta: RuleMeta, absoluteFile: string): Severity | 'off' {
    let severity: Severity | 'off' = presetSeverity(this.preset, meta);
    const configured = this.loaded?.rules.get(meta.id)?.severity;
    if (configured !== undefined) severity = configured;
    if (this.overrideMatchers.length > 0) {
      const path = this.relativePath(absoluteFile);
      if (path !== undefined) {
        for (const override of this.overrideMatchers) {
          const setting = override.rules.get(meta.id);
          if (setting !== undefined && override.matcher.ignores(path)) severity = setting as Severity | 'off';
        }
      }
    }
    return severity;
  }

  /** Options set for a rule (only those written; the caller merges them over the defaults). */
  options(ruleId: string): Readonly<Record<string, RuleOptionValue>> | undefined {
    return this.loaded?.rules.get(ruleId)?.options as Readonly<Record<string, RuleOptionValue>> | undefined;
  }

  /** True when the file matches an `ignore` pattern. */
  ignores(absoluteFile: string): boolean {
    if (!this.ignoreMatcher) return false;
    const path = this.relativePath(absoluteFile);
    return path !== undefined && this.ignoreMatcher.ignores(path);
  }

  /** The file relative to the configuration's directory, in POSIX form; undefined outside it. */
  private relativePath(absoluteFile: string): string | undefined {
    if (!this.loaded) return undefined;
    const path = relative(this.loaded.directory, absoluteFile);
    if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
    return path.split(sep).join('/');
  }
}

export function presetSeverity(preset: PresetName, meta: RuleMeta): Severity | 'off' {
  switch (preset) {
    case 'recommended':
      return meta.recommended === false ? 'off' : meta.severity;
    case 'strict':
      return meta.severity === 'info' ? 'warning' : meta.severity;
    case 'all':
      return meta.severity;
  }
}

/** Gives each file its configuration. */
export interface ConfigProvider {
  forFile(absoluteFile: string): ResolvedConfig;
}

/** One configuration for every file: `--config FILE`, or the defaults. */
export function fixedConfig(config: ResolvedConfig): ConfigProvider {
  return { forFile: () => config };
}

/** The built-in defaults (the `recommended` preset, nothing ignored). */
export const defaultConfig = new ResolvedConfig(undefined);

/** Reads `--config FILE`. Throws `ConfigError`. */
export function explicitConfig(path: string, cwd: string): ConfigProvider {
  const absolute = resolve(cwd, path);
  return fixedConfig(new ResolvedConfig(loadConfigFile(absolute, displayName(absolute, cwd))));
}

/**
 * Finds each file's configuration: the nearest `media-lint.config.json|yaml|yml` (or package.json
 * with a `"media-lint"` key) in the file's directory or above, stopping at the repository root
 * (a directory with `.git`) or the filesystem root. Directories are searched once. A directory with
 * more than one configuration is an error rather than a silent choice.
 */
export class DiscoveredConfigs implements ConfigProvider {
  private readonly byDirectory = new Map<string, ResolvedConfig>();
  private readonly byFile = new Map<string, ResolvedConfig>();

  constructor(private readonly cwd: string) {}

  forFile(absoluteFile: string): ResolvedConfig {
    return this.forDirectory(dirname(absoluteFile));
  }

  /** Configuration files found, for `--print-config`-like diagnostics and tests. */
  get files(): string[] {
    return [...this.byFile.keys()];
  }

  private forDirectory(directory: string): ResolvedConfig {
    const visited: string[] = [];
    let current = directory;
    let found: ResolvedConfig | undefined;
    for (;;) {
      const cached = this.byDirectory.get(current);
      if (cached) {
        found = cached;
        break;
      }
      visited.push(current);
      const file = configFileIn(current, this.cwd);
      if (file) {
        found = this.byFile.get(file);
        if (!found) {
          found = new ResolvedConfig(loadConfigFile(file, displayName(file, this.cwd)));
          this.byFile.set(file, found);
        }
        break;
      }
      const parent = dirname(current);
      if (existsSync(join(current, '.git')) || parent === current) {
        found = defaultConfig;
        break;
      }
      current = parent;
    }
    for (const path of visited) this.byDirectory.set(path, found);
    return found;
  }
}

/** The configuration file of a directory, if any. */
function configFileIn(directory: string, cwd: string): string | undefined {
  const candidates = configFileNames.map((name) => join(directory, name)).filter((path) => existsSync(path));
  const packageJson = join(directory, 'package.json');
  if (existsSync(packageJson) && packageHasConfig(packageJson)) candidates.push(packageJson);
  if (candidates.length > 1) {
    const names = candidates.map((path) => displayName(path, cwd));
    throw new ConfigError(names[0]!, [`${displayName(directory, cwd)}: more than one configuration (${names.join(', ')}); keep one`]);
  }
  return candidates[0];
}

function packageHasConfig(path: string): boolean {
  try {
    const manifest = JSON.parse(readTextFileSafely(path) ?? '') as unknown;
    return manifest !== null && typeof manifest === 'object' && packageJsonKey in manifest;
  } catch {
    // A broken package.json is not ours to report; it has no configuration we can read.
    return false;
  }
}

function displayName(absolute: string, cwd: string): string {
  const path = relative(cwd, absolute);
  if (path === '') return '.';
  return path.startsWith('..') || isAbsolute(path) ? absolute : path.split(sep).join('/');
}
