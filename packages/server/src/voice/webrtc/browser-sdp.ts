/**
 * Checks on a browser's SDP before werift sees it, with messages an agent's developer can act on. werift is
 * lenient with malformed SDP (it may throw deep inside or accept nonsense), so the shape we rely on is checked
 * here: one audio section offering PCMU, ICE credentials and a DTLS fingerprint.
 */
export type SdpCheck = { ok: true; sdp: string } | { ok: false; message: string };

const MAX_SDP_CHARS = 20_000;

export function checkBrowserSdp(sdp: string): SdpCheck {
  if (sdp.length > MAX_SDP_CHARS)
    return { ok: false, message: `SDP is longer than ${MAX_SDP_CHARS} characters.` };
  const lines = sdp.split(/\r?\n/).filter((line) => line.length > 0);
  if (lines[0] !== "v=0") return { ok: false, message: 'SDP must start with "v=0".' };
  const badLine = lines.find((line) => !/^[a-z]=/.test(line));
  if (badLine !== undefined)
    return { ok: false, message: `SDP line "${badLine.slice(0, 40)}" is not of the form <letter>=<value>.` };
  const audio = lines.find((line) => line.startsWith("m=audio "));
  if (!audio) return { ok: false, message: "SDP has no audio section (m=audio)." };
  const formats = audio.split(" ").slice(3);
  if (!formats.includes("0"))
    return { ok: false, message: "The audio section does not offer PCMU (payload type 0)." };
  if (
    !lines.some((line) => line.startsWith("a=ice-ufrag:")) ||
    !lines.some((line) => line.startsWith("a=ice-pwd:"))
  )
    return { ok: false, message: "SDP lacks ICE credentials (a=ice-ufrag / a=ice-pwd)." };
  if (!lines.some((line) => line.startsWith("a=fingerprint:")))
    return { ok: false, message: "SDP lacks a DTLS fingerprint (a=fingerprint)." };
  return { ok: true, sdp: withoutMdnsCandidates(lines).join("\r\n").concat("\r\n") };
}

/**
 * Drops `.local` (mDNS) candidates: resolving one makes werift send multicast DNS queries onto the LAN. The
 * server is ICE-lite, so it never needs the browser's candidates: it answers the browser's checks and learns
 * the address from them.
 */
function withoutMdnsCandidates(lines: string[]): string[] {
  return lines.filter((line) => !(line.startsWith("a=candidate:") && isMdnsCandidate(line.slice(2))));
}

/** True for an ICE candidate attribute (`candidate:...`) whose address is an mDNS `.local` name. */
export function isMdnsCandidate(candidate: string): boolean {
  const address = candidate.split(" ")[4] ?? "";
  return address.toLowerCase().endsWith(".local");
}

/** The connection addresses of the `a=candidate` lines of an SDP, e.g. for asserting they stay on loopback. */
export function candidateAddresses(sdp: string): string[] {
  return sdp
    .split(/\r?\n/)
    .filter((line) => line.startsWith("a=candidate:"))
    .map((line) => line.split(" ")[4] ?? "");
}
