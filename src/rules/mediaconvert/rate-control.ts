import { defineRule } from '../../engine/rule.js';
import type { Cursor } from '../../graph/cursor.js';
import { findMembers } from '../../graph/traverse.js';
import { memberLabel } from '../support/labels.js';
import { mediaConvertSettings, mediaConvertTypes } from '../support/mediaconvert.js';

/** What each codec's rate control modes require, from the MediaConvert API model's member documentation. */
interface RateControlRules {
  /** Modes that need `Bitrate` ("Required for VBR and CBR"). */
  bitrateModes: readonly string[];
  /** Modes that need `MaxBitrate` ("Required when Rate control mode is QVBR"). */
  maxBitrateModes: readonly string[];
  /** Does the codec have `QvbrSettings` ("Use these settings only when you set QVBR")? */
  qvbrSettings: boolean;
  /** Does `QvbrSettings` have `MaxAverageBitrate` (only with QVBR and Multi-pass HQ)? */
  maxAverageBitrate: boolean;
}

const codecRules: Record<string, { member: string; rules: RateControlRules }> = {
  H_264: { member: 'h264_settings', rules: { bitrateModes: ['CBR', 'VBR'], maxBitrateModes: ['QVBR'], qvbrSettings: true, maxAverageBitrate: true } },
  H_265: { member: 'h265_settings', rules: { bitrateModes: ['CBR', 'VBR'], maxBitrateModes: ['QVBR'], qvbrSettings: true, maxAverageBitrate: true } },
  AV1: { member: 'av1_settings', rules: { bitrateModes: ['CBR'], maxBitrateModes: ['QVBR'], qvbrSettings: true, maxAverageBitrate: false } },
  MPEG2: { member: 'mpeg2_settings', rules: { bitrateModes: ['CBR', 'VBR'], maxBitrateModes: [], qvbrSettings: false, maxAverageBitrate: false } },
};

export default defineRule({
  meta: {
    id: 'mediaconvert/rate-control',
    category: 'mediaconvert',
    severity: 'error',
    description: 'A MediaConvert video rate control mode without the bitrate it needs, or with QVBR settings it does not use.',
    details:
      "For the video codec settings of MediaConvert presets, job templates and jobs, with a known `RateControlMode`: CBR and VBR (H.264, H.265, MPEG-2) and CBR (AV1) need `Bitrate`; QVBR (H.264, H.265, AV1) needs `MaxBitrate`; `QvbrSettings` is only for QVBR; `QvbrSettings.MaxAverageBitrate` (H.264, H.265) needs QVBR with `QualityTuningLevel: MULTI_PASS_HQ`. Modes a codec does not have at all (VBR for AV1, CBR for VP8 and VP9, QVBR for MPEG-2) are `schema/invalid-enum`'s. A rate control mode that is not written is not checked.",
    rationale:
      'MediaConvert rejects the job or template when the bitrate a mode depends on is missing ("Required for VBR and CBR", "Required when Rate control mode is QVBR"). QVBR settings next to CBR or VBR, and a maximum average bitrate without multi-pass encoding, are ignored or refused: either way the quality target the author tuned does not apply.',
    messages: {
      bitrateMissing: '{{property}} is {{mode}}, which needs {{bitrate}}; set the target bitrate in bits per second (for example 5000000).',
      maxBitrateMissing: '{{property}} is QVBR, which needs {{maxBitrate}} (the peak the quality target may use); set it, for example 6000000 for 1080p.',
      qvbrSettingsUnused: '{{qvbr}} is set but {{property}} is {{mode}}, so the QVBR quality level is not used; remove {{qvbr}} or switch {{property}} to QVBR.',
      maxAverageNeedsMultiPass: '{{maxAverage}} is set but {{tuning}} is {{tuningValue}}; MediaConvert applies a maximum average bitrate only with MULTI_PASS_HQ, so set {{tuning}}: MULTI_PASS_HQ or remove {{maxAverage}}.',
    },
    appliesTo: ['AWS::MediaConvert::Preset', 'AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job'],
    sources: ['MC-002'],
    references: [
      { title: 'MediaConvert user guide: rate control modes (CBR, VBR, QVBR)', url: 'https://docs.aws.amazon.com/mediaconvert/latest/ug/cbr-vbr-qvbr.html' },
      { title: 'MediaConvert API: H264Settings, H265Settings, Av1Settings, Mpeg2Settings', url: 'https://docs.aws.amazon.com/mediaconvert/latest/apireference/jobs.html' },
    ],
  },
  check(context) {
    for (const type of mediaConvertTypes) {
      for (const resource of context.resources(type)) {
        for (const codecSettings of findMembers(mediaConvertSettings(resource), 'codec_settings')) {
          if (codecSettings.path[codecSettings.path.length - 2] !== 'video_description') continue;
          const codec = codecSettings.get('codec').string();
          const entry = codec === undefined ? undefined : codecRules[codec];
          if (!entry) continue;
          const settings = codecSettings.get(entry.member);
          if (settings.value?.kind !== 'object') continue;
          checkSettings(settings, entry.rules);
        }
      }
    }

    function checkSettings(settings: Cursor, rules: RateControlRules): void {
      const modeCursor = settings.get('rate_control_mode');
      const mode = modeCursor.string();
      if (mode === undefined) return;
      const property = memberLabel(modeCursor);
      const bitrate = settings.get('bitrate');
      const maxBitrate = settings.get('max_bitrate');
      if (rules.bitrateModes.includes(mode) && bitrate.isMissing) {
        context.report({ at: modeCursor, messageId: 'bitrateMissing', data: { property, mode, bitrate: memberLabel(bitrate) } });
      }
      if (rules.maxBitrateModes.includes(mode) && maxBitrate.isMissing) {
        context.report({ at: modeCursor, messageId: 'maxBitrateMissing', data: { property, maxBitrate: memberLabel(maxBitrate) } });
      }
      if (!rules.qvbrSettings) return;
      const qvbr = settings.get('qvbr_settings');
      if (!qvbr.exists) return;
      if (mode !== 'QVBR') {
        context.report({ at: qvbr, target: 'key', messageId: 'qvbrSettingsUnused', data: { qvbr: memberLabel(qvbr), property, mode } });
        return;
      }
      const maxAverage = qvbr.get('max_average_bitrate');
      if (!rules.maxAverageBitrate || !maxAverage.exists) return;
      const tuning = settings.get('quality_tuning_level');
      const tuningValue = tuning.isMissing ? 'not set (single pass)' : tuning.string();
      if (tuningValue === undefined || tuningValue === 'MULTI_PASS_HQ') return;
      context.report({ at: maxAverage, target: 'key', messageId: 'maxAverageNeedsMultiPass', data: { maxAverage: memberLabel(maxAverage), tuning: memberLabel(tuning), tuningValue } });
    }
  },
});
