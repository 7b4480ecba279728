// Sentra web chat widget. A host page includes:
//   <script src="https://sentra.example/widget.js" data-key="wc_…" data-language="id"></script>
// (data-language is optional.)
// Framework-free on purpose: it runs inside other people's pages. The visitor token is kept in localStorage,
// so a reload keeps the conversation; the socket pushes agent messages and typing, and after a reconnect the
// widget fetches what it missed with ?after=<last message id>.
(() => {
  const script = document.currentScript;
  const chatKey = script?.dataset.key;
  if (!chatKey) {
    console.warn("Sentra chat: the script tag needs data-key.");
    return;
  }
  const base = new URL(script.src, location.href).origin;
  const storageKey = `sentra-webchat:${chatKey}`;
  const state = { token: null, lastId: null, seen: new Set(), socket: null, retryMs: 1000, typingSentAt: 0 };
  try {
    Object.assign(state, JSON.parse(localStorage.getItem(storageKey) ?? "{}"), { seen: new Set() });
  } catch {
    localStorage.removeItem(storageKey);
  }
  const save = () =>
    localStorage.setItem(storageKey, JSON.stringify({ token: state.token, lastId: state.lastId }));

  const el = (tag, props = {}, children = []) => {
    const node = Object.assign(document.createElement(tag), props);
    for (const child of children) node.append(child);
    return node;
  };

  const style = el("style", {
    textContent: `
.sentra-chat{position:fixed;right:1rem;bottom:1rem;z-index:2147483000;font:14px/1.4 system-ui,sans-serif}
.sentra-chat button{font:inherit;cursor:pointer}
.sentra-launch{border:0;border-radius:2rem;padding:.75rem 1.25rem;background:#1c64f2;color:#fff;box-shadow:0 2px 8px #0003}
.sentra-panel{width:20rem;height:28rem;display:flex;flex-direction:column;background:#fff;border-radius:.75rem;
  box-shadow:0 4px 24px #0003;overflow:hidden;margin-bottom:.5rem}
.sentra-head{background:#1c64f2;color:#fff;padding:.6rem .8rem;display:flex;justify-content:space-between}
.sentra-head button{background:none;border:0;color:#fff}
.sentra-form{display:flex;flex-direction:column;gap:.5rem;padding:.8rem}
.sentra-form input,.sentra-compose input{font:inherit;padding:.45rem;border:1px solid #ccd;border-radius:.4rem}
.sentra-list{flex:1;overflow-y:auto;padding:.6rem;display:flex;flex-direction:column;gap:.4rem}
.sentra-msg{max-width:80%;padding:.4rem .6rem;border-radius:.6rem;white-space:pre-wrap;word-break:break-word}
.sentra-visitor{align-self:flex-end;background:#1c64f2;color:#fff}
.sentra-agent{align-self:flex-start;background:#eef}
.sentra-status{font-size:12px;color:#667;padding:0 .6rem;min-height:1.2em}
.sentra-compose{display:flex;gap:.4rem;padding:.5rem;border-top:1px solid #eee}
.sentra-compose input{flex:1}`,
  });

  const api = async (method, path, body) => {
    const response = await fetch(`${base}/api/v1/webchat${path}`, {
      method,
      headers: {
        ...(body ? { "content-type": "application/json" } : {}),
        ...(state.token ? { "x-webchat-token": state.token } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok)
      throw Object.assign(new Error(data.error?.message ?? "Chat unavailable"), { status: response.status });
    return data;
  };

  const status = el("div", { className: "sentra-status" });
  const list = el("div", { className: "sentra-list", role: "log", ariaLive: "polite" });
  const input = el("input", { placeholder: "Type a message…", maxLength: 4000, ariaLabel: "Message" });
  const compose = el("form", { className: "sentra-compose" }, [
    input,
    el("button", { type: "submit", textContent: "Send" }),
  ]);
  const field = (name, label, type = "text") =>
    el("input", { name, type, placeholder: label, ariaLabel: label });
  const form = el("form", { className: "sentra-form" }, [
    el("div", { textContent: "Hello! Tell us who you are and we'll connect you to an agent." }),
    field("name", "Your name"),
    field("email", "Email", "email"),
    field("phone", "Phone", "tel"),
    field("topic", "What is it about?"),
    el("button", { type: "submit", textContent: "Start chat" }),
  ]);
  const close = el("button", { textContent: "✕", ariaLabel: "Close chat" });
  const panel = el("div", { className: "sentra-panel", hidden: true }, [
    el("div", { className: "sentra-head" }, [el("strong", { textContent: "Chat with us" }), close]),
    form,
    list,
    status,
    compose,
  ]);
  const launcher = el("button", { className: "sentra-launch", textContent: "Chat" });
  const root = el("div", { className: "sentra-chat" }, [panel, launcher]);

  const showChat = (chatting) => {
    form.hidden = chatting;
    list.hidden = !chatting;
    compose.hidden = !chatting;
  };

  const render = (message) => {
    if (state.seen.has(message.id)) return;
    state.seen.add(message.id);
    list.append(el("div", { className: `sentra-msg sentra-${message.from}`, textContent: message.text }));
    list.scrollTop = list.scrollHeight;
    state.lastId = message.id;
    save();
    if (message.from === "agent" && state.socket?.readyState === WebSocket.OPEN) {
      state.socket.send(JSON.stringify({ type: "ack", messageId: message.id }));
    }
  };

  const catchUp = async () => {
    const query = state.lastId && state.seen.size > 0 ? `?after=${state.lastId}` : "";
    const { items } = await api("GET", `/messages${query}`);
    for (const message of items) render(message);
  };

  const connect = () => {
    const url = `${base.replace(/^http/, "ws")}/api/v1/webchat/socket?token=${encodeURIComponent(state.token)}`;
    const socket = new WebSocket(url);
    state.socket = socket;
    socket.onopen = () => {
      state.retryMs = 1000;
      status.textContent = "";
      catchUp().catch(() => {});
    };
    socket.onmessage = (event) => {
      const push = JSON.parse(event.data);
      if (push.type === "message") {
        render(push.message);
        status.textContent = "";
      } else if (push.type === "typing") status.textContent = push.typing ? "Agent is typing…" : "";
    };
    socket.onclose = (event) => {
      if (state.socket !== socket) return;
      if (event.code === 4401) return forget();
      status.textContent = "Reconnecting…";
      setTimeout(() => state.token && connect(), state.retryMs);
      state.retryMs = Math.min(state.retryMs * 2, 30_000);
    };
  };

  const forget = () => {
    state.token = null;
    state.lastId = null;
    state.socket = null;
    state.seen.clear();
    list.replaceChildren();
    localStorage.removeItem(storageKey);
    showChat(false);
  };

  const resume = async () => {
    showChat(true);
    try {
      state.seen.clear();
      state.lastId = null;
      await catchUp();
      connect();
    } catch (error) {
      if (error.status === 401) forget();
      else status.textContent = error.message;
    }
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(
      [...new FormData(form)].filter(([, value]) => String(value).trim() !== ""),
    );
    try {
      // The host page may name the chat's language (data-language="en"); else the key's language applies.
      // The browser's language is not used: a chat in a language no agent speaks would wait unrouted.
      const language = script.dataset.language;
      const session = await api("POST", "/sessions", {
        key: chatKey,
        ...values,
        ...(language ? { language } : {}),
      });
      state.token = session.token;
      save();
      await resume();
    } catch (error) {
      status.textContent = error.message;
    }
  });

  compose.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    try {
      render(await api("POST", "/messages", { text }));
      input.value = "";
      status.textContent = "";
    } catch (error) {
      if (error.status === 401) forget();
      status.textContent = error.message;
    }
  });

  input.addEventListener("input", () => {
    const now = Date.now();
    if (now - state.typingSentAt < 3000 || state.socket?.readyState !== WebSocket.OPEN) return;
    state.typingSentAt = now;
    state.socket.send(JSON.stringify({ type: "typing", typing: true }));
  });

  launcher.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    if (!panel.hidden && state.token && !state.socket) resume();
  });
  close.addEventListener("click", () => {
    panel.hidden = true;
  });

  showChat(false);
  document.head.append(style);
  document.body.append(root);
})();
