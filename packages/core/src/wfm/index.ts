export * from "./adherence/index.js";
export * from "./scheduling/index.js";
