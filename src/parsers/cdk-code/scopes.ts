import type { TSESTree } from '@typescript-eslint/utils';
import type { Span } from '../../graph/source.js';

/**
 * The parts of ESLint's scope analysis (eslint-scope, @typescript-eslint/scope-manager) the CDK
 * code front-end uses: which declaration a name denotes. The ESLint plugin passes
 * `sourceCode.getScope`; nothing here depends on ESLint itself.
 */
export interface ScopeLike {
  readonly set: ReadonlyMap<string, VariableLike>;
  readonly upper: ScopeLike | null;
}

export interface VariableLike {
  readonly defs: ReadonlyArray<DefinitionLike>;
}

export interface DefinitionLike {
  /** `Variable`, `Parameter`, `ImportBinding`, `FunctionName`, `ClassName`, `CatchClause`, … */
  readonly type: string;
  /** The declarator, parameter, import specifier, … */
  readonly node: TSESTree.Node;
  /** The declaration holding it (`VariableDeclaration`, `ImportDeclaration`). */
  readonly parent?: TSESTree.Node | null;
}

type NodeType = `${TSESTree.Node['type']}`;
type NodeOfType<K extends NodeType> = Extract<TSESTree.Node, { type: K }>;

/** Narrows a node by its type name (the AST_NODE_TYPES enum is not loaded at run time). */
export function isNode<K extends NodeType>(node: TSESTree.Node | null | undefined, type: K): node is NodeOfType<K> {
  return node != null && (node.type as string) === type;
}

/** Type-only wrappers that do not change a value: `x as const`, `x satisfies T`, `x!`, `<T>x`, `a?.b`. */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    if (isNode(current, 'TSAsExpression') || isNode(current, 'TSSatisfiesExpression') || isNode(current, 'TSNonNullExpression') || isNode(current, 'TSTypeAssertion')) {
      current = current.expression;
    } else if (isNode(current, 'ChainExpression') || isNode(current, 'TSInstantiationExpression')) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** The span of a node: ESTree lines are 1-based and columns 0-based; spans use 1-based columns. */
export function nodeSpan(file: string, node: TSESTree.Node): Span {
  return {
    file,
    start: { line: node.loc.start.line, column: node.loc.start.column + 1, offset: node.range[0] },
    end: { line: node.loc.end.line, column: node.loc.end.column + 1, offset: node.range[1] },
  };
}

/** The name of a non-computed member or property key (`a.b`, `{ b: … }`, `{ 'b': … }`). */
export function staticKeyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && isNode(key, 'Identifier')) return key.name;
  if (isNode(key, 'Literal') && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (computed && isNode(key, 'TemplateLiteral') && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}
