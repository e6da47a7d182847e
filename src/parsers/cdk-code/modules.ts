import type { TSESTree } from '@typescript-eslint/utils';
import { lookupCdkClass, type ResourceTypeInfo } from '../../graph/type-registry.js';
import { isNode, staticKeyName, unwrapExpression, type ScopeLike, type VariableLike } from './scopes.js';

/**
 * Which identifiers of a CDK source file denote aws-cdk-lib modules and their L1 (`Cfn*`) classes:
 * ES imports (`import * as medialive from 'aws-cdk-lib/aws-medialive'`, `import { CfnChannel as
 * Channel } from …`, `import { aws_medialive } from 'aws-cdk-lib'`, default imports,
 * `import x = require(…)`), CommonJS `require` (also destructured), and `const` aliases of those.
 * Type-only imports denote nothing.
 */

/** CloudFormation namespaces of the aws-cdk-lib modules whose L1 constructs become resources: the
 * media services, and the services whose resources media rules read (IAM policies and trust
 * policies, S3 bucket encryption). Other constructs are not in the graph. */
const namespaces: Readonly<Record<string, string>> = {
  'aws-medialive': 'MediaLive',
  'aws-mediapackage': 'MediaPackage',
  'aws-mediapackagev2': 'MediaPackageV2',
  'aws-mediaconvert': 'MediaConvert',
  'aws-kinesisvideo': 'KinesisVideo',
  'aws-iam': 'IAM',
  'aws-s3': 'S3',
};

/** Module names (`aws-medialive`) and their `aws-cdk-lib` barrel names (`aws_medialive`). */
const mediaModuleMention = /aws[-_](?:medialive|mediapackage|mediaconvert|kinesisvideo)/;

/** A cheap test on the file text: a file that never names a media module has no media construct. */
export function mentionsMediaModule(text: string): boolean {
  return mediaModuleMention.test(text);
}

/** What an expression denotes, as far as aws-cdk-lib goes. */
export type Binding =
  /** `aws-cdk-lib` itself: `cdk.aws_medialive.CfnChannel`. */
  | { kind: 'library' }
  /** A service module, `aws-medialive`: `medialive.CfnChannel`. */
  | { kind: 'module'; name: string }
  /** A member of a service module. */
  | { kind: 'class'; module: string; className: string };

/** An L1 class with the CloudFormation type it creates. */
export interface CdkClass {
  module: string;
  className: string;
  /** `AWS::MediaLive::Channel`. */
  cloudFormationType: string;
  /** Set for the media types media-lint models. */
  media: ResourceTypeInfo | undefined;
}

const LIBRARY = 'aws-cdk-lib';

function moduleBinding(source: string | undefined): Binding | undefined {
  if (source === LIBRARY) return { kind: 'library' };
  if (source?.startsWith(`${LIBRARY}/aws-`)) return { kind: 'module', name: source.slice(LIBRARY.length + 1) };
  return undefined;
}

/** The member of a binding: `aws_medialive` of the library, `CfnChannel` of a module. */
function memberBinding(binding: Binding | undefined, member: string): Binding | undefined {
  if (binding?.kind === 'library' && member.startsWith('aws_')) return { kind: 'module', name: member.replace(/_/g, '-') };
  if (binding?.kind === 'module') return { kind: 'class', module: binding.name, className: member };
  return undefined;
}

function stringLiteral(node: TSESTree.Node | null | undefined): string | undefined {
  return isNode(node, 'Literal') && typeof node.value === 'string' ? node.value : undefined;
}

/** `require('aws-cdk-lib/aws-medialive')`. */
function requireBinding(node: TSESTree.Node): Binding | undefined {
  if (!isNode(node, 'CallExpression') || !isNode(node.callee, 'Identifier') || node.callee.name !== 'require' || node.arguments.length !== 1) return undefined;
  return moduleBinding(stringLiteral(node.arguments[0]));
}

