import { z } from "zod";
import { type IvrFlow, type IvrNode, ivrFlow } from "./flow-schema.js";

/** One problem in a flow, with the JSON path to the offending value (e.g. `nodes.main.choices.1`). */
export interface FlowIssue {
  readonly severity: "error" | "warning";
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

export type FlowValidation =
  | { readonly ok: true; readonly flow: IvrFlow; readonly warnings: readonly FlowIssue[] }
  | { readonly ok: false; readonly errors: readonly FlowIssue[]; readonly warnings: readonly FlowIssue[] };

export const flowIssueView = z.object({
  severity: z.enum(["error", "warning"]),
  code: z.string(),
  path: z.string(),
  message: z.string(),
});

/** The nodes a node can lead to, each with the path (under the node) of the field that names it. */
export function nodeTargets(node: IvrNode): { field: string; target: string }[] {
  switch (node.type) {
    case "play":
    case "setLanguage":
      return [{ field: "next", target: node.next }];
    case "menu":
      return [
        ...Object.entries(node.choices).map(([digit, target]) => ({
          field: `choices.${digit}`,
          target: target ?? "",
        })),
        { field: "fallback", target: node.fallback },
      ];
    case "collect":
      return [
        { field: "next", target: node.next },
        { field: "fallback", target: node.fallback },
      ];
    case "businessHours":
      return [
        { field: "open", target: node.open },
        { field: "closed", target: node.closed },
      ];
    case "httpLookup":
      return [
        { field: "next", target: node.next },
        { field: "onError", target: node.onError },
      ];
    case "condition":
      return [
        ...node.rules.map((rule, i) => ({ field: `rules.${i}.next`, target: rule.next })),
        { field: "otherwise", target: node.otherwise },
      ];
    case "callback":
      return [{ field: "fallback", target: node.fallback }];
    case "transfer":
    case "voicemail":
    case "hangup":
      return [];
  }
}

/** Nodes that stop for the caller's keys (with a timeout) before going on; only they may close a loop. */
export const waitsForCaller = (node: IvrNode): boolean =>
  node.type === "menu" || node.type === "collect" || node.type === "callback";

const pathOf = (path: readonly PropertyKey[]): string => path.map(String).join(".");

/** Schema check, then the graph: targets exist, the entry exists, no unreachable nodes, no busy loops. */
export function validateFlow(input: unknown): FlowValidation {
  const parsed = ivrFlow.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        severity: "error",
        code: "schema",
        path: pathOf(issue.path),
        message: issue.message,
      })),
      warnings: [],
    };
  }
  const flow = parsed.data;
  const errors: FlowIssue[] = [];
  const warnings: FlowIssue[] = [];
  const exists = (id: string) => Object.hasOwn(flow.nodes, id);

  if (!exists(flow.entry))
    errors.push({
      severity: "error",
      code: "unknown_entry",
      path: "entry",
      message: `The entry node "${flow.entry}" does not exist.`,
    });
  for (const [id, node] of Object.entries(flow.nodes)) {
    for (const { field, target } of nodeTargets(node)) {
      if (!exists(target))
        errors.push({
          severity: "error",
          code: "unknown_target",
          path: `nodes.${id}.${field}`,
          message: `Node "${target}" does not exist.`,
        });
    }
  }
  if (exists(flow.entry)) {
    const reached = reachable(flow);
    for (const id of Object.keys(flow.nodes)) {
      if (!reached.has(id))
        warnings.push({
          severity: "warning",
          code: "unreachable",
          path: `nodes.${id}`,
          message: `No path from the entry reaches "${id}".`,
        });
    }
  }
  for (const cycle of busyLoops(flow)) {
    errors.push({
      severity: "error",
      code: "loop_without_wait",
      path: `nodes.${cycle[0]}`,
      message: `These nodes loop without waiting for the caller's keys: ${cycle.join(", ")}.`,
    });
  }
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, flow, warnings };
}

function reachable(flow: IvrFlow): Set<string> {
  const seen = new Set<string>([flow.entry]);
  const stack = [flow.entry];
  while (stack.length > 0) {
    const node = flow.nodes[stack.pop() ?? ""];
    if (!node) continue;
    for (const { target } of nodeTargets(node)) {
      if (!seen.has(target) && Object.hasOwn(flow.nodes, target)) {
        seen.add(target);
        stack.push(target);
      }
    }
  }
  return seen;
}

/**
 * Cycles through nodes that never wait for the caller (plays, lookups, conditions…): a call caught in one
 * would spin or replay forever. Each cycle is reported once, starting at its first node in document order.
 */
function busyLoops(flow: IvrFlow): string[][] {
  const ids = Object.keys(flow.nodes);
  const order = new Map(ids.map((id, i) => [id, i]));
  const edges = (id: string): string[] => {
    const node = flow.nodes[id];
    if (!node || waitsForCaller(node)) return [];
    return [...new Set(nodeTargets(node).map((t) => t.target))].filter((t) => order.has(t));
  };
  // Tarjan's strongly connected components; any component with a cycle is a busy loop.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (id: string): void => {
    index.set(id, counter);
    low.set(id, counter);
    counter += 1;
    stack.push(id);
    onStack.add(id);
    for (const next of edges(id)) {
      if (!index.has(next)) {
        visit(next);
        low.set(id, Math.min(low.get(id) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(id, Math.min(low.get(id) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(id) === index.get(id)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== id);
      const selfLoop = component.length === 1 && edges(id).includes(id);
      if (component.length > 1 || selfLoop)
        cycles.push(component.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)));
    }
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return cycles.sort((a, b) => (order.get(a[0] ?? "") ?? 0) - (order.get(b[0] ?? "") ?? 0));
}
