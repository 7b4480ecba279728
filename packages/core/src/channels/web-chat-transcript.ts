/** One line of a chat as the transcript shows it. */
export interface TranscriptLine {
  readonly from: "visitor" | "agent";
  readonly text: string;
  readonly createdAt: string;
  readonly fileNames: readonly string[];
}

const WORDS = {
  en: {
    subject: "Transcript of your chat",
    you: "You",
    agent: "Agent",
    file: "File",
    intro: "Your chat with us",
  },
  id: {
    subject: "Transkrip obrolan Anda",
    you: "Anda",
    agent: "Agen",
    file: "Berkas",
    intro: "Obrolan Anda dengan kami",
  },
} as const;

/** The local time of an ISO instant, e.g. "2026-11-23 08:30", in the given zone (WIB by default). */
function localStamp(iso: string, timeZone: string): string {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  for (const part of format.formatToParts(new Date(iso))) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The plain-text transcript mailed to the visitor: every message in order, with its time and sender. */
export function webChatTranscript(input: {
  readonly visitorName: string;
  readonly language: string | null;
  readonly timeZone: string;
  readonly lines: readonly TranscriptLine[];
}): { subject: string; text: string } {
  const words = input.language === "id" ? WORDS.id : WORDS.en;
  const body = input.lines.map((line) => {
    const who = line.from === "visitor" ? `${words.you} (${input.visitorName})` : words.agent;
    const files = line.fileNames.map((name) => `\n    [${words.file}: ${name}]`).join("");
    return `[${localStamp(line.createdAt, input.timeZone)}] ${who}: ${line.text}${files}`;
  });
  return { subject: words.subject, text: `${words.intro} (${input.timeZone})\n\n${body.join("\n")}\n` };
}
