export * from "./contracts.js";
export * from "./conversation-rules.js";
export * from "./imap-contracts.js";
export * from "./web-chat-contracts.js";
