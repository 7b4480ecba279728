/**
 * Request contracts for people and access (users, teams, API keys). They live in the core, not the server,
 * so the API that validates a request and the web form that builds it check exactly the same rules without
 * the browser bundle importing server code. Pure zod, no I/O.
 */
import { z } from "zod";
import { ROLES } from "../access/roles.js";

export const LOCALES = ["en", "id"] as const;
export type Locale = (typeof LOCALES)[number];

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

const password = z
  .string()
  .min(PASSWORD_MIN, `Passwords need at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Passwords may have at most ${PASSWORD_MAX} characters.`);

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

export const teamBody = z.object({
  name: z.string().trim().min(1, "A team name is required.").max(80),
  memberIds: z.array(z.uuid()).max(1000).default([]),
});
export type TeamBody = z.infer<typeof teamBody>;

export const apiKeyBody = z.object({
  name: z.string().trim().min(1, "Name the integration that will use this key.").max(80),
  role: z.enum(ROLES).default("agent"),
});
export type ApiKeyBody = z.infer<typeof apiKeyBody>;
