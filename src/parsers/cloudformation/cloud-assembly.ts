import { findNodeAtLocation, getNodeValue, type Node as JsonNode } from 'jsonc-parser';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJsonDocument } from './json.js';
import type { ConstructInfo } from './template.js';

/** One stack of a CDK cloud assembly. */
export interface AssemblyStack {
  artifactId: string;
  /** Absolute path of the template. */
  templatePath: string;
  stackName: string;
  /** Construct path (and creation site) by logical id. */
  constructs: Map<string, ConstructInfo>;
  /** The manifest that names the template, and the offsets of its `templateFile` value there. */
  manifestPath: string;
  templateFileRange: { start: number; end: number } | undefined;
}

export interface AssemblyProblem {
  manifestPath: string;
  message: string;
  range: { start: number; end: number } | undefined;
}

export interface CloudAssembly {
  stacks: AssemblyStack[];
  /** Absolute paths of every manifest read (the top one and nested assemblies). */
  manifests: string[];
  problems: AssemblyProblem[];
}

interface ArtifactMetadataEntry {
  type?: unknown;
  data?: unknown;
  trace?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parsed manifest when the text is a cloud-assembly manifest (`version` and `artifacts`). */
export function parseAssemblyManifest(text: string): { root: JsonNode; manifest: Record<string, unknown> } | undefined {
  if (!text.includes('"artifacts"')) return undefined;
  const { root } = parseJsonDocument(text);
  if (!root) return undefined;
  const manifest: unknown = getNodeValue(root);
  if (!isRecord(manifest) || typeof manifest.version !== 'string' || !isRecord(manifest.artifacts)) return undefined;
  return { root, manifest };
}

/**
 * Reads a cloud assembly (`cdk.out/manifest.json`) and its nested assemblies (CDK stages), listing
 * the stack templates with their construct paths. `readText` supplies the text of nested manifests.
 */
export function readCloudAssembly(
  manifestPath: string,
  text: string,
  readText: (absolutePath: string) => string | undefined,
  cwd: string,
  visited: Set<string> = new Set(),
): CloudAssembly | undefined {
  const parsed = parseAssemblyManifest(text);
  if (!parsed) return undefined;
  const result: CloudAssembly = { stacks: [], manifests: [manifestPath], problems: [] };
  visited.add(manifestPath);
  const directory = path.dirname(manifestPath);
  const rangeOf = (location: string[]): { start: number; end: number } | undefined => {
    const node = findNodeAtLocation(parsed.root, location);
    return node ? { start: node.offset, end: node.offset + node.length } : undefined;
  };

  for (const [artifactId, artifact] of Object.entries(parsed.manifest.artifacts as Record<string, unknown>)) {
    if (!isRecord(artifact)) continue;
    const properties = isRecord(artifact.properties) ? artifact.properties : {};
    if (artifact.type === 'aws:cloudformation:stack' && typeof properties.templateFile === 'string') {
      result.stacks.push({
        artifactId,
        templatePath: path.resolve(directory, properties.templateFile),
        stackName: typeof artifact.displayName === 'string' ? artifact.displayName : artifactId,
        constructs: constructsOf(stackMetadata(artifact, directory, readText, result), cwd),
        manifestPath,
        templateFileRange: rangeOf(['artifacts', artifactId, 'properties', 'templateFile']),
      });
    } else if (artifact.type === 'aws:cloud-assembly' && typeof properties.directoryName === 'string') {
      const nestedPath = path.resolve(directory, properties.directoryName, 'manifest.json');
      if (visited.has(nestedPath)) continue;
      const nestedText = readText(nestedPath);
      const nested = nestedText === undefined ? undefined : readCloudAssembly(nestedPath, nestedText, readText, cwd, visited);
      if (!nested) {
        result.problems.push({
          manifestPath,
          message: `The nested cloud assembly ${properties.directoryName} (${nestedPath}) cannot be read`,
          range: rangeOf(['artifacts', artifactId, 'properties', 'directoryName']),
        });
        continue;
      }
      result.stacks.push(...nested.stacks);
      result.manifests.push(...nested.manifests);
      result.problems.push(...nested.problems);
    }
  }
  return result;
}

/**
 * A stack's construct metadata: the manifest's `metadata` (older assemblies, schema 38 in
 * examples/cdk.out), or the `additionalMetadataFile` next to the template that current CDK versions
 * write instead (schema 55). The metadata file is listed with the manifests, so it is not read again
 * as a template.
 */
function stackMetadata(artifact: Record<string, unknown>, directory: string, readText: (absolutePath: string) => string | undefined, assembly: CloudAssembly): Record<string, unknown> {
  const metadata: Record<string, unknown> = isRecord(artifact.metadata) ? { ...artifact.metadata } : {};
  if (typeof artifact.additionalMetadataFile !== 'string') return metadata;
  const file = path.resolve(directory, artifact.additionalMetadataFile);
  const text = readText(file);
  if (text === undefined) return metadata;
  assembly.manifests.push(file);
  try {
    const additional: unknown = JSON.parse(text);
    if (isRecord(additional)) for (const [constructPath, entries] of Object.entries(additional)) metadata[constructPath] ??= entries;
  } catch {
    // A broken metadata file only costs the construct paths: the templates are still linted.
  }
  return metadata;
}

function constructsOf(metadata: Record<string, unknown>, cwd: string): Map<string, ConstructInfo> {
  const constructs = new Map<string, ConstructInfo>();
  for (const [constructPath, entries] of Object.entries(metadata)) {
    if (!Array.isArray(entries)) continue;
    const typed = entries.filter(isRecord) as ArtifactMetadataEntry[];
    // Older CDK versions put the creation stack trace on the logical id entry (`trace`); newer ones
    // record it as an `aws:cdk:creationStack` entry of the same construct (`data`).
    const creationStack = typed.find((entry) => entry.type === 'aws:cdk:creationStack' && Array.isArray(entry.data))?.data as unknown[] | undefined;
    for (const entry of typed) {
      if (entry.type !== 'aws:cdk:logicalId' || typeof entry.data !== 'string') continue;
      const info: ConstructInfo = { path: constructPath.replace(/^\/+/, '') };
      const trace = Array.isArray(entry.trace) ? entry.trace : creationStack;
      const source = trace ? sourceFromTrace(trace, cwd) : undefined;
      if (source) info.source = source;
      constructs.set(entry.data, info);
    }
  }
  return constructs;
}

const FRAME = /^\s*(?:at\s+)?(?:.*? \()?(.+?):(\d+):(\d+)\)?\s*$/;

function isLibraryFrame(file: string): boolean {
  const normalized = file.replace(/\\/g, '/');
  return (
    normalized.startsWith('node:') ||
    normalized.startsWith('internal/') ||
    normalized.includes('/node_modules/') ||
    /(^|\/)aws-cdk-lib\//.test(normalized) ||
    /(^|\/)@aws-cdk\//.test(normalized) ||
    /(^|\/)constructs\/lib\//.test(normalized)
  );
}

/** The first frame of a construct's creation stack trace that points into user code. */
export function sourceFromTrace(trace: unknown[], cwd: string): ConstructInfo['source'] {
  for (const line of trace) {
    if (typeof line !== 'string') continue;
    const match = FRAME.exec(line);
    if (!match) continue;
    let file = match[1]!;
    if (file.startsWith('file://')) {
      try {
        file = fileURLToPath(file);
      } catch {
        continue;
      }
    }
    if (isLibraryFrame(file)) continue;
    if (path.isAbsolute(file)) {
      const relative = path.relative(cwd, file);
      if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) file = relative;
    }
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}
