import type { SourceText, Span } from './source.js';
import type { ObjectValue, Property, UnknownValue, KnownValue } from './value.js';

/**
 * `cdk` is a synthesized cloud assembly (CloudFormation templates with construct metadata);
 * `cdk-code` is the CDK app's own source, read by the ESLint plugin (`src/parsers/cdk-code/`), whose
 * property names are camelCase and whose references are `input.ref` / `channel.attrArn`.
 */
export type SourceFormat = 'cloudformation' | 'cdk' | 'cdk-code' | 'terraform' | 'pangea';

/** Formats whose resources CloudFormation deploys, with its rules: templates, CDK output and CDK code. */
export function isCloudFormationFormat(format: SourceFormat): boolean {
  return format === 'cloudformation' || format === 'cdk' || format === 'cdk-code';
}

/**
 * A unit in which resources reference each other by address: a CloudFormation stack (one
 * template), a Terraform module instance, a Pangea template block, a CDK source file.
 */
export interface Scope {
  /** Unique id, e.g. the template path, `infra/live` for a Terraform module, `live.rb#live_streaming`. */
  id: string;
  kind: 'cloudformation-stack' | 'terraform-module' | 'pangea-template' | 'cdk-source-file';
  format: SourceFormat;
  /** The main file of the scope (the template; for a Terraform module, its directory). */
  file: string;
  resources: Resource[];
  /** Names that a reference may target without being a resource: CloudFormation parameters and
   * pseudo parameters, Terraform variables and locals. */
  parameters: Map<string, ScopeParameter>;
  /** Stack outputs / module outputs, checked for dangling references like properties. */
  outputs: Property[];
  /** For CDK output: the stack's construct path and display name. */
  stackName?: string;
}

export interface ScopeParameter {
  name: string;
  span: Span;
  /** The default, when the front-end could read one. */
  defaultValue?: KnownValue | ObjectValue | UnknownValue;
}

export interface Resource {
  /** Unique across the graph: `${scope.id}#${address}`. */
  id: string;
  scope: Scope;
  /** How other resources of the scope reference this one: the CloudFormation logical id,
   * `aws_medialive_input.main`, `aws_medialive_input.main[0]`. */
  address: string;
  /** The name the user gave (logical id, Terraform or Pangea resource name). */
  logicalName: string;
  /** Canonical type (`AWS::MediaLive::Channel`) for media types the registry knows, else the
   * source type unchanged. */
  type: string;
  /** The type as written (`AWS::MediaLive::Channel`, `aws_medialive_channel`, `CfnChannel`). */
  sourceType: string;
  /** True when `type` is a media type the type registry knows. */
  isMediaType: boolean;
  format: SourceFormat;
  file: string;
  /** The whole resource declaration. */
  span: Span;
  /** The logical name / resource label, where findings about the whole resource point. */
  nameSpan: Span;
  /** The type as written (`Type: AWS::MediaLive::Channel`, the `"aws_medialive_channel"` label). */
  typeSpan?: Span;
  properties: ObjectValue;
  /** CDK construct path from `aws:cdk:path` metadata (`LiveStack/Channel/Resource`). */
  constructPath?: string;
  /** Where the construct was created in the CDK app, when the cloud assembly records it. */
  constructSource?: { file: string; line: number; column?: number };
  /** The source text of `file`, for code frames. */
  source?: SourceText;
}
