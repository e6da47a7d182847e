import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Finding } from '../engine/finding.js';
import type { Rule, RuleOptionValue } from '../engine/rule.js';
import { runRule } from '../engine/run-rules.js';
import { ResourceGraph } from '../graph/graph.js';
import { mentionsMediaModule, readCdkCode, type ScopeLike } from '../parsers/cdk-code/index.js';
import { defaultSpecRegistry } from '../specs/registry.js';

/** One file read by the CDK code front-end, shared by every media-lint rule ESLint runs on it. */
export interface FileAnalysis {
  graph: ResourceGraph;
  literals: ReadonlyMap<number, TSESTree.StringLiteral>;
}

/** A finding with the data of its message, which ESLint formats from the same template. */
export interface RuleFinding {
  finding: Finding;
  data: Record<string, string | number>;
}

/** By program: ESLint gives every rule of a file the same AST, and a new one for the next run. */
const analyses = new WeakMap<TSESTree.Program, FileAnalysis | null>();

/**
 * The resource graph of a file, or null when it has no media construct. Files that never name a
 * media module (`aws-medialive`, `aws_mediapackage`, …) stop at one regular-expression test. The
 * front-end never throws on a well-formed AST; if it does anyway, the file has no findings rather
 * than crashing the lint run.
 */
export function analyseFile(sourceCode: Readonly<TSESLint.SourceCode>, file: string): FileAnalysis | null {
  const program = sourceCode.ast;
  const cached = analyses.get(program);
  if (cached !== undefined) return cached;
  let analysis: FileAnalysis | null = null;
  if (mentionsMediaModule(sourceCode.text)) {
    try {
      const result = readCdkCode({
        program,
        file,
        text: sourceCode.text,
        scopeOf: (node) => sourceCode.getScope(node) as unknown as ScopeLike,
        visitorKeys: sourceCode.visitorKeys,
      });
      if (result) analysis = { graph: new ResourceGraph([result.scope]), literals: result.literals };
    } catch {
      analysis = null;
    }
  }
  analyses.set(program, analysis);
  return analysis;
}

/** Runs one media-lint rule on a file's graph. A rule that throws reports nothing (see the docs). */
export function findingsOf(analysis: FileAnalysis, rule: Rule, options: Readonly<Record<string, RuleOptionValue>>): RuleFinding[] {
  const found: RuleFinding[] = [];
  const seen = new Set<string>();
  runRule(rule, analysis.graph, defaultSpecRegistry(), options, (finding, descriptor) => {
    // A const object shared by two constructs gives the same finding at the same place twice.
    const key = `${finding.line}:${finding.column}:${finding.endLine}:${finding.endColumn}:${finding.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ finding, data: descriptor.data ?? {} });
  });
  return found;
}
