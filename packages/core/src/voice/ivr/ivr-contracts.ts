import { z } from "zod";
import { flowIssueView } from "./flow-validation.js";

/**
 * The IVR admin API's request and response shapes, shared by the server and the admin screens. A draft may
 * be saved while it still has errors (work in progress); only a flow without errors can be published.
 */
const flowName = z.string().trim().min(1, "A flow needs a name.").max(100);
/** The flow JSON as typed by the admin; checked by validateFlow, not here, so its errors carry paths. */
const definition = z.record(z.string(), z.unknown());

export const ivrFlowBody = z.object({ name: flowName, definition });
export type IvrFlowBody = z.infer<typeof ivrFlowBody>;
export const ivrFlowPatch = z.object({ name: flowName.optional(), definition: definition.optional() });
export type IvrFlowPatch = z.infer<typeof ivrFlowPatch>;

export const ivrFlowView = z.object({
  id: z.string(),
  name: z.string(),
  definition: z.record(z.string(), z.unknown()),
  /** The draft's problems, so the editor can show them beside the JSON. */
  errors: z.array(flowIssueView),
  warnings: z.array(flowIssueView),
  publishedVersion: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  /** Whether the draft differs from the published version. */
  changedSincePublish: z.boolean(),
  updatedAt: z.string(),
});
export type IvrFlowView = z.infer<typeof ivrFlowView>;

export const ivrFlowVersionView = z.object({
  version: z.number().int(),
  definition: z.record(z.string(), z.unknown()),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
});
export type IvrFlowVersionView = z.infer<typeof ivrFlowVersionView>;

export const ivrDidBody = z.object({
  number: z.string().trim().min(2, "Enter the number callers dial.").max(32),
  flowId: z.uuid("Choose a flow."),
  description: z.string().trim().max(200).default(""),
});
export type IvrDidBody = z.infer<typeof ivrDidBody>;
export const ivrDidPatch = z.object({
  flowId: z.uuid("Choose a flow.").optional(),
  description: z.string().trim().max(200).optional(),
});
export type IvrDidPatch = z.infer<typeof ivrDidPatch>;

export const ivrDidView = z.object({
  id: z.string(),
  /** E.164 (`+622150001000`) or a short service number (`1000`). */
  number: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  description: z.string(),
});
export type IvrDidView = z.infer<typeof ivrDidView>;
