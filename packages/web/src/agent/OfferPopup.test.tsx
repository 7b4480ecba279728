// @vitest-environment jsdom
import "../test/dom-setup";
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import type { SocketLike } from "../realtime/realtime-client";
import { admin, tenant } from "../test/fixtures";
import { renderApp, stubApi } from "../test/render";
import { AgentDesktopPage } from "./AgentDesktopPage";
import type { Offer } from "./desk-state";
import { OfferPopup } from "./OfferPopup";

const agent = {
  ...admin,
  role: "agent" as const,
  name: "Budi Santoso",
  id: "33333333-3333-4333-8333-333333333333",
};
const QUEUE = {
  id: "q-1",
  name: "Billing",
  settings: { channels: ["chat"], serviceLevel: { targetPercent: 80, thresholdMs: 20_000 } },
};
const OFFERED_AT = Date.parse("2026-03-01T03:00:00Z");
const offer: Offer = {
  interactionId: "i-1",
  queueId: "q-1",
  expiresAt: OFFERED_AT + 15_000,
  offeredAt: OFFERED_AT,
  customerId: "CUST-42",
  channel: "chat",
  enqueuedAt: OFFERED_AT - 8_000,
};

/** Drives the popup from the test: the clock and the offer, as the desk would. */
let setNow: (now: number) => void = () => {};
let setOffer: (offer: Offer | null) => void = () => {};
function Harness() {
  const [now, changeNow] = useState(OFFERED_AT + 2_500);
  const [shown, changeOffer] = useState<Offer | null>(offer);
  setNow = changeNow;
  setOffer = changeOffer;
  return (
    <OfferPopup
      offer={shown}
      queueName="Billing"
      now={now}
      busy={false}
      error={null}
      onAccept={vi.fn()}
      onReject={vi.fn()}
    />
  );
}

describe("OfferPopup", () => {
  it("counts down to the deadline and shows channel, queue, customer and wait", () => {
    renderApp(<Harness />);
    const dialog = within(screen.getByTestId("offer"));
    expect(screen.getByTestId("offer-countdown").textContent).toBe("Answer within 13 seconds");
    expect(dialog.getByText("Billing")).toBeTruthy();
    expect(dialog.getByText("CUST-42")).toBeTruthy();
    expect(dialog.getByText("0:10")).toBeTruthy();
    expect(screen.getByText("Chat")).toBeTruthy();
    act(() => setNow(OFFERED_AT + 14_200));
    expect(screen.getByTestId("offer-countdown").textContent).toBe("Answer within 1 second");
    act(() => setNow(OFFERED_AT + 20_000));
    expect(screen.getByTestId("offer-countdown").textContent).toBe("Answer within 0 seconds");
    act(() => setOffer(null));
    expect(screen.queryByTestId("offer")).toBeNull();
  });
});

describe("AgentDesktopPage", () => {
  it("pops an offer from the agent topic, accepts it through the API, and opens the conversation", async () => {
    const expiresAt = Date.now() + 20_000;
    const interaction = {
      interactionId: "i-1",
      channel: "chat",
      state: "offered",
      queueId: "q-1",
      enqueuedAt: Date.now() - 5_000,
      relaxationStep: 0,
      agentId: agent.id,
      live: true,
    };
    const calls = stubApi({
      "GET /api/v1/auth/me": () => ({ status: 200, body: agent }),
      "GET /api/v1/tenant": () => ({ status: 200, body: tenant }),
      "GET /api/v1/agents/me/state": () => ({
        status: 200,
        body: {
          agentId: agent.id,
          status: { kind: "available" },
          label: "available",
          load: {},
          idleSince: Date.now(),
        },
      }),
      "GET /api/v1/routing/settings": () => ({
        status: 200,
        body: { notReadyReasons: ["break"], dispositions: ["resolved"] },
      }),
      "GET /api/v1/queues": () => ({ status: 200, body: { items: [QUEUE] } }),
      "GET /api/v1/interactions/i-1": () => ({ status: 200, body: interaction }),
      "POST /api/v1/interactions/i-1/accept": () => ({
        status: 200,
        body: { ...interaction, state: "connected" },
      }),
    });
    let socket: SocketLike | null = null;
    const open = (): SocketLike => {
      socket = { readyState: 1, send: vi.fn(), close: vi.fn(), onopen: null, onclose: null, onmessage: null };
      return socket;
    };
    renderApp(<AgentDesktopPage />, { socket: open });
    expect((await screen.findByTestId("state-badge")).textContent).toContain("Available");
    expect(screen.getByTestId("time-in-state").textContent).toMatch(/^for 0:0\d$/);

    const topic = `agent:${agent.id}`;
    const event = {
      id: "e1",
      tenantId: tenant.id,
      topic,
      type: "routing.offer_made",
      at: new Date().toISOString(),
      data: {
        interactionId: "i-1",
        queueId: "q-1",
        agentId: agent.id,
        expiresAt,
        explanation: { rule: "longest_idle" },
      },
    };
    await act(async () => {
      socket!.onopen?.();
      socket!.onmessage?.({ data: JSON.stringify({ type: "event", topic, event }) });
    });
    expect(socket!.send).toHaveBeenCalledWith(JSON.stringify({ type: "subscribe", topic }));
    const popup = within(await screen.findByTestId("offer"));
    expect(popup.getByText("Billing")).toBeTruthy();
    expect(screen.getByTestId("offer-countdown").textContent).toMatch(/Answer within (19|20) seconds/);

    await userEvent.setup().click(popup.getByRole("button", { name: "Accept" }));
    expect(calls.some((call) => call.key === "POST /api/v1/interactions/i-1/accept")).toBe(true);
    expect(await screen.findByTestId("work-panel")).toBeTruthy();
    expect(screen.getAllByTestId("work-tab")).toHaveLength(1);
    expect(screen.getByRole("button", { name: "End conversation" })).toBeTruthy();
  });
});
