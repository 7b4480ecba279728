import { type Permission, roleAllows } from "@sentra/core";
import { useMe } from "./session";

/** Whether the logged-in user's role may do this; the API enforces the same rule, this only hides buttons. */
export function useCan(permission: Permission): boolean {
  const me = useMe().data;
  return me ? roleAllows(me.role, permission) : false;
}
