import { describe, expect, it } from "vitest";
import { ManualClock } from "../../time/clock.js";
import type { IvrFlow } from "./flow-schema.js";
import { validateFlow } from "./flow-validation.js";
import { startIvr, stepIvr } from "./ivr-interpreter.js";
import type { IvrCallContext, IvrCommand, IvrEvent, IvrState } from "./ivr-types.js";

const BILLING = "7d0c2b9e-2f7a-4c1e-9a51-0b8f5e2f7a10";
const SKILL = "0e3c5a41-7b55-4f0e-8f3e-6b1f1e2f8c22";
// Monday 2026-11-23 10:00 in Jakarta (UTC+7) is 03:00 UTC.
const MONDAY_10_WIB = Date.UTC(2026, 10, 23, 3, 0);

function flowOf(input: unknown): IvrFlow {
  const result = validateFlow(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.flow;
}

const base = (nodes: Record<string, unknown>, entry = "main") => flowOf({ entry, language: "id", nodes });

const BYE = { type: "hangup", prompts: ["goodbye"] };
const TRANSFER = {
  type: "transfer",
  queueId: BILLING,
  skills: [{ skill: SKILL, minLevel: 3 }],
  priority: 5,
};

/** Drives a flow the way the call engine would, keeping the last state and every command issued. */
class Call {
  state: IvrState;
  readonly log: IvrCommand[][] = [];
  readonly clock: ManualClock;

  constructor(
    flow: IvrFlow,
    context: IvrCallContext = { dialedNumber: "1000", callerNumber: "+6281234567890" },
    now = MONDAY_10_WIB,
  ) {
    this.clock = new ManualClock(now);
    const step = startIvr(flow, context, this.clock);
    this.state = step.state;
    this.log.push([...step.commands]);
  }

  send(event: IvrEvent): IvrCommand[] {
    const step = stepIvr(this.state, event, this.clock);
    this.state = step.state;
    this.log.push([...step.commands]);
    return [...step.commands];
  }

  finishPrompt(): IvrCommand[] {
    return this.send({ type: "promptFinished", playId: this.state.playId });
  }

  keys(digits: string): IvrCommand[] {
    return [...digits].flatMap((digit) => this.send({ type: "dtmf", digit: digit as "1" }));
  }

  get last(): IvrCommand[] {
    return this.log.at(-1) ?? [];
  }
}

const played = (commands: readonly IvrCommand[]) =>
  commands.flatMap((c) =>
    c.type === "play" ? c.items.map((i) => (i.kind === "prompt" ? i.id : `#${i.digits}`)) : [],
  );

const menu = (extra: Record<string, unknown> = {}) => ({
  type: "menu",
  prompts: ["main-menu"],
  choices: { "1": "billing", "0": "bye" },
  invalidPrompts: ["invalid"],
  timeoutPrompts: ["no-input"],
  maxRetries: 2,
  fallback: "bye",
  ...extra,
});

describe("IVR interpreter: prompts and menus", () => {
  it("plays the welcome in the flow's language and moves on when it has finished", () => {
    const call = new Call(
      base(
        {
          welcome: { type: "play", prompts: ["welcome"], next: "main" },
          main: menu(),
          billing: TRANSFER,
          bye: BYE,
        },
        "welcome",
      ),
    );
    expect(call.last).toEqual([
      { type: "play", playId: 1, items: [{ kind: "prompt", id: "welcome" }], language: "id", bargeIn: false },
    ]);
    expect(call.keys("1")).toEqual([]);
    expect(played(call.finishPrompt())).toEqual(["main-menu"]);
  });

  it("starts the digit timer after the menu prompt and transfers on a valid choice", () => {
    const call = new Call(base({ main: menu(), billing: TRANSFER, bye: BYE }));
    expect(call.finishPrompt()).toEqual([{ type: "startDigitTimer", ms: 5_000 }]);
    const commands = call.keys("1");
    expect(commands[0]).toEqual({ type: "cancelTimer" });
    expect(commands[1]).toMatchObject({
      type: "transferToQueue",
      queueId: BILLING,
      skills: [{ skill: SKILL, minLevel: 3 }],
      priority: 5,
      language: "id",
      variables: { callerNumber: "+6281234567890", dialedNumber: "1000", language: "id" },
    });
    expect(call.state.phase).toBe("ended");
    expect(call.state.endReason).toBe("transferred");
  });

  it("takes a key pressed during the prompt (barge-in) and ignores that prompt's late finish", () => {
    const call = new Call(
      base({
        main: menu({ choices: { "1": "info", "0": "bye" } }),
        info: { type: "play", prompts: ["info"], next: "bye" },
        bye: BYE,
      }),
    );
    const stalePlay = call.state.playId;
    expect(played(call.keys("1"))).toEqual(["info"]);
    expect(call.send({ type: "promptFinished", playId: stalePlay })).toEqual([]);
    expect(played(call.finishPrompt())).toEqual(["goodbye"]);
  });

  it("replays the menu after an invalid key, then gives up to the fallback after the last retry", () => {
    const call = new Call(base({ main: menu(), billing: TRANSFER, bye: BYE }));
    call.finishPrompt();
    expect(played(call.keys("7"))).toEqual(["invalid", "main-menu"]);
    expect(call.state.retries).toBe(1);
    call.finishPrompt();
    call.keys("8");
    call.finishPrompt();
    expect(played(call.keys("9"))).toEqual(["goodbye"]);
    expect(call.state.node).toBe("bye");
    expect(call.finishPrompt()).toEqual([{ type: "hangup", cause: "normal" }]);
  });

  it("replays with the no-input prompt on timeout and counts timeouts as retries", () => {
    const call = new Call(base({ main: menu({ maxRetries: 1 }), billing: TRANSFER, bye: BYE }));
    call.finishPrompt();
    expect(played(call.send({ type: "timeout" }))).toEqual(["no-input", "main-menu"]);
    call.finishPrompt();
    expect(played(call.send({ type: "timeout" }))).toEqual(["goodbye"]);
  });

  it("ignores a timeout that arrives when no timer runs", () => {
    const call = new Call(base({ main: menu(), billing: TRANSFER, bye: BYE }));
    expect(call.send({ type: "timeout" })).toEqual([]);
    expect(call.state.retries).toBe(0);
  });

  it("switches language for later prompts and picks the per-language prompt id", () => {
    const call = new Call(
      base({
        main: menu({ prompts: [{ id: "menu-id", en: "menu-en" }], choices: { "2": "english" } }),
        english: { type: "setLanguage", language: "en", next: "hello" },
        hello: { type: "play", prompts: [{ id: "halo", en: "hello" }], next: "billing" },
        billing: TRANSFER,
        bye: BYE,
      }),
    );
    expect(played(call.last)).toEqual(["menu-id"]);
    const commands = call.keys("2");
    expect(commands).toEqual([
      { type: "play", playId: 2, items: [{ kind: "prompt", id: "hello" }], language: "en", bargeIn: false },
    ]);
    expect(call.finishPrompt()[0]).toMatchObject({ type: "transferToQueue", language: "en" });
  });
});

describe("IVR interpreter: collecting digits", () => {
  const collect = (extra: Record<string, unknown> = {}) =>
    base({
      main: {
        type: "collect",
        prompts: ["enter-birth-date"],
        variable: "birthDate",
        minLength: 8,
        maxLength: 8,
        format: "ddmmyyyy",
        invalidPrompts: ["invalid"],
        next: "billing",
        fallback: "bye",
        ...extra,
      },
      billing: TRANSFER,
      bye: BYE,
    });

  it("stores a valid birth date once eight digits are in and passes it to the queue", () => {
    const call = new Call(collect());
    call.finishPrompt();
    const commands = call.keys("17081945");
    expect(commands.at(-1)).toMatchObject({ type: "transferToQueue", variables: { birthDate: "17081945" } });
  });

  it("restarts the inter-digit timer on every key while waiting", () => {
    const call = new Call(collect());
    call.finishPrompt();
    expect(call.keys("1")).toEqual([{ type: "cancelTimer" }, { type: "startDigitTimer", ms: 5_000 }]);
  });

  it.each([["31022000"], ["00012000"], ["29021900"]])(
    "rejects %s as an impossible date and asks again",
    (digits) => {
      const call = new Call(collect());
      call.finishPrompt();
      expect(played(call.keys(digits))).toEqual(["invalid", "enter-birth-date"]);
      expect(call.state.digits).toBe("");
    },
  );

  it("accepts 29 February in a leap year", () => {
    const call = new Call(collect());
    expect(call.keys("29022024").at(-1)).toMatchObject({ type: "transferToQueue" });
  });

  it("ends a variable-length number at the terminator and checks the pattern", () => {
    const call = new Call(
      collect({
        variable: "customerNumber",
        minLength: 4,
        maxLength: 12,
        format: "digits",
        pattern: "^9\\d+$",
      }),
    );
    call.finishPrompt();
    expect(call.keys("9123#").at(-1)).toMatchObject({ variables: { customerNumber: "9123" } });
    const other = new Call(
      collect({
        variable: "customerNumber",
        minLength: 4,
        maxLength: 12,
        format: "digits",
        pattern: "^9\\d+$",
      }),
    );
    expect(played(other.keys("1234#"))).toEqual(["invalid", "enter-birth-date"]);
  });

  it("takes the digits typed so far when the timer runs out", () => {
    const call = new Call(
      collect({ variable: "customerNumber", minLength: 2, maxLength: 12, format: "digits" }),
    );
    call.finishPrompt();
    call.keys("4567");
    expect(call.send({ type: "timeout" }).at(-1)).toMatchObject({ variables: { customerNumber: "4567" } });
  });

  it("goes to the fallback after too many invalid entries", () => {
    const call = new Call(collect({ maxRetries: 0 }));
    expect(played(call.keys("99999999"))).toEqual(["goodbye"]);
  });
});

describe("IVR interpreter: branches and lookups", () => {
  const hours = {
    timeZone: "Asia/Jakarta",
    weekly: { mon: [["08:00", "17:00"]], tue: [["08:00", "17:00"]] },
    holidays: ["2026-12-25"],
  };
  const hoursFlow = (timeZone = "Asia/Jakarta") =>
    base({
      main: { type: "businessHours", hours: { ...hours, timeZone }, open: "billing", closed: "closed" },
      billing: TRANSFER,
      closed: { type: "hangup", prompts: ["closed"], cause: "closed" },
    });

  it("routes by the tenant's opening hours at the clock's time", () => {
    expect(new Call(hoursFlow()).last[0]).toMatchObject({ type: "transferToQueue" });
    expect(played(new Call(hoursFlow(), undefined, MONDAY_10_WIB + 8 * 3_600_000).last)).toEqual(["closed"]);
  });

  it("reads the hours in the flow's own zone: 10:00 WIB is 12:00 WIT", () => {
    // 16:00 WIB on Monday is 18:00 in Jayapura, after closing there.
    const at = MONDAY_10_WIB + 6 * 3_600_000;
    expect(new Call(hoursFlow("Asia/Jakarta"), undefined, at).last[0]).toMatchObject({
      type: "transferToQueue",
    });
    expect(played(new Call(hoursFlow("Asia/Jayapura"), undefined, at).last)).toEqual(["closed"]);
  });

  it("stays closed all day on a holiday", () => {
    const christmas = Date.UTC(2026, 11, 25, 3, 0);
    expect(played(new Call(hoursFlow(), undefined, christmas).last)).toEqual(["closed"]);
  });

  const lookupFlow = () =>
    base({
      main: {
        type: "httpLookup",
        url: "https://crm.example/customers?phone={{callerNumber}}",
        map: { tier: "customer.tier", name: "customer.name", balance: "accounts.0.balance" },
        next: "check",
        onError: "bye",
      },
      check: {
        type: "condition",
        rules: [
          { variable: "tier", op: "equals", value: "gold", next: "vip" },
          { variable: "balance", op: "greaterThan", value: "1000", next: "billing" },
        ],
        otherwise: "bye",
      },
      vip: { ...TRANSFER, priority: 50 },
      billing: TRANSFER,
      bye: BYE,
    });

  it("issues the lookup with URL-encoded variables and maps the answer into variables", () => {
    const call = new Call(lookupFlow());
    expect(call.last).toEqual([
      {
        type: "httpLookup",
        request: {
          method: "GET",
          url: "https://crm.example/customers?phone=%2B6281234567890",
          timeoutMs: 3_000,
        },
      },
    ]);
    const commands = call.send({ type: "lookupResult", body: { customer: { tier: "gold", name: "Siti" } } });
    expect(commands[0]).toMatchObject({
      type: "transferToQueue",
      priority: 50,
      variables: { tier: "gold", name: "Siti" },
    });
  });

  it("compares numbers numerically and falls through to otherwise", () => {
    const rich = new Call(lookupFlow());
    expect(rich.send({ type: "lookupResult", body: { accounts: [{ balance: 2500 }] } })[0]).toMatchObject({
      priority: 5,
    });
    const poor = new Call(lookupFlow());
    expect(played(poor.send({ type: "lookupResult", body: { accounts: [{ balance: "abc" }] } }))).toEqual([
      "goodbye",
    ]);
  });

  it("follows onError when the lookup fails and ignores results that arrive later", () => {
    const call = new Call(lookupFlow());
    expect(played(call.send({ type: "lookupFailed", reason: "timeout" }))).toEqual(["goodbye"]);
    expect(call.send({ type: "lookupResult", body: {} })).toEqual([]);
  });
});

describe("IVR interpreter: endings", () => {
  it("plays the voicemail prompt, then starts recording with the maximum length", () => {
    const call = new Call(base({ main: { type: "voicemail", prompts: ["leave-message"], maxSeconds: 60 } }));
    expect(played(call.last)).toEqual(["leave-message"]);
    expect(call.finishPrompt()).toEqual([
      { type: "startVoicemail", maxSeconds: 60, language: "id", variables: expect.any(Object) },
    ]);
    expect(call.state.endReason).toBe("voicemail");
  });

  const callbackFlow = () =>
    base({
      main: {
        type: "callback",
        queueId: BILLING,
        confirmPrompts: ["callback-confirm", { sayDigits: "callerNumber" }],
        enterNumberPrompts: ["callback-enter"],
        donePrompts: ["callback-done"],
        maxRetries: 1,
        fallback: "bye",
      },
      bye: BYE,
    });

  it("offers a callback to the caller's own number, read out digit by digit, and creates it on 1", () => {
    const call = new Call(callbackFlow());
    expect(played(call.last)).toEqual(["callback-confirm", "#6281234567890"]);
    call.finishPrompt();
    const commands = call.keys("1");
    expect(commands).toEqual([
      { type: "cancelTimer" },
      {
        type: "createCallback",
        queueId: BILLING,
        number: "+6281234567890",
        language: "id",
        variables: expect.objectContaining({ callbackNumber: "+6281234567890" }),
      },
      {
        type: "play",
        playId: 2,
        items: [{ kind: "prompt", id: "callback-done" }],
        language: "id",
        bargeIn: false,
      },
    ]);
    expect(call.finishPrompt()).toEqual([{ type: "hangup", cause: "callback_requested" }]);
  });

  it("lets the caller type another number after pressing 2", () => {
    const call = new Call(callbackFlow());
    expect(played(call.keys("2"))).toEqual(["callback-enter"]);
    expect(call.keys("081298765432#")[0]).toMatchObject({ type: "createCallback", number: "081298765432" });
  });

  it("asks an anonymous caller for a number straight away and rejects one that is too short", () => {
    const call = new Call(callbackFlow(), { dialedNumber: "1000" });
    expect(played(call.last)).toEqual(["callback-enter"]);
    expect(played(call.keys("123#"))).toEqual(["callback-enter"]);
    expect(played(call.keys("456#"))).toEqual(["goodbye"]);
  });

  it("cancels the running timer when the caller hangs up and ignores everything afterwards", () => {
    const call = new Call(base({ main: menu(), billing: TRANSFER, bye: BYE }));
    call.finishPrompt();
    expect(call.send({ type: "callerHungUp" })).toEqual([{ type: "cancelTimer" }]);
    expect(call.state.endReason).toBe("caller_hung_up");
    expect(call.keys("1")).toEqual([]);
    expect(call.send({ type: "timeout" })).toEqual([]);
  });

  it("hangs up as a flow error when an unvalidated flow points at a missing node", () => {
    const broken = {
      entry: "main",
      language: "en",
      nodes: { main: { type: "play", prompts: ["x"], next: "ghost" } },
    } as unknown as IvrFlow;
    const call = new Call(broken);
    expect(call.finishPrompt()).toEqual([{ type: "hangup", cause: "flow_error" }]);
  });

  it("ends an unvalidated busy loop instead of spinning forever", () => {
    const looping = {
      entry: "a",
      language: "en",
      nodes: {
        a: { type: "setLanguage", language: "en", next: "b" },
        b: { type: "setLanguage", language: "id", next: "a" },
      },
    } as unknown as IvrFlow;
    expect(new Call(looping).last).toEqual([{ type: "hangup", cause: "flow_error" }]);
  });
});
