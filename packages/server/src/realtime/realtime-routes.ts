import type { Api } from "../http/api.js";
import type { Services } from "../services.js";

/** `GET /api/v1/realtime` upgrades to a WebSocket, authenticated like every API route. */
export function registerRealtimeRoutes(api: Api, services: Services): void {
  api.get(
    "/realtime",
    { websocket: true, config: { access: "authenticated" }, schema: { hide: true } },
    (socket, request) => {
      const actor = request.actor!;
      const { onMessage, onClose } = services.realtime.connect(actor, socket);
      services.metrics.realtimeConnections.inc();
      socket.on("message", (data, isBinary) => {
        if (isBinary) {
          onMessage("\u0000binary");
          return;
        }
        onMessage(data.toString());
      });
      socket.on("close", () => {
        services.metrics.realtimeConnections.dec();
        onClose();
      });
      socket.on("error", (error) => request.log.warn({ err: error }, "realtime socket error"));
    },
  );
}
