// Spoken prompts of the assisted mode: each screen's prompt is shown as a large caption and, where
// the browser has a Mandarin voice (lang cmn or zh-*), spoken. Without one — Chromium on Linux —
// the hall board's recorded clip pack (kiosk/public/voice/default) says what its clips can: a chime
// that a new prompt is on screen, and the number just taken, letter by letter and digit by digit
// with 号, as the board will call it. Each prompt voiced is told to the page (voiced.ts).
import { ClipPlayer } from '../../board/voice/clip-player';
import { mandarinVoice, speak } from '../../board/voice/speech';
import { ASSIST_VOICED_EVENT, type Voiced } from './voiced';

const CHIME = 'chime';

/**
 * One player for the page: it holds the decoded pack and an AudioContext, which browsers allow only
 * a few of, so entering assisted mode again must not make another.
 */
let player: ClipPlayer | undefined;
const clipPlayer = (): ClipPlayer => (player ??= new ClipPlayer(`${import.meta.env.BASE_URL}voice/default/`));

export class Prompter {
  caption = $state('');
  /** Whether a Mandarin voice is there to speak the captions. */
  voiced = $state(false);
  readonly #synth: SpeechSynthesis | undefined = globalThis.speechSynthesis;
  readonly #onVoices = (): void => {
    this.voiced = mandarinVoice(this.#synth) !== undefined;
  };
  /** Clip prompts play one after another, never over each other; one replaced before its turn is dropped. */
  #turn: Promise<void> = Promise.resolve();
  #latest = 0;

  constructor() {
    // Browsers list their voices late (after 'voiceschanged').
    this.#synth?.addEventListener('voiceschanged', this.#onVoices);
    this.#onVoices();
  }

  /**
   * Shows `caption`; in Chinese, speaks `spoken` (numbers written out for the voice), or without a
   * voice plays the chime and `clips` (clip names of the pack).
   */
  say(caption: string, spoken: string, chinese: boolean, clips: readonly string[] = []): void {
    this.caption = caption;
    const voice = mandarinVoice(this.#synth);
    this.voiced = voice !== undefined;
    if (!chinese) return;
    const turn = ++this.#latest;
    if (voice && this.#synth) {
      this.#synth.cancel(); // a new screen's prompt replaces the last one, never overlaps it
      void speak(spoken, voice, this.#synth).then((ok) => ok && told({ text: spoken, via: 'speech', clips: [], played: [] }));
      return;
    }
    this.#turn = this.#turn.then(async () => {
      if (turn !== this.#latest) return;
      const pack = clipPlayer();
      await pack.load().catch(() => undefined);
      await pack.unlock();
      const played = await pack.play([CHIME, ...clips]);
      told({ text: spoken, via: 'clips', clips: [...clips], played });
    });
  }

  destroy(): void {
    this.#latest++;
    this.#synth?.removeEventListener('voiceschanged', this.#onVoices);
    this.#synth?.cancel();
  }
}

function told(detail: Voiced): void {
  dispatchEvent(new CustomEvent<Voiced>(ASSIST_VOICED_EVENT, { detail }));
}
