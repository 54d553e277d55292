// Citizen identity numbers: validation (GB 11643) and masking for screens, slips and storage.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const DAY = 86_400_000;
/** China has kept UTC+8 since 1991: "today" for a birth date is the date there. */
const CHINA_OFFSET = 8 * 3_600_000;
/** The earliest birth date taken: nobody alive was born before, and older numbers are typing slips. */
const EARLIEST_BIRTH = Date.UTC(1900, 0, 1);

/** Province-level codes of GB/T 2260 (11 北京 … 65 新疆). */
const PROVINCE = '(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5])';
/**
 * The starts of the 18-character numbers a kiosk takes, all built like GB 11643 (birth date in 7–14,
 * same check digit): the 居民身份证 (a province code, then city and county); the 港澳台居民居住证
 * (810000 Hong Kong, 820000 Macao, 830000 Taiwan); the 外国人永久居留身份证 of 2023 (9, the
 * issuing province, a 3-digit nationality). 71 台湾 is in GB/T 2260 but no card carries it, so it is
 * refused with the other unknown starts; the 15-character cards are out of use.
 */
const ISSUED_START = new RegExp(`^(${PROVINCE}|8[1-3]0000|9${PROVINCE}\\d{3})`);

/** What is wrong with an ID number, for the keypad to say (catalogue `kiosk.badId.*`). */
export type IdProblem = 'format' | 'region' | 'birth' | 'check';

/** YYYYMMDD is a real calendar date from 1900 to today in China. */
function isBirthDate(yyyymmdd: string, now: number): boolean {
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6)].map(Number) as [number, number, number];
  const at = Date.UTC(y, m - 1, d);
  const date = new Date(at);
  // Date.UTC rolls 30 February over to March: a real date reads back unchanged.
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real && at >= EARLIEST_BIRTH && at <= Math.floor((now + CHINA_OFFSET) / DAY) * DAY;
}

/** The first thing wrong with an 18-character ID number (GB 11643), or null when it is valid. */
export function idNumberProblem(id: string, now = Date.now()): IdProblem | null {
  if (!/^\d{17}[\dXx]$/.test(id)) return 'format';
  if (!ISSUED_START.test(id)) return 'region';
  if (!isBirthDate(id.slice(6, 14), now)) return 'birth';
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase() ? null : 'check';
}

/** Mainland mobile number. */
export function isValidPhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}

export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export function maskIdNumber(id: string): string {
  return `${id.slice(0, 4)}**********${id.slice(-4).toUpperCase()}`;
}

/** 张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜 */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
