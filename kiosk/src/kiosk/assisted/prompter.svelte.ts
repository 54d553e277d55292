// Spoken prompts of the assisted mode: each screen's prompt is shown as a large caption and, where
// the browser has a Mandarin voice (lang cmn or zh-*), spoken too; without one the caption stays silent.
import { mandarinVoice, speak } from '../../board/voice/speech';

export class Prompter {
  caption = $state('');
  /** Whether a Mandarin voice is there to speak the captions. */
  voiced = $state(false);
  readonly #synth: SpeechSynthesis | undefined = globalThis.speechSynthesis;
  readonly #onVoices = (): void => {
    this.voiced = mandarinVoice(this.#synth) !== undefined;
  };

  constructor() {
    // Browsers list their voices late (after 'voiceschanged').
    this.#synth?.addEventListener('voiceschanged', this.#onVoices);
    this.#onVoices();
  }

  /** Shows `caption`; speaks `spoken` (numbers written out for the voice) in Chinese only. */
  say(caption: string, spoken: string, chinese: boolean): void {
    this.caption = caption;
    const voice = chinese ? mandarinVoice(this.#synth) : undefined;
    this.voiced = mandarinVoice(this.#synth) !== undefined;
    if (!voice || !this.#synth) return;
    this.#synth.cancel(); // a new screen's prompt replaces the last one, never overlaps it
    void speak(spoken, voice, this.#synth);
  }

  destroy(): void {
    this.#synth?.removeEventListener('voiceschanged', this.#onVoices);
    this.#synth?.cancel();
  }
}
