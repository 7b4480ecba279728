import type { TenantId } from "./types.js";

/**
 * A map by scoped key (`scopedKey(tenant, id)`) that can also be read by (tenant, id) without building that
 * key: commands name records by tenant and id, and a fresh key string per lookup (allocated, then hashed)
 * was a measurable share of every command. Writes keep both views in step.
 */
export class ScopedMap<V> extends Map<string, V> {
  readonly #byTenant = new Map<TenantId, Map<string, V>>();
  readonly #tenantOf: (value: V) => TenantId;
  readonly #idOf: (value: V) => string;

  constructor(tenantOf: (value: V) => TenantId, idOf: (value: V) => string) {
    super();
    this.#tenantOf = tenantOf;
    this.#idOf = idOf;
  }

  /** The record `id` of `tenantId`, as `get(scopedKey(tenantId, id))`. */
  find(tenantId: TenantId, id: string): V | undefined {
    return this.#byTenant.get(tenantId)?.get(id);
  }

  override set(key: string, value: V): this {
    const previous = super.get(key);
    if (previous !== undefined) this.#ids(this.#tenantOf(previous)).delete(this.#idOf(previous));
    super.set(key, value);
    this.#ids(this.#tenantOf(value)).set(this.#idOf(value), value);
    return this;
  }

  override delete(key: string): boolean {
    const value = super.get(key);
    if (value === undefined) return false;
    this.#byTenant.get(this.#tenantOf(value))?.delete(this.#idOf(value));
    return super.delete(key);
  }

  override clear(): void {
    super.clear();
    this.#byTenant.clear();
  }

  #ids(tenantId: TenantId): Map<string, V> {
    let ids = this.#byTenant.get(tenantId);
    if (ids === undefined) {
      ids = new Map();
      this.#byTenant.set(tenantId, ids);
    }
    return ids;
  }
}
