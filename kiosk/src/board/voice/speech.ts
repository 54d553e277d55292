// A Mandarin Web Speech voice, where the browser has one. Chromium on Linux lists speech-dispatcher
// voices with lang 'cmn' (not 'zh-CN'); Windows has built-in zh-CN voices (docs/design.md §7).

const MANDARIN = /^(cmn|zh)([-_](?!HK|TW|yue)|$)/i;

/** The best Mandarin voice the browser has now, if any (zh-CN / cmn-Hans first). */
export function mandarinVoice(synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): SpeechSynthesisVoice | undefined {
  const voices = synth?.getVoices().filter((v) => MANDARIN.test(v.lang)) ?? [];
  return voices.find((v) => /CN|Hans/i.test(v.lang)) ?? voices[0];
}

/** Seconds a phrase may take before it is given up as stuck (per character, generous). */
const SECONDS_PER_CHAR = 0.6;
const SLACK_MS = 4000;

/** Speaks `text`; resolves true when it was spoken, false when it failed or got stuck. */
export function speak(text: string, voice: SpeechSynthesisVoice, synth: SpeechSynthesis = speechSynthesis): Promise<boolean> {
  return new Promise((resolve) => {
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = 0.9;
    const done = (spoken: boolean): void => {
      clearTimeout(timer);
      resolve(spoken);
    };
    const timer = setTimeout(() => {
      synth.cancel();
      done(false);
    }, text.length * SECONDS_PER_CHAR * 1000 + SLACK_MS);
    u.onend = () => done(true);
    u.onerror = () => done(false);
    synth.speak(u);
  });
}
