export * from "./business-time.js";
export * from "./case-contracts.js";
export * from "./case-lifecycle.js";
export * from "./follow-up.js";
export * from "./sla.js";
