import { describe, expect, it } from "vitest";
import { isRole, PERMISSIONS, permissionsOf, ROLES, roleAllows } from "./roles.js";

describe("roles and permissions", () => {
  it("gives an admin every permission", () => {
    for (const permission of PERMISSIONS) expect(roleAllows("admin", permission)).toBe(true);
  });

  it.each([
    ["agent", "users:manage", false],
    ["agent", "audit:read", false],
    ["agent", "realtime:wallboard", false],
    ["agent", "realtime:own_work", true],
    ["supervisor", "realtime:wallboard", true],
    ["supervisor", "users:manage", false],
    ["supervisor", "api_keys:manage", false],
    ["qa", "teams:manage", false],
    ["wfm", "realtime:wallboard", true],
    ["agent", "cases:work", true],
    ["agent", "cases:manage", false],
    ["agent", "kb:write", false],
    ["supervisor", "cases:manage", true],
    ["qa", "kb:write", true],
    ["qa", "cases:work", false],
    ["wfm", "kb:read", true],
  ] as const)("%s may %s: %s", (role, permission, allowed) => {
    expect(roleAllows(role, permission)).toBe(allowed);
  });

  it("grants only known permissions and recognises only known roles", () => {
    for (const role of ROLES) for (const p of permissionsOf(role)) expect(PERMISSIONS).toContain(p);
    expect(isRole("supervisor")).toBe(true);
    expect(isRole("root")).toBe(false);
  });
});
