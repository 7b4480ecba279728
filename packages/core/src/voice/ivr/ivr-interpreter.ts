import { isOpen } from "../../routing/business-hours.js";
import type { Clock } from "../../time/clock.js";
import type { DtmfDigit, IvrFlow, IvrNode, IvrNodeOf, PromptRef } from "./flow-schema.js";
import type {
  HangupCause,
  IvrCallContext,
  IvrCommand,
  IvrEvent,
  IvrState,
  IvrStep,
  PlaybackItem,
} from "./ivr-types.js";
import { MAX_NODE_VISITS } from "./ivr-types.js";
import {
  digitsAccepted,
  fillUrlTemplate,
  isDiallableNumber,
  mapLookupResponse,
  resolvePrompts,
  ruleHolds,
  toBusinessCalendar,
} from "./ivr-values.js";

/**
 * The IVR as a pure state machine. `startIvr` enters the flow's entry node; `stepIvr` applies one event. Both
 * return the new state and the commands the call engine must carry out. Neither throws, and after every step
 * the flow has either ended (a terminal command was issued or the caller hung up) or waits for an event.
 * The flow is expected to have passed `validateFlow`; an invalid graph ends the call as a flow error.
 */
export function startIvr(flow: IvrFlow, context: IvrCallContext, clock: Clock): IvrStep {
  const variables: Record<string, string> = { dialedNumber: context.dialedNumber, language: flow.language };
  if (context.callerNumber !== undefined) variables.callerNumber = context.callerNumber;
  const initial: IvrState = {
    flow,
    context,
    language: flow.language,
    variables,
    node: flow.entry,
    phase: "prompting",
    playId: 0,
    timerRunning: false,
    retries: 0,
    digits: "",
    callbackStage: "confirm",
    visits: 0,
  };
  return enter(initial, flow.entry, [], clock, 0);
}

export function stepIvr(state: IvrState, event: IvrEvent, clock: Clock): IvrStep {
  if (state.phase === "ended") return { state, commands: [] };
  if (event.type === "callerHungUp") {
    const commands: IvrCommand[] = state.timerRunning ? [{ type: "cancelTimer" }] : [];
    return {
      state: { ...state, phase: "ended", timerRunning: false, endReason: "caller_hung_up" },
      commands,
    };
  }
  const node = state.flow.nodes[state.node];
  if (node === undefined) return end(state, [], "flow_error");
  switch (event.type) {
    case "promptFinished":
      return promptFinished(state, node, event.playId, clock);
    case "dtmf":
      if (state.phase !== "prompting" && state.phase !== "awaitingKeys") return idle(state);
      return key(state, node, event.digit, clock);
    case "timeout":
      if (state.phase !== "awaitingKeys" || !state.timerRunning) return idle(state);
      return timedOut({ ...state, timerRunning: false }, node, clock);
    case "lookupResult":
    case "lookupFailed":
      if (state.phase !== "awaitingLookup" || node.type !== "httpLookup") return idle(state);
      if (event.type === "lookupFailed") return enter(state, node.onError, [], clock, 0);
      return enter(
        { ...state, variables: { ...state.variables, ...mapLookupResponse(node, event.body) } },
        node.next,
        [],
        clock,
        0,
      );
  }
}

const idle = (state: IvrState): IvrStep => ({ state, commands: [] });

function end(state: IvrState, commands: IvrCommand[], cause: HangupCause): IvrStep {
  return {
    state: { ...state, phase: "ended", timerRunning: false, endReason: cause },
    commands: [...stopTimer(state), ...commands, { type: "hangup", cause }],
  };
}

const stopTimer = (state: IvrState): IvrCommand[] => (state.timerRunning ? [{ type: "cancelTimer" }] : []);

