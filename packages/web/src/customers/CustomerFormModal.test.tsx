// @vitest-environment jsdom
import "../test/dom-setup";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Customer } from "../api/customers";
import { admin, tenant } from "../test/fixtures";
import { renderApp, stubApi } from "../test/render";
import { CustomerFormModal } from "./CustomerFormModal";

const masked: Customer = {
  id: "44444444-4444-4444-8444-444444444444",
  fullName: "Siti Rahayu",
  preferredName: null,
  phones: ["••••5678"],
  emails: ["s••••@••••.id"],
  customerNumber: "CUST-1042",
  accountNumbers: ["••••7890"],
  address: "••••",
  birthDate: "••••",
  mothersMaidenName: "••••",
  language: "id",
  segment: null,
  customFields: {},
  doNotContact: false,
  mergedInto: null,
  erased: false,
  createdAt: "2026-03-01T02:00:00.000Z",
  updatedAt: "2026-03-01T02:00:00.000Z",
  masked: true,
};

describe("CustomerFormModal", () => {
  it("never pre-fills masks and sends only the fields the agent changed", async () => {
    const calls = stubApi({
      "GET /api/v1/auth/me": () => ({ status: 200, body: { ...admin, role: "agent" } }),
      "GET /api/v1/tenant": () => ({ status: 200, body: tenant }),
      [`PATCH /api/v1/customers/${masked.id}`]: () => ({ status: 200, body: masked }),
    });
    const closed = vi.fn();
    renderApp(<CustomerFormModal customer={masked} onClose={closed} />);
    const phones = (await screen.findByLabelText("Phones")) as HTMLInputElement;
    expect(phones.value).toBe("");
    expect((screen.getByLabelText("Date of birth") as HTMLInputElement).value).toBe("");
    expect((screen.getByLabelText("Customer number") as HTMLInputElement).value).toBe("CUST-1042");
    expect(document.body.textContent).not.toContain("••••");

    const user = userEvent.setup();
    await user.type(phones, "0812 1111 2222, 0813 3333 4444");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await vi.waitFor(() => expect(closed).toHaveBeenCalled());
    expect(calls.find((call) => call.key.startsWith("PATCH"))?.body).toEqual({
      phones: ["0812 1111 2222", "0813 3333 4444"],
    });
  });

  it("asks for a name before creating", async () => {
    const calls = stubApi({
      "GET /api/v1/auth/me": () => ({ status: 200, body: { ...admin, role: "agent" } }),
      "GET /api/v1/tenant": () => ({ status: 200, body: tenant }),
    });
    renderApp(<CustomerFormModal customer={null} onClose={vi.fn()} />);
    await userEvent.setup().click(await screen.findByRole("button", { name: "Create customer" }));
    expect(screen.getByText("This field is required.")).toBeTruthy();
    expect(calls.some((call) => call.key === "POST /api/v1/customers")).toBe(false);
  });
});
