import type { Role } from "@sentra/core";

/**
 * Who is making a request. Every tenant-owned query takes its tenant id from here and only from here, never
 * from the request body or URL, so a caller cannot name someone else's tenant.
 */
export interface Actor {
  readonly kind: "user" | "api_key";
  readonly id: string;
  readonly tenantId: string;
  readonly role: Role;
  readonly name: string;
}

/** Where a request came from, for the audit log. */
export interface Origin {
  readonly ip: string | null;
  readonly userAgent: string | null;
}
