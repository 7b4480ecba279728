import { z } from "zod";
import { type Api, commonErrors, idParams } from "../http/api.js";
import type { Services } from "../services.js";
import { liveConversationView } from "./conversation-views.js";

const tags = ["conversations"];

/** What the agent desktop and the supervisor's live view add to the conversation API. */
export function registerConversationDeskRoutes(api: Api, services: Services): void {
  const { conversations, liveConversations } = services.channels;

  api.get(
    "/conversations/live",
    {
      config: { access: "conversations:read" },
      schema: {
        tags,
        description: "The tenant's open conversations whose interaction is still live, for supervisors.",
        response: { 200: z.object({ items: z.array(liveConversationView) }), ...commonErrors },
      },
    },
    async (request) => liveConversations.list(request.actor!),
  );

  api.post(
    "/conversations/:id/read",
    {
      config: { access: "conversations:reply" },
      schema: {
        tags,
        description:
          "The agent has seen the customer's messages up to this one: marks them read and tells a chat visitor.",
        params: idParams,
        body: z.object({ upTo: z.uuid("upTo is the id of the last message seen.") }),
        response: { 200: z.object({ upTo: z.string(), newlyRead: z.number() }), ...commonErrors },
      },
    },
    async (request) => conversations.markRead(request.actor!, request.params.id, request.body.upTo),
  );
}