/** The variable a name denotes in a scope: the nearest declaration outwards. */
export function findVariable(scope: ScopeLike | null, name: string): VariableLike | undefined {
  for (let current = scope; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

export class BindingResolver {
  /** Variables resolved so far; `undefined` while one is being resolved, so a cycle ends. */
  private readonly variables = new Map<VariableLike, Binding | undefined>();

  constructor(private readonly scopeOf: (node: TSESTree.Node) => ScopeLike) {}

  /** The L1 class a `new` expression's callee denotes, when it is one media-lint records. */
  cdkClass(callee: TSESTree.Node): CdkClass | undefined {
    const binding = this.resolve(callee, 0);
    if (binding?.kind !== 'class' || !binding.className.startsWith('Cfn')) return undefined;
    const namespace = namespaces[binding.module];
    if (namespace === undefined) return undefined;
    const media = lookupCdkClass(`${LIBRARY}/${binding.module}`, binding.className);
    return {
      module: binding.module,
      className: binding.className,
      cloudFormationType: media?.canonical ?? `AWS::${namespace}::${binding.className.slice(3)}`,
      media,
    };
  }

  private resolve(expression: TSESTree.Node, depth: number): Binding | undefined {
    if (depth > 20) return undefined;
    const node = unwrapExpression(expression);
    if (isNode(node, 'Identifier')) {
      const variable = findVariable(this.scopeOf(node), node.name);
      return variable ? this.variable(variable, node.name, depth) : undefined;
    }
    if (isNode(node, 'MemberExpression')) {
      const name = staticKeyName(node.property, node.computed);
      return name === undefined ? undefined : memberBinding(this.resolve(node.object, depth + 1), name);
    }
    return requireBinding(node);
  }

  private variable(variable: VariableLike, name: string, depth: number): Binding | undefined {
    if (this.variables.has(variable)) return this.variables.get(variable);
    this.variables.set(variable, undefined);
    const binding = this.definition(variable, name, depth);
    this.variables.set(variable, binding);
    return binding;
  }

  private definition(variable: VariableLike, name: string, depth: number): Binding | undefined {
    if (variable.defs.length !== 1) return undefined;
    const { type, node, parent } = variable.defs[0]!;
    if (type === 'ImportBinding') {
      if (isNode(node, 'TSImportEqualsDeclaration')) {
        if (node.importKind === 'type' || !isNode(node.moduleReference, 'TSExternalModuleReference')) return undefined;
        return moduleBinding(stringLiteral(node.moduleReference.expression));
      }
      if (!isNode(parent, 'ImportDeclaration') || parent.importKind === 'type') return undefined;
      const source = moduleBinding(parent.source.value);
      if (isNode(node, 'ImportNamespaceSpecifier') || isNode(node, 'ImportDefaultSpecifier')) return source;
      if (!isNode(node, 'ImportSpecifier') || node.importKind === 'type') return undefined;
      const imported = isNode(node.imported, 'Identifier') ? node.imported.name : stringLiteral(node.imported);
      return imported === undefined ? undefined : memberBinding(source, imported);
    }
    if (type !== 'Variable' || !isNode(node, 'VariableDeclarator') || !isNode(parent, 'VariableDeclaration')) return undefined;
    if (parent.kind !== 'const' || !node.init) return undefined;
    if (isNode(node.id, 'Identifier')) return this.resolve(node.init, depth + 1);
    if (!isNode(node.id, 'ObjectPattern')) return undefined;
    // const { CfnChannel, aws_medialive: medialive } = require(…) (or = an alias of a module)
    for (const property of node.id.properties) {
      if (!isNode(property, 'Property') || !isNode(property.value, 'Identifier') || property.value.name !== name) continue;
      const key = staticKeyName(property.key, property.computed);
      return key === undefined ? undefined : memberBinding(this.resolve(node.init, depth + 1), key);
    }
    return undefined;
  }
}
