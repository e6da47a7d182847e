import { defineRule } from '../../engine/rule.js';
import { compareLevels } from '../support/codec-levels.js';
import { declaredLevel, encodedVideos, encoderTypes, hevcLevelReferences, hevcProfileTier, levelEnum } from '../support/codec.js';
import { memberLabel } from '../support/labels.js';

export default defineRule({
  meta: {
    id: 'codec/hevc-high-tier-below-level-4',
    category: 'codec',
    severity: 'error',
    description: 'An HEVC rendition in the High tier with a level below 4, where only the Main tier exists.',
    details:
      'Reports an H.265 rendition whose tier is High (MediaLive `Tier: HIGH`; MediaConvert `CodecProfile` ending in `_HIGH`) and whose declared level (`Level`, `CodecLevel`) is below 4 (levels 1, 2, 2.1, 3 and 3.1).',
    rationale:
      'ITU-T H.265 defines the High tier only from level 4: the level table has no High-tier bit rate for levels 1 to 3.1. A profile_tier_level with general_tier_flag = 1 and a level below 4 is not a valid combination, so the encoder rejects it or the stream carries signalling decoders cannot interpret.',
    messages: {
      highTier: '{{tier}} {{tierValue}} with {{level}}: H.265 has a High tier only from level 4; use the Main tier ({{mainValue}}), or {{levelFour}} or higher.',
    },
    appliesTo: encoderTypes,
    references: [...hevcLevelReferences, { title: 'High Efficiency Video Coding: tiers and levels ("for levels below level 4 only the Main tier is allowed")', url: 'https://www.liquisearch.com/high_efficiency_video_coding/tiers_and_levels' }],
    sources: ['CODEC-005'],
  },
  check(context) {
    for (const video of encodedVideos(context)) {
      if (video.video.codec !== 'h265') continue;
      const profileTier = hevcProfileTier(video);
      const declared = declaredLevel(video);
      if (profileTier?.tier !== 'high' || declared?.level?.kind !== 'level' || compareLevels(declared.level.name, '4') >= 0) continue;
      const tierValue = profileTier.tierCursor.string()!;
      context.report({
        at: profileTier.tierCursor,
        messageId: 'highTier',
        data: {
          tier: memberLabel(profileTier.tierCursor),
          tierValue,
          mainValue: tierValue.replace(/HIGH$/, 'MAIN'),
          level: levelEnum(video.service, 'h265', declared.level.name),
          levelFour: levelEnum(video.service, 'h265', '4'),
        },
      });
    }
  },
});
