// Text for a GBK thermal printer: what it can print, and how wide it is. In Chinese mode every
// double-byte GBK character takes two columns (a Chinese character, '，', '（' alike), ASCII one.
import iconv from 'iconv-lite';

/** Columns of font A at normal size. */
export const COLUMNS = { 58: 32, 80: 48 } as const;

/** 1 for ASCII, 2 for a double-byte GBK character, 0 for one the printer cannot print. */
export function charColumns(ch: string): 0 | 1 | 2 {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return code >= 0x20 ? 1 : 0;
  const bytes = iconv.encode(ch, 'gbk');
  return bytes.length === 2 && bytes[0]! >= 0x81 ? 2 : 0;
}

/** The text with everything the printer cannot print (emoji, control characters, '€') replaced by '?'. */
export function printable(text: string): string {
  let out = '';
  for (const ch of text) out += charColumns(ch) === 0 ? '?' : ch;
  return out;
}

/** The distinct characters of `text` a GBK printer cannot print, in order of appearance. */
export function unprintable(text: string): string[] {
  return [...new Set(Array.from(text).filter((ch) => charColumns(ch) === 0))];
}

export function columns(text: string): number {
  let n = 0;
  for (const ch of printable(text)) n += charColumns(ch);
  return n;
}

/** Closing punctuation never starts a line (避头点): the character before it moves down with it. */
const NO_LINE_START = new Set('，。、；：！？）》」』】〕…·'.split(''));

/** A run of ASCII (a number, a word, an address), a bracketed part (（演示）, 【绿色通道】), a space, or one character. */
const TOKENS = /（[^（）\n]*）|【[^【】\n]*】|《[^《》\n]*》|「[^「」\n]*」|〔[^〔〕\n]*〕|[\x21-\x7e]+|\s+|[^\x21-\x7e\s]/g;

/**
 * Splits text into lines of at most `width` columns. Chinese may break between any two characters;
 * a run of ASCII (a number, a word, an address) or a bracketed part moves to the next line whole
 * when it fits there, so a header never reads "（演" / "示）".
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n').map(printable)) {
    const first = lines.length;
    let line = '';
    let used = 0;
    const push = (): void => {
      lines.push(line.trimEnd());
      line = '';
      used = 0;
    };
    for (const token of paragraph.match(TOKENS) ?? []) {
      if (/^\s/.test(token)) {
        // One space between words; none at the start of a line.
        if (used > 0 && used < width) {
          line += ' ';
          used += 1;
        }
        continue;
      }
      const word = token.length > 1; // a run of ASCII or a bracketed part; other tokens are single characters
      if (word && used > 0 && used + columns(token) > width && columns(token) <= width) push();
      for (const ch of token) {
        const c = charColumns(ch);
        if (used + c > width) {
          const last = [...line].pop() ?? '';
          const carry = NO_LINE_START.has(ch) && charColumns(last) === 2 && !NO_LINE_START.has(last) && line.length > last.length ? last : '';
          line = line.slice(0, line.length - carry.length);
          push();
          line = carry;
          used = columns(carry);
        }
        line += ch;
        used += c;
      }
    }
    if (line || lines.length === first) push();
  }
  return lines;
}
