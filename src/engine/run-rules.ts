import type { ResourceGraph } from '../graph/graph.js';
import { defaultSpecRegistry, type SpecRegistry } from '../specs/registry.js';
import type { Finding } from './finding.js';
import { findingFromReport } from './findings.js';
import { defaultOptions, type ReportDescriptor, type Rule, type RuleContext, type RuleOptionValue } from './rule.js';

/** Receives each finding of a rule, at the rule's default severity, with what the rule reported. */
export type FindingSink = (finding: Finding, descriptor: ReportDescriptor<string>) => void;

/**
 * Runs one rule over a resource graph with the given options (already merged over the defaults).
 * Returns a one-line message when the rule throws (a bug in media-lint); the findings it reported
 * before that are kept. `lint()` and the ESLint plugin both run rules through this function, so a
 * graph built by any front-end is checked the same way.
 */
export function runRule(
  rule: Rule,
  graph: ResourceGraph,
  specs: SpecRegistry,
  options: Readonly<Record<string, RuleOptionValue>>,
  onFinding: FindingSink,
): string | undefined {
  const context: RuleContext = {
    graph,
    specs,
    options,
    resources: (type) => graph.ofType(type),
    resolve: (reference, from) => graph.resolve(reference, from.scope),
    report: (descriptor) => onFinding(findingFromReport(rule.meta, descriptor, rule.meta.severity), descriptor),
  };
  try {
    rule.check(context);
    return undefined;
  } catch (error) {
    return `rule ${rule.meta.id} failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export interface RunRulesOptions {
  specs?: SpecRegistry;
  /** Options per rule id, merged over the defaults of the rule's metadata. */
  ruleOptions?: ReadonlyMap<string, Readonly<Record<string, RuleOptionValue>>>;
  /** Called for every finding as it is reported, with the rule's descriptor (message data, suggestion). */
  onFinding?: FindingSink;
}

export interface RunRulesResult {
  /** In the order reported, at each rule's default severity; not sorted, deduplicated or suppressed. */
  findings: Finding[];
  /** Rules that threw. */
  internalErrors: string[];
}

/** Runs rules over a graph built by any front-end. Configuration, severities and suppressions are the caller's. */
export function runRules(graph: ResourceGraph, rules: readonly Rule[], options: RunRulesOptions = {}): RunRulesResult {
  const specs = options.specs ?? defaultSpecRegistry();
  const result: RunRulesResult = { findings: [], internalErrors: [] };
  for (const rule of rules) {
    const ruleOptions = { ...defaultOptions(rule.meta), ...options.ruleOptions?.get(rule.meta.id) };
    const failure = runRule(rule, graph, specs, ruleOptions, (finding, descriptor) => {
      result.findings.push(finding);
      options.onFinding?.(finding, descriptor);
    });
    if (failure !== undefined) result.internalErrors.push(failure);
  }
  return result;
}
