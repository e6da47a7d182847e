import { defineRule, type RuleContext } from '../../engine/rule.js';
import type { Cursor } from '../../graph/cursor.js';
import { compareLevels, minimumHevcLevel } from '../support/codec-levels.js';
import { declaredLevel, formatDimensions, hevcLowerDemand, hevcProfileTier, levelEnum, suggestHevcLevel } from '../support/codec.js';
import { ladders, outputPreset, stringOption } from '../support/ladder.js';
import { mediaConvertOutputGroups, mediaConvertSettings, mediaConvertVideo } from '../support/mediaconvert.js';
import { mediaLiveOutputGroups } from '../support/medialive.js';
import { spellMember } from '../support/spelling.js';
import { formatFrameRate } from '../support/video.js';
import { memberLabel } from '../support/labels.js';

const appleSpec = 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices';

export default defineRule({
  meta: {
    id: 'codec/apple-hevc-limits',
    category: 'codec',
    severity: 'error',
    description: 'An HEVC rendition delivered as HLS above Main 10 profile or level 5.1, or packaged in MPEG-TS.',
    details:
      'For H.265 renditions that reach HLS (MediaLive HLS, MediaPackage and CMAF ingest output groups; MediaConvert HLS and CMAF groups, following presets), reports a 4:2:2 profile (MediaConvert `CodecProfile` `MAIN_422_*`), a declared level above `maxLevel`, and, with `AUTO` or no level, a resolution and frame rate that need a level above `maxLevel`. It also reports HEVC in an MPEG-TS HLS output: a MediaLive HLS output with `StandardHlsSettings` instead of `Fmp4HlsSettings`, or a MediaConvert HLS output with `Container: M3U8`. The High tier is allowed.',
    rationale:
      'Apple\'s HLS authoring specification requires HEVC "less than or equal to Main10 Profile, Level 5.1, High Tier" (1.6b) and "The container format for HEVC video MUST be fMP4" (1.5). Apple devices do not play HEVC in transport-stream segments or 4:2:2 HEVC: the variant is listed in the multivariant playlist and fails when a player selects it.',
    messages: {
      profile: '{{property}} {{value}} is a 4:2:2 profile, above Main 10, the highest HEVC profile Apple devices play over HLS; use {{replacement}}.',
      level: '{{property}} {{level}} is above level {{max}}, the highest HEVC level Apple devices accept over HLS; {{advice}}.',
      neededLevel: '{{content}} needs HEVC level {{needed}}, above level {{max}}, the highest Apple devices accept over HLS; lower the frame rate or resolution of this rendition.',
      transportStream: 'HEVC {{rendition}} is packaged in MPEG-TS ({{setting}}); Apple devices play HEVC over HLS only in fMP4: {{fix}}.',
    },
    appliesTo: ['AWS::MediaLive::Channel', 'AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job', 'AWS::MediaConvert::Preset'],
    references: [
      { title: 'Apple HLS authoring specification for Apple devices, 1.5 (HEVC container) and 1.6 (HEVC profile, level and tier)', url: appleSpec },
      { title: 'MediaLive API: HlsSettings (Fmp4HlsSettings, StandardHlsSettings)', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
      { title: 'MediaConvert API: ContainerSettings.Container', url: 'https://docs.aws.amazon.com/mediaconvert/latest/apireference/jobtemplates.html' },
    ],
    sources: ['HLS-002'],
    options: {
      maxLevel: { description: 'Highest HEVC level the target devices accept (1.6b: 5.1).', default: '5.1' },
    },
  },
  check(context) {
    const maxLevel = stringOption(context.options, 'maxLevel', '5.1');
    for (const ladder of ladders(context)) {
      if (!ladder.reachesHls) continue;
      for (const rung of ladder.rungs) {
        if (rung.video.codec !== 'h265') continue;
        const profileTier = hevcProfileTier(rung);
        if (profileTier?.profile === 'main422') {
          const value = profileTier.profileCursor.string()!;
          context.report({
            at: profileTier.profileCursor,
            messageId: 'profile',
            data: { property: memberLabel(profileTier.profileCursor), value, replacement: value.endsWith('_HIGH') ? 'MAIN10_HIGH' : 'MAIN10_MAIN' },
          });
        }
        const declared = declaredLevel(rung);
        if (!declared?.level) continue;
        const demand = hevcLowerDemand(rung);
        const needed = demand ? minimumHevcLevel(demand) : undefined;
        if (declared.level.kind === 'level') {
          if (compareLevels(declared.level.name, maxLevel) <= 0) continue;
          const suggestion = demand ? suggestHevcLevel(rung, demand) : undefined;
          const advice =
            suggestion && compareLevels(suggestion.name, maxLevel) <= 0
              ? `use ${levelEnum(rung.service, 'h265', suggestion.name)} or ${levelEnum(rung.service, 'h265', 'auto')}`
              : `lower the resolution or frame rate of this rendition so that level ${maxLevel} holds it`;
          context.report({ at: declared.cursor, messageId: 'level', data: { property: memberLabel(declared.cursor), level: levelEnum(rung.service, 'h265', declared.level.name), max: maxLevel, advice } });
        } else if (demand?.framesPerSecond !== undefined && needed && compareLevels(needed.name, maxLevel) > 0) {
          context.report({
            at: rung.video.description.get('width'),
            messageId: 'neededLevel',
            data: { content: `${formatDimensions(demand.width, demand.height)} at ${formatFrameRate(demand.framesPerSecond)}`, needed: needed.name, max: maxLevel },
          });
        }
      }
    }
    reportTransportStreams(context);
  },
});

function reportTransportStreams(context: RuleContext<'transportStream'>): void {
  const report = (at: Cursor, rendition: string, setting: string, fix: string, target: 'key' | 'value') =>
    context.report({ at, target, messageId: 'transportStream', data: { rendition, setting, fix } });
  for (const channel of context.resources('AWS::MediaLive::Channel')) {
    for (const group of mediaLiveOutputGroups(channel)) {
      if (group.kind !== 'hls') continue;
      for (const output of group.outputs) {
        if (output.video?.codec !== 'h265') continue;
        const standard = output.output.at('output_settings', 'hls_output_settings', 'hls_settings', 'standard_hls_settings');
        if (!standard.exists) continue;
        report(standard, `video description '${output.video.name}'`, memberLabel(standard), `use ${spellMember('fmp4_hls_settings', 'Fmp4HlsSettings', channel)} for this output`, 'key');
      }
    }
  }
  for (const type of ['AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job']) {
    for (const resource of context.resources(type)) {
      for (const group of mediaConvertOutputGroups(resource)) {
        if (group.kind !== 'hls') continue;
        group.outputs.forEach((output, index) => {
          const container = output.output.at('container_settings', 'container');
          if (container.string() !== 'M3U8') return;
          let video = output.video;
          if (!video) {
            const preset = outputPreset(context, resource, output.output.get('preset'));
            const description = preset ? mediaConvertSettings(preset).get('video_description') : undefined;
            if (description?.value?.kind === 'object') video = mediaConvertVideo(description);
          }
          if (video?.codec !== 'h265') return;
          const name = output.output.get('name_modifier').string();
          report(container, name ? `output '${name}'` : `output ${index + 1}`, `${memberLabel(container)} M3U8`, 'move it to a CMAF output group', 'value');
        });
      }
    }
  }
}
