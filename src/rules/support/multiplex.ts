import { Cursor } from '../../graph/cursor.js';
import type { Resource } from '../../graph/resource.js';
import type { RuleContext } from '../../engine/rule.js';

/**
 * MediaLive multiplexes (MPTS) and their programs. A program belongs to a multiplex through its
 * `MultiplexId`: a reference to a multiplex of the template, or a literal multiplex id.
 */

export interface MultiplexProgramGroup {
  /** The multiplex of the template, when the programs reference one. */
  multiplex: Resource | undefined;
  /** `'BroadcastMux'`, or the literal id `'4523918'`, for messages. */
  label: string;
  /** The programs, in input order. */
  programs: Resource[];
}

/**
 * Programs grouped by the multiplex they belong to. Programs whose `MultiplexId` is not known, or
 * references something that is not a multiplex, belong to no group.
 */
export function programsByMultiplex(context: Pick<RuleContext, 'resources' | 'resolve'>): MultiplexProgramGroup[] {
  const groups = new Map<string, MultiplexProgramGroup>();
  for (const program of context.resources('AWS::MediaLive::Multiplexprogram')) {
    const multiplexId = Cursor.root(program).get('multiplex_id');
    const reference = multiplexId.reference();
    let key: string;
    let group: Omit<MultiplexProgramGroup, 'programs'>;
    if (reference) {
      const multiplex = context.resolve(reference, program);
      if (multiplex?.type !== 'AWS::MediaLive::Multiplex') continue;
      key = `resource:${multiplex.id}`;
      group = { multiplex, label: `'${multiplex.address}'` };
    } else {
      const literal = multiplexId.string();
      if (literal === undefined) continue;
      key = `literal:${literal}`;
      group = { multiplex: undefined, label: `'${literal}'` };
    }
    const existing = groups.get(key);
    if (existing) existing.programs.push(program);
    else groups.set(key, { ...group, programs: [program] });
  }
  return [...groups.values()];
}

/** A program's `MultiplexProgramSettings.VideoSettings`. */
export function programVideoSettings(program: Resource): Cursor {
  return Cursor.root(program).at('multiplex_program_settings', 'video_settings');
}
