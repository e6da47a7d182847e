import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { mediaLiveVideo } from '../support/medialive.js';
import { spellMember } from '../support/spelling.js';

export default defineRule({
  meta: {
    id: 'gop/gop-units-value',
    category: 'gop',
    severity: 'error',
    description: 'A MediaLive GOP size that its units do not allow: a fraction of a frame, less than one frame, or zero seconds.',
    details:
      'For every video description of a MediaLive channel (H.264, H.265, MPEG-2, AV1), reads `GopSize` with `GopSizeUnits`. With FRAMES (also when `GopSizeUnits` is not set, FRAMES being the default) the size must be an integer of at least 1; with SECONDS it must be greater than 0. Unresolved values are not checked.',
    rationale:
      'The MediaLive API states both constraints for `gopSize` and rejects the channel when they are broken. A GOP written in seconds (`GopSize: 2.5`) while the units are left to the FRAMES default is the usual slip; it is only caught when the channel is created or updated.',
    messages: {
      framesNotWhole: '{{property}} {{size}} is not a whole number of frames ({{unitsNote}}); MediaLive requires an integer of at least 1. Use a frame count, or set {{unitsProperty}} to SECONDS.',
      framesBelowOne: '{{property}} {{size}} is less than one frame ({{unitsNote}}); MediaLive requires an integer of at least 1.',
      secondsNotPositive: '{{property}} {{size}} is not a GOP duration: with {{unitsProperty}} SECONDS, MediaLive requires a value greater than 0.',
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-007'],
    references: [{ title: 'MediaLive API: H264Settings gopSize and gopSizeUnits', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' }],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      for (const description of Cursor.root(channel).at('encoder_settings', 'video_descriptions').items()) {
        const { settings } = mediaLiveVideo(description);
        if (!settings) continue;
        const sizeCursor = settings.get('gop_size');
        const size = sizeCursor.number();
        const unitsCursor = settings.get('gop_size_units');
        const units = unitsCursor.isMissing ? 'FRAMES' : unitsCursor.string();
        if (size === undefined || units === undefined) continue;
        const property = spellMember('gop_size', 'GopSize', channel);
        const unitsProperty = spellMember('gop_size_units', 'GopSizeUnits', channel);
        const unitsNote = unitsCursor.isMissing ? `${unitsProperty} is not set, so it is FRAMES` : `${unitsProperty} is FRAMES`;
        if (units === 'FRAMES' && size < 1) {
          context.report({ at: sizeCursor, messageId: 'framesBelowOne', data: { property, size, unitsNote } });
        } else if (units === 'FRAMES' && !Number.isInteger(size)) {
          context.report({ at: sizeCursor, messageId: 'framesNotWhole', data: { property, size, unitsNote, unitsProperty } });
        } else if (units === 'SECONDS' && size <= 0) {
          context.report({ at: sizeCursor, messageId: 'secondsNotPositive', data: { property, size, unitsProperty } });
        }
      }
    }
  },
});
