// @vitest-environment jsdom
import "../../test/dom-setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { SpecialDay } from "../../api/wfm";
import { renderApp, stubApi } from "../../test/render";
import { SpecialDays } from "./SpecialDays";

describe("SpecialDays", () => {
  it("lists days in date order, adds a day with its factor and removes a day, in Indonesian", async () => {
    let days: SpecialDay[] = [
      { id: "d2", date: "2026-12-25", kind: "holiday", name: "Natal", factor: 0.4 },
      { id: "d1", date: "2026-11-25", kind: "campaign", name: "Promo 11.11", factor: 1.3 },
    ];
    const calls = stubApi({
      "GET /api/v1/wfm/special-days": () => ({ status: 200, body: { items: days } }),
      "GET /api/v1/wfm/holidays/suggested": () => ({
        status: 200,
        body: {
          items: [{ date: "2026-12-25", name: "Hari Raya Natal", type: "national", provisional: false }],
        },
      }),
      "POST /api/v1/wfm/special-days": (init) => {
        const body = JSON.parse(String(init?.body)) as Omit<SpecialDay, "id">;
        days = [...days, { id: "d3", ...body }];
        return { status: 201, body: days.at(-1) };
      },
      "DELETE /api/v1/wfm/special-days/d1": () => {
        days = days.filter((day) => day.id !== "d1");
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderApp(<SpecialDays canPlan />, { locale: "id" });

    const table = await screen.findByTestId("special-days");
    const names = () =>
      within(table)
        .getAllByRole("row")
        .slice(1)
        .map((row) => row.textContent);
    expect(names()[0]).toContain("Promo 11.11");
    expect(names()[1]).toContain("Natal");
    expect(within(table).getByText("Kampanye")).toBeTruthy();

    await user.type(screen.getByLabelText("Tanggal"), "2026-11-27");
    await user.type(screen.getByLabelText("Nama"), "Cuti bersama Natal");
    const factor = screen.getByLabelText("Faktor volume");
    await user.clear(factor);
    await user.type(factor, "1.5");
    await user.click(screen.getByRole("button", { name: "Tambah hari" }));
    await waitFor(() =>
      expect(calls.find((c) => c.key === "POST /api/v1/wfm/special-days")?.body).toEqual({
        date: "2026-11-27",
        kind: "holiday",
        name: "Cuti bersama Natal",
        factor: 1.5,
      }),
    );
    await within(table).findByText("Cuti bersama Natal");

    await user.click(screen.getByRole("button", { name: "Hapus Promo 11.11" }));
    await waitFor(() => expect(within(table).queryByText("Promo 11.11")).toBeNull());
  });
});
