import type { TSESTree } from '@typescript-eslint/utils';
import type { Resource, Scope } from '../../graph/resource.js';
import type { ObjectValue } from '../../graph/value.js';
import { BindingResolver, findVariable, mentionsMediaModule, type CdkClass } from './modules.js';
import { isNode, nodeSpan, unwrapExpression, type ScopeLike } from './scopes.js';
import { ABSENT, ValueReader } from './values.js';

export { mentionsMediaModule } from './modules.js';
export type { DefinitionLike, ScopeLike, VariableLike } from './scopes.js';

/**
 * The CDK code front-end: reads the L1 constructs of a CDK app's source file (`new
 * medialive.CfnChannel(this, 'Channel', { … })`) into one scope of the resource graph, with the
 * format `cdk-code`. It works on an ESTree program (TypeScript or JavaScript) and the scope analysis
 * of the parser, which the ESLint plugin takes from ESLint; see `docs/eslint-plugin.md`.
 *
 * - Resources: every `new` of a `Cfn*` class of a media module of aws-cdk-lib, and of aws-iam and
 *   aws-s3 (which some media rules read). The logical name is the construct id when it is known.
 * - Properties: the third argument, camelCase names made canonical; see `ValueReader` for what is
 *   resolved. Props that cannot be read are an open object, so nothing is concluded from them.
 * - References: `x.ref` and `x.attrXxx` of such a construct of the file (`x` a `const`, a class
 *   field or `this.x` assigned in the class, or the `new` expression itself).
 */
export interface CdkCodeInput {
  program: TSESTree.Program;
  /** The path findings name. */
  file: string;
  /** The text the program was parsed from. */
  text: string;
  /** The innermost scope holding a node (ESLint: `sourceCode.getScope`). */
  scopeOf(node: TSESTree.Node): ScopeLike;
  /** Child keys per node type (ESLint: `sourceCode.visitorKeys`); without them every key is walked. */
  visitorKeys?: Readonly<Record<string, readonly string[] | undefined>>;
}

export interface CdkCodeResult {
  scope: Scope;
  /** String literals read as property values, by start offset: written in place, so an editor may
   * replace them (the ESLint plugin's suggestions). */
  literals: ReadonlyMap<number, TSESTree.StringLiteral>;
}

/** Beyond this many value nodes in a file, further constructs' props are not read. */
const MAX_FILE_VALUES = 200_000;

interface Construct {
  node: TSESTree.NewExpression;
  cdkClass: CdkClass;
  resource: Resource;
}

/** Reads a CDK source file; undefined when it has no L1 construct of a media service. */
export function readCdkCode(input: CdkCodeInput): CdkCodeResult | undefined {
  if (!mentionsMediaModule(input.text)) return undefined;
  const resolver = new BindingResolver(input.scopeOf);
  const found = collect(input, resolver);
  if (!found.constructs.some((construct) => construct.cdkClass.media)) return undefined;

  const scope: Scope = { id: input.file, kind: 'cdk-source-file', format: 'cdk-code', file: input.file, resources: [], parameters: new Map(), outputs: [] };
  const byNode = new Map<TSESTree.Node, Resource>();
  const constructOf = (node: TSESTree.Node): Resource | undefined => {
    if (isNode(node, 'NewExpression')) return byNode.get(node);
    if (isNode(node, 'Identifier')) {
      const variable = findVariable(input.scopeOf(node), node.name);
      const definition = variable?.defs.length === 1 ? variable.defs[0]! : undefined;
      if (definition?.type !== 'Variable' || !isNode(definition.node, 'VariableDeclarator') || !definition.node.init) return undefined;
      if (!isNode(definition.parent, 'VariableDeclaration') || definition.parent.kind !== 'const') return undefined;
      return byNode.get(unwrapExpression(definition.node.init));
    }
    if (isNode(node, 'MemberExpression') && isNode(node.object, 'ThisExpression') && !node.computed && isNode(node.property, 'Identifier')) {
      const owner = found.thisMembers.get(node);
      const created = owner ? found.classFields.get(owner)?.get(node.property.name) : undefined;
      return created ? byNode.get(created) : undefined;
    }
    return undefined;
  };
  const reader = new ValueReader({ file: input.file, text: input.text, scopeOf: input.scopeOf, constructOf });

  const taken = new Set<string>();
  for (const construct of found.constructs) {
    construct.resource.scope = scope;
    construct.resource.address = uniqueAddress(constructId(construct, reader), taken);
    construct.resource.logicalName = construct.resource.address;
    construct.resource.id = `${input.file}#${construct.resource.address}`;
    byNode.set(construct.node, construct.resource);
    scope.resources.push(construct.resource);
  }

  let budget = MAX_FILE_VALUES;
  for (const construct of found.constructs) {
    const props = construct.node.arguments[2];
    const span = nodeSpan(input.file, construct.node);
    let properties: ObjectValue = { kind: 'object', properties: [], span };
    if (props !== undefined && budget > 0) {
      const value = reader.read(props);
      if (value !== ABSENT) {
        budget -= reader.size(value);
        properties = value.kind === 'object' ? value : { kind: 'object', properties: [], open: true, span: value.span };
      }
    } else if (props !== undefined) {
      properties.open = true;
    }
    construct.resource.properties = properties;
  }
  return { scope, literals: reader.literals };
}

