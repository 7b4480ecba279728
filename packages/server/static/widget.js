// Sentra web chat widget. A host page includes:
//   <script src="https://sentra.example/widget.js" data-key="wc_…" data-language="id"></script>
// (data-language is optional: the pre-chat form's language choice starts there.)
// Framework-free on purpose: it runs inside other people's pages. The visitor token is kept in localStorage,
// so a reload keeps the conversation; the socket pushes agent messages, typing, read receipts and the end
// of the chat, and after a reconnect the widget fetches what it missed with ?after=<last message id>.
(() => {
  const script = document.currentScript;
  const chatKey = script?.dataset.key;
  if (!chatKey) {
    console.warn("Sentra chat: the script tag needs data-key.");
    return;
  }
  const base = new URL(script.src, location.href).origin;
  const storageKey = `sentra-webchat:${chatKey}`;

  const STRINGS = {
    en: {
      launcher: "Chat",
      title: "Chat with us",
      close: "Close chat",
      hello: "Hello! Tell us who you are and we'll connect you to an agent.",
      name: "Your name",
      email: "Email",
      phone: "Phone",
      topic: "What is it about?",
      language: "Language",
      start: "Start chat",
      message: "Type a message…",
      send: "Send",
      attach: "Attach a file",
      typing: "Agent is typing…",
      reconnecting: "Reconnecting…",
      uploading: "Sending the file…",
      read: "Read",
      end: "End chat",
      ended: "The chat has ended.",
      rate: "How did we do? (1 = poor, 5 = great)",
      comment: "Anything to add? (optional)",
      submitRating: "Send rating",
      thanks: "Thank you for your feedback!",
      transcript: "Email me the transcript",
      transcriptSent: "The transcript is on its way to",
      newChat: "Start a new chat",
      offlineClosed: "We're closed right now. Leave a message and we'll email you back.",
      offlineNoAgents: "No one is available right now. Leave a message and we'll email you back.",
      offlineMessage: "Your message",
      offlineSend: "Send message",
      offlineThanks: "Thank you! We received your message and will reply by email.",
      tooBig: "The file is too large; the limit is",
      badType: "This type of file is not accepted.",
    },
    id: {
      launcher: "Obrolan",
      title: "Mengobrol dengan kami",
      close: "Tutup obrolan",
      hello: "Halo! Beri tahu kami siapa Anda dan kami akan menghubungkan Anda dengan agen.",
      name: "Nama Anda",
      email: "Email",
      phone: "Telepon",
      topic: "Tentang apa?",
      language: "Bahasa",
      start: "Mulai obrolan",
      message: "Ketik pesan…",
      send: "Kirim",
      attach: "Lampirkan berkas",
      typing: "Agen sedang mengetik…",
      reconnecting: "Menghubungkan ulang…",
      uploading: "Mengirim berkas…",
      read: "Dibaca",
      end: "Akhiri obrolan",
      ended: "Obrolan telah berakhir.",
      rate: "Bagaimana layanan kami? (1 = buruk, 5 = sangat baik)",
      comment: "Ada tambahan? (opsional)",
      submitRating: "Kirim penilaian",
      thanks: "Terima kasih atas masukan Anda!",
      transcript: "Kirim transkrip ke email saya",
      transcriptSent: "Transkrip sedang dikirim ke",
      newChat: "Mulai obrolan baru",
      offlineClosed: "Kami sedang tutup. Tinggalkan pesan dan kami akan membalas lewat email.",
      offlineNoAgents: "Belum ada agen yang tersedia. Tinggalkan pesan dan kami akan membalas lewat email.",
      offlineMessage: "Pesan Anda",
      offlineSend: "Kirim pesan",
      offlineThanks: "Terima kasih! Pesan Anda sudah kami terima dan akan kami balas lewat email.",
      tooBig: "Berkas terlalu besar; batasnya",
      badType: "Jenis berkas ini tidak diterima.",
    },
  };

  const state = {
    token: null,
    lastId: null,
    email: null,
    language: null,
    seen: new Set(),
    socket: null,
    retryMs: 1000,
    typingSentAt: 0,
    readUpTo: null,
    limits: null,
    view: "none",
  };
  try {
    Object.assign(state, JSON.parse(localStorage.getItem(storageKey) ?? "{}"), { seen: new Set() });
  } catch {
    localStorage.removeItem(storageKey);
  }
  const save = () =>
    localStorage.setItem(
      storageKey,
      JSON.stringify({
        token: state.token,
        lastId: state.lastId,
        email: state.email,
        language: state.language,
      }),
    );
  // The visitor's choice, else the host page's data-language, else the key's language, else English.
  let keyLanguage = null;
  const lang = () =>
    [state.language, script.dataset.language, keyLanguage].find((code) => code && STRINGS[code]) ?? "en";
  const t = (name) => STRINGS[lang()][name];

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
.sentra-panel{width:20rem;height:30rem;display:flex;flex-direction:column;background:#fff;border-radius:.75rem;
  box-shadow:0 4px 24px #0003;overflow:hidden;margin-bottom:.5rem}
.sentra-head{background:#1c64f2;color:#fff;padding:.6rem .8rem;display:flex;gap:.4rem;align-items:center}
.sentra-head strong{flex:1}
.sentra-head button{background:none;border:0;color:#fff}
.sentra-form{display:flex;flex-direction:column;gap:.5rem;padding:.8rem;overflow-y:auto}
.sentra-form input,.sentra-form select,.sentra-form textarea,.sentra-compose input{font:inherit;padding:.45rem;border:1px solid #ccd;border-radius:.4rem}
.sentra-body{flex:1;display:flex;flex-direction:column;min-height:0}
.sentra-list{flex:1;overflow-y:auto;padding:.6rem;display:flex;flex-direction:column;gap:.4rem}
.sentra-msg{max-width:80%;padding:.4rem .6rem;border-radius:.6rem;white-space:pre-wrap;word-break:break-word}
.sentra-msg img{display:block;max-width:100%;max-height:8rem;border-radius:.3rem;margin-top:.3rem}
.sentra-msg a{color:inherit}
.sentra-visitor{align-self:flex-end;background:#1c64f2;color:#fff}
.sentra-agent{align-self:flex-start;background:#eef}
.sentra-read{align-self:flex-end;font-size:11px;color:#667;margin-top:-.3rem}
.sentra-status{font-size:12px;color:#667;padding:0 .6rem;min-height:1.2em}
.sentra-compose{display:flex;gap:.4rem;padding:.5rem;border-top:1px solid #eee}
.sentra-compose input{flex:1;min-width:0}
.sentra-stars{display:flex;gap:.3rem}
.sentra-stars button{flex:1;padding:.4rem 0;border:1px solid #ccd;border-radius:.4rem;background:#fff}
.sentra-stars button[aria-pressed=true]{background:#1c64f2;color:#fff}`,
  });

  const api = async (method, path, body, extraHeaders = {}) => {
    const raw = body instanceof Blob;
    const response = await fetch(`${base}/api/v1/webchat${path}`, {
      method,
      headers: {
        ...(body && !raw ? { "content-type": "application/json" } : {}),
        ...(state.token ? { "x-webchat-token": state.token } : {}),
        ...extraHeaders,
      },
      ...(body ? { body: raw ? body : JSON.stringify(body) } : {}),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok)
      throw Object.assign(new Error(data.error?.message ?? "Chat unavailable"), { status: response.status });
    return data;
  };
  const fileUrl = (id) => `${base}/api/v1/webchat/attachments/${id}?token=${encodeURIComponent(state.token)}`;

  // Everything with text is built by a function so a language change redraws it.
  const status = el("div", { className: "sentra-status", role: "status" });
  const list = el("div", { className: "sentra-list", role: "log", ariaLive: "polite" });
  const input = el("input", { maxLength: 4000 });
  const fileInput = el("input", { type: "file", hidden: true });
  const attachButton = el("button", { type: "button", textContent: "📎" });
  const sendButton = el("button", { type: "submit" });
  const compose = el("form", { className: "sentra-compose" }, [attachButton, fileInput, input, sendButton]);
  const field = (name, type = "text") => el("input", { name, type });
  const fields = {
    name: field("name"),
    email: field("email", "email"),
    phone: field("phone", "tel"),
    topic: field("topic"),
  };
  const languageSelect = el("select", { name: "language" }, [
    el("option", { value: "en", textContent: "English" }),
    el("option", { value: "id", textContent: "Bahasa Indonesia" }),
  ]);
  const hello = el("div");
  const startButton = el("button", { type: "submit" });
  const form = el("form", { className: "sentra-form" }, [
    hello,
    languageSelect,
    fields.name,
    fields.email,
    fields.phone,
    fields.topic,
    startButton,
  ]);
  const offlineIntro = el("div");
  const offlineFields = {
    name: field("name"),
    email: field("email", "email"),
    message: el("textarea", { name: "message", rows: 4, maxLength: 4000 }),
  };
  const offlineButton = el("button", { type: "submit" });
  const offlineForm = el("form", { className: "sentra-form" }, [
    offlineIntro,
    offlineFields.name,
    offlineFields.email,
    offlineFields.message,
    offlineButton,
  ]);
  const endedText = el("div");
  const rateText = el("div");
  const stars = el("div", { className: "sentra-stars" });
  let rating = 0;
  for (let value = 1; value <= 5; value++) {
    const star = el("button", { type: "button", textContent: String(value) });
    star.setAttribute("aria-pressed", "false");
    star.addEventListener("click", () => {
      rating = value;
      for (const other of stars.children) other.setAttribute("aria-pressed", String(other === star));
    });
    stars.append(star);
  }
  const comment = el("textarea", { rows: 2, maxLength: 2000 });
  const rateButton = el("button", { type: "submit" });
  const transcriptEmail = el("input", { type: "email", name: "transcript-email" });
  const transcriptButton = el("button", { type: "button" });
  const newChatButton = el("button", { type: "button" });
  const survey = el("form", { className: "sentra-form" }, [
    endedText,
    rateText,
    stars,
    comment,
    rateButton,
    transcriptEmail,
    transcriptButton,
    newChatButton,
  ]);
  const title = el("strong");
  const endButton = el("button", { type: "button" });
  const close = el("button", { type: "button", textContent: "✕" });
  // Only the current view is in the page, so screen readers and searches find one form at a time.
  const body = el("div", { className: "sentra-body" });
  const panel = el("div", { className: "sentra-panel", hidden: true }, [
    el("div", { className: "sentra-head" }, [title, endButton, close]),
    body,
  ]);
  const launcher = el("button", { className: "sentra-launch" });
  const root = el("div", { className: "sentra-chat" }, [panel, launcher]);

  const label = (node, text, prop = "placeholder") => {
    node[prop] = text;
    node.setAttribute("aria-label", text);
  };
  const translate = () => {
    root.lang = lang();
    launcher.textContent = t("launcher");
    title.textContent = t("title");
    close.setAttribute("aria-label", t("close"));
    endButton.textContent = t("end");
    hello.textContent = t("hello");
    label(languageSelect, t("language"), "title");
    label(fields.name, t("name"));
    label(fields.email, t("email"));
    label(fields.phone, t("phone"));
    label(fields.topic, t("topic"));
    startButton.textContent = t("start");
    label(input, t("message"));
    sendButton.textContent = t("send");
    label(attachButton, t("attach"), "title");
    label(offlineFields.name, t("name"));
    label(offlineFields.email, t("email"));
    label(offlineFields.message, t("offlineMessage"));
    offlineButton.textContent = t("offlineSend");
    endedText.textContent = t("ended");
    rateText.textContent = t("rate");
    label(comment, t("comment"));
    rateButton.textContent = t("submitRating");
    transcriptButton.textContent = t("transcript");
    label(transcriptEmail, t("email"));
    newChatButton.textContent = t("newChat");
    for (const mark of list.querySelectorAll(".sentra-read")) mark.textContent = t("read");
  };

  const VIEWS = {
    none: [],
    form: [form, status],
    offline: [offlineForm, status],
    chat: [list, status, compose],
    ended: [list, survey, status],
  };
  /** Which view the panel shows: "form", "offline", "chat" or "ended". */
  const show = (view) => {
    state.view = view;
    body.replaceChildren(...VIEWS[view]);
    endButton.hidden = view !== "chat";
  };

  const attachmentNode = (file) =>
    file.contentType.startsWith("image/")
      ? el("a", { href: fileUrl(file.id), target: "_blank", rel: "noopener" }, [
          el("img", { src: fileUrl(file.id), alt: file.fileName }),
        ])
      : el("a", {
          href: fileUrl(file.id),
          target: "_blank",
          rel: "noopener",
          download: file.fileName,
          textContent: `📄 ${file.fileName}`,
        });

  /** Tells the server the visitor has seen the agent's messages so far, while the chat is on screen. */
  const reportRead = () => {
    const agentMessages = list.querySelectorAll(".sentra-agent");
    const last = agentMessages[agentMessages.length - 1]?.dataset.id;
    if (!last || last === state.readUpTo || panel.hidden || document.hidden) return;
    if (state.socket?.readyState !== WebSocket.OPEN) return;
    state.readUpTo = last;
    state.socket.send(JSON.stringify({ type: "read", upTo: last }));
  };

  /** "Read" under the visitor's last message the agent has seen. */
  const markRead = (upTo) => {
    const nodes = [...list.querySelectorAll(".sentra-msg")];
    const index = nodes.findIndex((node) => node.dataset.id === upTo);
    if (index < 0) return;
    const lastVisitor = nodes
      .slice(0, index + 1)
      .findLast((node) => node.classList.contains("sentra-visitor"));
    if (!lastVisitor) return;
    for (const mark of list.querySelectorAll(".sentra-read")) mark.remove();
    lastVisitor.after(el("div", { className: "sentra-read", textContent: t("read") }));
  };

  const render = (message) => {
    if (state.seen.has(message.id)) return;
    state.seen.add(message.id);
    const files = message.attachments ?? [];
    // A file sent alone carries its name as text; the link shows it already.
    const text = files.length === 1 && message.text === files[0].fileName ? "" : message.text;
    const bubble = el("div", { className: `sentra-msg sentra-${message.from}`, textContent: text });
    bubble.dataset.id = message.id;
    for (const file of files) bubble.append(attachmentNode(file));
    list.append(bubble);
    list.scrollTop = list.scrollHeight;
    state.lastId = message.id;
    save();
    if (message.from === "agent" && state.socket?.readyState === WebSocket.OPEN) {
      state.socket.send(JSON.stringify({ type: "ack", messageId: message.id }));
      reportRead();
    }
  };

  const catchUp = async () => {
    const query = state.lastId && state.seen.size > 0 ? `?after=${state.lastId}` : "";
    const { items, ended } = await api("GET", `/messages${query}`);
    for (const message of items) render(message);
    return ended;
  };

  const connect = () => {
    const url = `${base.replace(/^http/, "ws")}/api/v1/webchat/socket?token=${encodeURIComponent(state.token)}`;
    const socket = new WebSocket(url);
    state.socket = socket;
    socket.onopen = () => {
      state.retryMs = 1000;
      status.textContent = "";
      catchUp()
        .then(reportRead)
        .catch(() => {});
    };
    socket.onmessage = (event) => {
      let push;
      try {
        push = JSON.parse(event.data);
      } catch {
        return;
      }
      if (push.type === "message") {
        render(push.message);
        status.textContent = "";
      } else if (push.type === "typing") status.textContent = push.typing ? t("typing") : "";
      else if (push.type === "read" && push.by === "agent") markRead(push.upTo);
      else if (push.type === "ended") showEnded();
    };
    socket.onclose = (event) => {
      if (state.socket !== socket) return;
      if (event.code === 4401) return forget();
      status.textContent = t("reconnecting");
      setTimeout(() => state.token && state.socket === socket && connect(), state.retryMs);
      state.retryMs = Math.min(state.retryMs * 2, 30_000);
    };
  };

  const disconnect = () => {
    const socket = state.socket;
    state.socket = null;
    socket?.close();
  };

  const forget = () => {
    disconnect();
    state.token = null;
    state.lastId = null;
    state.readUpTo = null;
    state.seen.clear();
    list.replaceChildren();
    status.textContent = "";
    save();
    localStorage.removeItem(storageKey);
    openForm();
  };

  const showEnded = () => {
    disconnect();
    status.textContent = "";
    transcriptEmail.value = state.email ?? "";
    show("ended");
  };

  /** A new visitor: the pre-chat form when someone can answer, else the offline form. */
  const openForm = async () => {
    show("form");
    try {
      const config = await api("GET", `/config?key=${encodeURIComponent(chatKey)}`);
      state.limits = config.attachments;
      keyLanguage = config.language;
      languageSelect.value = lang();
      translate();
      if (!config.online) {
        offlineIntro.textContent = config.reason === "closed" ? t("offlineClosed") : t("offlineNoAgents");
        offlineIntro.dataset.reason = config.reason;
        show("offline");
      }
    } catch (error) {
      status.textContent = error.message;
    }
  };

  const resume = async () => {
    show("chat");
    try {
      state.seen.clear();
      state.lastId = null;
      list.replaceChildren();
      const ended = await catchUp();
      if (ended) showEnded();
      else connect();
      if (!state.limits) {
        api("GET", `/config?key=${encodeURIComponent(chatKey)}`)
          .then((config) => {
            state.limits = config.attachments;
          })
          .catch(() => {});
      }
    } catch (error) {
      if (error.status === 401) forget();
      else status.textContent = error.message;
    }
  };

  languageSelect.addEventListener("change", () => {
    state.language = languageSelect.value;
    translate();
    if (state.view === "offline")
      offlineIntro.textContent =
        offlineIntro.dataset.reason === "closed" ? t("offlineClosed") : t("offlineNoAgents");
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(
      [...new FormData(form)].filter(([, value]) => String(value).trim() !== ""),
    );
    try {
      // The visitor's choice of language routes the chat (agents with that language) and sets the widget's.
      const session = await api("POST", "/sessions", { key: chatKey, ...values });
      state.token = session.token;
      state.email = values.email ?? null;
      state.language = values.language ?? lang();
      save();
      await resume();
    } catch (error) {
      status.textContent = error.message;
    }
  });

  offlineForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("POST", "/offline", {
        key: chatKey,
        name: offlineFields.name.value.trim(),
        email: offlineFields.email.value.trim(),
        message: offlineFields.message.value.trim(),
        language: lang(),
      });
      offlineForm.replaceChildren(el("div", { textContent: t("offlineThanks") }));
      status.textContent = "";
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

  attachButton.addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    if (state.limits && file.size > state.limits.maxBytes) {
      status.textContent = `${t("tooBig")} ${Math.round((state.limits.maxBytes / 1048576) * 10) / 10} MB.`;
      return;
    }
    if (state.limits && !state.limits.types.includes(file.type)) {
      status.textContent = t("badType");
      return;
    }
    status.textContent = t("uploading");
    try {
      render(
        await api("POST", "/attachments", file, {
          "content-type": file.type || "application/octet-stream",
          "x-file-name": encodeURIComponent(file.name),
        }),
      );
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

  endButton.addEventListener("click", async () => {
    try {
      await api("POST", "/end");
      showEnded();
    } catch (error) {
      status.textContent = error.message;
    }
  });

  survey.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (rating === 0) return;
    try {
      const text = comment.value.trim();
      await api("POST", "/csat", { rating, ...(text ? { comment: text } : {}) });
      for (const node of [rateText, stars, comment, rateButton]) node.hidden = true;
      endedText.textContent = t("thanks");
    } catch (error) {
      status.textContent = error.message;
    }
  });

  transcriptButton.addEventListener("click", async () => {
    try {
      const email = transcriptEmail.value.trim();
      const { to } = await api("POST", "/transcript", email ? { email } : {});
      transcriptButton.hidden = true;
      transcriptEmail.hidden = true;
      status.textContent = `${t("transcriptSent")} ${to}.`;
    } catch (error) {
      status.textContent = error.message;
    }
  });

  newChatButton.addEventListener("click", () => {
    rating = 0;
    comment.value = "";
    for (const node of [rateText, stars, comment, rateButton, transcriptEmail, transcriptButton])
      node.hidden = false;
    for (const star of stars.children) star.setAttribute("aria-pressed", "false");
    endedText.textContent = t("ended");
    forget();
  });

  launcher.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    if (panel.hidden) return;
    if (state.token && !state.socket) resume();
    else if (!state.token && state.view === "none") openForm();
    else reportRead();
  });
  close.addEventListener("click", () => {
    panel.hidden = true;
  });
  document.addEventListener("visibilitychange", reportRead);

  languageSelect.value = lang();
  translate();
  show("none");
  document.head.append(style);
  document.body.append(root);
})();
