import { readFileSync } from 'node:fs';
import { lookupResourceType, type ServiceId } from '../graph/type-registry.js';
import type { ResourceSpec, ServiceSpecFile, ShapeSpec } from './types.js';

/**
 * Access to the generated service specs. A service's file is read on first use, so a run over
 * Kinesis Video streams never parses the MediaLive tables.
 */
export class SpecRegistry {
  private readonly services = new Map<ServiceId, ServiceSpecFile>();

  constructor(private readonly loadFile: (service: ServiceId) => ServiceSpecFile = loadGeneratedSpec) {}

  service(service: ServiceId): ServiceSpecFile {
    let file = this.services.get(service);
    if (!file) {
      file = this.loadFile(service);
      this.services.set(service, file);
    }
    return file;
  }

  /** The spec of a canonical resource type, if it is a media type. */
  resource(type: string): ResourceSpec | undefined {
    const info = lookupResourceType(type);
    if (!info) return undefined;
    return this.service(info.service).resources[info.canonical];
  }

  shape(type: string, shapeName: string): ShapeSpec | undefined {
    return this.resource(type)?.shapes[shapeName];
  }

  enumValues(type: string, enumName: string): readonly string[] | undefined {
    const info = lookupResourceType(type);
    if (!info) return undefined;
    return this.service(info.service).enums[enumName];
  }
}

export function loadGeneratedSpec(service: ServiceId): ServiceSpecFile {
  const url = new URL(`./generated/${service}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as ServiceSpecFile;
}

let shared: SpecRegistry | undefined;

/** The process-wide registry over the generated files. */
export function defaultSpecRegistry(): SpecRegistry {
  shared ??= new SpecRegistry();
  return shared;
}
