import type { Channel } from "../api/routing-types";
import {
  IconMail,
  IconMessage,
  IconMessageCircle,
  IconPhone,
  IconPhoneCall,
  IconPhoneOutgoing,
} from "../components/icons";

const ICONS = {
  voice: IconPhone,
  chat: IconMessageCircle,
  email: IconMail,
  message: IconMessage,
  callback: IconPhoneCall,
  outbound: IconPhoneOutgoing,
};

export function ChannelIcon({ channel, size = 16 }: { channel: Channel; size?: number }) {
  const Icon = ICONS[channel];
  return <Icon size={size} aria-hidden />;
}
