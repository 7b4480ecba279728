import type { DtmfDigit, IvrFlow, IvrLanguage } from "./flow-schema.js";

/** What the call engine knows about the call when the flow starts. */
export interface IvrCallContext {
  /** The caller's number as presented (E.164 when known); absent for anonymous callers. */
  readonly callerNumber?: string;
  /** The DID that was dialled. */
  readonly dialedNumber: string;
}

/** Something that happened on the call; the engine feeds these to `step`. */
export type IvrEvent =
  | { readonly type: "promptFinished"; readonly playId: number }
  | { readonly type: "dtmf"; readonly digit: DtmfDigit }
  | { readonly type: "timeout" }
  | { readonly type: "lookupResult"; readonly body: unknown }
  | { readonly type: "lookupFailed"; readonly reason: string }
  | { readonly type: "callerHungUp" };

/** One item to play: a recorded prompt (already chosen for the language) or digits read one by one. */
export type PlaybackItem =
  | { readonly kind: "prompt"; readonly id: string }
  | { readonly kind: "digits"; readonly digits: string };

export interface LookupRequest {
  readonly method: "GET" | "POST";
  readonly url: string;
  readonly body?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

export type HangupCause = "normal" | "closed" | "rejected" | "callback_requested" | "flow_error";

/**
 * What the engine must do. A new `play` replaces whatever is playing; with `bargeIn` the engine stops it at
 * the caller's first key and still reports `promptFinished` with its `playId`.
 */
export type IvrCommand =
  | {
      readonly type: "play";
      readonly playId: number;
      readonly items: readonly PlaybackItem[];
      readonly language: IvrLanguage;
      readonly bargeIn: boolean;
    }
  | { readonly type: "startDigitTimer"; readonly ms: number }
  | { readonly type: "cancelTimer" }
  | { readonly type: "httpLookup"; readonly request: LookupRequest }
  | {
      readonly type: "transferToQueue";
      readonly queueId: string;
      readonly skills: readonly { readonly skill: string; readonly minLevel: number }[];
      readonly priority: number;
      readonly language: IvrLanguage;
      readonly variables: Readonly<Record<string, string>>;
    }
  | {
      readonly type: "startVoicemail";
      readonly maxSeconds: number;
      readonly language: IvrLanguage;
      readonly variables: Readonly<Record<string, string>>;
    }
  | {
      readonly type: "createCallback";
      readonly queueId: string;
      readonly number: string;
      readonly language: IvrLanguage;
      readonly variables: Readonly<Record<string, string>>;
    }
  | { readonly type: "hangup"; readonly cause: HangupCause };

/** Commands after which the flow is over: the engine hands the call on or ends it. */
export const TERMINAL_COMMANDS = ["transferToQueue", "startVoicemail", "hangup"] as const;

/** What the interpreter waits for at a node. */
export type IvrPhase =
  /** A prompt is playing; its `promptFinished` moves on (keys may already arrive with barge-in). */
  | "prompting"
  /** The digit timer runs; keys or `timeout` move on. */
  | "awaitingKeys"
  /** An HTTP lookup is out; `lookupResult` or `lookupFailed` moves on. */
  | "awaitingLookup"
  /** A closing prompt is playing; `promptFinished` ends the flow with the pending terminal command. */
  | "closing"
  | "ended";

/** Sub-steps of an offered callback. */
export type CallbackStage = "confirm" | "enterNumber";

export type EndReason = HangupCause | "transferred" | "voicemail" | "caller_hung_up";

export interface IvrState {
  readonly flow: IvrFlow;
  readonly context: IvrCallContext;
  readonly language: IvrLanguage;
  readonly variables: Readonly<Record<string, string>>;
  readonly node: string;
  readonly phase: IvrPhase;
  /** The `playId` whose `promptFinished` the interpreter waits for (phase prompting / closing). */
  readonly playId: number;
  readonly timerRunning: boolean;
  /** Failed attempts (bad key, timeout) at the current node. */
  readonly retries: number;
  /** Keys collected so far at a collect node or while entering a callback number. */
  readonly digits: string;
  readonly callbackStage: CallbackStage;
  /** The command that ends the flow once a closing prompt has played. */
  readonly pendingTerminal?: IvrCommand;
  /** Nodes entered since the call started; capped so no flow can run forever. */
  readonly visits: number;
  readonly endReason?: EndReason;
}

export interface IvrStep {
  readonly state: IvrState;
  readonly commands: readonly IvrCommand[];
}

/** Most nodes a single call may enter; beyond it the call is ended as a flow error. */
export const MAX_NODE_VISITS = 300;
