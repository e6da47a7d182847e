import { defineRule } from '../../engine/rule.js';
import { lookupRange } from '../../specs/ranges.js';
import { schemaWalk, topLevelShape } from '../../specs/walk.js';
import { spellMember } from '../support/spelling.js';

function describeRange(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}`;
  if (min !== undefined) return `at least ${min}`;
  return `at most ${max}`;
}

export default defineRule({
  meta: {
    id: 'schema/out-of-range',
    category: 'schema',
    severity: 'error',
    description: 'A number outside the range the service accepts for that setting.',
    details:
      'Checks known numbers against the documented ranges in `src/specs/ranges.ts`: MediaLive H.264/H.265 bitrates, buffer sizes, B-frames, reference frames, slices and frame-rate fields, HLS segment and index counts, failover thresholds, multiplex bitrates and ids, MediaPackage v2 segment, window, timing and key-rotation limits, MediaConvert codec bitrates, AAC bitrate and sample rate and job priority, Kinesis Video retention and signaling message TTL. Each range names its source.',
    rationale:
      'The service API rejects values outside these ranges when the resource is created or updated. The models the tool generates its specs from do not carry the ranges, so neither CloudFormation nor Terraform validates them before deployment.',
    messages: {
      outOfRange: '{{property}} {{value}} is out of range for {{shape}}: it must be {{range}} ({{source}}).',
    },
    appliesTo: '*',
    references: [
      { title: 'Domain brief §9, quick reference of numeric ranges (shared/domain/BRIEF.md)' },
      { title: 'AWS Elemental MediaLive API reference', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/' },
      { title: 'AWS Elemental MediaPackage v2 API reference', url: 'https://docs.aws.amazon.com/mediapackage/latest/APIReference/' },
      { title: 'AWS Elemental MediaConvert API reference', url: 'https://docs.aws.amazon.com/mediaconvert/latest/apireference/' },
      { title: 'Amazon Kinesis Video Streams API reference', url: 'https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_Reference.html' },
    ],
  },
  check(context) {
    for (const resource of context.graph.resources) {
      const walk = schemaWalk(resource, context.specs);
      if (!walk) continue;
      for (const visit of walk.values) {
        if (visit.element) continue;
        const canonical = visit.cursor.segment;
        if (typeof canonical !== 'string') continue;
        const range = lookupRange(resource.type, visit.ownerShape, canonical);
        if (!range) continue;
        const value = visit.cursor.number();
        if (value === undefined) continue;
        if ((range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max)) continue;
        context.report({
          at: visit.cursor,
          messageId: 'outOfRange',
          data: {
            property: spellMember(canonical, visit.member.name, resource),
            value,
            shape: visit.ownerShape === topLevelShape ? resource.type : visit.ownerShape,
            range: describeRange(range.min, range.max),
            source: range.source,
          },
        });
      }
    }
  },
});
