import { agentProfileBody, queueBody, queueSettings, skillBody } from "@sentra/core";

/**
 * The routing forms validate with the API's own schemas from @sentra/core (packages/core/src/contracts), so a
 * form and the server can never disagree on a limit. Names kept for the form modules.
 */
export { DISPOSITION_CODE, REASON_CODE } from "@sentra/core";
export const queueSettingsSchema = queueSettings;
export const queueBodySchema = queueBody;
export const skillBodySchema = skillBody;
export const agentProfileSchema = agentProfileBody;
export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
