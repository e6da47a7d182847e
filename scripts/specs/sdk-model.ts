/**
 * Reads the structures and enums of an AWS SDK v3 client from its model declarations
 * (`node_modules/@aws-sdk/<pkg>/dist-types/models/*.d.ts`) with the TypeScript parser alone (no type
 * checker): `export interface X { Member?: T | undefined }` is a structure (a member without `?` is
 * required), `export declare const E: { readonly A: "a" }` is an enum.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export type SdkType =
  | { kind: 'string' | 'number' | 'boolean' | 'timestamp' | 'json' | 'blob' }
  | { kind: 'enum'; name: string }
  | { kind: 'struct'; name: string }
  | { kind: 'list'; element: SdkType }
  | { kind: 'map'; element: SdkType }
  /** A declaration the reader does not understand; an error if a generated spec needs it. */
  | { kind: 'unsupported'; text: string };

export interface SdkMember {
  name: string;
  required: boolean;
  type: SdkType;
}

export interface SdkStructure {
  name: string;
  members: Map<string, SdkMember>;
}

export interface SdkModel {
  /** `@aws-sdk/client-medialive`. */
  packageName: string;
  structures: Map<string, SdkStructure>;
  /** Enum name → values (the wire values, in declaration order). */
  enums: Map<string, string[]>;
}

/** Loads the model of an installed SDK client package. */
export function loadSdkModel(packageName: string, nodeModules: string): SdkModel {
  const dir = join(nodeModules, packageName, 'dist-types', 'models');
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.d.ts'))
    .sort();
  const interfaces: ts.InterfaceDeclaration[] = [];
  const enums = new Map<string, string[]>();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement)) {
        interfaces.push(statement);
      } else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          const values = enumValues(declaration);
          if (values && ts.isIdentifier(declaration.name)) enums.set(declaration.name.text, values);
        }
      }
    }
  }
  const structureNames = new Set(interfaces.map((declaration) => declaration.name.text));
  const structures = new Map<string, SdkStructure>();
  for (const declaration of interfaces) {
    const name = declaration.name.text;
    if (declaration.heritageClauses?.length) {
      throw new Error(`${packageName}: interface ${name} extends another type; the reader does not support that`);
    }
    const members = new Map<string, SdkMember>();
    for (const member of declaration.members) {
      if (!ts.isPropertySignature(member) || !member.type) {
        throw new Error(`${packageName}: ${name} has a member that is not a property: ${member.getText()}`);
      }
      const memberName = propertyName(member.name);
      const type = convertType(member.type, { enums, structureNames });
      members.set(memberName, { name: memberName, required: member.questionToken === undefined, type });
    }
    structures.set(name, { name, members });
  }
  return { packageName, structures, enums };
}

interface ConvertContext {
  enums: Map<string, string[]>;
  structureNames: Set<string>;
}

function convertType(node: ts.TypeNode, context: ConvertContext): SdkType {
  if (ts.isParenthesizedTypeNode(node)) return convertType(node.type, context);
  if (ts.isUnionTypeNode(node)) {
    const kept = node.types.filter((type) => !isUndefined(type));
    if (kept.length !== 1) return unsupported(node);
    return convertType(kept[0]!, context);
  }
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { kind: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { kind: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return { kind: 'boolean' };
    default:
      break;
  }
  if (ts.isArrayTypeNode(node)) return { kind: 'list', element: convertType(node.elementType, context) };
  if (ts.isTypeReferenceNode(node)) {
    const name = ts.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.getText();
    const args = node.typeArguments ?? [];
    if (name === 'Record' && args.length === 2) return { kind: 'map', element: convertType(args[1]!, context) };
    // `Partial<Record<FormatConfigKey, string>>`: a map whose keys are an enum.
    if (name === 'Partial' && args.length === 1) return convertType(args[0]!, context);
    if (name === 'Array' && args.length === 1) return { kind: 'list', element: convertType(args[0]!, context) };
    if (args.length === 0) {
      if (name === 'Date') return { kind: 'timestamp' };
      if (name === '__DocumentType') return { kind: 'json' };
      if (name === 'Uint8Array' || name === 'StreamingBlobTypes') return { kind: 'blob' };
      if (context.enums.has(name)) return { kind: 'enum', name };
      if (context.structureNames.has(name)) return { kind: 'struct', name };
    }
  }
  return unsupported(node);
}

function unsupported(node: ts.TypeNode): SdkType {
  return { kind: 'unsupported', text: node.getText() };
}

function isUndefined(node: ts.TypeNode): boolean {
  return node.kind === ts.SyntaxKind.UndefinedKeyword;
}

function propertyName(name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return name.getText();
}

/** `export declare const E: { readonly A: "a"; ... }` → `['a', ...]`. */
function enumValues(declaration: ts.VariableDeclaration): string[] | undefined {
  const type = declaration.type;
  if (!type || !ts.isTypeLiteralNode(type)) return undefined;
  const values: string[] = [];
  for (const member of type.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isLiteralTypeNode(member.type)) return undefined;
    const literal = member.type.literal;
    if (!ts.isStringLiteral(literal)) return undefined;
    values.push(literal.text);
  }
  return values;
}
