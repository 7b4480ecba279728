export * from "./contracts.js";
export * from "./conversation-rules.js";
