import { describe, expect, it } from 'vitest';
import { fixtureFindings } from '../support/lint.js';

describe('reference/unresolved', () => {
  it('reports Ref, Sub and GetAtt targets that do not exist, in properties and outputs', async () => {
    expect(await fixtureFindings('cloudformation/reference/unresolved/fail.yaml', 'reference/unresolved')).toEqual([
      {
        ruleId: 'reference/unresolved',
        line: 17,
        column: 11,
        message: "!Ref ContributionSecurityGrup refers to 'ContributionSecurityGrup', which is not defined in this template; did you mean 'ContributionSecurityGroup'?",
      },
      { ruleId: 'reference/unresolved', line: 70, column: 37, message: "${RecordingNam} refers to 'RecordingNam', which is not defined in this template; did you mean 'RecordingName'?" },
      { ruleId: 'reference/unresolved', line: 76, column: 12, message: "!GetAtt LiveChannel.Arnn reads 'Arnn', which AWS::MediaLive::Channel does not have; did you mean 'Arn'?" },
    ]);
  });

  it('accepts references to resources, parameters and pseudo parameters', async () => {
    expect(await fixtureFindings('cloudformation/reference/unresolved/pass.yaml', 'reference/unresolved')).toEqual([]);
  });
});

describe('reference/destination-ref-id', () => {
  it("reports a DestinationRefId that is not one of the channel's destinations", async () => {
    expect(await fixtureFindings('cloudformation/reference/destination-ref-id/fail.yaml', 'reference/destination-ref-id')).toEqual([
      { ruleId: 'reference/destination-ref-id', line: 56, column: 37, message: "DestinationRefId 'packageing' does not match any destination of the channel; did you mean 'packaging'?" },
    ]);
  });

  it('accepts matching ids', async () => {
    expect(await fixtureFindings('cloudformation/reference/destination-ref-id/pass.yaml', 'reference/destination-ref-id')).toEqual([]);
  });
});

describe('reference/description-name', () => {
  it('reports video and audio description names that the channel does not define', async () => {
    expect(await fixtureFindings('cloudformation/reference/description-name/fail.yaml', 'reference/description-name')).toEqual([
      { ruleId: 'reference/description-name', line: 59, column: 39, message: "VideoDescriptionName 'video_720' is not the name of any video description of the channel; did you mean 'video_720p'?" },
      { ruleId: 'reference/description-name', line: 61, column: 21, message: "AudioDescriptionNames 'audio_sterio' is not the name of any audio description of the channel; did you mean 'audio_stereo'?" },
    ]);
  });

  it('accepts defined names', async () => {
    expect(await fixtureFindings('cloudformation/reference/description-name/pass.yaml', 'reference/description-name')).toEqual([]);
  });
});

describe('reference/input-attachment', () => {
  it('reports attachments to a resource that is not an input, and to a missing one', async () => {
    expect(await fixtureFindings('cloudformation/reference/input-attachment/fail.yaml', 'reference/input-attachment')).toEqual([
      {
        ruleId: 'reference/input-attachment',
        line: 28,
        column: 20,
        message: "InputId !Ref ContributionSecurityGroup refers to 'ContributionSecurityGroup' (AWS::MediaLive::InputSecurityGroup), which is not a MediaLive input.",
      },
      {
        ruleId: 'reference/input-attachment',
        line: 30,
        column: 20,
        message: "InputId !Ref BackupContributon refers to 'BackupContributon', which is not defined in this template; it must reference a MediaLive input.",
      },
    ]);
  });

  it('leaves a dangling input reference to this rule rather than reference/unresolved', async () => {
    expect(await fixtureFindings('cloudformation/reference/input-attachment/fail.yaml', 'reference/unresolved')).toEqual([]);
  });

  it('accepts an attachment to an input', async () => {
    expect(await fixtureFindings('cloudformation/reference/input-attachment/pass.yaml', 'reference/input-attachment')).toEqual([]);
  });
});

describe('reference/multiplex-program', () => {
  it('reports programs whose multiplex reference is missing or not a multiplex', async () => {
    expect(await fixtureFindings('cloudformation/reference/multiplex-program/fail.yaml', 'reference/multiplex-program')).toEqual([
      { ruleId: 'reference/multiplex-program', line: 14, column: 20, message: "MultiplexId !Ref BroadcastMx refers to 'BroadcastMx', which is not defined in this template; did you mean 'BroadcastMux'?" },
      { ruleId: 'reference/multiplex-program', line: 21, column: 20, message: "MultiplexId !Ref NewsFeed refers to 'NewsFeed' (AWS::MediaLive::Input), which is not a MediaLive multiplex." },
    ]);
  });

  it('accepts programs of a multiplex', async () => {
    expect(await fixtureFindings('cloudformation/reference/multiplex-program/pass.yaml', 'reference/multiplex-program')).toEqual([]);
  });
});
