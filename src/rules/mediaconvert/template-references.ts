import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import type { Resource, Scope } from '../../graph/resource.js';
import { scopeNoun } from '../support/references.js';
import { memberLabel, spellPath } from '../support/labels.js';
import { mediaConvertOutputGroups } from '../support/mediaconvert.js';
import { listValues } from '../support/spelling.js';

interface Defined {
  /** `Name` of each queue or preset of the scope, by resource. */
  names: Map<Resource, string>;
  /** False when some queue or preset of the scope has a name the tool cannot read. */
  complete: boolean;
}

/** The queues (or presets) a scope defines, with their names. */
function definedNames(resources: readonly Resource[], scope: Scope): Defined | undefined {
  const inScope = resources.filter((resource) => resource.scope === scope);
  if (inScope.length === 0) return undefined;
  const names = new Map<Resource, string>();
  let complete = true;
  for (const resource of inScope) {
    const name = Cursor.root(resource).get('name').string();
    if (name === undefined) complete = false;
    else names.set(resource, name);
  }
  return { names, complete };
}

/** Names every account can use without defining them: the default queue and the system presets. */
function isBuiltIn(kind: 'queue' | 'preset', name: string): boolean {
  return kind === 'queue' ? name === 'Default' : name.startsWith('System-');
}

export default defineRule({
  meta: {
    id: 'mediaconvert/template-references',
    category: 'mediaconvert',
    severity: 'warning',
    description: 'A MediaConvert Queue or Preset given as a literal name that is neither an ARN nor the Name of a queue or preset defined alongside.',
    details:
      "Checks `Queue` of MediaConvert job templates and jobs and `Preset` of their outputs when they are literal strings. When the template or module defines queues (or presets), the literal must be an ARN, the `Name` of one of them, or a name every account has (the `Default` queue, `System-…` presets such as `System-Avc_16x9_1080p_29_97fps_8500kbps`). A literal that matches a queue's or preset's logical name rather than its `Name` is called out as such. References are not checked here, and nothing is reported when no queue (or preset) is defined alongside or one of their names is not known.",
    rationale:
      'MediaConvert looks queues and presets up by name or ARN when a job is submitted, so a wrong name deploys cleanly and fails every job later. The classic case is Pangea, where `processing_queue.name` returns the resource\'s logical name (`vod_processing`) instead of the queue\'s `Name` (`VOD Processing Queue`), so the synthesized template points at a queue that does not exist. It is a warning, not an error, because a queue or preset of that name may exist outside this template.',
    messages: {
      logicalName:
        "{{property}} '{{value}}' is the logical name of {{noun}} '{{address}}', not its {{nameProperty}}; MediaConvert looks {{noun}}s up by name or ARN, so use '{{name}}' or the {{noun}}'s ARN (in Pangea, `.name` of a resource reference returns the logical name).",
      unknown: "{{property}} '{{value}}' is neither an ARN nor the {{nameProperty}} of a {{noun}} defined in this {{scope}} (defined: {{names}}); use one of those names or an ARN.",
    },
    appliesTo: ['AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job'],
    references: [
      { title: 'MediaConvert API: job templates (Queue) and outputs (Preset)', url: 'https://docs.aws.amazon.com/mediaconvert/latest/apireference/jobtemplates.html' },
      { title: 'MediaConvert user guide: working with queues', url: 'https://docs.aws.amazon.com/mediaconvert/latest/ug/working-with-queues.html' },
      { title: 'MediaConvert user guide: system presets', url: 'https://docs.aws.amazon.com/mediaconvert/latest/ug/working-with-presets.html' },
      { title: 'Pangea resource references (shared/pangea/REPORT.md §2.3)' },
    ],
  },
  check(context) {
    const queues = context.resources('AWS::MediaConvert::Queue');
    const presets = context.resources('AWS::MediaConvert::Preset');
    for (const type of ['AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job']) {
      for (const resource of context.resources(type)) {
        const checkName = (cursor: Cursor, kind: 'queue' | 'preset') => {
          const value = cursor.string();
          if (value === undefined || value.startsWith('arn:') || isBuiltIn(kind, value)) return;
          const defined = definedNames(kind === 'queue' ? queues : presets, resource.scope);
          if (!defined || !defined.complete) return;
          const names = [...defined.names.values()];
          if (names.includes(value)) return;
          const property = memberLabel(cursor);
          const byLogicalName = [...defined.names.entries()].find(([candidate]) => normalize(candidate.logicalName) === normalize(value));
          if (byLogicalName) {
            const [target, name] = byLogicalName;
            context.report({ at: cursor, messageId: 'logicalName', data: { property, value, noun: kind, address: target.address, name, nameProperty: spellPath(resource, ['name']) } });
            return;
          }
          context.report({
            at: cursor,
            messageId: 'unknown',
            data: { property, value, noun: kind, nameProperty: spellPath(resource, ['name']), scope: scopeNoun(resource.scope), names: listValues(names.map((name) => `'${name}'`)) },
          });
        };
        checkName(Cursor.root(resource).get('queue'), 'queue');
        for (const group of mediaConvertOutputGroups(resource)) for (const { output } of group.outputs) checkName(output.get('preset'), 'preset');
      }
    }
  },
});

/** Logical names compared the way Pangea and CloudFormation spell the same resource: `vod_processing` ≡ `VodProcessing`. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}
