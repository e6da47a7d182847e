import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { spellMember } from '../support/spelling.js';
import { programsByMultiplex, programVideoSettings } from '../support/multiplex.js';
import { formatBitrate } from '../support/video.js';

export default defineRule({
  meta: {
    id: 'multiplex/bitrate-budget',
    category: 'multiplex',
    severity: 'warning',
    description: "MediaLive multiplex programs whose guaranteed video bitrates and the reserved bitrate exceed the transport stream's bitrate.",
    details:
      "For every MediaLive multiplex of the template, adds up what its programs (the `AWS::MediaLive::Multiplexprogram` resources that reference it) are guaranteed: `VideoSettings.ConstantBitrate` of constant-bitrate programs, `StatmuxSettings.MinimumBitrate` of statistically multiplexed ones, plus `MultiplexSettings.TransportStreamReservedBitrate`, and compares the sum with `TransportStreamBitrate`. Values that are not known count as zero, so the sum is a lower bound and a reported overrun is certain. Audio and table overhead are not estimated.",
    rationale:
      'A multiplex carries every program in one constant-rate transport stream. When the constant and minimum video bitrates it has promised already exceed the stream, the multiplexer cannot honour them: programs are starved of bits, which shows as blocking and dropped frames on air. The API does not check the sum; this is a derived sanity check.',
    messages: {
      overBudget: 'Programs of multiplex {{multiplex}} are guaranteed {{needed}} ({{parts}}), more than {{property}} {{available}}; raise the transport stream bitrate or lower the program bitrates.',
    },
    appliesTo: ['AWS::MediaLive::Multiplex', 'AWS::MediaLive::Multiplexprogram'],
    sources: ['ML-022'],
    references: [
      { title: 'MediaLive API: MultiplexSettings and MultiplexVideoSettings', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/multiplexes.html' },
      { title: 'MediaLive user guide: setting up a multiplex', url: 'https://docs.aws.amazon.com/medialive/latest/ug/setting-up-multiplex.html' },
    ],
  },
  check(context) {
    for (const group of programsByMultiplex(context)) {
      if (!group.multiplex) continue;
      const settings = Cursor.root(group.multiplex).get('multiplex_settings');
      const transportCursor = settings.get('transport_stream_bitrate');
      const available = transportCursor.number();
      if (available === undefined) continue;
      const parts: string[] = [];
      let needed = 0;
      for (const program of group.programs) {
        const video = programVideoSettings(program);
        const constant = video.get('constant_bitrate').number();
        const minimum = video.at('statmux_settings', 'minimum_bitrate').number();
        const name = Cursor.root(program).get('program_name').string() ?? program.address;
        if (constant !== undefined) {
          needed += constant;
          parts.push(`'${name}' ${formatBitrate(constant)} constant`);
        } else if (minimum !== undefined) {
          needed += minimum;
          parts.push(`'${name}' ${formatBitrate(minimum)} statmux minimum`);
        }
      }
      const reserved = settings.get('transport_stream_reserved_bitrate').number();
      if (reserved !== undefined && reserved > 0) {
        needed += reserved;
        parts.push(`${formatBitrate(reserved)} reserved`);
      }
      if (needed <= available) continue;
      context.report({
        at: transportCursor,
        messageId: 'overBudget',
        data: {
          multiplex: group.label,
          needed: formatBitrate(needed),
          parts: parts.join(' + '),
          property: spellMember('transport_stream_bitrate', 'TransportStreamBitrate', group.multiplex),
          available: formatBitrate(available),
        },
      });
    }
  },
});
