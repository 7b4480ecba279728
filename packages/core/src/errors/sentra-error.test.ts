import { describe, expect, it } from "vitest";
import { normaliseError, notFound, OperationalError, SentraError, UserError } from "./sentra-error.js";

describe("errors", () => {
  it("carries a stable code, a human message and a reason for user errors", () => {
    const error = notFound("api_key", "42");
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ kind: "user", reason: "not_found", code: "api_key_not_found" });
    expect(error.message).toBe("No api key with id 42 in this tenant.");
  });

  it("keeps Sentra errors as they are and turns anything else into an unexpected error without leaking it", () => {
    const operational = new OperationalError("db_down", "The database is unreachable.");
    expect(normaliseError(operational)).toBe(operational);
    const wrapped = normaliseError(new TypeError("cannot read x of undefined"));
    expect(wrapped).toBeInstanceOf(SentraError);
    expect(wrapped).toMatchObject({ kind: "unexpected", code: "internal_error" });
    expect(wrapped.message).not.toContain("undefined");
    expect(normaliseError("a string")).toMatchObject({ kind: "unexpected" });
  });
});
