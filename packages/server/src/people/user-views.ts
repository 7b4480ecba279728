import { LOCALES, ROLES } from "@sentra/core";
import { z } from "zod";
import type { UserRow } from "../db/schema.js";

// The request contracts live in the core so the web app validates forms with the same rules.
export { LOCALES, type NewUserBody, newUserBody, type UserPatchBody, userPatchBody } from "@sentra/core";

export const userView = z.object({
  id: z.uuid(),
  email: z.email(),
  displayName: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as UserView["role"],
    locale: row.locale as UserView["locale"],
    disabled: row.disabled,
    lockedUntil: row.locked_until ? row.locked_until.toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}
