// @vitest-environment jsdom
import "../test/dom-setup";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { App } from "../App";
import { admin, tenant, user } from "../test/fixtures";
import { renderApp, stubApi } from "../test/render";

describe("language switch", () => {
  it("switches every label to Bahasa Indonesia and remembers the choice for this user", async () => {
    stubApi({
      "GET /api/v1/auth/me": () => ({ status: 200, body: admin }),
      "GET /api/v1/tenant": () => ({ status: 200, body: tenant }),
      "GET /api/v1/users": () => ({ status: 200, body: { items: [user()], nextCursor: null } }),
    });
    const { i18n } = renderApp(<App />, { path: "/admin/users" });
    expect(await screen.findByRole("heading", { name: "Users" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "API keys" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Log out" })).toBeTruthy();

    await userEvent.setup().click(screen.getByRole("radio", { name: "ID" }));

    expect(await screen.findByRole("heading", { name: "Pengguna" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Kunci API" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Log audit" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Keluar" })).toBeTruthy();
    expect(screen.getByRole("columnheader", { name: "Peran" })).toBeTruthy();
    expect(i18n.language).toBe("id");
    expect(document.documentElement.lang).toBe("id");
    expect(window.localStorage.getItem(`sentra.locale.${admin.id}`)).toBe("id");
  });
});
