export * from "./blended.js";
export * from "./erlang.js";
export * from "./erlang-a.js";
export * from "./staffing.js";
