export * from "./article.js";
export * from "./excerpt.js";
export * from "./search-terms.js";
export * from "./stop-words.js";
