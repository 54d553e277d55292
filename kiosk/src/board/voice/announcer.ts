// Voices calls one at a time: a chime, then the phrase as many times as configured. Calls that come
// while one is being voiced wait their turn, so two are never heard over each other; a recall is
// voiced again like a new call. A Mandarin speech voice is used where the browser has one,
// otherwise the clip pack.
//
// Each call, once voiced, is told to the page as a VOICED_EVENT whose detail says what was said, with
// which clips, and when each played: tests listen for it to check what a citizen heard, without
// replacing the audio path, and without a handle on the announcer left in the page.
import type { VoiceSettings } from '@yichuang/shared/live';
import type { ClipPlayer, PlayedClip } from './clip-player.js';
import { buildPhrase, TEMPLATE_WORDS, type Callable } from './phrase.js';
import { mandarinVoice, speak } from './speech.js';

export interface Announcement extends Callable {
  recall: number;
  queuedAt: number;
  /** Filled in when its turn comes, with the settings of that moment. */
  text?: string;
  spoken?: string;
  /** The clips of one saying of the phrase (without the chime). */
  clips?: string[];
  via?: 'speech' | 'clips';
  repeat?: number;
  startedAt?: number;
  endedAt?: number;
  /** Every clip played, the chime and each repetition included, in order. */
  played: PlayedClip[];
}

/** Dispatched on the window with the Announcement as its detail. */
export const VOICED_EVENT = 'board:voiced';
/** Pause between two sayings of the phrase. */
const REPEAT_GAP_MS = 700;
const CHIME = 'chime';

export class Announcer {
  readonly #queue: Announcement[] = [];
  #running = false;

  constructor(
    private readonly clips: ClipPlayer,
    private readonly settings: () => VoiceSettings,
  ) {}

  /** Calls waiting to be voiced (the one being voiced not included). */
  get pending(): number {
    return this.#queue.length;
  }

  get busy(): boolean {
    return this.#running;
  }

  announce(call: Callable & { recall: number }): void {
    const { ticketNumber, windowNumber, recall } = call;
    const item: Announcement = { ticketNumber, windowNumber, recall, queuedAt: Date.now(), played: [] };
    this.#queue.push(item);
    void this.#drain();
  }

  async #drain(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      for (let item = this.#queue.shift(); item; item = this.#queue.shift()) await this.#voice(item);
    } finally {
      this.#running = false;
    }
  }

  async #voice(item: Announcement): Promise<void> {
    item.startedAt = Date.now();
    await this.clips.load().catch(() => undefined);
    const { template, repeat } = this.settings();
    // Word clips are every clip but the chime, the digits and the letters.
    const words = this.clips.names.filter((n) => n !== CHIME && !/^[0-9A-Z]$/.test(n));
    const phrase = buildPhrase(template, item, words.length ? words : TEMPLATE_WORDS);
    let voice = mandarinVoice();
    Object.assign(item, { text: phrase.text, spoken: phrase.spoken, clips: phrase.clips, via: voice ? 'speech' : 'clips', repeat });
    item.played.push(...(await this.clips.play([CHIME])));
    for (let i = 0; i < repeat; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, REPEAT_GAP_MS));
      if (voice && (await speak(phrase.spoken, voice))) continue;
      // No voice, or it failed (not allowed, no speech service): the clips say it instead.
      voice = undefined;
      item.via = 'clips';
      item.played.push(...(await this.clips.play(phrase.clips)));
    }
    item.endedAt = Date.now();
    dispatchEvent(new CustomEvent<Announcement>(VOICED_EVENT, { detail: item }));
  }
}
