export * from "./contracts.js";
export * from "./conversation-rules.js";
export * from "./messaging-contracts.js";
export * from "./messaging-webhooks.js";
export * from "./web-chat-contracts.js";
