export * from "./break-placement.js";
export * from "./contract-rules.js";
export * from "./coverage.js";
export * from "./heuristic-scheduler.js";
export * from "./milp-model.js";
export * from "./schedule-model.js";
export * from "./schedule-result.js";
export * from "./shift-candidates.js";
