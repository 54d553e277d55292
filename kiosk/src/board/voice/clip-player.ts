// Plays recorded clips back to back through Web Audio: each clip is decoded once, and a phrase is
// scheduled on the audio clock, so its clips follow each other without gaps and never overlap.

/** A clip pack: `manifest.json` maps clip names (请, 号, A, 0, chime …) to files beside it. */
export type Manifest = Record<string, string>;

export interface PlayedClip {
  clip: string;
  /** Wall-clock times (ms) the clip was scheduled to start and end. */
  start: number;
  end: number;
}

/** Spare time before a phrase is given up as stuck (a suspended or broken audio output). */
const SLACK_MS = 3000;

export class ClipPlayer {
  readonly #base: string;
  readonly #buffers = new Map<string, AudioBuffer>();
  #context: AudioContext | undefined;
  #loading: Promise<void> | undefined;

  /** `base` is the pack's folder URL, ending in '/'. */
  constructor(base: string) {
    this.#base = base;
  }

  /** The audio context; browsers that forbid sound without a click start it suspended. */
  get context(): AudioContext {
    this.#context ??= new AudioContext();
    return this.#context;
  }

  /** Whether sound is allowed now (false until a click where autoplay is not allowed). */
  get running(): boolean {
    return this.context.state === 'running';
  }

  /** Fetches and decodes the pack once; a clip that fails to load is left out. */
  load(): Promise<void> {
    this.#loading ??= (async () => {
      const res = await fetch(`${this.#base}manifest.json`);
      if (!res.ok) throw new Error(`clip pack manifest: HTTP ${res.status}`);
      const manifest = (await res.json()) as Manifest;
      await Promise.all(
        Object.entries(manifest).map(async ([name, file]) => {
          try {
            const data = await (await fetch(this.#base + file)).arrayBuffer();
            this.#buffers.set(name, await this.context.decodeAudioData(data));
          } catch {
            // a missing or broken clip is skipped when voicing, not fatal
          }
        }),
      );
    })();
    return this.#loading;
  }

  /** Names of the clips the pack has. */
  get names(): string[] {
    return [...this.#buffers.keys()];
  }

  /** Tries to start sound; resolves whether it runs. Called again after a click where needed. */
  async unlock(): Promise<boolean> {
    if (this.context.state === 'suspended') await this.context.resume().catch(() => undefined);
    return this.running;
  }

  /** Plays `clips` in order; resolves with what was played once the last clip has ended. */
  play(clips: readonly string[]): Promise<PlayedClip[]> {
    const ctx = this.context;
    const sources: { clip: string; node: AudioBufferSourceNode; at: number; duration: number }[] = [];
    let at = ctx.currentTime + 0.05;
    for (const clip of clips) {
      const buffer = this.#buffers.get(clip);
      if (!buffer) continue;
      const node = ctx.createBufferSource();
      node.buffer = buffer;
      node.connect(ctx.destination);
      sources.push({ clip, node, at, duration: buffer.duration });
      at += buffer.duration;
    }
    if (sources.length === 0) return Promise.resolve([]);
    // Audio-clock seconds → wall-clock ms, for the record of what was played when.
    const wall = (t: number): number => Date.now() + (t - ctx.currentTime) * 1000;
    const played = sources.map((s) => ({ clip: s.clip, start: wall(s.at), end: wall(s.at + s.duration) }));
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        resolve(played);
      };
      const timer = setTimeout(() => {
        for (const s of sources) s.node.stop();
        done();
      }, (at - ctx.currentTime) * 1000 + SLACK_MS);
      sources[sources.length - 1]!.node.onended = done;
      for (const s of sources) s.node.start(s.at);
    });
  }
}
