import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import type { Resource } from '../../graph/resource.js';
import { spellMember } from '../support/spelling.js';
import { programsByMultiplex } from '../support/multiplex.js';

const maximumPrograms = 20;

export default defineRule({
  meta: {
    id: 'multiplex/program-numbers',
    category: 'multiplex',
    severity: 'error',
    description: 'MediaLive multiplex programs that share a program number, or a multiplex with more than 20 programs.',
    details:
      "Groups the `AWS::MediaLive::Multiplexprogram` resources by the multiplex their `MultiplexId` designates (a reference to a multiplex of the template, or the same literal id) and reports a `MultiplexProgramSettings.ProgramNumber` already used by an earlier program of the same multiplex, and every program beyond the 20th of one multiplex. Programs whose multiplex or number is not known are left out.",
    rationale:
      'The program number identifies a service in the transport stream (its PMT): two programs with the same number in one MPTS cannot both be signalled, and MediaLive rejects the second. A multiplex holds at most 20 programs; the 21st fails to deploy, usually after the other resources of the stack have been created.',
    messages: {
      duplicateNumber: '{{property}} {{number}} is already used by program {{other}} of multiplex {{multiplex}}; program numbers must be unique within a multiplex; choose another number.',
      tooManyPrograms: 'Program {{program}} makes {{count}} programs in multiplex {{multiplex}}; a multiplex holds at most {{maximum}} programs; move it to another multiplex.',
    },
    appliesTo: ['AWS::MediaLive::Multiplexprogram'],
    sources: ['ML-021'],
    references: [
      { title: 'MediaLive API: MultiplexProgramSettings (ProgramNumber: "Unique program number")', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/multiplexes-multiplexid-programs.html' },
      { title: 'MediaLive user guide: setting up a multiplex (up to 20 programs)', url: 'https://docs.aws.amazon.com/medialive/latest/ug/setting-up-multiplex.html' },
    ],
  },
  check(context) {
    for (const group of programsByMultiplex(context)) {
      const byNumber = new Map<number, Resource>();
      group.programs.forEach((program, index) => {
        const root = Cursor.root(program);
        if (index >= maximumPrograms) {
          context.report({
            at: root.get('multiplex_id'),
            messageId: 'tooManyPrograms',
            data: { program: programName(program), count: index + 1, multiplex: group.label, maximum: maximumPrograms },
          });
        }
        const numberCursor = root.at('multiplex_program_settings', 'program_number');
        const number = numberCursor.number();
        if (number === undefined) return;
        const other = byNumber.get(number);
        if (!other) {
          byNumber.set(number, program);
          return;
        }
        context.report({
          at: numberCursor,
          messageId: 'duplicateNumber',
          data: { property: spellMember('program_number', 'ProgramNumber', program), number, other: programName(other), multiplex: group.label },
        });
      });
    }
  },
});

/** `'sports'` (the program name), else the resource's address. */
function programName(program: Resource): string {
  return `'${Cursor.root(program).get('program_name').string() ?? program.address}'`;
}
