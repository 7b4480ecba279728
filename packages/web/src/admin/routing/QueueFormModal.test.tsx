// @vitest-environment jsdom
import "../../test/dom-setup";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Queue, Skill } from "../../api/routing-types";
import { renderApp, stubApi } from "../../test/render";
import { QueueFormModal } from "./QueueFormModal";
import { emptyQueueForm, queueToForm, toQueueBody } from "./queue-form";

const SKILL: Skill = { id: "7b0c6f0e-2f7a-4c1e-9a55-0f6c1b7d2a11", name: "Kartu kredit" };
const OTHER_QUEUE = "5d3f1c2a-8e4b-4a6f-b1c2-3d4e5f6a7b8c";

describe("queue form ↔ API body", () => {
  it.each([
    ["threshold", { slThresholdSeconds: 30 }, (s: Queue["settings"]) => s.serviceLevel.thresholdMs, 30_000],
    ["offer timeout", { offerTimeoutSeconds: 45 }, (s: Queue["settings"]) => s.offerTimeoutMs, 45_000],
    ["wrap-up", { wrapUpLimitSeconds: "90" }, (s: Queue["settings"]) => s.wrapUpLimitMs, 90_000],
    ["empty max wait", { maxWaitSeconds: "" }, (s: Queue["settings"]) => s.maxWaitMs, undefined],
    ["max wait", { maxWaitSeconds: 300 }, (s: Queue["settings"]) => s.maxWaitMs, 300_000],
  ] as const)("converts the %s from seconds to milliseconds", (_, change, read, expected) => {
    expect(read(toQueueBody({ ...emptyQueueForm(), ...change }).settings)).toBe(expected);
  });

  it("round-trips a full queue through the form unchanged", () => {
    const queue: Queue = {
      id: "q",
      name: "Billing",
      settings: {
        channels: ["voice", "chat"],
        skills: [{ skill: SKILL.id, minLevel: 5 }],
        priority: 10,
        teamIds: [],
        policy: "most_skilled",
        serviceLevel: { targetPercent: 90, thresholdMs: 15_000 },
        maxWaitMs: 600_000,
        overflow: { type: "queue", queueId: OTHER_QUEUE },
        closedAction: { type: "close", message: "Kami buka 08.00–20.00 WIB." },
        relaxation: [
          { afterMs: 30_000, maxRequiredLevel: 3 },
          { afterMs: 90_000, anyAgent: true },
        ],
        calendar: {
          timeZone: "Asia/Makassar",
          weekly: {
            "1": [
              ["08:00", "12:00"],
              ["13:00", "17:00"],
            ],
            "6": [["09:00", "13:00"]],
          },
          holidays: ["2026-08-17"],
        },
        offerTimeoutMs: 20_000,
        wrapUpLimitMs: 60_000,
        rejectCooldownMs: 5_000,
      },
    };
    expect(toQueueBody(queueToForm(queue))).toEqual({ name: queue.name, settings: queue.settings });
  });
});

describe("QueueFormModal", () => {
  it("sends durations in milliseconds when creating a queue", async () => {
    const calls = stubApi({ "POST /api/v1/queues": () => ({ status: 201, body: {} }) });
    const onClose = vi.fn();
    renderApp(<QueueFormModal queue={null} queues={[]} skills={[SKILL]} teams={[]} onClose={onClose} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: /Name/ }), "Kartu kredit");
    await user.click(screen.getByRole("tab", { name: /Service level & timers/ }));
    const threshold = screen.getByRole("textbox", { name: "Threshold" });
    await user.clear(threshold);
    await user.type(threshold, "30");
    const offer = screen.getByRole("textbox", { name: "Offer timeout" });
    await user.clear(offer);
    await user.type(offer, "45");
    fireEvent.submit(screen.getByRole("form", { name: "Queue settings" }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const body = calls.find((call) => call.key === "POST /api/v1/queues")?.body as {
      name: string;
      settings: Queue["settings"];
    };
    expect(body.name).toBe("Kartu kredit");
    expect(body.settings.serviceLevel).toEqual({ targetPercent: 80, thresholdMs: 30_000 });
    expect(body.settings.offerTimeoutMs).toBe(45_000);
    expect(body.settings.wrapUpLimitMs).toBe(60_000);
  }, 20_000);

  it("explains a missing channel in Indonesian on its tab and sends nothing", async () => {
    const calls = stubApi({});
    renderApp(<QueueFormModal queue={null} queues={[]} skills={[SKILL]} teams={[]} onClose={() => {}} />, {
      locale: "id",
    });
    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: /Nama/ }), "Tagihan");
    // Backspace in the channel picker removes the preselected voice channel.
    await user.click(screen.getByRole("textbox", { name: /Kanal/ }));
    await user.keyboard("{Backspace}");
    await user.click(screen.getByRole("tab", { name: /Tingkat layanan & waktu/ }));
    fireEvent.submit(screen.getByRole("form", { name: "Pengaturan antrean" }));
    // The form goes back to the tab holding the error and says what to do, in the user's language.
    expect(await screen.findByText("Pilih minimal 1.")).toBeTruthy();
    expect(screen.getByRole("tab", { name: /Umum/ }).getAttribute("aria-selected")).toBe("true");
    expect(calls).toEqual([]);
  }, 20_000);
});
