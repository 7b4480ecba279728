import { normaliseError, webChatMessageBody, webChatSessionBody } from "@sentra/core";
import { z } from "zod";
import { type Api, commonErrors } from "../../http/api.js";
import type { Services } from "../../services.js";
import { registerWebChatExtrasRoutes, visitorMessageView, visitorToken } from "./web-chat-extras-routes.js";

const tags = ["web chat (visitor)"];

const visitorMessage = visitorMessageView;

/**
 * What the visitor's socket may send: typing, acks of the agent messages it received, and that the visitor
 * has seen the agent's messages up to one (read receipts).
 */
const visitorSocketFrame = z.discriminatedUnion("type", [
  z.object({ type: z.literal("typing"), typing: z.boolean() }),
  z.object({ type: z.literal("ack"), messageId: z.uuid() }),
  z.object({ type: z.literal("read"), upTo: z.uuid() }),
]);

/**
 * The public visitor API of the web chat widget. No Sentra login: a session starts with the tenant's chat
 * key and the pre-chat form, then every call presents the visitor token (header `x-webchat-token`, or
 * `?token=` for the socket, which browsers cannot give headers).
 */
export function registerWebChatVisitorRoutes(api: Api, services: Services): void {
  const { webChatVisitors: visitors, webChatHub: hub } = services.channels;
  const limits = services.config.webChatRateLimits;
  const visitorRateLimit = { max: limits.requestsPerMinute, timeWindow: "1 minute" };

  api.post(
    "/webchat/sessions",
    {
      config: { access: "public", rateLimit: { max: limits.sessionsPerMinute, timeWindow: "1 minute" } },
      schema: {
        tags,
        body: webChatSessionBody,
        response: {
          201: z.object({ token: z.string(), conversationId: z.string() }),
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const { token, conversationId } = await visitors.startSession(request.body, request.headers.origin);
      return reply.status(201).send({ token, conversationId });
    },
  );

  api.get(
    "/webchat/messages",
    {
      config: { access: "public", rateLimit: visitorRateLimit },
      schema: {
        tags,
        querystring: z.object({ after: z.uuid("after= is a message id.").optional() }),
        response: {
          200: z.object({ items: z.array(visitorMessage), ended: z.boolean() }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const session = await visitors.session(visitorToken(request));
      return {
        items: await visitors.messages(session, request.query.after),
        ended: session.ended_at !== null,
      };
    },
  );

  api.post(
    "/webchat/messages",
    {
      config: { access: "public", rateLimit: visitorRateLimit },
      schema: { tags, body: webChatMessageBody, response: { 201: visitorMessage, ...commonErrors } },
    },
    async (request, reply) => {
      const session = await visitors.session(visitorToken(request));
      return reply.status(201).send(await visitors.send(session, request.body));
    },
  );

  api.get(
    "/webchat/socket",
    {
      websocket: true,
      config: { access: "public", rateLimit: visitorRateLimit },
      schema: {
        hide: true,
        querystring: z.object({ token: z.string().max(200).optional(), after: z.uuid().optional() }),
      },
    },
    async (socket, request) => {
      // Frames that arrive while the token is checked are handled once it is.
      const early: string[] = [];
      const buffer = (data: unknown) => early.push(String(data));
      socket.on("message", buffer);
      let session: Awaited<ReturnType<typeof visitors.session>>;
      try {
        session = await visitors.session(request.query.token);
      } catch (error) {
        const failure = normaliseError(error);
        socket.send(JSON.stringify({ type: "error", message: failure.message }));
        socket.close(4401, "unauthenticated");
        return;
      }
      socket.off("message", buffer);
      const detach = hub.attach(session.conversation_id, socket);
      if (request.query.after) {
        // A reconnect names the last message it saw and first gets what it missed.
        const missed = await visitors.messages(session, request.query.after).catch(() => []);
        for (const message of missed) socket.send(JSON.stringify({ type: "message", message }));
      }
      const handle = (data: string) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(data);
        } catch {
          parsed = undefined;
        }
        const frame = visitorSocketFrame.safeParse(parsed);
        if (!frame.success) {
          socket.send(
            JSON.stringify({ type: "error", message: "Send {type:'typing'|'ack'|'read', …} as JSON." }),
          );
          return;
        }
        if (frame.data.type === "read") {
          visitors
            .markRead(session, frame.data.upTo)
            .catch((error) => request.log.warn({ err: error }, "web chat read receipt not stored"));
        } else if (frame.data.type === "ack") {
          visitors
            .acknowledge(session, frame.data.messageId)
            .catch((error) => request.log.warn({ err: error }, "web chat ack not stored"));
        } else {
          void services.channels.webChatTyping.visitorTyping(session, frame.data.typing);
        }
      };
      for (const data of early) handle(data);
      socket.on("message", (data) => handle(String(data)));
      socket.on("close", detach);
      socket.on("error", (error) => request.log.warn({ err: error }, "web chat socket error"));
    },
  );
  registerWebChatExtrasRoutes(api, services);
}
