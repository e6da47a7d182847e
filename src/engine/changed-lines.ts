import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding } from './finding.js';

/**
 * The lines changed since a git revision (`--changed-since REF`, the Action's `only-changed`):
 * `git diff --unified=0` from the merge base of REF and HEAD to the working tree, plus untracked
 * files (entirely new). Findings that touch none of those lines are dropped. Works from any
 * subdirectory of the repository: paths are compared from the repository root.
 */
export interface LineRange {
  start: number;
  end: number;
}

export class ChangedLines {
  constructor(
    /** Real path of the repository root. */
    readonly root: string,
    /** By path relative to the root (POSIX): changed line ranges of the new side, or `all`. */
    readonly files: ReadonlyMap<string, readonly LineRange[] | 'all'>,
    /** The commit the changes are counted from. */
    readonly base: string,
  ) {}

  private readonly realPaths = new Map<string, string>();

  /** Whether any line of the finding (`line`..`endLine`) was changed. */
  touches(finding: Pick<Finding, 'file' | 'line' | 'endLine'>, cwd: string): boolean {
    const ranges = this.files.get(this.repositoryPath(resolve(cwd, finding.file)));
    if (ranges === undefined) return false;
    if (ranges === 'all') return true;
    const end = Math.max(finding.line, finding.endLine);
    return ranges.some((range) => range.start <= end && finding.line <= range.end);
  }

  private repositoryPath(absolute: string): string {
    let real = this.realPaths.get(absolute);
    if (real === undefined) {
      try {
        real = realpathSync(absolute);
      } catch {
        real = absolute;
      }
      this.realPaths.set(absolute, real);
    }
    const path = relative(this.root, real);
    return path.startsWith('..') || isAbsolute(path) ? `\0${path}` : path.split(sep).join('/');
  }
}

export class GitError extends Error {}

function git(args: readonly string[], cwd: string): string {
  try {
    return execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const failure = error as { stderr?: string; code?: string; message?: string };
    if (failure.code === 'ENOENT') throw new GitError('git is not installed or not on the PATH');
    const detail = (failure.stderr ?? failure.message ?? '').trim().split('\n')[0] ?? '';
    throw new GitError(detail || `git ${args[0]} failed`);
  }
}

/**
 * Lines changed since `ref`. With `mergeBase` (the default), changes are counted from the merge base
 * of `ref` and HEAD, so changes made on `ref` after the branch point do not count; when there is no
 * merge base (a shallow clone), from `ref` itself.
 */
export function changedLinesSince(ref: string, cwd: string, options: { mergeBase?: boolean } = {}): ChangedLines {
  let root: string;
  try {
    root = realpathSync(git(['rev-parse', '--show-toplevel'], cwd).trim());
  } catch (error) {
    throw new GitError(`${resolve(cwd)} is not inside a git repository (${error instanceof Error ? error.message : String(error)})`);
  }
  let base: string;
  try {
    base = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root).trim();
  } catch {
    throw new GitError(`unknown git revision '${ref}'`);
  }
  if (options.mergeBase !== false) {
    try {
      base = git(['merge-base', base, 'HEAD'], root).trim();
    } catch {
      // No common history available (shallow clone, unrelated histories): compare with ref itself.
    }
  }
  const diff = git(['diff', '--no-color', '--no-ext-diff', '--unified=0', '--src-prefix=a/', '--dst-prefix=b/', base, '--'], root);
  const files: Map<string, readonly LineRange[] | 'all'> = parseUnifiedDiff(diff);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], root);
  for (const path of untracked.split('\0')) if (path.length > 0) files.set(path, 'all');
  return new ChangedLines(root, files, base);
}

/** Changed line ranges (new side) per file of a `git diff --unified=0` output. */
export function parseUnifiedDiff(diff: string): Map<string, LineRange[]> {
  const files = new Map<string, LineRange[]>();
  let current: LineRange[] | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const path = unquote(line.slice(4).replace(/\t$/, ''));
      if (path === '/dev/null' || !path.startsWith('b/')) {
        current = undefined;
        continue;
      }
      current = [];
      files.set(path.slice(2), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      if (count > 0) current.push({ start, end: start + count - 1 });
    }
  }
  return files;
}

/** A path as git writes it: C-style quoted (`"b/a\tb"`, octal escapes for bytes) when it needs to be. */
export function unquote(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '"': 34, '\\': 92 };
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[index + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(index + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      index += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
