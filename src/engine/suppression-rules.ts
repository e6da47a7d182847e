import { repositoryUrl, type RuleMeta } from './rule.js';

const suppressionDocs = { title: 'media-lint README: Inline suppressions', url: `${repositoryUrl}#inline-suppressions` };

/**
 * Findings about inline suppressions themselves (`src/engine/suppressions.ts`). Like the loader's
 * ids they are not checks on the resource graph, but they appear in every output format, have docs
 * pages, and their severity can be changed (or turned off) in the configuration file.
 */
export const suppressionRules: readonly RuleMeta[] = [
  {
    id: 'suppression/unused',
    category: 'suppression',
    severity: 'warning',
    description: 'A suppression comment or Metadata entry suppresses nothing.',
    details:
      'Reported for each rule id of a `media-lint-ignore` directive (a `#` comment, or a CloudFormation `Metadata: { media-lint: { ignore: [...] } }` entry) when that rule ran on the file and reported nothing in the lines the directive covers. A rule that did not run (`--rule`, turned off by the configuration, left out by the preset) never makes a directive unused.',
    rationale:
      'A suppression outlives the problem it was written for: after a fix, a stale directive would silently hide the next mistake of the same kind in the same place. Removing unused ones keeps every suppression meaningful.',
    messages: { unused: 'This suppression of {{ruleId}} is unused: the rule reports nothing in the lines it covers; remove it.' },
    appliesTo: '*',
    references: [suppressionDocs],
  },
  {
    id: 'suppression/expired',
    category: 'suppression',
    severity: 'warning',
    description: 'A suppression is past its `until` date; its findings are reported again.',
    details:
      'A directive may end with `until YYYY-MM-DD` (CloudFormation Metadata: `until: YYYY-MM-DD`), the last day it applies, compared with the current UTC date. After that day it suppresses nothing: the findings it covered are reported again, and the directive itself is reported here.',
    rationale:
      'Temporary exceptions ("until the encoder upgrade ships") tend to become permanent. An expiry date turns the promise into a reminder that shows up in review.',
    messages: { expired: 'The suppression of {{rules}} expired on {{until}} ("{{reason}}"): its findings are reported again; fix them or extend the date.' },
    appliesTo: '*',
    references: [suppressionDocs],
  },
  {
    id: 'suppression/invalid',
    category: 'suppression',
    severity: 'error',
    description: 'A suppression has no reason, a malformed date, or names a rule that does not exist.',
    details:
      'A directive must name at least one rule and give a reason after a colon: `# media-lint-ignore <rule-id>[, <rule-id>]: <reason> [until YYYY-MM-DD]`. A directive without a reason or with an impossible date suppresses nothing. An unknown rule id is reported with the closest existing id; the other ids of the directive still apply. `parse-error`, `file-error` and the `suppression/*` ids cannot be suppressed.',
    rationale:
      'A suppression without a reason cannot be reviewed, and a misspelt rule id suppresses nothing while looking as if it did. Both are mistakes that would otherwise go unnoticed.',
    messages: {
      malformed: 'This suppression {{problem}}.',
      unknownRule: "Unknown rule '{{ruleId}}' in this suppression (see --list-rules).",
      unknownRuleSuggestion: "Unknown rule '{{ruleId}}' in this suppression; did you mean '{{suggestion}}'?",
      unsuppressible: "'{{ruleId}}' cannot be suppressed.",
    },
    appliesTo: '*',
    references: [suppressionDocs],
  },
];
