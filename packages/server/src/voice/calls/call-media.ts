/**
 * The caller's side of the media for the call engine: plays what the IVR asks for (prompts by language,
 * numbers read digit by digit), music on hold with announcements, and reports the caller's keys.
 */
import type { IvrLanguage, PlaybackItem } from "@sentra/core";
import type { Logger } from "pino";
import { type Prompt, type PromptLibrary, PromptPlayer } from "../media/prompt-library.js";
import type { RtpSession } from "../media/rtp-session.js";

export const MUSIC_ON_HOLD = "common/music-on-hold.wav";

/** The prompt files of playback items: `<language>/<id>.wav`, digits `<language>/digits/<d>.wav`. */
export function promptFiles(items: readonly PlaybackItem[], language: IvrLanguage): string[] {
  const files: string[] = [];
  for (const item of items) {
    if (item.kind === "prompt") files.push(`${language}/${item.id}.wav`);
    else
      for (const digit of item.digits) if (/[0-9]/.test(digit)) files.push(`${language}/digits/${digit}.wav`);
  }
  return files;
}

export class CallMedia {
  #player: PromptPlayer | null = null;

  constructor(
    readonly session: RtpSession,
    private readonly prompts: PromptLibrary,
    private readonly logger: Logger,
  ) {}

  /**
   * Plays the items once; `onEnded` fires when the last frame went out (not when stopped). A missing prompt
   * file is logged and skipped, so a flow that names a prompt nobody recorded still moves on.
   */
  async play(items: readonly PlaybackItem[], language: IvrLanguage, onEnded: () => void): Promise<void> {
    const loaded = await this.#load(promptFiles(items, language));
    this.#start(new PromptPlayer(loaded, { onEnded }));
  }

  /** Music on hold, looping, until something else is played or `stop`. */
  async hold(): Promise<void> {
    const loaded = await this.#load([MUSIC_ON_HOLD]);
    this.#start(new PromptPlayer(loaded, { loop: true }));
  }

  stop(): void {
    this.#player?.stop();
    this.#player = null;
    if (!this.session.closed) this.session.setSource(null);
  }

  #start(player: PromptPlayer): void {
    this.#player?.stop();
    this.#player = player;
    if (!this.session.closed) this.session.setSource(player);
  }

  async #load(files: readonly string[]): Promise<Prompt[]> {
    const loaded: Prompt[] = [];
    for (const file of files) {
      try {
        loaded.push(await this.prompts.load(file));
      } catch (error) {
        this.logger.warn({ err: error, prompt: file }, "prompt missing; skipped");
      }
    }
    return loaded;
  }
}
