import { dirname, relative, sep } from 'node:path';

/** `--shard I/N`: the I-th of N shards, 1-based. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `I/N` (1 ≤ I ≤ N). Returns an error message for anything else. */
export function parseShard(text: string): Shard | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return `expected I/N (for example 2/4), got "${text}"`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) return `expected 1 ≤ I ≤ N, got ${index}/${count}`;
  return { index, count };
}

/**
 * The files of one shard. Files stay together with the other files of their directory, because a
 * directory can be one unit of input (a Terraform module, a CDK cloud assembly). Directories are
 * ordered by size (file count, then path) and each goes to the shard with the fewest files so far
 * (the lowest shard number on a tie): deterministic for the same set of files, so every job of a CI
 * matrix computes the same split, and balanced to within the largest directory. Every file is in
 * exactly one shard.
 */
export function selectShard<T extends { absolutePath: string }>(files: readonly T[], shard: Shard, root: string): T[] {
  if (shard.count === 1) return [...files];
  const directories = new Map<string, T[]>();
  for (const file of files) {
    const key = relative(root, dirname(file.absolutePath)).split(sep).join('/');
    const list = directories.get(key);
    if (list) list.push(file);
    else directories.set(key, [file]);
  }
  const ordered = [...directories.entries()].sort(([pathA, a], [pathB, b]) => b.length - a.length || (pathA < pathB ? -1 : pathA > pathB ? 1 : 0));
  const loads = new Array<number>(shard.count).fill(0);
  const chosen = new Set<string>();
  for (const [path, members] of ordered) {
    let target = 0;
    for (let candidate = 1; candidate < loads.length; candidate++) if (loads[candidate]! < loads[target]!) target = candidate;
    loads[target] = loads[target]! + members.length;
    if (target === shard.index - 1) chosen.add(path);
  }
  return files.filter((file) => chosen.has(relative(root, dirname(file.absolutePath)).split(sep).join('/')));
}
