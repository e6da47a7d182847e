import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';

/**
 * Notes the validator raises that this output cannot avoid:
 * - SARIF2002 (use message `id` + `arguments` instead of `text`): GitHub requires `message.text`
 *   (GH rule "Error_MissingMessageText") and findings do not carry the template arguments.
 * - SARIF2003 (provide `versionControlProvenance`): the report does not know the repository or revision.
 * - SARIF2006 (URIs reachable by HTTP GET): depends on the network; the test machine is offline.
 * - SARIF2009 (conventional rule ids like `CS2001`, no `/` in ids): rule ids are a public contract.
 */
export const acceptedNotes = new Set(['SARIF2002', 'SARIF2003', 'SARIF2006', 'SARIF2009']);

const require = createRequire(import.meta.url);
/** `@microsoft/sarif-multitool` exports the path of the platform's native binary. */
const multitool = require('@microsoft/sarif-multitool') as string;

const dir = mkdtempSync(join(tmpdir(), 'media-lint-sarif-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ValidationLog {
  runs: Array<{
    tool: { driver: { rules?: Array<{ id: string; defaultConfiguration?: { level?: string } }> } };
    results?: Array<{ ruleId: string; ruleIndex?: number; level?: string; message: { id?: string; text?: string; arguments?: string[] } }>;
    invocations?: Array<{
      executionSuccessful: boolean;
      toolExecutionNotifications?: Array<{ level?: string; message: { text?: string } }>;
      toolConfigurationNotifications?: Array<{ level?: string; message: { text?: string } }>;
    }>;
  }>;
}

/**
 * Runs `sarif-multitool validate --rule-kind "Gh;Sarif"` (JSON schema, SARIF and GitHub rules)
 * with notes included, and reads its own SARIF log. Its exit code only says whether the analysis
 * ran (0) or the tool failed (1, e.g. unreadable input or an existing output file): problems in
 * the validated file are results in the log, so they are counted from there.
 */
export function validate(name: string, sarif: string): { errors: string[]; warnings: string[]; notes: string[] } {
  const input = join(dir, `${name}.sarif`);
  const output = join(dir, `${name}.validation.sarif`);
  writeFileSync(input, sarif);
  const run = spawnSync(
    multitool,
    ['validate', '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning;Note', '--log', 'ForceOverwrite', '--output', output, input],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(run.error).toBeUndefined();
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  const log = JSON.parse(readFileSync(output, 'utf8')) as ValidationLog;
  const counts = { errors: [] as string[], warnings: [] as string[], notes: [] as string[] };
  for (const r of log.runs) {
    const descriptors = r.tool.driver.rules ?? [];
    for (const result of r.results ?? []) {
      const level = result.level ?? descriptors[result.ruleIndex ?? -1]?.defaultConfiguration?.level ?? 'warning';
      const line = `${result.ruleId}: ${result.message.text ?? `${result.message.id} ${JSON.stringify(result.message.arguments)}`}`;
      if (level === 'error') counts.errors.push(line);
      else if (level === 'warning') counts.warnings.push(line);
      else if (level === 'note') counts.notes.push(line);
    }
    for (const invocation of r.invocations ?? []) {
      expect(invocation.executionSuccessful).toBe(true);
      for (const n of [...(invocation.toolExecutionNotifications ?? []), ...(invocation.toolConfigurationNotifications ?? [])]) {
        if ((n.level ?? 'warning') === 'error') counts.errors.push(`tool: ${n.message.text}`);
        else if ((n.level ?? 'warning') === 'warning') counts.warnings.push(`tool: ${n.message.text}`);
      }
    }
  }
  return counts;
}

export function expectValid(name: string, sarif: string): void {
  const { errors, warnings, notes } = validate(name, sarif);
  expect(errors).toEqual([]);
  expect(warnings).toEqual([]);
  const unexpected = notes.filter((n) => !acceptedNotes.has(n.slice(0, n.indexOf(':'))));
  expect(unexpected).toEqual([]);
}

