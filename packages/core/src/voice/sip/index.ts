export * from "./client-transactions.js";
export * from "./dialog.js";
export * from "./digest.js";
export * from "./headers.js";
export * from "./message.js";
export * from "./ok-retransmission.js";
export * from "./parser.js";
export * from "./responses.js";
export * from "./server-transactions.js";
export * from "./stream-framer.js";
export * from "./token-bucket.js";
export {
  type ClientTransactionEvent,
  DEFAULT_SIP_TIMERS,
  type ServerTransactionEvent,
  type SipTimerName,
  type SipTimerValues,
  type Step,
  type TransactionCommand,
  type TransactionOptions,
} from "./transaction-types.js";
export * from "./uri.js";