function enter(state: IvrState, id: string, commands: IvrCommand[], clock: Clock, hops: number): IvrStep {
  const node = Object.hasOwn(state.flow.nodes, id) ? state.flow.nodes[id] : undefined;
  const hopLimit = Object.keys(state.flow.nodes).length + 1;
  if (node === undefined || hops > hopLimit || state.visits >= MAX_NODE_VISITS)
    return end(state, commands, "flow_error");
  const cmds = [...commands, ...stopTimer(state)];
  const s: IvrState = {
    ...state,
    node: id,
    timerRunning: false,
    retries: 0,
    digits: "",
    callbackStage: "confirm",
    visits: state.visits + 1,
  };
  const go = (next: string, changed: IvrState = s) => enter(changed, next, cmds, clock, hops + 1);
  switch (node.type) {
    case "play": {
      const items = resolve(s, node.prompts);
      return items.length === 0 ? go(node.next) : play(s, cmds, items, false, "prompting");
    }
    case "menu":
    case "collect":
      return ask(s, cmds, resolve(s, node.prompts), node.timeoutMs);
    case "setLanguage":
      return go(node.next, {
        ...s,
        language: node.language,
        variables: { ...s.variables, language: node.language },
      });
    case "businessHours":
      return go(openAt(node, clock) ? node.open : node.closed);
    case "condition":
      return go(node.rules.find((rule) => ruleHolds(rule, s.variables))?.next ?? node.otherwise);
    case "httpLookup": {
      const request = {
        method: node.method,
        url: fillUrlTemplate(node.url, s.variables),
        timeoutMs: node.timeoutMs,
        ...(node.method === "POST"
          ? { body: Object.fromEntries(node.sendVariables.map((v) => [v, s.variables[v] ?? ""])) }
          : {}),
      };
      return {
        state: { ...s, phase: "awaitingLookup" },
        commands: [...cmds, { type: "httpLookup", request }],
      };
    }
    case "transfer":
      return close(s, cmds, node.prompts, {
        type: "transferToQueue",
        queueId: node.queueId,
        skills: node.skills,
        priority: node.priority,
        language: node.language ?? s.language,
        variables: s.variables,
      });
    case "voicemail":
      return close(s, cmds, node.prompts, {
        type: "startVoicemail",
        maxSeconds: node.maxSeconds,
        language: s.language,
        variables: s.variables,
      });
    case "hangup":
      return close(s, cmds, node.prompts, { type: "hangup", cause: node.cause });
    case "callback": {
      const caller = (s.context.callerNumber ?? "").replace(/\D/g, "");
      if (isDiallableNumber(caller)) return ask(s, cmds, resolve(s, node.confirmPrompts), node.timeoutMs);
      return ask(
        { ...s, callbackStage: "enterNumber" },
        cmds,
        resolve(s, node.enterNumberPrompts),
        node.timeoutMs,
      );
    }
  }
}

function openAt(node: IvrNodeOf<"businessHours">, clock: Clock): boolean {
  try {
    return isOpen(toBusinessCalendar(node.hours), clock.now());
  } catch {
    return false;
  }
}

const resolve = (state: IvrState, refs: readonly PromptRef[]): PlaybackItem[] =>
  resolvePrompts(refs, state.language, state.variables);

function play(
  state: IvrState,
  commands: IvrCommand[],
  items: PlaybackItem[],
  bargeIn: boolean,
  phase: "prompting" | "closing",
): IvrStep {
  const playId = state.playId + 1;
  return {
    state: { ...state, phase, playId },
    commands: [...commands, { type: "play", playId, items, language: state.language, bargeIn }],
  };
}

/**
 * Plays a question the caller may interrupt; with nothing to play the digit timer starts at once. The caller
 * has already stopped any running timer (state.timerRunning is false).
 */
function ask(state: IvrState, commands: IvrCommand[], items: PlaybackItem[], timeoutMs: number): IvrStep {
  if (items.length > 0) return play(state, commands, items, true, "prompting");
  return {
    state: { ...state, phase: "awaitingKeys", timerRunning: true },
    commands: [...commands, { type: "startDigitTimer", ms: timeoutMs }],
  };
}

/** Plays the node's last words (if any), then issues the terminal command. */
function close(
  state: IvrState,
  commands: IvrCommand[],
  refs: readonly PromptRef[],
  terminal: IvrCommand,
): IvrStep {
  const items = resolve(state, refs);
  if (items.length > 0)
    return play({ ...state, pendingTerminal: terminal }, commands, items, false, "closing");
  return finish(state, [...commands, terminal], terminal);
}

function finish(state: IvrState, commands: IvrCommand[], terminal: IvrCommand): IvrStep {
  const endReason =
    terminal.type === "transferToQueue"
      ? "transferred"
      : terminal.type === "startVoicemail"
        ? "voicemail"
        : terminal.type === "hangup"
          ? terminal.cause
          : "flow_error";
  return { state: { ...state, phase: "ended", timerRunning: false, endReason }, commands };
}

function timeoutOf(node: IvrNode): number {
  return node.type === "menu" || node.type === "collect" || node.type === "callback" ? node.timeoutMs : 5_000;
}

function promptFinished(state: IvrState, node: IvrNode, playId: number, clock: Clock): IvrStep {
  if (playId !== state.playId) return idle(state);
  if (state.phase === "closing") {
    const terminal = state.pendingTerminal ?? { type: "hangup", cause: "flow_error" };
    return finish(state, [terminal], terminal);
  }
  if (state.phase !== "prompting") return idle(state);
  if (node.type === "play") return enter(state, node.next, [], clock, 0);
  return {
    state: { ...state, phase: "awaitingKeys", timerRunning: true },
    commands: [{ type: "startDigitTimer", ms: timeoutOf(node) }],
  };
}

