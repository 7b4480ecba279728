import type { Permission } from "@sentra/core";
import type { Actor } from "../tenancy/actor.js";

/**
 * Each API route states who may call it. A route that states nothing does not start: the server refuses to
 * boot, so a forgotten check is a failing test rather than an open door.
 */
export type RouteAccess = "public" | "authenticated" | Permission;

export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every /api/v1 route with its declared access, for docs and for the tenant-isolation test. */
    routeTable: readonly RouteEntry[];
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = "sentra_session";
