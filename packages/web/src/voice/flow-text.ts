import { type FlowIssue, ivrNode, nodeTargets, validateFlow } from "@sentra/core";

export interface FlowTextCheck {
  /** The parsed JSON object, when the text is one. */
  readonly json?: Record<string, unknown>;
  /** Why the text is not a JSON object (the parser's message). */
  readonly parseError?: string;
  readonly errors: readonly FlowIssue[];
  readonly warnings: readonly FlowIssue[];
}

/** Parses and validates the editor's text with the same rules the server applies when publishing. */
export function checkFlowText(text: string): FlowTextCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { parseError: error instanceof Error ? error.message : String(error), errors: [], warnings: [] };
  }
  if (json === null || typeof json !== "object" || Array.isArray(json))
    return { parseError: "not_object", errors: [], warnings: [] };
  const result = validateFlow(json);
  return {
    json: json as Record<string, unknown>,
    errors: result.ok ? [] : result.errors,
    warnings: result.warnings,
  };
}

export interface NodeSummary {
  readonly id: string;
  readonly type: string;
  readonly entry: boolean;
  /** Where the node leads, by the field that says so (`choices.1`, `fallback`…); empty for endings. */
  readonly targets: readonly { readonly field: string; readonly target: string; readonly missing: boolean }[];
  /** The node itself does not match its schema, so its targets are unknown. */
  readonly invalid: boolean;
}

/** One line per node, in document order, for the flow overview beside the editor. */
export function summariseFlow(json: Record<string, unknown>): NodeSummary[] {
  const nodes = json.nodes;
  if (nodes === null || typeof nodes !== "object" || Array.isArray(nodes)) return [];
  const ids = new Set(Object.keys(nodes));
  return Object.entries(nodes as Record<string, unknown>).map(([id, raw]) => {
    const parsed = ivrNode.safeParse(raw);
    const type =
      raw !== null && typeof raw === "object" && typeof (raw as { type?: unknown }).type === "string"
        ? String((raw as { type: string }).type)
        : "?";
    return {
      id,
      type,
      entry: json.entry === id,
      invalid: !parsed.success,
      targets: parsed.success
        ? nodeTargets(parsed.data).map((t) => ({ ...t, missing: !ids.has(t.target) }))
        : [],
    };
  });
}

/** The flow a new draft starts with: a menu that hands the caller to a queue or says goodbye. */
export const STARTER_FLOW = {
  entry: "welcome",
  language: "id",
  nodes: {
    welcome: { type: "play", prompts: ["welcome"], next: "main" },
    main: {
      type: "menu",
      prompts: ["main-menu"],
      choices: { "1": "agent", "9": "goodbye" },
      invalidPrompts: ["invalid-choice"],
      timeoutPrompts: ["no-input"],
      maxRetries: 2,
      fallback: "agent",
    },
    agent: { type: "transfer", queueId: "00000000-0000-4000-8000-000000000000" },
    goodbye: { type: "hangup", prompts: ["goodbye"] },
  },
};
