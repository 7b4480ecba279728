import { type CapacityProfile, CHANNELS, type Channel } from "./types.js";

/** Interactions an agent holds per channel: offered (reserved), connected and in wrap-up all count. */
export type ChannelLoad = Record<Channel, number>;

export function emptyLoad(): ChannelLoad {
  return { voice: 0, chat: 0, email: 0, message: 0, callback: 0, outbound: 0 };
}

export function totalLoad(load: ChannelLoad): number {
  // Spelled out, not a loop over CHANNELS: this runs several times per routing decision.
  return load.voice + load.chat + load.email + load.message + load.callback + load.outbound;
}

/** Whether one more interaction on `channel` fits the profile given what the agent already holds. */
export function canTake(profile: CapacityProfile, load: ChannelLoad, channel: Channel): boolean {
  return fits(profile, load, channel, totalLoad(load));
}

/** `canTake` with the total load already summed. */
function fits(profile: CapacityProfile, load: ChannelLoad, channel: Channel, total: number): boolean {
  const max = profile.max[channel] ?? 0;
  if (load[channel] >= max) return false;
  if (profile.maxTotal !== undefined && total >= profile.maxTotal) return false;
  const exclusive = profile.exclusive;
  if (exclusive !== undefined && exclusive.length > 0 && total > 0) {
    // An exclusive channel is never mixed: not joined by others, and never joins others.
    if (exclusive.includes(channel) && total > load[channel]) return false;
    for (const held of exclusive) if (held !== channel && load[held] > 0) return false;
  }
  return true;
}

/** Whether the agent could take at least one more interaction on any of `channels`. */
export function hasSpareCapacity(
  profile: CapacityProfile,
  load: ChannelLoad,
  channels: readonly Channel[],
): boolean {
  const total = totalLoad(load);
  for (let c = 0; c < channels.length; c++) if (fits(profile, load, channels[c]!, total)) return true;
  return false;
}

/** Bit `i` set when one more interaction on `CHANNELS[i]` fits: `canTake` for every channel at once. */
export function spareChannels(profile: CapacityProfile, load: ChannelLoad): number {
  const total = totalLoad(load);
  let mask = 0;
  for (let c = 0; c < CHANNELS.length; c++) if (fits(profile, load, CHANNELS[c]!, total)) mask |= 1 << c;
  return mask;
}

/** The bit of `channel` as `spareChannels` sets it. */
export function channelBit(channel: Channel): number {
  return 1 << CHANNELS.indexOf(channel);
}

/** The bits of `channels` as `spareChannels` sets them. */
export function channelMask(channels: readonly Channel[]): number {
  let mask = 0;
  for (const channel of channels) mask |= 1 << CHANNELS.indexOf(channel);
  return mask;
}

/**
 * Occupancy in per-mille: the sum, over channels, of the fraction of that channel's cap in use. An agent with
 * one of three chats is at 333; integers keep the least-occupied comparison exact in every router.
 */
export function occupancyPermille(profile: CapacityProfile, load: ChannelLoad): number {
  let fraction = 0;
  for (const channel of CHANNELS) {
    const max = profile.max[channel] ?? 0;
    if (max > 0 && load[channel] > 0) fraction += load[channel] / max;
  }
  return Math.round(fraction * 1000);
}