function constructId(construct: Construct, reader: ValueReader): string {
  const id = construct.node.arguments[1];
  if (id !== undefined) {
    const value = reader.read(id);
    if (value !== ABSENT && value.kind === 'known' && typeof value.value === 'string' && value.value !== '') return value.value;
  }
  const { line, column } = construct.node.loc.start;
  return `${construct.cdkClass.className}@${line}:${column + 1}`;
}

function uniqueAddress(wanted: string, taken: Set<string>): string {
  let address = wanted;
  for (let counter = 2; taken.has(address); counter++) address = `${wanted}#${counter}`;
  taken.add(address);
  return address;
}

interface Collected {
  constructs: Construct[];
  /** Constructs stored on `this` in a class body: `this.channel = new …`, `channel = new …`. */
  classFields: Map<TSESTree.Node, Map<string, TSESTree.NewExpression>>;
  /** `this.x` expressions and the class body they are in. */
  thisMembers: Map<TSESTree.MemberExpression, TSESTree.Node>;
}

/** One walk over the program: the L1 constructs, and what `this.x` means in each class. */
function collect(input: CdkCodeInput, resolver: BindingResolver): Collected {
  const found: Collected = { constructs: [], classFields: new Map(), thisMembers: new Map() };
  const classes: TSESTree.Node[] = [];
  const field = (owner: TSESTree.Node | undefined, name: string, value: TSESTree.Node | null | undefined) => {
    const created = value ? unwrapExpression(value) : undefined;
    if (!owner || !isNode(created, 'NewExpression')) return;
    let fields = found.classFields.get(owner);
    if (!fields) found.classFields.set(owner, (fields = new Map()));
    fields.set(name, created);
  };

  const visit = (node: TSESTree.Node): void => {
    const isClass = isNode(node, 'ClassBody');
    if (isClass) classes.push(node);
    const owner = classes[classes.length - 1];
    if (isNode(node, 'NewExpression')) {
      const cdkClass = resolver.cdkClass(node.callee);
      if (cdkClass) found.constructs.push({ node, cdkClass, resource: placeholder(input.file, node, cdkClass) });
    } else if (isNode(node, 'MemberExpression') && isNode(node.object, 'ThisExpression') && owner) {
      found.thisMembers.set(node, owner);
    } else if (isNode(node, 'AssignmentExpression') && isNode(node.left, 'MemberExpression') && isNode(node.left.object, 'ThisExpression') && !node.left.computed && isNode(node.left.property, 'Identifier')) {
      field(owner, node.left.property.name, node.right);
    } else if (isNode(node, 'PropertyDefinition') && !node.computed && !node.static && isNode(node.key, 'Identifier')) {
      field(owner, node.key.name, node.value);
    }
    forEachChild(node, input.visitorKeys, visit);
    if (isClass) classes.pop();
  };
  visit(input.program);
  return found;
}

/** A resource whose address, scope and properties are set once every construct is known. */
function placeholder(file: string, node: TSESTree.NewExpression, cdkClass: CdkClass): Resource {
  const span = nodeSpan(file, node);
  return {
    id: '',
    scope: undefined as unknown as Scope,
    address: '',
    logicalName: '',
    type: cdkClass.cloudFormationType,
    sourceType: cdkClass.className,
    isMediaType: cdkClass.media !== undefined,
    format: 'cdk-code',
    file,
    span,
    nameSpan: nodeSpan(file, node.arguments[1] ?? node.callee),
    typeSpan: nodeSpan(file, node.callee),
    properties: { kind: 'object', properties: [], span },
  };
}

const skippedKeys = new Set(['parent', 'loc', 'range', 'tokens', 'comments', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments']);

function forEachChild(node: TSESTree.Node, visitorKeys: CdkCodeInput['visitorKeys'], visit: (child: TSESTree.Node) => void): void {
  const keys = visitorKeys?.[node.type] ?? Object.keys(node).filter((key) => !skippedKeys.has(key));
  const record = node as unknown as Record<string, unknown>;
  for (const key of keys) {
    if (skippedKeys.has(key)) continue;
    const child = record[key];
    if (Array.isArray(child)) {
      for (const item of child) if (isAstNode(item)) visit(item);
    } else if (isAstNode(child)) {
      visit(child);
    }
  }
}

function isAstNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