/** A failed attempt (bad key, timeout): ask again with the given lead-in, or give up to the fallback. */
function retry(
  state: IvrState,
  node: IvrNode,
  leadIn: readonly PromptRef[],
  question: readonly PromptRef[],
  clock: Clock,
): IvrStep {
  const fallback =
    node.type === "menu" || node.type === "collect" || node.type === "callback" ? node.fallback : undefined;
  const maxRetries =
    node.type === "menu" || node.type === "collect" || node.type === "callback" ? node.maxRetries : 0;
  if (fallback === undefined || state.retries >= maxRetries)
    return fallback === undefined ? end(state, [], "flow_error") : enter(state, fallback, [], clock, 0);
  const s: IvrState = { ...state, retries: state.retries + 1, digits: "", timerRunning: false };
  return ask(s, stopTimer(state), resolve(s, [...leadIn, ...question]), timeoutOf(node));
}

function key(state: IvrState, node: IvrNode, digit: DtmfDigit, clock: Clock): IvrStep {
  switch (node.type) {
    case "menu": {
      const target = node.choices[digit];
      if (target !== undefined) return enter(state, target, [], clock, 0);
      return retry(state, node, node.invalidPrompts, node.prompts, clock);
    }
    case "collect": {
      if (node.terminator !== null && digit === node.terminator) return collected(state, node, clock);
      const s = { ...state, digits: state.digits + digit };
      if (s.digits.length >= node.maxLength) return collected(s, node, clock);
      return restartTimer(s, node.timeoutMs);
    }
    case "callback":
      return callbackKey(state, node, digit, clock);
    default:
      return idle(state);
  }
}

/** A key while the timer runs restarts it (the inter-digit timeout); during the prompt nothing runs yet. */
function restartTimer(state: IvrState, ms: number): IvrStep {
  if (state.phase !== "awaitingKeys") return idle(state);
  return {
    state: { ...state, timerRunning: true },
    commands: [...stopTimer(state), { type: "startDigitTimer", ms }],
  };
}

function collected(state: IvrState, node: IvrNodeOf<"collect">, clock: Clock): IvrStep {
  if (!digitsAccepted(node, state.digits))
    return retry(state, node, node.invalidPrompts, node.prompts, clock);
  const variables = { ...state.variables, [node.variable]: state.digits };
  return enter({ ...state, variables }, node.next, [], clock, 0);
}

function timedOut(state: IvrState, node: IvrNode, clock: Clock): IvrStep {
  switch (node.type) {
    case "menu":
      return retry(state, node, node.timeoutPrompts, node.prompts, clock);
    case "collect":
      return state.digits.length > 0
        ? collected(state, node, clock)
        : retry(state, node, node.timeoutPrompts, node.prompts, clock);
    case "callback":
      if (state.callbackStage === "enterNumber" && state.digits.length > 0)
        return callbackNumberEntered(state, node, clock);
      return retry(state, node, [], questionOf(state, node), clock);
    default:
      return idle(state);
  }
}

const questionOf = (state: IvrState, node: IvrNodeOf<"callback">): readonly PromptRef[] =>
  state.callbackStage === "confirm" ? node.confirmPrompts : node.enterNumberPrompts;

function callbackKey(state: IvrState, node: IvrNodeOf<"callback">, digit: DtmfDigit, clock: Clock): IvrStep {
  if (state.callbackStage === "confirm") {
    if (digit === "1") return requestCallback(state, node, state.context.callerNumber ?? "");
    if (digit === "2") {
      const s: IvrState = {
        ...state,
        callbackStage: "enterNumber",
        retries: 0,
        digits: "",
        timerRunning: false,
      };
      return ask(s, stopTimer(state), resolve(s, node.enterNumberPrompts), node.timeoutMs);
    }
    return retry(state, node, [], node.confirmPrompts, clock);
  }
  if (digit === "#") return callbackNumberEntered(state, node, clock);
  const s = { ...state, digits: state.digits + digit };
  if (s.digits.length >= 15) return callbackNumberEntered(s, node, clock);
  return restartTimer(s, node.timeoutMs);
}

function callbackNumberEntered(state: IvrState, node: IvrNodeOf<"callback">, clock: Clock): IvrStep {
  if (!isDiallableNumber(state.digits)) return retry(state, node, [], node.enterNumberPrompts, clock);
  return requestCallback(state, node, state.digits);
}

function requestCallback(state: IvrState, node: IvrNodeOf<"callback">, number: string): IvrStep {
  const variables = { ...state.variables, callbackNumber: number };
  const s: IvrState = { ...state, variables, timerRunning: false };
  const create: IvrCommand = {
    type: "createCallback",
    queueId: node.queueId,
    number,
    language: state.language,
    variables,
  };
  return close(s, [...stopTimer(state), create], node.donePrompts, {
    type: "hangup",
    cause: "callback_requested",
  });
}
