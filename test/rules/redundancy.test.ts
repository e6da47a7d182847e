import { describe, expect, it } from 'vitest';
import { fixtureFindings } from '../support/lint.js';

describe('redundancy/destinations-per-class', () => {
  it('reports destination lists that do not have one entry per pipeline, and several MediaPackage entries', async () => {
    expect(await fixtureFindings('cloudformation/redundancy/destinations-per-class/fail.yaml', 'redundancy/destinations-per-class')).toEqual([
      {
        ruleId: 'redundancy/destinations-per-class',
        line: 15,
        column: 13,
        message: "Settings of destination 'cdn' lists 1 entry, but a STANDARD channel sends every output to 2 destinations, one per pipeline; add the destination of the second pipeline.",
      },
      {
        ruleId: 'redundancy/destinations-per-class',
        line: 18,
        column: 13,
        message: "MediaPackageSettings of destination 'packaging' lists 2 entries; it takes exactly 1, which serves both pipelines; keep one.",
      },
      {
        ruleId: 'redundancy/destinations-per-class',
        line: 28,
        column: 13,
        message: "Settings of destination 'archive' lists 2 entries, but a SINGLE_PIPELINE channel has one pipeline and takes exactly 1; remove the extra entries.",
      },
    ]);
  });

  it('accepts two destinations on a standard channel, one on a single-pipeline channel', async () => {
    expect(await fixtureFindings('cloudformation/redundancy/destinations-per-class/pass.yaml', 'redundancy/destinations-per-class')).toEqual([]);
  });
});

describe('redundancy/standard-input', () => {
  it('reports single-class inputs attached to a standard channel', async () => {
    expect(await fixtureFindings('cloudformation/redundancy/standard-input/fail.yaml', 'redundancy/standard-input')).toEqual([
      {
        ruleId: 'redundancy/standard-input',
        line: 32,
        column: 20,
        message:
          "Input 'StudioFeed' (RTMP_PUSH) has 1 destination, so it is a single-class input, but this channel is STANDARD and needs standard-class inputs with 2, one per pipeline; add a second destination to the input's Destinations.",
      },
      {
        ruleId: 'redundancy/standard-input',
        line: 34,
        column: 20,
        message:
          "Input 'VenueFeed' (MEDIACONNECT) has 1 MediaConnect flow, so it is a single-class input, but this channel is STANDARD and needs standard-class inputs with 2, one per pipeline; add a second MediaConnect flow to the input's MediaConnectFlows.",
      },
    ]);
  });

  it('accepts standard-class inputs', async () => {
    expect(await fixtureFindings('cloudformation/redundancy/standard-input/pass.yaml', 'redundancy/standard-input')).toEqual([]);
  });
});

describe('redundancy/single-pipeline', () => {
  it('reports a single-pipeline channel', async () => {
    expect(await fixtureFindings('cloudformation/redundancy/single-pipeline/fail.yaml', 'redundancy/single-pipeline')).toEqual([
      {
        ruleId: 'redundancy/single-pipeline',
        line: 7,
        column: 21,
        message:
          'ChannelClass SINGLE_PIPELINE runs the channel on one pipeline: if it fails, output stops until it restarts; use STANDARD (two pipelines, two destinations per output) for a channel that must stay on air.',
      },
    ]);
  });

  it('accepts a standard channel', async () => {
    expect(await fixtureFindings('cloudformation/redundancy/single-pipeline/pass.yaml', 'redundancy/single-pipeline')).toEqual([]);
  });
});

describe('redundancy/no-input-failover', () => {
  it('reports a standard channel with two live inputs of one type and no failover pair', async () => {
    expect(await fixtureFindings('cloudformation/redundancy/no-input-failover/fail.yaml', 'redundancy/no-input-failover')).toEqual([
      {
        ruleId: 'redundancy/no-input-failover',
        line: 27,
        column: 11,
        message:
          "This STANDARD channel attaches inputs 'MainFeed' and 'BackupFeed' (MEDIACONNECT) without automatic input failover; set AutomaticInputFailoverSettings on the attachment of 'MainFeed' with SecondaryInputId naming 'BackupFeed', so that a lost feed fails over automatically.",
      },
    ]);
  });

  it('accepts the inputs set up as a failover pair', async () => {
    expect(await fixtureFindings('cloudformation/redundancy/no-input-failover/pass.yaml', 'redundancy/no-input-failover')).toEqual([]);
  });
});

