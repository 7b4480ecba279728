export * from "./contracts.js";
export * from "./conversation-rules.js";
export * from "./web-chat-contracts.js";
export * from "./web-chat-transcript.js";
export * from "./web-chat-widget.js";
