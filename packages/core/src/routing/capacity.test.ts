import { describe, expect, it } from "vitest";
import { VOICE_OR_CHATS } from "./builders.js";
import { type ChannelLoad, canTake, emptyLoad, occupancyPermille } from "./capacity.js";
import type { CapacityProfile, Channel } from "./types.js";

const load = (held: Partial<ChannelLoad>): ChannelLoad => ({ ...emptyLoad(), ...held });
const MIXED: CapacityProfile = { max: { chat: 2, email: 2 }, maxTotal: 3 };

describe("omnichannel capacity", () => {
  it.each<[string, CapacityProfile, Partial<ChannelLoad>, Channel, boolean]>([
    ["an idle agent takes a voice call", VOICE_OR_CHATS, {}, "voice", true],
    ["a second voice call exceeds the voice cap of 1", VOICE_OR_CHATS, { voice: 1 }, "voice", false],
    ["an agent with one chat takes another chat", VOICE_OR_CHATS, { chat: 1 }, "chat", true],
    ["a fourth chat exceeds the chat cap of 3", VOICE_OR_CHATS, { chat: 3 }, "chat", false],
    ["a voice call blocks new chats (voice is exclusive)", VOICE_OR_CHATS, { voice: 1 }, "chat", false],
    [
      "an open chat blocks a voice call (voice never joins others)",
      VOICE_OR_CHATS,
      { chat: 1 },
      "voice",
      false,
    ],
    ["chats and emails mix when neither is exclusive", VOICE_OR_CHATS, { chat: 2 }, "email", true],
    ["a channel without a cap is never taken", VOICE_OR_CHATS, {}, "callback", false],
    ["the total cap stops a mix of channels", MIXED, { chat: 2, email: 1 }, "email", false],
    ["under the total cap another channel fits", MIXED, { chat: 1, email: 1 }, "email", true],
  ])("%s", (_, profile, held, channel, expected) => {
    expect(canTake(profile, load(held), channel)).toBe(expected);
  });

  it("measures occupancy as the per-mille sum of each channel's share in use", () => {
    expect(occupancyPermille(VOICE_OR_CHATS, load({}))).toBe(0);
    expect(occupancyPermille(VOICE_OR_CHATS, load({ chat: 1 }))).toBe(333);
    expect(occupancyPermille(VOICE_OR_CHATS, load({ chat: 1, email: 1 }))).toBe(533);
    expect(occupancyPermille(VOICE_OR_CHATS, load({ voice: 1 }))).toBe(1000);
  });
});
