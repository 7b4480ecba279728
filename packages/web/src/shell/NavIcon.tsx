import {
  IconDeviceDesktop,
  IconKey,
  IconLayoutDashboard,
  IconListDetails,
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
} as const;

export function NavIcon({ icon }: { icon: NavItem["icon"] }) {
  const Icon = ICONS[icon];
  return <Icon size={18} stroke={1.6} aria-hidden />;
}
