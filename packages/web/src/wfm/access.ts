import { permissionsOf, type Role } from "@sentra/core";

/**
 * The WFM permissions as the API checks them. Read through the role's list by name, so the web app keeps
 * compiling while a permission is being introduced on the server side.
 */
export type WfmPermission = "wfm:read" | "wfm:plan";

export function roleHas(role: Role, permission: WfmPermission): boolean {
  return (permissionsOf(role) as readonly string[]).includes(permission);
}
