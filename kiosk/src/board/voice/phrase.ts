// What a call says, as text for a speech voice and as a sequence of recorded clips.
//
// Ticket numbers are read the way halls read them: the letter, then each digit on its own
// (A023 → "A 零二三"), so a citizen can match the sounds to the slip in hand. Window numbers are
// read as numbers (5 → 五, 15 → 十五, 23 → 二十三), as the signs over the windows say them.
// 1 is 一 (not 幺): halls' call systems say 一.

/** The parts of a call a phrase names. */
export interface Callable {
  ticketNumber: string;
  windowNumber: number;
}

export interface Phrase {
  /** The template filled in as written: '请 A023 号 到 5 号窗口 办理'. */
  text: string;
  /** For a speech voice, numbers in Chinese: '请 A零二三 号 到 五 号窗口 办理'. */
  spoken: string;
  /** Clip names in order: '请', 'A', '0', '2', '3', '号', '到', '5', '号', '窗口', '办理'. */
  clips: string[];
  /** Template text no clip covers; it is skipped when voicing with clips. */
  missing: string[];
}

const DIGITS = '零一二三四五六七八九';

interface Reading {
  spoken: string;
  clips: string[];
}

/** Each character on its own: letters as letters, digits as 零…九. */
export function readDigits(s: string): Reading {
  const chars = [...s.toUpperCase()];
  return {
    spoken: chars.map((c) => (/\d/.test(c) ? DIGITS[Number(c)] : c)).join(''),
    clips: chars.filter((c) => /[0-9A-Z]/.test(c)),
  };
}

/** 1–99 as a Chinese number (十五, 二十三); larger numbers digit by digit. */
export function readNumber(n: number): Reading {
  if (!Number.isInteger(n) || n < 1 || n > 99) return readDigits(String(n));
  if (n < 10) return readDigits(String(n));
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const clips = [...(tens > 1 ? [String(tens)] : []), '十', ...(ones ? [String(ones)] : [])];
  return { spoken: clips.map((c) => (c === '十' ? c : DIGITS[Number(c)])).join(''), clips };
}

/** Splits template text into known clip words, longest first; what no clip covers is returned apart. */
function clipWords(text: string, words: readonly string[]): { clips: string[]; missing: string[] } {
  const byLength = [...words].sort((a, b) => b.length - a.length);
  const clips: string[] = [];
  const missing: string[] = [];
  const s = text.replace(/\s+/g, '');
  for (let i = 0; i < s.length; ) {
    const word = byLength.find((w) => w.length > 0 && s.startsWith(w, i));
    if (word) {
      clips.push(word);
      i += word.length;
    } else {
      missing.push(s[i]!);
      i++;
    }
  }
  return { clips, missing };
}

/** The words of the default template; a clip pack's manifest may add more. */
export const TEMPLATE_WORDS = ['请', '号', '到', '窗口', '办理'];

/** Fills `template` ({number}, {window}) for one call. `words` are the clip pack's word clips. */
export function buildPhrase(template: string, call: Callable, words: readonly string[] = TEMPLATE_WORDS): Phrase {
  const number = readDigits(call.ticketNumber);
  const window = readNumber(call.windowNumber);
  const phrase: Phrase = { text: '', spoken: '', clips: [], missing: [] };
  for (const part of template.split(/(\{number\}|\{window\})/)) {
    if (part === '{number}' || part === '{window}') {
      const reading = part === '{number}' ? number : window;
      phrase.text += part === '{number}' ? call.ticketNumber : String(call.windowNumber);
      phrase.spoken += reading.spoken;
      phrase.clips.push(...reading.clips);
    } else {
      phrase.text += part;
      phrase.spoken += part;
      const { clips, missing } = clipWords(part, words);
      phrase.clips.push(...clips);
      phrase.missing.push(...missing);
    }
  }
  return phrase;
}
