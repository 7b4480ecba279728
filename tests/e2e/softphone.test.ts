import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  countIn,
  describeWithBrowser,
  type E2eServer,
  launchChromium,
  SOFTPHONE_CHROMIUM_FLAGS,
  startE2eServer,
} from "./browser.js";

const AGENT_EMAIL = "wulan@acme.test";
const AGENT_PASSWORD = "a-long-enough-password";

/** Every `a=candidate` line of an SDP as [address, type]. */
function candidates(sdp: string): [string, string][] {
  return sdp
    .split(/\r?\n/)
    .filter((line) => line.startsWith("a=candidate:"))
    .map((line) => {
      const parts = line.split(" ");
      return [parts[4] ?? "", parts[parts.indexOf("typ") + 1] ?? ""];
    });
}

describeWithBrowser("browser softphone: a WebRTC test call from the agent desktop to the server", () => {
  let e2e: E2eServer;
  let browser: Browser;
  let page: Page;
  /** The softphone's signalling as it crossed the WebSocket, both directions. */
  const signals: { type: string; sdp?: string }[] = [];

  beforeAll(async () => {
    e2e = await startE2eServer("softphone");
    await e2e.api("POST", "/users", {
      email: AGENT_EMAIL,
      displayName: "Wulan",
      role: "agent",
      locale: "en",
      password: AGENT_PASSWORD,
    });
    browser = await launchChromium(SOFTPHONE_CHROMIUM_FLAGS);
    page = await (await browser.newContext({ locale: "en-US" })).newPage();
    page.on("websocket", (socket) => {
      const record = (payload: string | Buffer) => {
        const message = JSON.parse(payload.toString()) as { type: string; sdp?: string };
        if (message.type.startsWith("webrtc.")) signals.push(message);
      };
      socket.on("framesent", (frame) => record(frame.payload));
      socket.on("framereceived", (frame) => record(frame.payload));
    });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await e2e?.dispose();
  });

  const openEndpoints = async () => {
    const metrics = await (await fetch(`${e2e.server.url}/metrics`)).text();
    return countIn(metrics, /^sentra_softphone_endpoints (\d+)$/m);
  };

  it("echoes the fake microphone back, counts RTP on both sides, stays on this machine and hangs up cleanly", async () => {
    await page.goto(`${e2e.server.url}/login`);
    await page.getByLabel("Email").fill(AGENT_EMAIL);
    await page.getByLabel("Password").fill(AGENT_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Agent desktop" }).waitFor();
    const status = page.getByTestId("softphone-status");
    await status.getByText("Softphone: idle").waitFor();

    await page.getByRole("button", { name: "Test call" }).click();
    await status.getByText("Softphone: connected").waitFor({ timeout: 15_000 });
    expect(await openEndpoints()).toBe(1);

    // 50 packets a second each way: more than 100 received in the browser within ~3 s.
    const browserPackets = page.getByTestId("softphone-browser-packets");
    await expect
      .poll(async () => countIn(await browserPackets.textContent(), /(\d+) received/), { timeout: 10_000 })
      .toBeGreaterThan(100);
    expect(countIn(await browserPackets.textContent(), /(\d+) sent/)).toBeGreaterThan(100);

    await page.getByRole("button", { name: "Hang up" }).click();
    await status.getByText("Softphone: idle").waitFor();
    const serverPackets = await page.getByTestId("softphone-server-packets").textContent();
    expect(countIn(serverPackets, /(\d+) received/)).toBeGreaterThan(100);
    expect(countIn(serverPackets, /(\d+) sent/)).toBeGreaterThan(100);
    await expect.poll(openEndpoints, { timeout: 5000 }).toBe(0);

    // The server offered one host candidate on loopback; the browser, with no ICE servers, only host
    // candidates of this machine (no server-reflexive or relay address, no mDNS name).
    const offer = signals.find((signal) => signal.type === "webrtc.offer");
    const answer = signals.find((signal) => signal.type === "webrtc.answer");
    expect(candidates(answer?.sdp ?? "")).toEqual([["127.0.0.1", "host"]]);
    const offered = candidates(offer?.sdp ?? "");
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every(([, type]) => type === "host")).toBe(true);
    expect(offered.some(([address]) => address.endsWith(".local"))).toBe(false);
    expect(answer?.sdp).toMatch(/^m=audio \d+ UDP\/TLS\/RTP\/SAVPF 0\r?$/m);
  }, 60_000);
});
