// What the assisted mode voiced, told to the page after each prompt (tests listen for what a visitor heard).
import type { PlayedClip } from '../../board/voice/clip-player.js';

/** Dispatched on the window with a Voiced as its detail. */
export const ASSIST_VOICED_EVENT = 'assist:voiced';

export interface Voiced {
  text: string;
  via: 'speech' | 'clips';
  /** The clips asked for (without the chime), and each clip played, the chime included. */
  clips: string[];
  played: PlayedClip[];
}
