export * from "./simulation/index.js";
