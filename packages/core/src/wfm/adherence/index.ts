export * from "./adherence.js";
