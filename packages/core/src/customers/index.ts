export * from "./dedup-test-set.js";
export * from "./duplicate-candidates.js";
export * from "./duplicate-scoring.js";
export * from "./indonesian-names.js";
export * from "./jaro-winkler.js";
export * from "./masking.js";
export * from "./name-similarity.js";
export * from "./verification-policy.js";
