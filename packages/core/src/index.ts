export * from "./access/roles.js";
export * from "./contracts/people.js";
export * from "./contracts/routing.js";
export * from "./contracts/wfm-schedule.js";
export * from "./errors/sentra-error.js";
export * from "./routing/index.js";
export * from "./time/clock.js";
export * from "./wfm/index.js";
