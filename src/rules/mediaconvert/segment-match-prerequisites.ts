import { defineRule } from '../../engine/rule.js';
import { mediaConvertOutputGroups, mediaConvertTypes } from '../support/mediaconvert.js';
import { spellMember } from '../support/spelling.js';

export default defineRule({
  meta: {
    id: 'mediaconvert/segment-match-prerequisites',
    category: 'mediaconvert',
    severity: 'error',
    description: 'A MediaConvert output group with SegmentLengthControl MATCH that breaks one of its requirements.',
    details:
      'For every HLS, DASH ISO and CMAF output group of a MediaConvert job or job template with `SegmentLengthControl: MATCH`, reports: a video output whose `FramerateControl` is INITIALIZE_FROM_SOURCE; an audio output whose codec is not AAC; an AAC output whose `SampleRate` is not 48000; and a group with no audio output, or no video output, at all. The last two are only concluded when every output of the group is written out (an output that uses a preset may bring its own audio and video). Values that are not set or not known are not checked.',
    rationale:
      'MediaConvert documents the requirements of MATCH: at least one video and one audio output, no follow-source output frame rate, AAC audio, and a 48 kHz sample rate. MATCH computes a segment duration that is a multiple of both the audio packet and the video frame durations; it cannot do that for other codecs, rates or an unknown frame rate, and the job fails.',
    messages: {
      followSource: '{{property}} INITIALIZE_FROM_SOURCE is not allowed with {{control}} MATCH; set it to SPECIFIED with a frame rate.',
      audioCodec: '{{property}} {{codec}} is not allowed with {{control}} MATCH, which requires AAC audio.',
      sampleRate: '{{property}} {{rate}} is not allowed with {{control}} MATCH, which requires 48000 Hz audio; set it to 48000.',
      noAudio: '{{control}} MATCH requires at least one audio output in the group, and none of its outputs has audio.',
      noVideo: '{{control}} MATCH requires at least one video output in the group, and none of its outputs has video.',
    },
    appliesTo: ['AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job'],
    sources: ['MC-007'],
    references: [{ title: 'MediaConvert API: HlsSegmentLengthControl, DashIsoSegmentLengthControl, CmafSegmentLengthControl', url: 'https://docs.aws.amazon.com/mediaconvert/latest/apireference/jobtemplates.html' }],
  },
  check(context) {
    for (const type of mediaConvertTypes) {
      for (const resource of context.resources(type)) {
        for (const group of mediaConvertOutputGroups(resource)) {
          if ((group.kind !== 'hls' && group.kind !== 'dash' && group.kind !== 'cmaf') || !group.settings) continue;
          const controlCursor = group.settings.get('segment_length_control');
          if (controlCursor.string() !== 'MATCH') continue;
          const control = spellMember('segment_length_control', 'SegmentLengthControl', resource);
          const related = [{ message: `${control} MATCH set here`, span: controlCursor.span() }];
          // "No audio (video) output" needs every output written out: a preset or an open list may add one.
          const outputs = group.group.get('outputs').value;
          let allOutputsKnown = outputs?.kind === 'list' && !outputs.open;
          let hasAudio = false;
          let hasVideo = false;
          for (const { output, video } of group.outputs) {
            if (!output.get('preset').isMissing || output.value?.kind !== 'object' || output.value.open) allOutputsKnown = false;
            const description = output.get('video_description');
            if (description.exists) hasVideo = true;
            else if (!description.isMissing) allOutputsKnown = false;
            const framerate = video?.settings?.get('framerate_control');
            if (framerate?.string() === 'INITIALIZE_FROM_SOURCE') {
              context.report({ at: framerate, messageId: 'followSource', data: { property: spellMember('framerate_control', 'FramerateControl', resource), control }, related });
            }
            const audio = output.get('audio_descriptions');
            if (audio.items().length > 0) hasAudio = true;
            else if (!audio.isMissing && !(audio.value?.kind === 'list' && !audio.value.open)) allOutputsKnown = false;
            for (const description of audio.items()) {
              const codecSettings = description.get('codec_settings');
              const codec = codecSettings.get('codec');
              const codecName = codec.string();
              if (codecName !== undefined && codecName !== 'AAC') {
                context.report({ at: codec, messageId: 'audioCodec', data: { property: spellMember('codec', 'Codec', resource), codec: codecName, control }, related });
                continue;
              }
              const rate = codecSettings.at('aac_settings', 'sample_rate');
              const rateValue = rate.number();
              if (codecName === 'AAC' && rateValue !== undefined && rateValue !== 48000) {
                context.report({ at: rate, messageId: 'sampleRate', data: { property: spellMember('sample_rate', 'SampleRate', resource), rate: rateValue, control }, related });
              }
            }
          }
          if (!allOutputsKnown) continue;
          if (!hasAudio) context.report({ at: controlCursor, messageId: 'noAudio', data: { control } });
          if (!hasVideo) context.report({ at: controlCursor, messageId: 'noVideo', data: { control } });
        }
      }
    }
  },
});

