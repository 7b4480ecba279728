import type { Migration } from "kysely";
import * as foundation from "./0001-foundation.js";
import * as routing from "./0002-routing.js";
import * as customers from "./0003-customers.js";
import * as casesKb from "./0004-cases-kb.js";
import * as wfmForecast from "./0005-wfm-forecast.js";
import * as wfmSchedule from "./0006-wfm-schedule.js";
import * as conversations from "./0007-conversations.js";
import * as webChat from "./0008-web-chat.js";
import * as cannedResponses from "./0009-canned-responses.js";
import * as messaging from "./0010-messaging.js";
import * as webChatExtras from "./0011-web-chat-extras.js";
import * as imapMailboxes from "./0012-imap-mailboxes.js";
import * as ivrFlows from "./0013-ivr-flows.js";
import * as voiceCalls from "./0014-voice-calls.js";
import * as sipEndpoints from "./0015-sip-endpoints.js";

/**
 * Versioned migrations, applied in name order and recorded in kysely_migration. Never edit a migration that
 * has shipped; add the next number instead.
 */
export const migrations: Record<string, Migration> = {
  "0001-foundation": foundation,
  "0002-routing": routing,
  "0003-customers": customers,
  "0004-cases-kb": casesKb,
  "0005-wfm-forecast": wfmForecast,
  "0006-wfm-schedule": wfmSchedule,
  "0007-conversations": conversations,
  "0008-web-chat": webChat,
  "0009-canned-responses": cannedResponses,
  "0010-messaging": messaging,
  "0011-web-chat-extras": webChatExtras,
  "0012-imap-mailboxes": imapMailboxes,
  "0013-ivr-flows": ivrFlows,
  "0014-voice-calls": voiceCalls,
  "0015-sip-endpoints": sipEndpoints,
};
