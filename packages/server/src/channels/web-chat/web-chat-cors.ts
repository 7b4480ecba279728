import type { FastifyCorsOptionsDelegateCallback } from "@fastify/cors";

const VISITOR_API = /^\/api\/v1\/webchat\//;

/**
 * The widget runs on the customer's website, so its calls to the visitor API are cross-origin. Only that
 * API answers CORS: it carries no cookies (the visitor token travels in a header), and the key's allowed
 * origins are checked when a session starts. Every other route stays same-origin.
 */
export const webChatCors: FastifyCorsOptionsDelegateCallback = (request, callback) => {
  callback(
    null,
    VISITOR_API.test(request.url)
      ? {
          origin: true,
          methods: ["GET", "POST"],
          allowedHeaders: ["content-type", "x-webchat-token", "x-file-name"],
          maxAge: 600,
        }
      : { origin: false },
  );
};
