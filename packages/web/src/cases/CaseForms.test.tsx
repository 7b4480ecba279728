// @vitest-environment jsdom
import "../test/dom-setup";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Case } from "../api/cases";
import { admin, tenant } from "../test/fixtures";
import { renderApp, stubApi } from "../test/render";
import { CaseActions } from "./CaseActions";
import { NewCaseForm } from "./NewCaseForm";

const CUSTOMER_ID = "44444444-4444-4444-8444-444444444444";
const INTERACTION_ID = "55555555-5555-4555-8555-555555555555";
const opened: Case = {
  id: "66666666-6666-4666-8666-666666666666",
  customerId: CUSTOMER_ID,
  originInteractionId: INTERACTION_ID,
  type: "complaint",
  category: "card_blocked",
  subject: "Card blocked after travel",
  description: "",
  priority: "high",
  status: "new",
  tier: "agent",
  ownerUserId: null,
  ownerTeamId: null,
  sla: { firstResponseDueAt: null, resolutionDueAt: null, paused: false, overdue: false },
  openedAt: "2026-03-01T03:00:00.000Z",
  resolvedAt: null,
  closedAt: null,
  updatedAt: "2026-03-01T03:00:00.000Z",
};
const base = {
  "GET /api/v1/auth/me": () => ({ status: 200, body: { ...admin, role: "agent" } }),
  "GET /api/v1/tenant": () => ({ status: 200, body: tenant }),
};

describe("NewCaseForm", () => {
  it("requires a subject, checks the category code, and links the case to the conversation", async () => {
    const calls = stubApi({ ...base, "POST /api/v1/cases": () => ({ status: 201, body: opened }) });
    const created = vi.fn();
    renderApp(
      <NewCaseForm
        customerId={CUSTOMER_ID}
        interactionId={INTERACTION_ID}
        onCreated={created}
        onCancel={vi.fn()}
      />,
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Category"), "Card Blocked");
    await user.click(screen.getByRole("button", { name: "Open case" }));
    expect(screen.getByText("This field is required.")).toBeTruthy();
    expect(screen.getByText(/"Card Blocked" is not a code/)).toBeTruthy();
    expect(calls.some((call) => call.key === "POST /api/v1/cases")).toBe(false);

    await user.type(screen.getByLabelText(/Subject/), "Card blocked after travel");
    await user.clear(screen.getByLabelText("Category"));
    await user.type(screen.getByLabelText("Category"), "card_blocked");
    await user.click(screen.getByRole("button", { name: "Open case" }));
    await vi.waitFor(() => expect(created).toHaveBeenCalled());
    expect(calls.find((call) => call.key === "POST /api/v1/cases")?.body).toEqual({
      customerId: CUSTOMER_ID,
      interactionId: INTERACTION_ID,
      type: "complaint",
      category: "card_blocked",
      subject: "Card blocked after travel",
      priority: "normal",
      description: "",
    });
  });
});

describe("CaseActions", () => {
  it("escalates only with a reason, then hides the escalate button on an escalated case", async () => {
    const calls = stubApi({
      ...base,
      [`POST /api/v1/cases/${opened.id}/escalate`]: () => ({
        status: 200,
        body: { ...opened, status: "escalated" },
      }),
    });
    const { unmount } = renderApp(<CaseActions item={opened} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Escalate" }));
    const confirm = screen.getByRole("button", { name: "Escalate case" }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await user.type(screen.getByLabelText("Reason for escalation"), "Customer threatens to go to OJK");
    await user.click(confirm);
    await vi.waitFor(() =>
      expect(calls.find((call) => call.key.endsWith("/escalate"))?.body).toEqual({
        reason: "Customer threatens to go to OJK",
      }),
    );
    unmount();
    renderApp(<CaseActions item={{ ...opened, status: "escalated" }} />);
    expect(await screen.findByRole("button", { name: "Add note" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Escalate" })).toBeNull();
  });
});
