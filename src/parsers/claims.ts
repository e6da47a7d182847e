import { closeSync, constants, openSync, readSync } from 'node:fs';

/**
 * Which front-end reads a file, decided from its name (and, for `.json`, its first bytes) without
 * loading any parser: the engine asks about every discovered file, and a front-end's parsers
 * (tree-sitter, prism, the YAML library) are loaded only when it has files to read.
 */

/** JSON files that are never templates, skipped without being read (several allow comments). */
const NOT_TEMPLATES = new Set([
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'cdk.json',
  'cdk.context.json',
  'tree.json',
  'jsconfig.json',
  'devcontainer.json',
  '.devcontainer.json',
  'tslint.json',
  '.eslintrc.json',
  'turbo.json',
  'nx.json',
  'lerna.json',
  'renovate.json',
  'composer.json',
]);

export function baseName(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return file.slice(slash + 1);
}

/** Files known by name not to be CloudFormation templates. */
export function isKnownNonTemplate(file: string): boolean {
  const name = baseName(file).toLowerCase();
  if (NOT_TEMPLATES.has(name)) return true;
  if (/^tsconfig(\..*)?\.json$/.test(name)) return true;
  if (name.endsWith('.assets.json')) return true;
  return /(^|[/\\])\.vscode[/\\]/.test(file);
}

const CLOUDFORMATION_EXTENSIONS = ['.json', '.yaml', '.yml', '.template'];

export function claimsCloudFormation(file: string): boolean {
  const lower = file.toLowerCase();
  return CLOUDFORMATION_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

export function isTerraformConfigurationFile(file: string): boolean {
  const lower = file.toLowerCase();
  return lower.endsWith('.tf') || lower.endsWith('.tf.json');
}

/** `terraform show -json` output (a plan or state): its first keys are `format_version` and `terraform_version`. */
export function isTerraformPlanText(text: string): boolean {
  const head = text.slice(0, 4096);
  return /^\s*\{/.test(head) && /"format_version"\s*:/.test(head) && /"terraform_version"\s*:/.test(head);
}

function peekPlan(file: string): boolean {
  let descriptor: number | undefined;
  try {
    // Without blocking: a pipe with the name of a JSON file must not stop the run.
    descriptor = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const buffer = Buffer.alloc(4096);
    const read = readSync(descriptor, buffer, 0, buffer.length, 0);
    return isTerraformPlanText(buffer.subarray(0, read).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

export function claimsTerraform(file: string): boolean {
  const lower = file.toLowerCase();
  if (isTerraformConfigurationFile(file) || lower.endsWith('.tfplan.json')) return true;
  return lower.endsWith('.json') && !isKnownNonTemplate(file) && peekPlan(file);
}

export function claimsPangea(file: string): boolean {
  return file.toLowerCase().endsWith('.rb');
}
