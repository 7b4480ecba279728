// @vitest-environment jsdom
import "../test/dom-setup";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Customer } from "../api/customers";
import type { VerificationStatus } from "../api/verification";
import { admin, tenant } from "../test/fixtures";
import { renderApp, stubApi } from "../test/render";
import { CustomerPanel } from "./CustomerPanel";

const CUSTOMER_ID = "44444444-4444-4444-8444-444444444444";
const INTERACTION_ID = "55555555-5555-4555-8555-555555555555";
const agent = { ...admin, role: "agent" as const };

const full: Customer = {
  id: CUSTOMER_ID,
  fullName: "Siti Rahayu",
  preferredName: null,
  phones: ["+6281234565678"],
  emails: ["siti.rahayu@example.id"],
  customerNumber: "CUST-1042",
  accountNumbers: ["1234567890"],
  address: "Jl. Merdeka 10, Bandung",
  birthDate: "1990-05-17",
  mothersMaidenName: "Wulandari",
  language: "id",
  segment: null,
  customFields: {},
  doNotContact: false,
  mergedInto: null,
  erased: false,
  createdAt: "2026-03-01T02:00:00.000Z",
  updatedAt: "2026-03-01T02:00:00.000Z",
  masked: false,
};
const masked: Customer = {
  ...full,
  phones: ["••••5678"],
  emails: ["s••••@••••.id"],
  accountNumbers: ["••••7890"],
  address: "••••",
  birthDate: "••••",
  mothersMaidenName: "••••",
  masked: true,
};
const status = (over: Partial<VerificationStatus>): VerificationStatus => ({
  interactionId: INTERACTION_ID,
  customerId: CUSTOMER_ID,
  level: "none",
  matched: [],
  failed: [],
  failedAttempts: 0,
  attemptsLeft: 3,
  locked: false,
  ...over,
});

function stubCustomerApi(answer: () => VerificationStatus) {
  let verified = false;
  const calls = stubApi({
    "GET /api/v1/auth/me": () => ({ status: 200, body: agent }),
    "GET /api/v1/tenant": () => ({ status: 200, body: tenant }),
    [`GET /api/v1/customers/${CUSTOMER_ID}`]: () => ({ status: 200, body: verified ? full : masked }),
    "GET /api/v1/privacy/verification-policy": () => ({
      status: 200,
      body: {
        policy: {
          mode: "any",
          facts: ["birth_date", "mothers_maiden_name"],
          required: 2,
          maxFailedAttempts: 3,
        },
        maskedFields: ["birth_date", "phones"],
      },
    }),
    "GET /api/v1/customers/verification": () => ({ status: 200, body: { items: [] } }),
    [`POST /api/v1/customers/${CUSTOMER_ID}/verification`]: () => {
      const reply = answer();
      verified = reply.level === "verified";
      return { status: 200, body: reply };
    },
    "GET /api/v1/cases": () => ({ status: 200, body: { items: [], nextCursor: null } }),
  });
  return calls;
}

describe("CustomerPanel", () => {
  it("shows masks as masks, sends the typed answers, and unmasks once the identity is verified", async () => {
    const calls = stubCustomerApi(() =>
      status({ level: "verified", matched: ["birth_date", "mothers_maiden_name"] }),
    );
    renderApp(<CustomerPanel customerId={CUSTOMER_ID} interactionId={INTERACTION_ID} />);

    expect(await screen.findByTestId("masked-birthDate")).toBeTruthy();
    expect(screen.getByTestId("masked-phones").textContent).toBe("••••5678");
    expect(screen.getByTestId("masked-badge").textContent).toBe("Masked until verified");
    expect(screen.queryByText("1990-05-17")).toBeNull();
    expect(screen.getByTestId("verify-level").textContent).toBe("Not verified");

    const form = within(screen.getByTestId("verify-form"));
    const birth = (await form.findByLabelText("Date of birth")) as HTMLInputElement;
    const maiden = form.getByLabelText("Mother's maiden name") as HTMLInputElement;
    // The form never pre-fills what the record holds: the customer has to say it.
    expect(birth.value).toBe("");
    expect(maiden.value).toBe("");
    const user = userEvent.setup();
    await user.type(birth, "17/05/1990");
    await user.type(maiden, "Wulandari");
    await user.click(form.getByRole("button", { name: "Check answers" }));

    expect(await screen.findByTestId("unmasked-badge")).toBeTruthy();
    expect(screen.getByTestId("field-birthDate").textContent).toBe("1990-05-17");
    expect(screen.getByTestId("verify-level").textContent).toBe("Verified");
    const sent = calls.find((call) => call.key === `POST /api/v1/customers/${CUSTOMER_ID}/verification`);
    expect(sent?.body).toEqual({
      interactionId: INTERACTION_ID,
      answers: { birth_date: "17/05/1990", mothers_maiden_name: "Wulandari" },
    });
    expect(screen.queryByLabelText("Date of birth")).toBeNull();
  });

  it("names the facts that did not match, clears the answers, counts attempts and locks at the limit", async () => {
    let attempt = 0;
    stubCustomerApi(() => {
      attempt += 1;
      return attempt === 1
        ? status({
            level: "partial",
            matched: ["mothers_maiden_name"],
            failed: ["birth_date"],
            failedAttempts: 1,
            attemptsLeft: 2,
          })
        : status({ failed: ["birth_date"], failedAttempts: 3, attemptsLeft: 0, locked: true });
    });
    renderApp(<CustomerPanel customerId={CUSTOMER_ID} interactionId={INTERACTION_ID} />);
    const form = within(await screen.findByTestId("verify-form"));
    const user = userEvent.setup();
    const birth = (await form.findByLabelText("Date of birth")) as HTMLInputElement;
    await user.type(birth, "1991-01-01");
    await user.type(form.getByLabelText("Mother's maiden name"), "Wulandari");
    await user.click(form.getByRole("button", { name: "Check answers" }));

    expect((await screen.findByTestId("verify-failed")).textContent).toBe(
      "Not matching: Date of birth. 2 attempts left.",
    );
    expect(screen.getByTestId("verify-level").textContent).toBe("Partly verified");
    expect(birth.value).toBe("");
    expect(screen.getByTestId("masked-birthDate")).toBeTruthy();

    await user.type(birth, "1992-02-02");
    await user.click(form.getByRole("button", { name: "Check answers" }));
    expect(await screen.findByText(/identity checks are locked/)).toBeTruthy();
    expect(birth.disabled).toBe(true);
    expect((form.getByRole("button", { name: "Check answers" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("says so when the interaction's customer is not in the directory", async () => {
    stubApi({
      "GET /api/v1/auth/me": () => ({ status: 200, body: agent }),
      "GET /api/v1/tenant": () => ({ status: 200, body: tenant }),
      "GET /api/v1/customers/CUST-9": () => ({
        status: 404,
        body: { error: { code: "not_found", message: "No such customer." } },
      }),
    });
    renderApp(<CustomerPanel customerId="CUST-9" interactionId={INTERACTION_ID} />);
    expect((await screen.findByTestId("customer-unknown")).textContent).toBe(
      "Customer CUST-9 is not in the customer directory.",
    );
  });
});
