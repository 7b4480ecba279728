import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cannedResponseBody,
  matchCannedResponses,
  renderCannedResponse,
  unknownPlaceholders,
} from "./canned-responses.js";

const values = { "customer.name": "Siti", "agent.name": "Rani", "conversation.id": "c-1" };

describe("canned response placeholders", () => {
  it.each([
    ["Halo {{customer.name}}, saya {{agent.name}}.", "Halo Siti, saya Rani."],
    ["Ref {{ conversation.id }}", "Ref c-1"],
    ["{{customer.name}} {{customer.name}}", "Siti Siti"],
    ["No placeholders at all", "No placeholders at all"],
    ["Single braces {customer.name} stay", "Single braces {customer.name} stay"],
  ])("renders %j as %j", (body, expected) => {
    expect(renderCannedResponse(body, values)).toBe(expected);
  });

  it("renders a placeholder the desk has no value for as nothing rather than raw braces", () => {
    expect(renderCannedResponse("Hi {{customer.name}}!", {})).toBe("Hi !");
  });

  it("leaves text without double braces unchanged", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes("{{")),
        (text) => renderCannedResponse(text, values) === text,
      ),
    );
  });

  it("never leaves a known placeholder in the rendered text", () => {
    const piece = fc.oneof(
      fc.constantFrom("{{customer.name}}", "{{agent.name}}", "{{ conversation.id }}"),
      fc.string().filter((s) => !s.includes("{") && !s.includes("}")),
    );
    fc.assert(
      fc.property(fc.array(piece), (pieces) => {
        const rendered = renderCannedResponse(pieces.join(""), values);
        return !/\{\{\s*(customer\.name|agent\.name|conversation\.id)\s*\}\}/.test(rendered);
      }),
    );
  });

  it("lists unknown placeholders once each, in order", () => {
    expect(unknownPlaceholders("{{custmer.name}} {{agent.name}} {{order}} {{custmer.name}}")).toEqual([
      "custmer.name",
      "order",
    ]);
  });
});

describe("canned response schema", () => {
  const valid = { language: "id", shortcut: "Refund", title: "Refund", body: "Halo {{customer.name}}" };

  it("accepts a response with known placeholders and lower-cases the shortcut", () => {
    expect(cannedResponseBody.parse(valid).shortcut).toBe("refund");
  });

  it("rejects an unknown placeholder naming it and the ones allowed", () => {
    const result = cannedResponseBody.safeParse({ ...valid, body: "Hi {{customer.nmae}} and {{x}}" });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual(["body"]);
    expect(issue.message).toBe(
      "Unknown placeholders {{customer.nmae}}, {{x}}; use {{customer.name}}, {{agent.name}}, {{conversation.id}}.",
    );
  });

  it.each([
    [{ language: "fr" }, "language"],
    [{ shortcut: "/refund" }, "shortcut"],
    [{ shortcut: "" }, "shortcut"],
    [{ title: " " }, "title"],
    [{ body: "" }, "body"],
  ])("rejects %j at %s", (patch, field) => {
    const result = cannedResponseBody.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual([field]);
  });
});

describe("picking a canned response by what follows /", () => {
  const responses = [
    { shortcut: "refund", title: "Refund status" },
    { shortcut: "hello", title: "Greeting" },
    { shortcut: "card", title: "Blocked card refund" },
  ];
  it("lists shortcut matches before title matches", () => {
    expect(matchCannedResponses(responses, "ref").map((r) => r.shortcut)).toEqual(["refund", "card"]);
  });
  it("lists every response for an empty query", () => {
    expect(matchCannedResponses(responses, "")).toHaveLength(3);
  });
});
