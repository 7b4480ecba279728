import {
  IconAddressBook,
  IconAdjustmentsHorizontal,
  IconBook,
  IconBulb,
  IconCalendar,
  IconCalendarTime,
  IconChartLine,
  IconDeviceDesktop,
  IconFileImport,
  IconFlask,
  IconGitMerge,
  IconHeadset,
  IconKey,
  IconLayoutDashboard,
  IconListDetails,
  IconMessages,
  IconPhoneCall,
  IconStack2,
  IconTemplate,
  IconTicket,
  IconUserCheck,
  IconUsers,
  IconUsersGroup,
} from "../components/icons";
import type { NavItem } from "./navigation";

const ICONS = {
  desktop: IconDeviceDesktop,
  wallboard: IconLayoutDashboard,
  users: IconUsers,
  teams: IconUsersGroup,
  keys: IconKey,
  audit: IconListDetails,
  skills: IconBulb,
  queues: IconStack2,
  agents: IconHeadset,
  routingSettings: IconAdjustmentsHorizontal,
  customers: IconAddressBook,
  cases: IconTicket,
  kb: IconBook,
  duplicates: IconGitMerge,
  import: IconFileImport,
  forecast: IconChartLine,
  schedules: IconCalendarTime,
  adherence: IconUserCheck,
  simulation: IconFlask,
  mySchedule: IconCalendar,
  liveConversations: IconMessages,
  cannedResponses: IconTemplate,
  ivr: IconPhoneCall,
} as const;

export function NavIcon({ icon }: { icon: NavItem["icon"] }) {
  const Icon = ICONS[icon];
  return <Icon size={18} stroke={1.6} aria-hidden />;
}
