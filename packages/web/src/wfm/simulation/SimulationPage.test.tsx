// @vitest-environment jsdom
import "../../test/dom-setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { SimulatedFigures, SimulationResult } from "../../api/wfm";
import { renderApp, stubApi } from "../../test/render";
import { SimulationPage } from "./SimulationPage";

vi.mock("../charts/WfmChart", () => ({
  WfmChart: ({ testId }: { testId: string }) => <div data-testid={testId} />,
}));

const est = (mean: number, low: number, high: number) => ({
  mean,
  low,
  high,
  halfWidth: (high - low) / 2,
  samples: 20,
});
const figures = (sl: number): SimulatedFigures => ({
  offered: est(40, 38, 42),
  handled: est(38, 36, 40),
  abandoned: est(2, 1, 3),
  timedOut: est(0, 0, 0),
  serviceLevel: est(sl, sl - 0.02, sl + 0.02),
  asaSeconds: est(9.3, 8.5, 10.1),
  abandonRate: est(0.05, 0.04, 0.06),
  occupancy: est(0.8, 0.78, 0.82),
});
const result = (sl: number): SimulationResult => ({
  replications: 20,
  intervals: [0, 1].map((index) => ({ index, startMinute: index * 30, ...figures(sl) })),
  day: { ...figures(sl), waitingAtEnd: est(0, 0, 0) },
  events: 1000,
  definitions: {},
});

describe("SimulationPage", () => {
  it("runs base and +5 agents on the same day and sets their figures side by side", async () => {
    const calls = stubApi({
      "GET /api/v1/wfm/forecasts": () => ({ status: 200, body: { items: [] } }),
      "POST /api/v1/wfm/simulations/compare": () => ({
        status: 200,
        body: { base: result(0.734), variant: result(0.964), difference: figures(0.23) },
      }),
    });
    const user = userEvent.setup();
    renderApp(<SimulationPage />);
    const arrivals = screen.getByLabelText("Arrivals per interval");
    await user.clear(arrivals);
    await user.type(arrivals, "40 55");
    const agents = screen.getByLabelText("Agents");
    await user.clear(agents);
    await user.type(agents, "6 8");
    await user.click(screen.getByRole("button", { name: "Run and compare" }));

    const totals = await screen.findByTestId("simulation-totals");
    const sent = calls.find((c) => c.key === "POST /api/v1/wfm/simulations/compare")?.body as {
      base: { agents: { count: number }[]; queues: { arrivals: { perInterval: number[] } }[] };
      variant: { agents: { count: number }[] };
    };
    expect(sent.base.queues[0]?.arrivals.perInterval).toEqual([40, 55]);
    expect(sent.base.agents.reduce((sum, g) => sum + g.count, 0)).toBe(8);
    expect(sent.variant.agents.reduce((sum, g) => sum + g.count, 0)).toBe(13);
    const service = within(totals).getByText("Service level").closest("tr")!;
    expect(service.textContent).toContain("73.4% (71.4–75.4)");
    expect(service.textContent).toContain("96.4% (94.4–98.4)");
    expect(within(totals).getByText("+5 agents")).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId("simulation-occupancy")).toBeTruthy());
  });

  it("explains input it cannot run and sends nothing", async () => {
    const calls = stubApi({ "GET /api/v1/wfm/forecasts": () => ({ status: 200, body: { items: [] } }) });
    const user = userEvent.setup();
    renderApp(<SimulationPage />, { locale: "id" });
    const agents = screen.getByLabelText("Agen");
    await user.clear(agents);
    await user.type(agents, "1 2 3");
    expect(screen.getByText("Isi satu angka agen, atau tepat satu per interval.")).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Jalankan dan bandingkan" }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(calls.filter((c) => c.key.startsWith("POST"))).toEqual([]);
  });
});
