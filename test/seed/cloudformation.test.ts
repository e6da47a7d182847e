import { describe, expect, it } from 'vitest';
import { fixtureFindings } from '../support/lint.js';

/**
 * The four architectures of the seed document (shared/seeds), written as CloudFormation YAML. The
 * expected findings are what a media engineer reviewing them would raise with the rules that exist.
 */
describe('seed architectures as CloudFormation', () => {
  it('live streaming platform: the audio description names no audio selector and the outputs carry no output settings', async () => {
    expect(await fixtureFindings('cloudformation/seed/live-streaming-platform.yaml')).toEqual([
      { ruleId: 'schema/missing-required', line: 66, column: 13, message: "AudioDescription requires 'AudioSelectorName', which is missing." },
      { ruleId: 'schema/missing-required', line: 78, column: 17, message: "Output requires 'OutputSettings', which is missing." },
      { ruleId: 'schema/missing-required', line: 82, column: 17, message: "Output requires 'OutputSettings', which is missing." },
    ]);
  });

  it('VOD transcoding pipeline: valid against the schemas', async () => {
    expect(await fixtureFindings('cloudformation/seed/vod-transcoding-pipeline.yaml')).toEqual([]);
  });

  it('WebRTC communication: valid against the schemas', async () => {
    expect(await fixtureFindings('cloudformation/seed/webrtc-communication.yaml')).toEqual([]);
  });

  it('multi-channel broadcast: valid against the schemas', async () => {
    expect(await fixtureFindings('cloudformation/seed/multi-channel-broadcast.yaml')).toEqual([]);
  });
});
