import { defineRule } from '../../engine/rule.js';
import { compareLevels, minimumH264Level } from '../support/codec-levels.js';
import { declaredLevel, formatDimensions, h264LowerDemand, h264Profile, levelEnum, peakBitrate, suggestH264Level } from '../support/codec.js';
import { ladders, stringOption } from '../support/ladder.js';
import { formatBitrate, formatFrameRate } from '../support/video.js';
import { memberLabel } from '../support/labels.js';

const appleSpec = { title: 'Apple HLS authoring specification for Apple devices, 1.3 (H.264 profile and level)', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' };

export default defineRule({
  meta: {
    id: 'codec/apple-h264-profile-level',
    category: 'codec',
    severity: 'error',
    description: 'An H.264 rendition delivered as HLS above High profile or above the highest level Apple devices accept.',
    details:
      'For H.264 renditions that reach HLS (MediaLive HLS, MediaPackage and CMAF ingest output groups; MediaConvert HLS and CMAF groups, following presets), reports a profile above High (`HIGH_10BIT`, `HIGH_422`, `HIGH_422_10BIT`), a declared level above `maxLevel`, and, with `AUTO` or no level, a resolution and frame rate that need a level above `maxLevel`.',
    rationale:
      'Apple\'s HLS authoring specification requires H.264 "less than or equal to High Profile, Level 5.2" (1.3b), with amendments of Level 5.1 for tvOS and 5.0 for macOS. Apple devices have no decoder for High 10 or High 4:2:2 H.264: such a variant does not play, and a player that picks it fails instead of switching.',
    messages: {
      profile: '{{property}} {{value}} ({{name}}) is above High profile, the highest H.264 profile Apple devices play over HLS; use HIGH.',
      level: '{{property}} {{level}} is above level {{max}}, the highest H.264 level Apple devices accept over HLS; {{advice}}.',
      neededLevel: '{{content}} needs H.264 level {{needed}}, above level {{max}}, the highest Apple devices accept over HLS; lower the frame rate, resolution or bit rate of this rendition, or encode it in HEVC.',
    },
    appliesTo: ['AWS::MediaLive::Channel', 'AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job', 'AWS::MediaConvert::Preset'],
    references: [appleSpec, { title: 'Apple HLS authoring specification, amendments for tvOS (1.3b: Level 5.1) and macOS (1.3b: Level 5.0)', url: appleSpec.url }],
    sources: ['HLS-001'],
    options: {
      maxLevel: { description: 'Highest H.264 level the target devices accept: 5.2 (iOS), 5.1 (tvOS), 5.0 (macOS).', default: '5.2' },
    },
  },
  check(context) {
    const maxLevel = stringOption(context.options, 'maxLevel', '5.2');
    for (const ladder of ladders(context)) {
      if (!ladder.reachesHls) continue;
      for (const rung of ladder.rungs) {
        if (rung.video.codec !== 'h264') continue;
        const profile = h264Profile(rung);
        if (profile && (profile.profile === 'high10' || profile.profile === 'high422')) {
          const value = profile.cursor.string()!;
          context.report({ at: profile.cursor, messageId: 'profile', data: { property: memberLabel(profile.cursor), value, name: profile.profile === 'high10' ? 'High 10' : 'High 4:2:2' } });
        }
        const declared = declaredLevel(rung);
        if (!declared?.level) continue;
        const demand = h264LowerDemand(rung);
        const needed = demand ? minimumH264Level(demand) : undefined;
        if (declared.level.kind === 'level') {
          if (compareLevels(declared.level.name, maxLevel) <= 0) continue;
          const suggestion = demand ? suggestH264Level(rung, demand) : undefined;
          const advice =
            suggestion && compareLevels(suggestion.name, maxLevel) <= 0
              ? `use ${levelEnum(rung.service, 'h264', suggestion.name)} or ${levelEnum(rung.service, 'h264', 'auto')}`
              : `lower the resolution or frame rate of this rendition so that level ${maxLevel} holds it`;
          context.report({ at: declared.cursor, messageId: 'level', data: { property: memberLabel(declared.cursor), level: levelEnum(rung.service, 'h264', declared.level.name), max: maxLevel, advice } });
        } else if (demand?.framesPerSecond !== undefined && needed && compareLevels(needed.name, maxLevel) > 0) {
          const bitrate = peakBitrate(rung.video.settings).lower;
          context.report({
            at: rung.video.description.get('width'),
            messageId: 'neededLevel',
            data: {
              content: `${formatDimensions(demand.width, demand.height)} at ${formatFrameRate(demand.framesPerSecond)}${bitrate ? ` and ${formatBitrate(bitrate.bitsPerSecond)}` : ''}`,
              needed: needed.name,
              max: maxLevel,
            },
          });
        }
      }
    }
  },
});
