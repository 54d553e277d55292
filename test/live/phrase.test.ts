// How the board words a call, for a speech voice and for the clip pack.
import { describe, expect, it } from 'vitest';
import { buildPhrase, readDigits, readNumber } from '../../kiosk/src/board/voice/phrase.js';

const TEMPLATE = '请 {number} 号 到 {window} 号窗口 办理';

describe('call phrases', () => {
  it('reads the ticket letter by letter and digit by digit, and the window as a number', () => {
    expect(buildPhrase(TEMPLATE, { ticketNumber: 'A023', windowNumber: 5 })).toEqual({
      text: '请 A023 号 到 5 号窗口 办理',
      spoken: '请 A零二三 号 到 五 号窗口 办理',
      clips: ['请', 'A', '0', '2', '3', '号', '到', '5', '号', '窗口', '办理'],
      missing: [],
    });
  });

  it('says window numbers as halls sign them', () => {
    expect(readNumber(10)).toEqual({ spoken: '十', clips: ['十'] });
    expect(readNumber(15)).toEqual({ spoken: '十五', clips: ['十', '5'] });
    expect(readNumber(20)).toEqual({ spoken: '二十', clips: ['2', '十'] });
    expect(readNumber(23)).toEqual({ spoken: '二十三', clips: ['2', '十', '3'] });
    expect(readNumber(101)).toEqual({ spoken: '一零一', clips: ['1', '0', '1'] });
    expect(readDigits('AB1004')).toEqual({ spoken: 'AB一零零四', clips: ['A', 'B', '1', '0', '0', '4'] });
  });

  it('voices a hall’s own template with the clips it has, and says which words have none', () => {
    const phrase = buildPhrase('{number} 号请到 {window} 号窗口', { ticketNumber: 'N002', windowNumber: 16 }, ['请', '号', '到', '窗口', '请到']);
    expect(phrase.clips).toEqual(['N', '0', '0', '2', '号', '请到', '十', '6', '号', '窗口']);
    expect(buildPhrase('请 {number} 号 到 {window} 号柜台', { ticketNumber: 'A1', windowNumber: 1 }).missing).toEqual(['柜', '台']);
  });
});
