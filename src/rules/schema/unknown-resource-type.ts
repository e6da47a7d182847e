import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { resourceTypes, type ServiceId } from '../../graph/type-registry.js';
import { closestMatch } from '../support/suggest.js';

/** CloudFormation namespaces of the media services (compared case-insensitively). */
const cloudFormationNamespace = /^AWS::(MediaLive|MediaPackage|MediaPackageV2|MediaConvert|KinesisVideo)::/i;
/** Terraform / Pangea prefixes of the media services (`aws_media_store_*` is another service). */
const snakeCasePrefix = /^aws_(medialive|media_live|mediapackage|media_package|mediaconvert|media_convert|kinesisvideo|kinesis_video)_/;

const services: ServiceId[] = ['medialive', 'mediapackage', 'mediapackagev2', 'mediaconvert', 'kinesisvideo'];

export default defineRule({
  meta: {
    id: 'schema/unknown-resource-type',
    category: 'schema',
    severity: 'error',
    description: 'A resource type in a media-service namespace that does not exist.',
    details:
      'Reports a CloudFormation resource whose type is in the `AWS::MediaLive`, `AWS::MediaPackage`, `AWS::MediaPackageV2`, `AWS::MediaConvert` or `AWS::KinesisVideo` namespace but is not a CloudFormation type (`AWS::MediaLive::Chanel`), and a Terraform or Pangea resource named `aws_medialive_*`, `aws_mediapackage_*`, `aws_media_package_*`, `aws_mediaconvert_*`, `aws_media_convert_*`, `aws_kinesisvideo_*` or `aws_kinesis_video_*` that no provider or Pangea version defines, with the closest real type. Real types media-lint does not model (`AWS::MediaLive::SignalMap`) are not reported.',
    rationale:
      'CloudFormation rejects an unknown type when the stack is validated ("Unrecognized resource types"), Terraform when the configuration is initialised. A Pangea template fails at synthesis with `InvalidSynthesizerKeyError`; several names of the Pangea media documentation (`aws_kinesisvideo_stream`, `aws_mediaconvert_queue`, …) belong to stubs that never ran, and their current names differ. A misspelt type also means none of the resource is checked.',
    messages: {
      unknownType: "Unknown resource type '{{type}}'; did you mean '{{suggestion}}'?",
      unknownTypeNoSuggestion: "Unknown resource type '{{type}}'.",
    },
    appliesTo: '*',
    references: [
      { title: 'AWS CloudFormation resource and property types reference', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html' },
      { title: 'Pangea resource names (shared/pangea/REPORT.md §3.1)' },
    ],
  },
  check(context) {
    let cloudFormationTypes: string[] | undefined;
    const realCloudFormationTypes = () =>
      (cloudFormationTypes ??= services.flatMap((service) => context.specs.service(service).cloudFormationTypes));
    for (const resource of context.graph.resources) {
      if (resource.isMediaType) continue;
      let candidates: string[];
      if (resource.format === 'cloudformation' || resource.format === 'cdk') {
        if (!cloudFormationNamespace.test(resource.sourceType) || realCloudFormationTypes().includes(resource.sourceType)) continue;
        candidates = realCloudFormationTypes();
      } else {
        if (!snakeCasePrefix.test(resource.sourceType)) continue;
        candidates = resourceTypes.flatMap((info) => (resource.format === 'terraform' ? info.terraform : info.pangea));
      }
      const suggestion = closestMatch(resource.sourceType, candidates);
      context.report({
        at: Cursor.root(resource),
        span: resource.typeSpan ?? resource.nameSpan,
        messageId: suggestion ? 'unknownType' : 'unknownTypeNoSuggestion',
        data: suggestion ? { type: resource.sourceType, suggestion } : { type: resource.sourceType },
      });
    }
  },
});
