import { createRequire } from 'node:module';
import { Language, Parser, type Tree, type TreeCursor } from 'web-tree-sitter';
import { locateWasm } from '../wasm.js';

/**
 * The tree-sitter Terraform grammar (`@tree-sitter-grammars/tree-sitter-hcl`, its
 * `tree-sitter-terraform.wasm`), run by `web-tree-sitter`. The wasm is loaded once per process, on
 * first use: a run over CloudFormation templates never pays for it.
 */
let loading: Promise<TerraformParser> | undefined;

export function loadTerraformParser(): Promise<TerraformParser> {
  loading ??= (async () => {
    // Next to the bundle in the GitHub Action; else resolved from this module, which works from src/
    // (tests, tsx) and from dist/ (the CLI).
    const wasmPath = locateWasm('tree-sitter-terraform.wasm', () =>
      createRequire(import.meta.url).resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'),
    );
    await Parser.init();
    const language = await Language.load(wasmPath);
    const parser = new Parser();
    parser.setLanguage(language);
    return new TerraformParser(parser, language);
  })();
  // A failed load is not cached: the next run may try again.
  loading.catch(() => (loading = undefined));
  return loading;
}

/** A node of the concrete syntax tree, copied out of the wasm heap. Only named nodes carry
 * positions and children (offsets are -1 where the converter does not need them); anonymous
 * tokens (`=`, `+`, `(`) carry just their type. */
export interface CstNode {
  type: string;
  named: boolean;
  start: number;
  end: number;
  children: CstNode[] | undefined;
  /** For an attribute whose value is a plain literal or a dotted name (`width = 1280`,
   * `input_id = aws_medialive_input.main.id`), read from the text instead of its children. */
  simple?: SimpleAttribute;
}

export interface SimpleAttribute {
  /** End of the attribute's name. */
  nameEnd: number;
  /** Start of the value (which ends where the attribute ends). */
  valueStart: number;
  kind: 'string' | 'number' | 'keyword' | 'traversal' | 'template' | 'tuple';
}

/** A syntax error found by tree-sitter: an `ERROR` node or a token it had to invent. */
export interface CstProblem {
  start: number;
  end: number;
  /** The token tree-sitter inserted (`}`, `identifier`), or undefined for an `ERROR` node. */
  missing: string | undefined;
}

export interface CstFile {
  root: CstNode;
  comments: Array<{ start: number; end: number }>;
  problems: CstProblem[];
}

const NAME = '[A-Za-z_][A-Za-z0-9_-]*';
const DOTTED = `${NAME}(?:\\.${NAME})+`;
/** A quoted string: plain characters, `$` and `%` that start neither a sequence nor an escape
 * (`$${`), and (in a template) `${dotted.name}` interpolations. No backslash escapes. */
const STRING_CHARS = '(?:[^"\\\\$%\\r\\n]|\\$(?![{$])|%(?![{%]))';
const STRING = `"${STRING_CHARS}*"`;
const TEMPLATE = `"(?:${STRING_CHARS}|\\$\\{${NAME}(?:\\.${NAME})*\\})*"`;
const NUMBER = '\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?';
const KEYWORD = '(?:true|false|null)(?![A-Za-z0-9_.-])';
const ITEM = `(?:${STRING}|${NUMBER}|${KEYWORD}|${DOTTED})`;
const TUPLE = `\\[[ \\t]*(?:${ITEM}(?:[ \\t]*,[ \\t]*${ITEM})*[ \\t]*,?)?[ \\t]*\\]`;

/**
 * `name = value` where the value is a string without escapes or directives (with `${dotted.name}`
 * interpolations at most), an unsigned number, `true` / `false` / `null`, a dotted name (`var.x`,
 * `aws_x.y.id`) or a one-line list of those. Tried at an attribute's offset; it is used only when
 * it spans exactly the attribute tree-sitter found, so the result is the same as reading the
 * children (whose copying is the costly part of a large file).
 */
const SIMPLE_ATTRIBUTE = new RegExp(`(${NAME})[ \\t]*=[ \\t]*(?:(${STRING})|(${NUMBER})|(${KEYWORD})|(${DOTTED})|(${TEMPLATE})|(${TUPLE}))`, 'y');

