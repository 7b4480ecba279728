// @vitest-environment jsdom
import "../../test/dom-setup";
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { SocketLike } from "../../realtime/realtime-client";
import { admin, tenant, user } from "../../test/fixtures";
import { renderApp, stubApi } from "../../test/render";
import { UsersPage } from "./UsersPage";
import { UsersTable } from "./UsersTable";

const format = {
  dateTime: (iso: string) => `at ${iso}`,
  dateTimeShort: (iso: string) => `at ${iso}`,
  number: String,
  currency: String,
  timeZone: "Asia/Jakarta",
};

describe("UsersTable", () => {
  it("shows each user's name, email, translated role, language and status", () => {
    const users = [
      user(),
      user({
        id: "44444444-4444-4444-8444-444444444444",
        email: "sari@acme.test",
        displayName: "Sari Wulandari",
        role: "supervisor",
        locale: "en",
        lockedUntil: "2026-03-01T03:00:00.000Z",
      }),
      user({ id: "55555555-5555-4555-8555-555555555555", displayName: "Dewi", disabled: true }),
    ];
    renderApp(
      <UsersTable users={users} format={format} onEdit={() => {}} now={Date.parse("2026-03-01T02:50:00Z")} />,
      { locale: "id" },
    );
    const rows = screen.getAllByTestId("user-row");
    expect(rows).toHaveLength(3);
    const [budi, sari, dewi] = rows.map((row) => within(row));
    expect(budi!.getByText("Budi Santoso")).toBeTruthy();
    expect(budi!.getByText("budi@acme.test")).toBeTruthy();
    expect(budi!.getByText("Agen")).toBeTruthy();
    expect(budi!.getByText("Aktif")).toBeTruthy();
    expect(sari!.getByText("Supervisor")).toBeTruthy();
    expect(sari!.getByText("English")).toBeTruthy();
    expect(sari!.getByText("Terkunci hingga at 2026-03-01T03:00:00.000Z")).toBeTruthy();
    expect(dewi!.getByText("Nonaktif")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Ubah Budi Santoso" })).toBeTruthy();
  });

  it("says so when there is nobody", () => {
    renderApp(<UsersTable users={[]} format={format} onEdit={() => {}} />);
    expect(screen.getByText("No users yet.")).toBeTruthy();
  });
});

describe("UsersPage", () => {
  it("loads the first page, validates the create form in the user's language, and refreshes on realtime events", async () => {
    let listed = [user()];
    stubApi({
      "GET /api/v1/auth/me": () => ({ status: 200, body: admin }),
      "GET /api/v1/tenant": () => ({ status: 200, body: tenant }),
      "GET /api/v1/users": () => ({ status: 200, body: { items: listed, nextCursor: null } }),
    });
    let socket: SocketLike | null = null;
    const open = vi.fn((): SocketLike => {
      socket = { readyState: 1, send: vi.fn(), close: vi.fn(), onopen: null, onclose: null, onmessage: null };
      return socket;
    });
    renderApp(<UsersPage />, { locale: "id", socket: open });
    expect(await screen.findByText("Budi Santoso")).toBeTruthy();

    const ui = userEvent.setup();
    await ui.click(screen.getByRole("button", { name: "Pengguna baru" }));
    await ui.type(screen.getByLabelText(/Email/), "bukan-email");
    await ui.type(screen.getByLabelText(/Kata sandi/), "pendek");
    await ui.click(screen.getByRole("button", { name: "Buat pengguna" }));
    expect(await screen.findByText("Masukkan alamat email yang valid.")).toBeTruthy();
    expect(screen.getByText("Kolom ini wajib diisi.")).toBeTruthy();
    expect(screen.getByText("Gunakan minimal 12 karakter.")).toBeTruthy();

    listed = [user(), user({ id: "66666666-6666-4666-8666-666666666666", displayName: "Rina Baru" })];
    const event = { id: "e1", tenantId: tenant.id, topic: "tenant", type: "user.created", at: "", data: {} };
    await act(async () => {
      socket!.onopen?.();
      socket!.onmessage?.({ data: JSON.stringify({ type: "event", topic: "tenant", event }) });
    });
    expect(await screen.findByText("Rina Baru")).toBeTruthy();
    expect(socket!.send).toHaveBeenCalledWith(JSON.stringify({ type: "subscribe", topic: "tenant" }));
  });
});
