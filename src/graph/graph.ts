import type { Resource, Scope } from './resource.js';
import type { ReferenceValue } from './value.js';

/**
 * The common resource graph: every scope and resource from every input format. Rules query it by
 * canonical type; resources are indexed once, so rules never scan the whole graph per resource.
 */
export class ResourceGraph {
  readonly resources: Resource[] = [];
  private readonly byType = new Map<string, Resource[]>();
  private readonly byScopeAddress = new Map<string, Map<string, Resource>>();

  constructor(readonly scopes: Scope[]) {
    for (const scope of scopes) {
      const addresses = new Map<string, Resource>();
      this.byScopeAddress.set(scope.id, addresses);
      for (const resource of scope.resources) {
        this.resources.push(resource);
        addresses.set(resource.address, resource);
        const list = this.byType.get(resource.type);
        if (list) list.push(resource);
        else this.byType.set(resource.type, [resource]);
      }
    }
  }

  /** Resources of a canonical type, in input order. */
  ofType(type: string): readonly Resource[] {
    return this.byType.get(type) ?? [];
  }

  /** The resource a reference points to, in the scope of the referring resource. */
  resolve(reference: ReferenceValue, from: Scope): Resource | undefined {
    return this.byScopeAddress.get(from.id)?.get(reference.target);
  }

  /** The resource with this address in the scope. */
  lookup(scope: Scope, address: string): Resource | undefined {
    return this.byScopeAddress.get(scope.id)?.get(address);
  }
}