describe('redundancy/failover-pair', () => {
  it('reports inputs of different types, a secondary that is the primary, and one that is not attached', async () => {
    expect(await fixtureFindings('cloudformation/redundancy/failover-pair/fail.yaml', 'redundancy/failover-pair')).toEqual([
      {
        ruleId: 'redundancy/failover-pair',
        line: 54,
        column: 31,
        message:
          "Automatic input failover pairs input 'MainFeed' (RTMP_PUSH) with 'BackupFeed' (RTP_PUSH); both inputs of a failover pair must be of the same type; pair it with another RTMP_PUSH input.",
      },
      {
        ruleId: 'redundancy/failover-pair',
        line: 58,
        column: 31,
        message: "SecondaryInputId !Ref BackupFeed is the attachment's own input; a failover pair needs a second input that carries the same content.",
      },
      {
        ruleId: 'redundancy/failover-pair',
        line: 62,
        column: 31,
        message: "SecondaryInputId !Ref SpareFeed is not one of the channel's input attachments; attach the secondary input to the channel as well, then name it here.",
      },
    ]);
  });

  it('accepts two attached inputs of the same type', async () => {
    expect(await fixtureFindings('cloudformation/redundancy/failover-pair/pass.yaml', 'redundancy/failover-pair')).toEqual([]);
  });
});

describe('redundancy/failover-pull-inputs', () => {
  it('reports a failover pair of pull inputs', async () => {
    expect(await fixtureFindings('cloudformation/redundancy/failover-pull-inputs/fail.yaml', 'redundancy/failover-pull-inputs')).toEqual([
      {
        ruleId: 'redundancy/failover-pull-inputs',
        line: 28,
        column: 31,
        message:
          "Automatic input failover pairs 'PrimaryOrigin' and 'BackupOrigin', both URL_PULL inputs; MediaLive implements input failover for push inputs (RTP, RTMP push, MediaConnect, CDI), not pull or file inputs; use push inputs for the pair, or switch inputs with the schedule.",
      },
    ]);
  });

  it('accepts a failover pair of MediaConnect inputs', async () => {
    expect(await fixtureFindings('cloudformation/redundancy/failover-pull-inputs/pass.yaml', 'redundancy/failover-pull-inputs')).toEqual([]);
  });
});

describe('redundancy/mediapackage-ingest', () => {
  it('reports both pipelines sent to the same MediaPackage ingest URL', async () => {
    expect(await fixtureFindings('cloudformation/redundancy/mediapackage-ingest/fail.yaml', 'redundancy/mediapackage-ingest')).toEqual([
      {
        ruleId: 'redundancy/mediapackage-ingest',
        line: 14,
        column: 20,
        message:
          "Both pipelines of this STANDARD channel send destination 'packaging' to the same MediaPackage ingest URL https://8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com/in/v2/6d8aa2a0d1aa4a3d/6d8aa2a0d1aa4a3d/channel; a MediaPackage channel has two ingest endpoints for input redundancy: set the second Settings entry to the channel's second ingest URL.",
      },
    ]);
  });

  it("accepts the channel's two ingest URLs", async () => {
    expect(await fixtureFindings('cloudformation/redundancy/mediapackage-ingest/pass.yaml', 'redundancy/mediapackage-ingest')).toEqual([]);
  });
});

describe('redundancy/pull-input-sources', () => {
  it('reports a pull input with three source URLs and a file input with none', async () => {
    expect(await fixtureFindings('cloudformation/redundancy/pull-input-sources/fail.yaml', 'redundancy/pull-input-sources')).toEqual([
      {
        ruleId: 'redundancy/pull-input-sources',
        line: 9,
        column: 9,
        message: 'Sources of this URL_PULL input lists 3 URLs; a PULL type input takes one source URL per pipeline, at most 2; remove the extra URLs.',
      },
      {
        ruleId: 'redundancy/pull-input-sources',
        line: 16,
        column: 13,
        message: 'MP4_FILE input has no Sources; a PULL type input needs one source URL per pipeline: 2 for a standard-class input, 1 for a single-class input.',
      },
    ]);
  });

  it('accepts two source URLs, and one for a single-class input', async () => {
    expect(await fixtureFindings('cloudformation/redundancy/pull-input-sources/pass.yaml', 'redundancy/pull-input-sources')).toEqual([]);
  });
});

describe('redundancy rules and unknown values', () => {
  it('never report a channel class, input type, input, list or URL the tool cannot resolve', async () => {
    const findings = await fixtureFindings('cloudformation/unknown/redundancy.yaml');
    expect(findings.filter((finding) => finding.ruleId.startsWith('redundancy/'))).toEqual([]);
  });
});
