import { defineRule } from '../../engine/rule.js';
import { mediaConvertOutputGroups, mediaConvertTypes } from '../support/mediaconvert.js';
import { describeGop, dividingGops, explicitMediaConvertGop, fitsWhole, formatAlternatives, mediaConvertGroupNoun } from '../support/segments.js';
import { spellMember } from '../support/spelling.js';
import { formatSeconds } from '../support/video.js';

/** The CMAF group's FragmentLength default, 2 s (MediaConvert API `CmafGroupSettings`, domain brief §5.3).
 * DASH ISO and Microsoft Smooth defaults are not documented there, so those groups need a value. */
const cmafDefaultFragmentSeconds = 2;

export default defineRule({
  meta: {
    id: 'mediaconvert/fragment-length',
    category: 'mediaconvert',
    severity: 'error',
    description: 'A MediaConvert DASH, CMAF or Microsoft Smooth fragment length that is not a whole multiple of GopSize × GopClosedCadence ÷ frame rate.',
    details:
      'For every DASH ISO, CMAF and Microsoft Smooth output group of a MediaConvert job or job template, checks `FragmentLength` (2 s when a CMAF group leaves it out, the documented default) against the GOP of each video output: the GOP duration (`GopSize` with `GopSizeUnits` FRAMES or SECONDS; AUTO, the default, is MediaConvert\'s choice and not checked) times `GopClosedCadence` when it is set. A cadence that is not set is not assumed: a fragment that is not a whole number of GOPs is not a whole number of closed-GOP intervals either. Microsoft Smooth groups with `FragmentLengthControl: GOP_MULTIPLE`, which round fragments to the GOP, are not checked; outputs that take their video from a preset are not either.',
    rationale:
      'The MediaConvert user guide: "Fragment length must be a whole number and must be a multiple of this value: GOP size x Closed GOP cadence ÷ Framerate", with the incorrect example of 90-frame GOPs at 50 fps (1.8 s) in 2 s fragments. MediaConvert fails such a job.',
    messages: {
      notWholeGops: '{{fragment}} is not a whole number of GOPs of {{gop}}; MediaConvert requires a multiple of GopSize × GopClosedCadence ÷ frame rate in {{group}} groups. Use a GOP of {{suggestion}}.',
      notWholeClosedGops:
        '{{fragment}} is not a whole multiple of {{interval}}, a GOP of {{gop}} × {{cadenceProperty}} {{cadence}}; MediaConvert requires a multiple of GopSize × GopClosedCadence ÷ frame rate in {{group}} groups. Make the GOP times the cadence divide the fragment length.',
    },
    appliesTo: ['AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job'],
    sources: ['MC-005'],
    references: [
      { title: 'MediaConvert user guide: setting the fragment length for streaming outputs', url: 'https://docs.aws.amazon.com/mediaconvert/latest/ug/setting-the-fragment-length.html' },
      { title: 'MediaConvert API: CmafGroupSettings fragmentLength', url: 'https://docs.aws.amazon.com/mediaconvert/latest/apireference/jobtemplates.html' },
    ],
  },
  check(context) {
    for (const type of mediaConvertTypes) {
      for (const resource of context.resources(type)) {
        for (const group of mediaConvertOutputGroups(resource)) {
          if ((group.kind !== 'dash' && group.kind !== 'cmaf' && group.kind !== 'ms-smooth') || !group.settings) continue;
          // Smooth fragments follow FragmentLength under EXACT or an unwritten control; with GOP_MULTIPLE,
          // or a control that is not known, there is nothing certain to check.
          const control = group.settings.get('fragment_length_control');
          if (group.kind === 'ms-smooth' && !control.isMissing && control.string() !== 'EXACT') continue;
          const lengthCursor = group.settings.get('fragment_length');
          const property = spellMember('fragment_length', 'FragmentLength', resource);
          let fragmentSeconds = lengthCursor.number();
          let fragment = `${property} ${fragmentSeconds === undefined ? '' : formatSeconds(fragmentSeconds)}`;
          if (fragmentSeconds === undefined && lengthCursor.isMissing && group.kind === 'cmaf') {
            fragmentSeconds = cmafDefaultFragmentSeconds;
            fragment = `The default CMAF ${property} of ${formatSeconds(fragmentSeconds)}`;
          }
          if (fragmentSeconds === undefined || fragmentSeconds <= 0) continue;
          for (const { video } of group.outputs) {
            const gop = video ? explicitMediaConvertGop(video) : undefined;
            if (!video || gop === undefined || gop <= 0) continue;
            const cadence = video.settings!.get('gop_closed_cadence').number();
            const interval = cadence !== undefined && cadence >= 1 ? gop * cadence : gop;
            if (fitsWhole(fragmentSeconds, interval)) continue;
            const suggestions = dividingGops(fragmentSeconds, gop, video.framesPerSecond);
            const data = {
              fragment: fragment.trim(),
              gop: describeGop(video),
              group: mediaConvertGroupNoun(group.kind),
              suggestion: suggestions.length > 0 ? formatAlternatives(suggestions) : `a divisor of ${formatSeconds(fragmentSeconds)}`,
            };
            const related = lengthCursor.exists ? [{ message: 'fragment length set here', span: lengthCursor.span() }] : [];
            const at = video.settings!.get('gop_size');
            if (interval === gop) context.report({ at, messageId: 'notWholeGops', data, related });
            else
              context.report({
                at,
                messageId: 'notWholeClosedGops',
                data: { ...data, interval: formatSeconds(interval), cadence: cadence!, cadenceProperty: spellMember('gop_closed_cadence', 'GopClosedCadence', resource) },
                related,
              });
          }
        }
      }
    }
  },
});
