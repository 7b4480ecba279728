export * from "./flow-schema.js";
export * from "./flow-validation.js";
export * from "./ivr-contracts.js";
export * from "./ivr-interpreter.js";
export * from "./ivr-types.js";
export {
  fillUrlTemplate,
  isDdMmYyyy,
  mapLookupResponse,
  readPath,
  resolvePrompts,
  toBusinessCalendar,
} from "./ivr-values.js";
