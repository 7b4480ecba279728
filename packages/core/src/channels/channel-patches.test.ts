import { describe, expect, it } from "vitest";
import { emailAddressPatch } from "./contracts.js";
import { imapAccountPatch } from "./imap-contracts.js";
import { webChatKeyPatch } from "./web-chat-contracts.js";

describe("channel settings patches", () => {
  it.each([
    ["a mailbox", emailAddressPatch, { displayName: "Support" }],
    ["a web chat key", webChatKeyPatch, { name: "Website" }],
    ["an IMAP account", imapAccountPatch, { password: "new-secret" }],
  ])("change only the fields named when patching %s (no defaults fill in the rest)", (_, schema, patch) => {
    expect(schema.parse(patch)).toEqual(patch);
  });

  it("keeps a disabled chat key disabled and its allowed origins when only the name changes", () => {
    const parsed = webChatKeyPatch.parse({ name: "Renamed" });
    expect(parsed).not.toHaveProperty("enabled");
    expect(parsed).not.toHaveProperty("allowedOrigins");
  });

  it("still validates the fields given", () => {
    expect(emailAddressPatch.safeParse({ language: "english" }).success).toBe(false);
    expect(webChatKeyPatch.safeParse({ allowedOrigins: ["not a url"] }).success).toBe(false);
  });
});