/** A block header on one line: type, quoted or bare labels, then `{`. */
const BLOCK_HEADER = new RegExp(`(${NAME})((?:[ \\t]+(?:${STRING}|${NAME}))*)[ \\t]*\\{`, 'y');
const LABEL = new RegExp(`${STRING}|${NAME}`, 'g');
/** The items of a simple list, for the converter. */
export const SIMPLE_ITEM = new RegExp(ITEM, 'g');

/** Named nodes whose content the converter reads from the source text rather than from their
 * children: not descending into them halves the calls into the wasm module. */
const LEAVES = new Set([
  'identifier',
  'literal_value',
  'string_lit',
  'get_attr',
  'legacy_index',
  'variable_expr',
  'block_start',
  'block_end',
  'object_start',
  'object_end',
  'tuple_start',
  'tuple_end',
  'heredoc_start',
  'heredoc_identifier',
  'template_literal',
  'quoted_template_start',
  'quoted_template_end',
  'template_interpolation_start',
  'template_interpolation_end',
  'template_directive_start',
  'template_directive_end',
  'comment',
  'ellipsis',
  'strip_marker',
  'numeric_lit',
  'bool_lit',
  'null_lit',
]);

/** Named nodes whose positions the converter never reads (it takes spans from the nodes inside
 * them): their offsets are not asked for, which saves two calls into the wasm module each. */
const POSITIONLESS = new Set([
  'expression',
  'body',
  'collection_value',
  'template_expr',
  'for_expr',
  'operation',
  'new_index',
  'function_arguments',
  'for_intro',
  'for_cond',
  'object_elem',
  'attr_splat',
  'full_splat',
]);

const ERROR_TYPE_ID = 0xffff;

const SIMPLE_KINDS: ReadonlyArray<SimpleAttribute['kind']> = ['string', 'number', 'keyword', 'traversal', 'template', 'tuple'];

export class TerraformParser {
  private readonly typeNames: string[] = [];
  private readonly named: Uint8Array;
  private readonly descend: Uint8Array;
  private readonly positioned: Uint8Array;
  private readonly commentId: number;
  private readonly tokens: CstNode[] = [];
  private readonly attributeId: number;
  private readonly blockId: number;
  /** The text being copied (for the simple-attribute shortcut). */
  private text = '';

  constructor(
    private readonly parser: Parser,
    readonly language: Language,
  ) {
    const count = language.nodeTypeCount;
    this.named = new Uint8Array(count + 1);
    this.descend = new Uint8Array(count + 1);
    this.positioned = new Uint8Array(count + 1);
    for (let id = 0; id < count; id++) {
      const name = language.nodeTypeForId(id) ?? '';
      this.typeNames[id] = name;
      const named = language.nodeTypeIsNamed(id);
      this.named[id] = named ? 1 : 0;
      this.descend[id] = named && !LEAVES.has(name) ? 1 : 0;
      this.positioned[id] = named && !POSITIONLESS.has(name) ? 1 : 0;
    }
    this.commentId = language.idForNodeType('comment', true) ?? -1;
    this.attributeId = language.idForNodeType('attribute', true) ?? -1;
    this.blockId = language.idForNodeType('block', true) ?? -1;
  }

  /** Parses without converting: the baseline the benchmark compares the front-end with. */
  parseOnly(text: string): void {
    this.parser.parse(text)?.delete();
  }

  parse(text: string): CstFile {
    const tree = this.parser.parse(text);
    if (!tree) throw new Error('tree-sitter returned no tree');
    try {
      this.text = text;
      const comments: CstFile['comments'] = [];
      const cursor = tree.walk();
      const root = this.copy(cursor, cursor.nodeTypeId, comments);
      cursor.delete();
      const problems = tree.rootNode.hasError ? collectProblems(tree) : [];
      return { root, comments, problems };
    } finally {
      this.text = '';
      tree.delete();
    }
  }

