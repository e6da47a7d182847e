import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { readTextFileSafely } from './read.js';

/** Directories never worth walking into. */
const alwaysSkipped = new Set(['.git', 'node_modules', '.terraform', '.hg', '.svn']);

export interface DiscoveredFile {
  absolutePath: string;
  /** True when the user named this file (not found by walking a directory or glob). */
  explicit: boolean;
}

export interface DiscoveryProblem {
  path: string;
  message: string;
}

export interface DiscoveryResult {
  files: DiscoveredFile[];
  problems: DiscoveryProblem[];
}

/**
 * Expands paths, directories and globs into files that some front-end claims. Directories are
 * walked with `.gitignore` files respected (those inside the walked directory and those of its
 * ancestors up to the repository root); a directory the user names explicitly is walked even when
 * ignored, so `media-lint cdk.out` works although `cdk.out` is usually ignored.
 */
export function discoverFiles(paths: readonly string[], cwd: string, claims: (path: string) => boolean): DiscoveryResult {
  const seen = new Set<string>();
  const files: DiscoveredFile[] = [];
  const problems: DiscoveryProblem[] = [];
  const add = (absolutePath: string, explicit: boolean) => {
    if (seen.has(absolutePath)) return;
    seen.add(absolutePath);
    files.push({ absolutePath, explicit });
  };

  for (const input of paths) {
    const absolute = resolve(cwd, input);
    if (!existsSync(absolute) && isDynamicPattern(input)) {
      const matches = globSync(input, { cwd, absolute: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**'] }).sort();
      if (matches.length === 0) problems.push({ path: input, message: 'no files match this pattern' });
      for (const match of matches) if (claims(match)) add(resolve(match), false);
      continue;
    }
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      problems.push({ path: input, message: describeFsError(error, 'cannot be read') });
      continue;
    }
    if (stats.isDirectory()) {
      walkDirectory(absolute, cwd, claims, add, problems);
    } else if (stats.isFile()) {
      add(absolute, true);
    } else {
      problems.push({ path: input, message: 'is neither a file nor a directory' });
    }
  }
  return { files, problems };
}

function walkDirectory(
  root: string,
  cwd: string,
  claims: (path: string) => boolean,
  add: (path: string, explicit: boolean) => void,
  problems: DiscoveryProblem[],
): void {
  const repositoryRoot = findRepositoryRoot(root);
  const ancestorRules = collectAncestorIgnores(root, repositoryRoot);
  // A root the ancestors ignore was asked for explicitly: their rules do not apply inside it.
  const ancestorsApply = !isIgnoredBy(ancestorRules, root, true);
  const visitedDirectories = new Set<string>();

  const walk = (directory: string, inherited: Array<{ base: string; rules: Ignore }>) => {
    let realDirectory: string;
    try {
      realDirectory = realPath(directory);
    } catch {
      realDirectory = directory;
    }
    if (visitedDirectories.has(realDirectory)) return; // symlink loop
    visitedDirectories.add(realDirectory);

    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: displayPath(directory, cwd), message: describeFsError(error, 'cannot be read') });
      return;
    }
    const rules = [...inherited];
    const gitignore = join(directory, '.gitignore');
    if (entries.some((entry) => entry.name === '.gitignore')) {
      try {
        const text = readTextFileSafely(gitignore);
        if (text !== undefined) rules.push({ base: directory, rules: ignore().add(text) });
      } catch {
        // An unreadable .gitignore only means nothing extra is ignored.
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // dangling link
        }
      }
      if (isDirectory && alwaysSkipped.has(entry.name)) continue;
      if (!isDirectory && !isFile) continue;
      if (isIgnoredBy(rules, path, isDirectory)) continue;
      if (isDirectory) walk(path, rules);
      else if (claims(path)) add(path, false);
    }
  };

  walk(root, ancestorsApply ? ancestorRules : []);
}

function realPath(path: string): string {
  // statSync follows links; the inode pair identifies the directory even through symlinks.
  const stats = statSync(path);
  return `${stats.dev}:${stats.ino}`;
}

function isIgnoredBy(rules: Array<{ base: string; rules: Ignore }>, path: string, isDirectory: boolean): boolean {
  for (const { base, rules: matcher } of rules) {
    const relativePath = relative(base, path);
    if (relativePath === '' || relativePath.startsWith('..') || isAbsolute(relativePath)) continue;
    const posix = relativePath.split(sep).join('/');
    if (matcher.ignores(isDirectory ? `${posix}/` : posix)) return true;
  }
  return false;
}

function findRepositoryRoot(start: string): string | undefined {
  let directory = start;
  for (;;) {
    if (existsSync(join(directory, '.git'))) return directory;
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** `.gitignore` rules of the directories above `root`, up to the repository root. */
function collectAncestorIgnores(root: string, repositoryRoot: string | undefined): Array<{ base: string; rules: Ignore }> {
  if (!repositoryRoot || repositoryRoot === root) return [];
  const result: Array<{ base: string; rules: Ignore }> = [];
  let directory = dirname(root);
  for (;;) {
    const gitignore = join(directory, '.gitignore');
    if (existsSync(gitignore)) {
      try {
        const text = readTextFileSafely(gitignore);
        if (text !== undefined) result.unshift({ base: directory, rules: ignore().add(text) });
      } catch {
        // ignore unreadable ignore files
      }
    }
    if (directory === repositoryRoot) break;
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  return result;
}

export function displayPath(absolutePath: string, cwd: string): string {
  const relativePath = relative(cwd, absolutePath);
  if (relativePath === '' || relativePath.startsWith('..') || isAbsolute(relativePath)) return absolutePath.split(sep).join('/');
  return relativePath.split(sep).join('/');
}

export function describeFsError(error: unknown, fallback: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EISDIR':
      return 'is a directory';
    default:
      return code ? `${fallback} (${code})` : fallback;
  }
}
