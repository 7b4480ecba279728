import { describe, expect, it } from "vitest";
import { requiredChatAgents, requiredDeferredAgents } from "./blended.js";
import { requiredAgents } from "./staffing.js";

describe("chat with concurrency", () => {
  it("staffs 300 chats / 30 min of 9 min each at 3 per agent like voice with a 3-minute AHT", () => {
    const chat = requiredChatAgents(
      { chats: 300, intervalSeconds: 1800, ahtSeconds: 540, concurrency: 3 },
      { serviceLevel: 0.8, targetSeconds: 30, maxOccupancy: 1 },
    );
    const voice = requiredAgents(
      { contacts: 300, intervalSeconds: 1800, ahtSeconds: 180 },
      { serviceLevel: 0.8, targetSeconds: 30 },
    );
    expect(chat.loadErlangs).toBeCloseTo(30, 6);
    expect(chat.agents).toBe(voice.agents);
  });
  it("applies the default 85 % occupancy cap", () => {
    const chat = requiredChatAgents(
      { chats: 300, intervalSeconds: 1800, ahtSeconds: 540, concurrency: 3 },
      { serviceLevel: 0.5, targetSeconds: 60 },
    );
    expect(chat.agents).toBe(Math.ceil(30 / 0.85));
  });
});

describe("email with a response-time target", () => {
  it("spreads each interval's work over its 4-hour window (8 half-hours)", () => {
    // 40 emails of 6 min = 14,400 s of work, spread over 8 intervals = 1,800 s each → 1 agent at 100 %.
    const staffing = requiredDeferredAgents({
      arrivals: [40, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      intervalSeconds: 1800,
      ahtSeconds: 360,
      responseSeconds: 4 * 3600,
      maxOccupancy: 1,
    });
    expect(staffing.agents).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
    expect(staffing.carriedOverSeconds).toBe(0);
  });
  it("carries work past the horizon and applies occupancy and shrinkage", () => {
    const staffing = requiredDeferredAgents({
      arrivals: [80, 80],
      intervalSeconds: 1800,
      ahtSeconds: 360,
      responseSeconds: 4 * 3600,
      maxOccupancy: 0.8,
      shrinkage: 0.5,
    });
    // Interval 0 carries 3,600 s, interval 1 carries 7,200 s; at 80 % of 1,800 s per agent.
    expect(staffing.agents).toEqual([3, 5]);
    expect(staffing.scheduled).toEqual([6, 10]);
    expect(staffing.carriedOverSeconds).toBeCloseTo(2 * 80 * 360 - 3600 - 7200, 6);
  });
});
