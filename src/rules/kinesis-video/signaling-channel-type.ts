import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { memberLabel } from '../support/labels.js';

export default defineRule({
  meta: {
    id: 'kinesis-video/signaling-channel-type',
    category: 'kinesis-video',
    severity: 'error',
    description: 'A Kinesis Video Streams signaling channel of type FULL_MESH, which the service does not support.',
    details: 'Reports `Type: FULL_MESH` on an `AWS::KinesisVideo::SignalingChannel`. The API lists the value, but SINGLE_MASTER is the only channel type the service supports.',
    rationale:
      'The API enumerates FULL_MESH but documents that "SINGLE_MASTER is the only supported channel type", so the channel cannot be created as written. A multi-party WebRTC session needs one SINGLE_MASTER channel per master (or a media server), not a mesh channel.',
    messages: {
      fullMesh: "{{property}} is FULL_MESH, but Kinesis Video Streams supports only SINGLE_MASTER signaling channels; use SINGLE_MASTER (one master and its viewers per channel; one channel per master for multi-party calls).",
    },
    appliesTo: ['AWS::KinesisVideo::SignalingChannel'],
    sources: ['KVS-006'],
    references: [{ title: 'Kinesis Video Streams API: CreateSignalingChannel (ChannelType)', url: 'https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_CreateSignalingChannel.html' }],
  },
  check(context) {
    for (const channel of context.resources('AWS::KinesisVideo::SignalingChannel')) {
      const type = Cursor.root(channel).get('type');
      if (type.string() !== 'FULL_MESH') continue;
      context.report({ at: type, messageId: 'fullMesh', data: { property: memberLabel(type) } });
    }
  },
});
