export * from "./hold-announcements.js";
