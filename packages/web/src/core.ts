/**
 * What the web app uses from @sentra/core: the role matrix, the request contracts and the allowed case status
 * moves. The web build aliases "@sentra/core" to this file instead of the core's index, so the routing engine
 * (pure, but large and busy) never enters the bundle's module graph — and editing it does not make the web
 * app rebuild.
 */
export * from "../../core/src/access/roles";
export { allowedTransitions } from "../../core/src/cases/case-lifecycle";
export * from "../../core/src/channels/canned-responses";
export * from "../../core/src/contracts/people";
export * from "../../core/src/contracts/routing";
export * from "../../core/src/voice/ivr/flow-schema";
export * from "../../core/src/voice/ivr/flow-validation";
export * from "../../core/src/voice/ivr/ivr-contracts";
