import type { Cursor } from '../graph/cursor.js';
import type { ResourceGraph } from '../graph/graph.js';
import type { Resource, Scope } from '../graph/resource.js';
import type { Span } from '../graph/source.js';
import type { ReferenceValue } from '../graph/value.js';
import type { SpecRegistry } from '../specs/registry.js';
import type { Severity, ValueSuggestion } from './finding.js';

export type RuleCategory =
  | 'schema'
  | 'reference'
  | 'codec'
  | 'ladder'
  | 'gop'
  | 'audio'
  | 'multiplex'
  | 'packaging'
  | 'redundancy'
  | 'security'
  | 'kinesis-video'
  | 'mediaconvert'
  /** Inline suppressions (`suppression/unused`, …): reported by the engine, not by a rule file. */
  | 'suppression';

export interface RuleReference {
  title: string;
  url?: string;
}

export interface RuleMeta<MessageId extends string = string> {
  /** Stable id, `<category>/<name>` (`schema/invalid-enum`). Never reused for another check. */
  id: string;
  category: RuleCategory;
  severity: Severity;
  /** One line, shown in `--list-rules` and as the SARIF short description. */
  description: string;
  /** What the rule checks, in a paragraph (docs "What it does", SARIF full description). */
  details: string;
  /** Why it matters (docs "Why it matters"). */
  rationale: string;
  /** Message templates with `{{placeholders}}`, keyed by message id. */
  messages: Record<MessageId, string>;
  /** Canonical resource types the rule inspects; `*` for every media type. */
  appliesTo: readonly string[] | '*';
  references: readonly RuleReference[];
  /** Ids of the domain-brief facts the rule implements (`ML-017`). */
  sources?: readonly string[];
  /** CVSS-like 0.0–10.0 score for security rules (SARIF `security-severity`). */
  securitySeverity?: number;
  /** `false` for an opinionated rule: left out of the `recommended` preset (the default); `strict` and `all` run it. */
  recommended?: false;
  /** Settings a user may change in the configuration file, with their defaults. */
  options?: Record<string, RuleOption>;
  /** Set when some reports carry a `suggestion` (editors offer it as a quick fix). */
  hasSuggestions?: true;
}

export type RuleOptionValue = number | string | boolean | readonly string[];

export interface RuleOption {
  description: string;
  default: RuleOptionValue;
}

export type ReportDescriptor<MessageId extends string> = CursorReport<MessageId> | ScopeReport<MessageId>;

interface ReportBase<MessageId extends string> {
  messageId: MessageId;
  data?: Record<string, string | number>;
  /** Extra places to show with the finding. */
  related?: Array<{ message: string; span: Span }>;
  /** A value that fixes the finding, for a report about a value (`at` a cursor, pointing at the
   * value): kept on the finding only then. Declare `hasSuggestions` in the metadata. */
  suggestion?: ValueSuggestion;
}

/** A finding about a resource's value. */
export interface CursorReport<MessageId extends string> extends ReportBase<MessageId> {
  /** Where the finding is: the value (or, for an absent value, its parent) under the cursor. */
  at: Cursor;
  /** A more precise place inside the value at the cursor (a part of a partially known string). */
  span?: Span;
  /** Point at the key rather than the value (unknown property). */
  target?: 'value' | 'key';
}

/** A finding outside any resource: in a template's outputs. */
export interface ScopeReport<MessageId extends string> extends ReportBase<MessageId> {
  at?: undefined;
  scope: Scope;
  span: Span;
}

export interface RuleContext<MessageId extends string = string> {
  readonly graph: ResourceGraph;
  readonly specs: SpecRegistry;
  /** The rule's options: the defaults of `meta.options`, overridden by the configuration. */
  readonly options: Readonly<Record<string, RuleOptionValue>>;
  report(descriptor: ReportDescriptor<MessageId>): void;
  /** Resources of a canonical type. */
  resources(type: string): readonly Resource[];
  /** The resource a reference points at, in the scope of `from`. */
  resolve(reference: ReferenceValue, from: Resource): Resource | undefined;
}

export interface Rule<MessageId extends string = string> {
  meta: RuleMeta<MessageId>;
  check(context: RuleContext<MessageId>): void;
}

/** Declares a rule. The docs URL is derived from the id, so every rule links to its page. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}

export const repositoryUrl = 'https://github.com/media-lint/media-lint';

export function docsUrl(ruleId: string): string {
  return `${repositoryUrl}/blob/main/rules-docs/${ruleId}.md`;
}

/** The defaults of a rule's options. */
export function defaultOptions(meta: RuleMeta): Record<string, RuleOptionValue> {
  return Object.fromEntries(Object.entries(meta.options ?? {}).map(([name, option]) => [name, option.default]));
}

/** Fills `{{name}}` placeholders. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, key: string) => {
    const value = data?.[key];
    return value === undefined ? match : String(value);
  });
}
