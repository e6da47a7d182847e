/**
 * Unreadable files and directories. Tests may run as root, whom file modes do not stop, so the
 * file system is wrapped: opening `secret.yaml` and listing `locked/` fail with EACCES, as they
 * would for a user without the permission.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { describe, goodFindings, loaderFindings, timedLint, workspace } from './support.js';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const denied = (path: unknown) => {
    const error = new Error(`EACCES: permission denied, open '${String(path)}'`) as NodeJS.ErrnoException;
    error.code = 'EACCES';
    return error;
  };
  const wrapped = {
    ...actual,
    openSync: ((path: Parameters<typeof actual.openSync>[0], ...rest: unknown[]) => {
      if (String(path).endsWith('secret.yaml')) throw denied(path);
      return (actual.openSync as (...args: unknown[]) => number)(path, ...rest);
    }) as typeof actual.openSync,
    readdirSync: ((path: Parameters<typeof actual.readdirSync>[0], ...rest: unknown[]) => {
      if (String(path).endsWith('locked')) throw denied(path);
      return (actual.readdirSync as (...args: unknown[]) => unknown)(path, ...rest);
    }) as typeof actual.readdirSync,
  };
  return { ...wrapped, default: wrapped };
});

let good: string[];
beforeAll(async () => {
  good = await goodFindings();
});

let current: ReturnType<typeof workspace> | undefined;
afterEach(() => current?.dispose());

it('reports a file it may not read and a directory it may not list, and goes on', async () => {
  current = workspace();
  const directory = current.directory;
  writeFileSync(join(directory, 'secret.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n');
  mkdirSync(join(directory, 'locked'));
  writeFileSync(join(directory, 'locked/inside.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n');
  const timed = await timedLint({ paths: ['good', 'secret.yaml', 'locked'], cwd: directory });
  expect(timed.result.report.findings.map(describe)).toEqual(expect.arrayContaining(good));
  expect(loaderFindings(timed.result)).toEqual(['locked:1:1 file-error locked permission denied', 'secret.yaml:1:1 file-error secret.yaml permission denied']);
});
