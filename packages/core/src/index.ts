export * from "./access/roles.js";
export * from "./errors/sentra-error.js";
export * from "./time/clock.js";
