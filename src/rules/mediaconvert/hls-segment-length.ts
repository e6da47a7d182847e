import { defineRule } from '../../engine/rule.js';
import { mediaConvertOutputGroups, mediaConvertTypes } from '../support/mediaconvert.js';
import { mediaConvertGroupNoun, writesHls } from '../support/segments.js';
import { spellMember } from '../support/spelling.js';
import { formatSeconds } from '../support/video.js';

/** HLS and CMAF `SegmentLength` default to 10 s (MediaConvert API, domain brief §5.3). */
const defaultSegmentSeconds = 10;

export default defineRule({
  meta: {
    id: 'mediaconvert/hls-segment-length',
    category: 'mediaconvert',
    severity: 'warning',
    description: 'A MediaConvert HLS or CMAF group that leaves SegmentLength at its 10-second default instead of the 6 seconds Apple recommends.',
    details:
      'Reports MediaConvert HLS groups, and CMAF groups that write an HLS manifest, of jobs and job templates whose `SegmentLength` is not set: MediaConvert then cuts 10-second segments. With the option `checkExplicitLengths`, an explicit `SegmentLength` other than `targetSeconds` is reported too. A segment length that is not known is not checked.',
    rationale:
      'Apple HLS 7.5 and 7.6: target and segment durations SHOULD be 6 seconds. The 10-second default of MediaConvert is a leftover of older HLS guidance; it lengthens start-up and rendition switches, and it is rarely a deliberate choice when the value is not written.',
    messages: {
      defaultLength: '{{property}} is not set, so this {{group}} group cuts {{default}} segments; Apple recommends {{target}}: set {{property}} to {{targetNumber}}.',
      otherLength: '{{property}} {{length}} differs from the {{target}} segments Apple recommends for HLS.',
    },
    appliesTo: ['AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job'],
    sources: ['MC-006', 'HLS-004'],
    options: {
      targetSeconds: { description: 'The recommended segment length, in seconds.', default: 6 },
      checkExplicitLengths: { description: 'Also report an explicit SegmentLength other than targetSeconds (for teams targeting Apple devices).', default: false },
    },
    references: [
      { title: 'MediaConvert API: HlsGroupSettings and CmafGroupSettings segmentLength', url: 'https://docs.aws.amazon.com/mediaconvert/latest/apireference/jobtemplates.html' },
      { title: 'Apple HLS authoring specification 7.5 and 7.6', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' },
    ],
  },
  check(context) {
    const target = Number(context.options.targetSeconds);
    const checkExplicit = context.options.checkExplicitLengths === true;
    for (const type of mediaConvertTypes) {
      for (const resource of context.resources(type)) {
        for (const group of mediaConvertOutputGroups(resource)) {
          if (!group.settings || !writesHls(group)) continue;
          const length = group.settings.get('segment_length');
          const property = spellMember('segment_length', 'SegmentLength', resource);
          const data = { property, group: mediaConvertGroupNoun(group.kind), target: formatSeconds(target), targetNumber: target };
          if (length.isMissing && target !== defaultSegmentSeconds) {
            context.report({ at: length, messageId: 'defaultLength', data: { ...data, default: formatSeconds(defaultSegmentSeconds) } });
            continue;
          }
          const seconds = length.number();
          if (checkExplicit && seconds !== undefined && Math.abs(seconds - target) > 1e-9) {
            context.report({ at: length, messageId: 'otherLength', data: { ...data, length: formatSeconds(seconds) } });
          }
        }
      }
    }
  },
});
