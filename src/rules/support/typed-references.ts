import { Cursor } from '../../graph/cursor.js';
import { cursorsAt } from '../../graph/traverse.js';
import type { RuleContext } from '../../engine/rule.js';
import { addressesOfTypes, describeResource, scopeNoun, suggestTarget } from './references.js';

/**
 * Places where a reference must point at a resource of a given type. The rule named here reports
 * both a dangling reference and one to the wrong kind of resource; `reference/unresolved` leaves
 * these places to it, so each mistake is reported once.
 */
export interface TypedReferenceSlot {
  type: string;
  /** Canonical path; `*` stands for every list item. */
  path: readonly string[];
  expected: readonly string[];
  expectedNoun: string;
  rule: string;
}

export const typedReferenceSlots: readonly TypedReferenceSlot[] = [
  { type: 'AWS::MediaLive::Channel', path: ['input_attachments', '*', 'input_id'], expected: ['AWS::MediaLive::Input'], expectedNoun: 'a MediaLive input', rule: 'reference/input-attachment' },
  {
    type: 'AWS::MediaLive::Channel',
    path: ['input_attachments', '*', 'automatic_input_failover_settings', 'secondary_input_id'],
    expected: ['AWS::MediaLive::Input'],
    expectedNoun: 'a MediaLive input',
    rule: 'reference/input-attachment',
  },
  { type: 'AWS::MediaLive::Multiplexprogram', path: ['multiplex_id'], expected: ['AWS::MediaLive::Multiplex'], expectedNoun: 'a MediaLive multiplex', rule: 'reference/multiplex-program' },
];

/** True when the cursor's path matches a slot of its resource's type. */
export function isTypedSlot(cursor: Cursor): boolean {
  return typedReferenceSlots.some(
    (slot) =>
      slot.type === cursor.resource.type &&
      slot.path.length === cursor.path.length &&
      slot.path.every((segment, index) => segment === '*' ? typeof cursor.path[index] === 'number' : segment === cursor.path[index]),
  );
}

type SlotMessages = 'missingTarget' | 'missingTargetSuggestion' | 'wrongTargetType';

/** Reports the references of the slots owned by `ruleId`: dangling or of the wrong type. */
export function checkTypedSlots(context: RuleContext<SlotMessages>, ruleId: string): void {
  for (const slot of typedReferenceSlots) {
    if (slot.rule !== ruleId) continue;
    for (const resource of context.resources(slot.type)) {
      for (const cursor of cursorsAt(Cursor.root(resource), slot.path)) {
        const reference = cursor.reference();
        if (!reference) continue;
        const property = cursor.property?.sourceName ?? slot.path[slot.path.length - 1]!;
        const target = context.resolve(reference, resource);
        if (!target) {
          const suggestion = suggestTarget(resource.scope, reference.target, addressesOfTypes(resource.scope, slot.expected));
          context.report({
            at: cursor,
            messageId: suggestion ? 'missingTargetSuggestion' : 'missingTarget',
            data: { property, expression: reference.expression, target: reference.target, scope: scopeNoun(resource.scope), expected: slot.expectedNoun, ...(suggestion ? { suggestion } : {}) },
          });
        } else if (!slot.expected.includes(target.type)) {
          context.report({
            at: cursor,
            messageId: 'wrongTargetType',
            data: { property, expression: reference.expression, target: describeResource(target), expected: slot.expectedNoun },
          });
        }
      }
    }
  }
}
