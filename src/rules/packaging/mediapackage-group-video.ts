import { defineRule } from '../../engine/rule.js';
import { mediaLiveOutputGroups } from '../support/medialive.js';
import { spellMember } from '../support/spelling.js';
import type { VideoRendition } from '../support/video.js';

export default defineRule({
  meta: {
    id: 'packaging/mediapackage-group-video',
    category: 'packaging',
    severity: 'error',
    description: 'A MediaLive video description used in a MediaPackage output group without explicit Width and Height, or with ParControl or FramerateControl not SPECIFIED.',
    details:
      "For every video description of a MediaLive channel that an output of a MediaPackage output group (`OutputGroupSettings.MediaPackageGroupSettings`) uses, reports an absent `Width` or `Height`; for H.264 (`H264Settings`, the only MediaLive codec with `ParControl` and `FramerateControl`), a `ParControl` or `FramerateControl` that is absent or not `SPECIFIED`, and a `ParNumerator` or `ParDenominator` that is absent while `ParControl` is `SPECIFIED`. A missing `FramerateNumerator` or `FramerateDenominator` under `FramerateControl: SPECIFIED` is left to `gop/framerate-specified`. H.265, MPEG-2 and AV1 settings have no control members: their frame rate is always specified (`FramerateNumerator` and `FramerateDenominator` are required, which `schema/missing-required` checks), MPEG-2 has no pixel aspect ratio members, and the pixel aspect ratio of H.265 and AV1 is not checked. An absent member is reported only when its video description or codec settings are certainly complete; values the tool cannot resolve are not checked, and a description used by several outputs is reported once.",
    rationale:
      "MediaLive's MediaPackage output group doesn't support leaving Width and Height blank to use the source's resolution, nor following the source's pixel aspect ratio or frame rate: the user guide requires explicit dimensions, PAR control SPECIFIED with PAR numerator and denominator, and framerate control SPECIFIED. The source's values are unknown when the channel is created, and MediaPackage needs a fixed rendition ladder to package.",
    messages: {
      missingDimension:
        "Video description '{{name}}' is used in a MediaPackage output group but has no {{property}}; the MediaPackage output group doesn't support taking the width and height from the source, so set {{width}} and {{height}} explicitly.",
      parControl:
        "{{property}} {{value}} in video description '{{name}}' takes the pixel aspect ratio from the source, which the MediaPackage output group doesn't support; set it to SPECIFIED with {{numerator}} and {{denominator}} (1 and 1 for square pixels).",
      parControlMissing:
        "Video description '{{name}}' is used in a MediaPackage output group but has no {{property}}; the MediaPackage output group requires SPECIFIED, as it doesn't support following the source's pixel aspect ratio, so set {{property}} to SPECIFIED with {{numerator}} and {{denominator}} (1 and 1 for square pixels).",
      parRatioMissing:
        "{{control}} is SPECIFIED in video description '{{name}}' but {{missing}} is missing; the MediaPackage output group needs both {{numerator}} and {{denominator}} (1 and 1 for square pixels).",
      framerateControl:
        "{{property}} {{value}} in video description '{{name}}' takes the frame rate from the source, which the MediaPackage output group doesn't support; set it to SPECIFIED with {{numerator}} and {{denominator}} (30 and 1 for 30 fps, 30000 and 1001 for 29.97 fps).",
      framerateControlMissing:
        "Video description '{{name}}' is used in a MediaPackage output group but has no {{property}}; the MediaPackage output group requires SPECIFIED, as it doesn't support following the source's frame rate, so set {{property}} to SPECIFIED with {{numerator}} and {{denominator}} (30 and 1 for 30 fps, 30000 and 1001 for 29.97 fps).",
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-014'],
    references: [
      { title: 'MediaLive user guide: MediaPackage output group, width and height, aspect ratio and frame rate of the video', url: 'https://docs.aws.amazon.com/medialive/latest/ug/mediapackage-encode-packaging.html' },
      { title: 'MediaLive API: VideoDescription, H264Settings parControl, framerateControl', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
    ],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      // Renditions are shared per channel (memoized), so the same description used by several
      // outputs or MediaPackage groups is the same object: report it once.
      const checked = new Set<VideoRendition>();
      for (const group of mediaLiveOutputGroups(channel)) {
        if (group.kind !== 'media-package') continue;
        for (const { video } of group.outputs) {
          if (video === undefined || checked.has(video)) continue;
          checked.add(video);
          const name = video.name ?? '';
          const width = spellMember('width', 'Width', channel);
          const height = spellMember('height', 'Height', channel);
          for (const [member, property] of [['width', width], ['height', height]] as const) {
            const cursor = video.description.get(member);
            if (!cursor.isMissing) continue;
            context.report({ at: cursor, messageId: 'missingDimension', data: { name, property, width, height } });
          }
          if (video.codec !== 'h264' || video.settings === undefined) continue;
          const settings = video.settings;

          const parControl = settings.get('par_control');
          const numerator = spellMember('par_numerator', 'ParNumerator', channel);
          const denominator = spellMember('par_denominator', 'ParDenominator', channel);
          const parProperty = spellMember('par_control', 'ParControl', channel);
          const parValue = parControl.string();
          if (parControl.isMissing) {
            context.report({ at: parControl, messageId: 'parControlMissing', data: { name, property: parProperty, numerator, denominator } });
          } else if (parValue !== undefined && parValue !== 'SPECIFIED') {
            context.report({ at: parControl, messageId: 'parControl', data: { name, property: parProperty, value: parValue, numerator, denominator } });
          } else if (parValue === 'SPECIFIED') {
            for (const [member, missing] of [['par_numerator', numerator], ['par_denominator', denominator]] as const) {
              const cursor = settings.get(member);
              if (!cursor.isMissing) continue;
              context.report({ at: cursor, messageId: 'parRatioMissing', data: { name, control: parProperty, missing, numerator, denominator } });
            }
          }

          const framerateControl = settings.get('framerate_control');
          const framerateProperty = spellMember('framerate_control', 'FramerateControl', channel);
          const framerateData = {
            name,
            property: framerateProperty,
            numerator: spellMember('framerate_numerator', 'FramerateNumerator', channel),
            denominator: spellMember('framerate_denominator', 'FramerateDenominator', channel),
          };
          const framerateValue = framerateControl.string();
          if (framerateControl.isMissing) {
            context.report({ at: framerateControl, messageId: 'framerateControlMissing', data: framerateData });
          } else if (framerateValue !== undefined && framerateValue !== 'SPECIFIED') {
            context.report({ at: framerateControl, messageId: 'framerateControl', data: { ...framerateData, value: framerateValue } });
          }
        }
      }
    }
  },
});
