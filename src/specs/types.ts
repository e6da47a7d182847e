/**
 * Shape of the generated service specs in `src/specs/generated/<service>.json`, written by
 * `scripts/generate-specs.ts` from the AWS SDK model declarations and `@aws-cdk/aws-service-spec`.
 * Names of members are canonical (snake_case); `name` keeps the CloudFormation/API spelling.
 */

/** A member's type. Primitive kinds are strings; containers and structures are objects. */
export type TypeRef =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'timestamp'
  /** Free-form JSON (IAM policies, or structures the models do not describe). */
  | 'json'
  /** CloudFormation tag list or Terraform tag map; both are accepted. */
  | 'tags'
  | { list: TypeRef }
  | { map: TypeRef }
  /** A structure defined in the resource's `shapes`. */
  | { shape: string };

export interface MemberSpec {
  /** Spelling in CloudFormation / the AWS API (`GopSizeUnits`). */
  name: string;
  type: TypeRef;
  required?: true;
  /** Key into the service file's `enums` table. */
  enum?: string;
  /** Where the member is known from: the CloudFormation schema, the SDK model, or both. */
  origin: 'cfn' | 'sdk' | 'both';
}

export interface ShapeSpec {
  /** Name of the matching SDK structure, when one was found. */
  sdkShape?: string;
  members: Record<string, MemberSpec>;
}

export interface ResourceSpec {
  /** `AWS::MediaLive::Channel`. */
  type: string;
  /** False for types with no CloudFormation resource (the MediaConvert job), whose shape comes
   * from the SDK request structure alone. */
  cloudFormation: boolean;
  documentation?: string;
  /** SDK package and request structure the top level was matched with (`CreateChannelRequest`). */
  sdkPackage?: string;
  sdkShape?: string;
  properties: Record<string, MemberSpec>;
  /** Attribute names readable with `Fn::GetAtt` (CloudFormation spelling). */
  attributes: string[];
  /** Nested structures of this resource, by CloudFormation type-definition name. */
  shapes: Record<string, ShapeSpec>;
}

export interface ServiceSpecFile {
  $comment: string;
  generator: string;
  /** Input packages and their versions. */
  inputs: Record<string, string>;
  /** `medialive`, `mediapackage`, `mediapackagev2`, `mediaconvert`, `kinesisvideo`. */
  service: string;
  resources: Record<string, ResourceSpec>;
  /** Every CloudFormation type of the service's namespace, including those media-lint does not
   * model, to tell a misspelt type from a real one. */
  cloudFormationTypes: string[];
  /** Enum values by name (SDK enum name, or `<ResourceType>/<Shape>.<Member>` for values only the
   * CloudFormation schema lists). */
  enums: Record<string, string[]>;
}
