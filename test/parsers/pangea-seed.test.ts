import { describe, expect, it } from 'vitest';
import { lintPaths, summarize } from '../support/lint.js';
import { pangeaExemptions, parityKey } from './pangea-support.js';

/**
 * The four templates of the seed document (copied as they are into fixtures/pangea/seed/), linted
 * as Pangea. Their CloudFormation twins in fixtures/cloudformation/seed/ translate them by hand
 * (see the twins' header comments: `processing_queue.name` and `h264_preset.name` are the logical
 * names, as Pangea's `ResourceReference#name` returns them); every rule must find the same things
 * on both: the same multiset of (rule, resource type, property path).
 */
const seeds = ['live-streaming-platform', 'vod-transcoding-pipeline', 'webrtc-communication', 'multi-channel-broadcast'];

/** Rules that do not apply to Pangea resources by design are left out on both sides. */
async function findings(path: string) {
  const { report, graph } = await lintPaths([path]);
  return { findings: report.findings.filter((finding) => pangeaExemptions[finding.ruleId] === undefined), graph };
}

describe('the seed templates', () => {
  it.each(seeds)('%s gives the same findings as its CloudFormation twin', async (seed) => {
    const [pangea, cloudFormation] = await Promise.all([findings(`fixtures/pangea/seed/${seed}.rb`), findings(`fixtures/cloudformation/seed/${seed}.yaml`)]);
    expect(pangea.findings.map(parityKey).sort()).toEqual(cloudFormation.findings.map(parityKey).sort());
    expect(pangea.graph.resources.map((resource) => resource.type).sort()).toEqual(cloudFormation.graph.resources.map((resource) => resource.type).sort());
  });

  it('reports the live streaming platform on the Ruby lines of the seed', async () => {
    const { report } = await lintPaths(['fixtures/pangea/seed/live-streaming-platform.rb']);
    const schemaAndReferences = report.findings.filter((finding) => /^(schema|reference|parse-error)/.test(finding.ruleId)).map(summarize);
    expect(schemaAndReferences).toEqual([
      { ruleId: 'schema/missing-required', line: 71, column: 28, message: "AudioDescription requires 'audio_selector_name', which is missing." },
      { ruleId: 'schema/missing-required', line: 90, column: 19, message: "Output requires 'output_settings', which is missing." },
      { ruleId: 'schema/missing-required', line: 94, column: 12, message: "Output requires 'output_settings', which is missing." },
    ]);
  });

  it.each(['vod-transcoding-pipeline', 'webrtc-communication', 'multi-channel-broadcast'])('finds no schema or reference problem in %s', async (seed) => {
    const { report } = await lintPaths([`fixtures/pangea/seed/${seed}.rb`]);
    expect(report.findings.filter((finding) => /^(schema|reference|parse-error)/.test(finding.ruleId)).map(summarize)).toEqual([]);
  });

  it('reads the seed as Pangea renders it: logical names, references, outputs', async () => {
    const { graph } = await lintPaths(['fixtures/pangea/seed/vod-transcoding-pipeline.rb', 'fixtures/pangea/seed/webrtc-communication.rb', 'fixtures/pangea/seed/live-streaming-platform.rb']);
    const template = graph.resources.find((resource) => resource.address === 'aws_mediaconvert_job_template.vod_template')!;
    const queue = template.properties.properties.find((property) => property.name === 'queue');
    expect(queue?.value).toMatchObject({ kind: 'known', value: 'vod_processing' });
    const channel = graph.resources.find((resource) => resource.address === 'aws_medialive_channel.live_processing')!;
    expect(channel.scope.id).toBe('fixtures/pangea/seed/live-streaming-platform.rb#live_streaming_platform');
    const webrtc = graph.scopes.find((scope) => scope.id.endsWith('#webrtc_communication'))!;
    expect(webrtc.outputs.map((output) => [output.name, output.value.kind === 'reference' ? `${output.value.target}.${output.value.attribute}` : output.value.kind])).toEqual([
      ['signaling_channel_arn', 'aws_kinesisvideo_signaling_channel.webrtc_signal.arn'],
      ['recording_stream_arn', 'aws_kinesisvideo_stream.call_recording.arn'],
    ]);
  });
});
