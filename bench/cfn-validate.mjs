// Runs AWS's @aws/cloudformation-validate (RegoEngine, all built-in rules) over every template of
// a directory, one engine for all files, and writes its diagnostics to a JSON file.
//
//   node bench/cfn-validate.mjs <directory> <output.json>
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegoEngine, TemplateFile } from '@aws/cloudformation-validate';

const [directory, output] = process.argv.slice(2);
function walk(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (/\.(json|ya?ml)$/.test(entry.name)) out.push(path);
  }
  return out;
}
const files = walk(directory, []);
const started = performance.now();
const engine = new RegoEngine();
const ready = performance.now();
const diagnostics = [];
for (const file of files) {
  const report = engine.validateStandard(new TemplateFile(file));
  for (const d of report.diagnostics) {
    diagnostics.push({ file: file.slice(directory.length + 1), ruleId: d.ruleId, severity: d.severity, logicalId: d.entity?.logicalId, propertyPath: d.propertyPath, message: d.message });
  }
}
engine.free();
const done = performance.now();
writeFileSync(output, JSON.stringify({ files: files.length, initMs: ready - started, validateMs: done - ready, diagnostics }));
