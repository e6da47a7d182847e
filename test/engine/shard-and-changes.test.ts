import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changedLinesSince, GitError, parseUnifiedDiff, unquote } from '../../src/engine/changed-lines.js';
import { parseShard, selectShard } from '../../src/engine/shard.js';
import { GitRepo } from '../support/git-repo.js';

describe('--shard', () => {
  const root = '/repo';
  const files = [
    ...['a.yaml', 'b.yaml', 'c.yaml'].map((name) => `/repo/cdk.out/${name}`),
    ...['main.tf', 'variables.tf'].map((name) => `/repo/modules/live/${name}`),
    '/repo/vod/one.yaml',
    '/repo/vod/two.yaml',
    '/repo/top.yaml',
  ].map((absolutePath) => ({ absolutePath }));

  it('splits the files into disjoint shards that cover them all, keeping each directory together', () => {
    for (const count of [1, 2, 3, 4, 7]) {
      const shards = Array.from({ length: count }, (_, index) => selectShard(files, { index: index + 1, count }, root).map((file) => file.absolutePath));
      expect(shards.flat().sort(), `${count} shards`).toEqual(files.map((file) => file.absolutePath).sort());
      for (const shard of shards) {
        const directories = new Set(shard.map((path) => path.slice(0, path.lastIndexOf('/'))));
        for (const directory of directories) expect(shard.filter((path) => path.startsWith(`${directory}/`) && !path.slice(directory.length + 1).includes('/'))).toEqual(files.map((file) => file.absolutePath).filter((path) => path.slice(0, path.lastIndexOf('/')) === directory));
      }
    }
  });

  it('is deterministic and balanced: largest directories first, each to the least loaded shard', () => {
    const split = (index: number) => selectShard(files, { index, count: 2 }, root).map((file) => file.absolutePath.slice(6));
    expect(split(1)).toEqual(['cdk.out/a.yaml', 'cdk.out/b.yaml', 'cdk.out/c.yaml', 'top.yaml']);
    expect(split(2)).toEqual(['modules/live/main.tf', 'modules/live/variables.tf', 'vod/one.yaml', 'vod/two.yaml']);
    // The same input in another order gives the same shards (files keep their discovery order).
    expect(selectShard([...files].reverse(), { index: 1, count: 2 }, root).map((file) => file.absolutePath.slice(6)).sort()).toEqual(split(1));
  });

  it.each([
    ['2/4', { index: 2, count: 4 }],
    [' 1 / 1 ', { index: 1, count: 1 }],
    ['0/4', 'expected 1 ≤ I ≤ N, got 0/4'],
    ['5/4', 'expected 1 ≤ I ≤ N, got 5/4'],
    ['two', 'expected I/N (for example 2/4), got "two"'],
  ])('parses %s', (text, expected) => {
    expect(parseShard(text)).toEqual(expected);
  });
});

describe('changed lines', () => {
  it('reads the new-side ranges of a --unified=0 diff', () => {
    const diff = [
      'diff --git a/live.yaml b/live.yaml',
      '--- a/live.yaml',
      '+++ b/live.yaml',
      '@@ -3 +3 @@ Resources:',
      '-      A: 1',
      '+      A: 2',
      '@@ -10,0 +11,4 @@',
      '+x',
      '@@ -20,2 +24,0 @@',
      'diff --git a/gone.yaml b/gone.yaml',
      '--- a/gone.yaml',
      '+++ /dev/null',
      '@@ -1,3 +0,0 @@',
      'diff --git "a/caf\\303\\251 tab\\t.yaml" "b/caf\\303\\251 tab\\t.yaml"',
      '+++ "b/caf\\303\\251 tab\\t.yaml"',
      '@@ -1 +1,2 @@',
    ].join('\n');
    expect(Object.fromEntries(parseUnifiedDiff(diff))).toEqual({
      'live.yaml': [
        { start: 3, end: 3 },
        { start: 11, end: 14 },
      ],
      'café tab\t.yaml': [{ start: 1, end: 2 }],
    });
    expect(unquote('"b/a\\"b\\\\c"')).toBe('b/a"b\\c');
  });

  const repo = new GitRepo();
  afterAll(() => repo.remove());

  it('counts committed, uncommitted and untracked changes since the merge base, from any subdirectory', () => {
    repo.write('infra/live.yaml', 'a\nb\nc\nd\n');
    repo.write('infra/old.yaml', 'x\n');
    const base = repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('infra/live.yaml', 'a\nB\nc\nd\ne\n');
    repo.commit('feature');
    repo.write('infra/old.yaml', 'x\ny\n'); // uncommitted
    repo.write('infra/new.yaml', 'n\n'); // untracked
    // main moves on after the branch point: its changes must not count.
    repo.git('checkout', '-q', 'main');
    repo.write('infra/main-only.yaml', 'm\n');
    repo.commit('main moves');
    repo.git('checkout', '-q', 'feature');
    repo.write('infra/old.yaml', 'x\ny\n');
    repo.write('infra/new.yaml', 'n\n');

    const subdirectory = join(repo.root, 'infra');
    const changes = changedLinesSince('main', subdirectory);
    expect(changes.base).toBe(base);
    expect(Object.fromEntries(changes.files)).toEqual({
      'infra/live.yaml': [
        { start: 2, end: 2 },
        { start: 5, end: 5 },
      ],
      'infra/old.yaml': [{ start: 2, end: 2 }],
      'infra/new.yaml': 'all',
    });
    const at = (file: string, line: number, endLine = line) => changes.touches({ file, line, endLine }, subdirectory);
    expect([at('live.yaml', 1), at('live.yaml', 2), at('live.yaml', 3), at('live.yaml', 1, 3), at('new.yaml', 40), at('main-only.yaml', 1)]).toEqual([false, true, false, true, true, false]);
  });

  it('reports an unknown revision and a directory outside git', () => {
    expect(() => changedLinesSince('no-such-branch', repo.root)).toThrow(new GitError("unknown git revision 'no-such-branch'"));
    const outside = join(repo.root, '..', `not-a-repo-${process.pid}`);
    mkdirSync(outside, { recursive: true });
    expect(() => changedLinesSince('HEAD', outside)).toThrow(/is not inside a git repository/);
    rmSync(outside, { recursive: true, force: true });
  });
});
