export * from "./audio-sdp.js";
export * from "./call-recorder.js";
export * from "./g711.js";
export * from "./media-frames.js";
export * from "./media-scheduler.js";
export * from "./port-allocator.js";
export * from "./prompt-library.js";
export * from "./rtp-session.js";
