import { ROLES } from "@sentra/core";
import { z } from "zod";
import type { UserRow } from "../db/schema.js";

export const LOCALES = ["en", "id"] as const;

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

const password = z
  .string()
  .min(12, "Passwords need at least 12 characters.")
  .max(200, "Passwords may have at most 200 characters.");

export const newUserBody = z.object({
  email: z.email("Enter a valid email address.").max(254),
  displayName: z.string().trim().min(1, "A display name is required.").max(120),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES).default("id"),
  password: password.optional(),
});
export type NewUserBody = z.infer<typeof newUserBody>;

export const userPatchBody = z
  .object({
    displayName: z.string().trim().min(1).max(120),
    role: z.enum(ROLES),
    locale: z.enum(LOCALES),
    password,
    disabled: z.boolean(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, "Send at least one field to change.");
export type UserPatchBody = z.infer<typeof userPatchBody>;

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
