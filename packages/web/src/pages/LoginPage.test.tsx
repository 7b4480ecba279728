// @vitest-environment jsdom
import "../test/dom-setup";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderApp, stubApi } from "../test/render";
import { LoginPage } from "./LoginPage";

// The login page's language switch asks who is logged in; nobody is.
const anonymous = () => ({ status: 401, body: { error: { code: "unauthenticated", message: "Log in." } } });

const wrongPassword = () => ({
  status: 401,
  body: { error: { code: "invalid_credentials", message: "The email or password is not correct." } },
});

describe("LoginPage", () => {
  it("shows the server's refusal in the user's language", async () => {
    stubApi({ "GET /api/v1/auth/me": anonymous, "POST /api/v1/auth/login": wrongPassword });
    renderApp(<LoginPage />, { locale: "id" });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText(/Email/), "admin@acme.test");
    await user.type(screen.getByLabelText(/Kata sandi/), "not-the-password");
    await user.click(screen.getByRole("button", { name: "Masuk" }));

    expect((await screen.findByRole("alert")).textContent).toBe("Email atau kata sandi salah.");
  });

  it("shows a locked account as locked, not as a wrong password", async () => {
    stubApi({
      "GET /api/v1/auth/me": anonymous,
      "POST /api/v1/auth/login": () => ({
        status: 429,
        body: { error: { code: "account_locked", message: "Too many failed attempts" } },
      }),
    });
    renderApp(<LoginPage />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Email/), "agent@acme.test");
    await user.type(screen.getByLabelText(/Password/), "whatever-it-is");
    await user.click(screen.getByRole("button", { name: "Log in" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/account is locked/);
  });

  it("asks for both fields before calling the server", async () => {
    const calls = stubApi({ "GET /api/v1/auth/me": anonymous, "POST /api/v1/auth/login": wrongPassword });
    renderApp(<LoginPage />);
    await userEvent.setup().click(screen.getByRole("button", { name: "Log in" }));
    await waitFor(() => expect(screen.getAllByText("This field is required.")).toHaveLength(2));
    expect(calls.filter((c) => c.key === "POST /api/v1/auth/login")).toEqual([]);
  });
});
