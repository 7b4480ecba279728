/** sipp scenarios written for a test: a caller who answers the IVR with RFC 2833 keys at given moments. */
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const PCAPS = "/usr/share/sip-tester";

export type CallerStep =
  | { readonly pauseMs: number }
  | { readonly key: string }
  /** Plays a capture of sipp's (e.g. `g711a.pcap`, 8 s of speech) as the caller's voice, without waiting. */
  | { readonly pcap: string };

const keyFile = (key: string) =>
  `${PCAPS}/dtmf_2833_${key === "#" ? "pound" : key === "*" ? "star" : key}.pcap`;

/**
 * INVITE with PCMA/PCMU and telephone-event 101, ACK the 200, then the steps (pauses and keys played from
 * sipp's RFC 2833 captures), then BYE. Written to a temp file; returns its path for `-sf`.
 */
export async function callerScenario(name: string, steps: readonly CallerStep[]): Promise<string> {
  const body = steps
    .map((step) =>
      "key" in step
        ? `  <nop><action><exec play_pcap_audio="${keyFile(step.key)}"/></action></nop>\n  <pause milliseconds="400"/>`
        : "pcap" in step
          ? `  <nop><action><exec play_pcap_audio="${PCAPS}/${step.pcap}"/></action></nop>`
          : `  <pause milliseconds="${step.pauseMs}"/>`,
    )
    .join("\n");
  const xml = `<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="${name}">
  <send retrans="500"><![CDATA[
INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: "Caller" <sip:+6281234567890@[local_ip]:[local_port]>;tag=[pid]T[call_number]
To: <sip:[service]@[remote_ip]:[remote_port]>
Call-ID: [call_id]
CSeq: 1 INVITE
Contact: <sip:+6281234567890@[local_ip]:[local_port]>
Max-Forwards: 70
Content-Type: application/sdp
Content-Length: [len]

v=0
o=caller 1 1 IN IP[local_ip_type] [local_ip]
s=-
c=IN IP[local_ip_type] [media_ip]
t=0 0
m=audio [media_port] RTP/AVP 8 0 101
a=rtpmap:8 PCMA/8000
a=rtpmap:0 PCMU/8000
a=rtpmap:101 telephone-event/8000
a=fmtp:101 0-15
]]></send>
  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="200" rtd="true"/>
  <send><![CDATA[
ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: "Caller" <sip:+6281234567890@[local_ip]:[local_port]>;tag=[pid]T[call_number]
[last_To:]
Call-ID: [call_id]
CSeq: 1 ACK
Max-Forwards: 70
Content-Length: 0

]]></send>
${body}
  <send retrans="500"><![CDATA[
BYE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: "Caller" <sip:+6281234567890@[local_ip]:[local_port]>;tag=[pid]T[call_number]
[last_To:]
Call-ID: [call_id]
CSeq: 2 BYE
Max-Forwards: 70
Content-Length: 0

]]></send>
  <recv response="200" crlf="true"/>
</scenario>
`;
  const file = path.join(tmpdir(), `sentra-${name}-${process.pid}-${Date.now()}.xml`);
  await writeFile(file, xml);
  return file;
}
