import { type Permission, type Role, roleAllows } from "@sentra/core";
import { roleHas, type WfmPermission } from "../wfm/access";

export interface NavItem {
  path: string;
  /** i18n key of the label. */
  labelKey: string;
  section: "work" | "admin" | "wfm";
  icon:
    | "desktop"
    | "wallboard"
    | "users"
    | "teams"
    | "keys"
    | "audit"
    | "skills"
    | "queues"
    | "agents"
    | "routingSettings"
    | "customers"
    | "cases"
    | "kb"
    | "duplicates"
    | "import"
    | "forecast"
    | "schedules"
    | "adherence"
    | "simulation"
    | "mySchedule"
    | "liveConversations"
    | "cannedResponses"
    | "ivr";
  /** Who sees the item and may open the page; mirrors the API's permission matrix. */
  allowed: (role: Role) => boolean;
}

const can = (permission: Permission) => (role: Role) => roleAllows(role, permission);
const canWfm = (permission: WfmPermission) => (role: Role) => roleHas(role, permission);

export const NAV_ITEMS: readonly NavItem[] = [
  {
    path: "/agent",
    labelKey: "nav.agentDesktop",
    section: "work",
    icon: "desktop",
    allowed: can("routing:work"),
  },
  {
    path: "/wallboard",
    labelKey: "nav.wallboard",
    section: "work",
    icon: "wallboard",
    allowed: can("stats:read"),
  },
  {
    path: "/conversations/live",
    labelKey: "nav.liveConversations",
    section: "work",
    icon: "liveConversations",
    allowed: can("routing:supervise"),
  },
  {
    path: "/customers",
    labelKey: "nav.customers",
    section: "work",
    icon: "customers",
    allowed: can("customers:read"),
  },
  {
    path: "/cases",
    labelKey: "nav.cases",
    section: "work",
    icon: "cases",
    allowed: can("cases:read"),
  },
  {
    path: "/kb",
    labelKey: "nav.kb",
    section: "work",
    icon: "kb",
    allowed: can("kb:read"),
  },
  {
    path: "/admin/users",
    labelKey: "nav.users",
    section: "admin",
    icon: "users",
    allowed: can("users:manage"),
  },
  {
    path: "/admin/teams",
    labelKey: "nav.teams",
    section: "admin",
    icon: "teams",
    allowed: can("teams:manage"),
  },
  {
    path: "/admin/queues",
    labelKey: "nav.queues",
    section: "admin",
    icon: "queues",
    allowed: can("routing:configure"),
  },
  {
    path: "/admin/skills",
    labelKey: "nav.skills",
    section: "admin",
    icon: "skills",
    allowed: can("routing:configure"),
  },
  {
    path: "/admin/agents",
    labelKey: "nav.agents",
    section: "admin",
    icon: "agents",
    allowed: can("routing:configure"),
  },
  {
    path: "/admin/routing-settings",
    labelKey: "nav.routingSettings",
    section: "admin",
    icon: "routingSettings",
    allowed: can("routing:configure"),
  },
  {
    path: "/admin/api-keys",
    labelKey: "nav.apiKeys",
    section: "admin",
    icon: "keys",
    allowed: can("api_keys:manage"),
  },
  {
    path: "/admin/audit",
    labelKey: "nav.audit",
    section: "admin",
    icon: "audit",
    allowed: can("audit:read"),
  },
  {
    path: "/admin/canned-responses",
    labelKey: "nav.cannedResponses",
    section: "admin",
    icon: "cannedResponses",
    allowed: can("channels:manage"),
  },
  {
    path: "/customers/duplicates",
    labelKey: "nav.duplicates",
    section: "admin",
    icon: "duplicates",
    allowed: can("customers:merge"),
  },
  {
    path: "/customers/import",
    labelKey: "nav.customerImport",
    section: "admin",
    icon: "import",
    allowed: can("customers:import"),
  },
  {
    path: "/admin/ivr",
    labelKey: "nav.ivr",
    section: "admin",
    icon: "ivr",
    allowed: can("voice:manage"),
  },
  {
    path: "/wfm/forecast",
    labelKey: "wfm.nav.forecast",
    section: "wfm",
    icon: "forecast",
    allowed: canWfm("wfm:read"),
  },
  {
    path: "/wfm/schedules",
    labelKey: "wfm.nav.schedules",
    section: "wfm",
    icon: "schedules",
    allowed: canWfm("wfm:read"),
  },
  {
    path: "/wfm/adherence",
    labelKey: "wfm.nav.adherence",
    section: "wfm",
    icon: "adherence",
    allowed: canWfm("wfm:read"),
  },
  {
    path: "/wfm/simulation",
    labelKey: "wfm.nav.simulation",
    section: "wfm",
    icon: "simulation",
    allowed: canWfm("wfm:plan"),
  },
  {
    path: "/wfm/my-schedule",
    labelKey: "wfm.nav.mySchedule",
    section: "work",
    icon: "mySchedule",
    allowed: can("routing:work"),
  },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.allowed(role));
}

/** Admins come to administer and supervisors to watch the floor; everyone else starts on their first screen. */
const HOME: Partial<Record<Role, string>> = {
  admin: "/admin/users",
  supervisor: "/wallboard",
  wfm: "/wfm/forecast",
};

/** Where a role lands after login: its start screen, or the welcome page for roles whose screens come later. */
export function homePathFor(role: Role): string {
  return HOME[role] ?? navItemsFor(role)[0]?.path ?? "/welcome";
}
