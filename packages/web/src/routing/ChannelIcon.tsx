import type { Channel } from "../api/routing-types";
import { IconMail, IconMessage, IconMessageCircle, IconPhone } from "../components/icons";

const ICONS = { voice: IconPhone, chat: IconMessageCircle, email: IconMail, message: IconMessage };

export function ChannelIcon({ channel, size = 16 }: { channel: Channel; size?: number }) {
  const Icon = ICONS[channel];
  return <Icon size={size} aria-hidden />;
}