  private copy(cursor: TreeCursor, id: number, comments: CstFile['comments']): CstNode {
    if (id === ERROR_TYPE_ID) {
      const node: CstNode = { type: 'ERROR', named: true, start: cursor.startIndex, end: cursor.endIndex, children: undefined };
      node.children = this.copyChildren(cursor, comments);
      return node;
    }
    if (this.named[id] !== 1) {
      // Anonymous tokens carry only their type: one shared node per type.
      let token = this.tokens[id];
      if (!token) {
        token = Object.freeze({ type: this.typeNames[id] ?? '', named: false, start: -1, end: -1, children: undefined });
        this.tokens[id] = token;
      }
      return token;
    }
    if (id === this.attributeId) {
      const start = cursor.startIndex;
      const end = cursor.endIndex;
      SIMPLE_ATTRIBUTE.lastIndex = start;
      const match = SIMPLE_ATTRIBUTE.exec(this.text);
      if (match && SIMPLE_ATTRIBUTE.lastIndex === end) {
        const value = match[2] ?? match[3] ?? match[4] ?? match[5] ?? match[6] ?? match[7] ?? '';
        const kind = SIMPLE_KINDS[[2, 3, 4, 5, 6, 7].find((group) => match[group] !== undefined)! - 2]!;
        return { type: 'attribute', named: true, start, end, children: undefined, simple: { nameEnd: start + match[1]!.length, valueStart: end - value.length, kind } };
      }
      const node: CstNode = { type: 'attribute', named: true, start, end, children: undefined };
      node.children = this.copyChildren(cursor, comments);
      return node;
    }
    if (id === this.blockId) {
      const shortcut = this.blockShortcut(cursor, comments);
      if (shortcut) return shortcut;
    }
    const positioned = this.positioned[id] === 1;
    const node: CstNode = { type: this.typeNames[id] ?? '', named: true, start: positioned ? cursor.startIndex : -1, end: positioned ? cursor.endIndex : -1, children: undefined };
    if (this.descend[id] === 1) node.children = this.copyChildren(cursor, comments);
    return node;
  }

  /** A block whose header is on one line: its type and labels are read from the text, and the
   * cursor jumps over them to the body. */
  private blockShortcut(cursor: TreeCursor, comments: CstFile['comments']): CstNode | undefined {
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    BLOCK_HEADER.lastIndex = start;
    const match = BLOCK_HEADER.exec(this.text);
    if (!match) return undefined;
    const brace = BLOCK_HEADER.lastIndex - 1;
    if (brace >= end || !cursor.gotoFirstChildForIndex(brace + 1)) return undefined;
    const typeEnd = start + match[1]!.length;
    const children: CstNode[] = [{ type: 'identifier', named: true, start, end: typeEnd, children: undefined }];
    LABEL.lastIndex = 0;
    const labels = match[2]!;
    for (let label = LABEL.exec(labels); label; label = LABEL.exec(labels)) {
      const labelStart = typeEnd + label.index;
      children.push({ type: label[0].startsWith('"') ? 'string_lit' : 'identifier', named: true, start: labelStart, end: labelStart + label[0].length, children: undefined });
    }
    children.push({ type: 'block_start', named: true, start: brace, end: brace + 1, children: undefined });
    do {
      const id = cursor.nodeTypeId;
      if (id === this.commentId) comments.push({ start: cursor.startIndex, end: cursor.endIndex });
      else children.push(this.copy(cursor, id, comments));
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
    return { type: 'block', named: true, start, end, children };
  }

  private copyChildren(cursor: TreeCursor, comments: CstFile['comments']): CstNode[] {
    const children: CstNode[] = [];
    if (!cursor.gotoFirstChild()) return children;
    do {
      const id = cursor.nodeTypeId;
      if (id === this.commentId) comments.push({ start: cursor.startIndex, end: cursor.endIndex });
      else children.push(this.copy(cursor, id, comments));
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
    return children;
  }
}

/** Every `ERROR` node (not those nested in another) and every missing token, in file order. */
function collectProblems(tree: Tree): CstProblem[] {
  const problems: CstProblem[] = [];
  const cursor = tree.walk();
  const visit = (): void => {
    const node = cursor.currentNode;
    if (node.isError) {
      problems.push({ start: node.startIndex, end: node.endIndex, missing: undefined });
      return;
    }
    if (node.isMissing) {
      problems.push({ start: node.startIndex, end: node.endIndex, missing: node.type });
      return;
    }
    if (!node.hasError) return;
    if (cursor.gotoFirstChild()) {
      do visit();
      while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
  };
  visit();
  cursor.delete();
  return problems;
}
