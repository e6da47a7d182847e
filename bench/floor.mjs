// The floor of the benchmark: the same parser libraries the front-ends use, run over the same
// files, without building the resource graph (no raw tree, no evaluation, no rules, no report).
//
//   node bench/floor.mjs <mode> <directory>
//
// Modes: json (jsonc-parser parseTree), yaml-cst (yaml's Lexer+Parser: the concrete syntax tree),
// yaml-documents (yaml's parseAllDocuments: the CST composed into documents), terraform
// (tree-sitter parse), pangea (prism parse, deserialized into JS objects), mixed (each file by its
// extension: json, yaml-cst, terraform, pangea). Prints one JSON line: files, bytes, parse time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { Parser, parseAllDocuments } from 'yaml';

const [mode, directory] = process.argv.slice(2);
if (!mode || !directory) {
  console.error('usage: node bench/floor.mjs <json|yaml-cst|yaml-documents|terraform|pangea|mixed> <directory>');
  process.exit(2);
}

function walk(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

const kindOf = (path) => {
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.yaml') || path.endsWith('.yml')) return 'yaml-cst';
  if (path.endsWith('.tf')) return 'terraform';
  if (path.endsWith('.rb')) return 'pangea';
  return undefined;
};

const files = walk(directory, [])
  .map((path) => ({ path, kind: mode === 'mixed' ? kindOf(path) : mode.startsWith('yaml') ? (kindOf(path) === 'yaml-cst' ? mode : undefined) : kindOf(path) === mode ? mode : undefined }))
  .filter((file) => file.kind !== undefined);
const texts = files.map((file) => ({ kind: file.kind, text: readFileSync(file.path, 'utf8') }));

const started = performance.now();
const kinds = new Set(texts.map((file) => file.kind));
const parsers = {};
if (kinds.has('terraform')) {
  const { loadTerraformParser } = await import('../dist/parsers/terraform/tree-sitter.js');
  parsers.terraform = await loadTerraformParser();
}
if (kinds.has('pangea')) {
  const { loadRubyParser } = await import('../dist/parsers/pangea/prism.js');
  parsers.pangea = await loadRubyParser();
}
const loaded = performance.now();
let nodes = 0;
for (const { kind, text } of texts) {
  switch (kind) {
    case 'json':
      nodes += parseTree(text, [], { disallowComments: true })?.children?.length ?? 0;
      break;
    case 'yaml-cst':
      for (const token of new Parser().parse(text)) nodes += token.type === 'document' ? 1 : 0;
      break;
    case 'yaml-documents':
      nodes += parseAllDocuments(text, { uniqueKeys: false }).length;
      break;
    case 'terraform':
      parsers.terraform.parseOnly(text);
      nodes++;
      break;
    case 'pangea':
      nodes += parsers.pangea.parse(text).value.statements.body.length;
      break;
  }
}
const done = performance.now();
console.log(
  JSON.stringify({ mode, files: texts.length, bytes: texts.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0), loadMs: loaded - started, parseMs: done - loaded, nodes }),
);
