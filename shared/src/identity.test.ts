// ID numbers (GB 11643) as a kiosk takes them: region, a real birth date and the check digit.
import { describe, expect, it } from 'vitest';
import { idNumberProblem } from './identity.js';

const NOW = Date.parse('2026-11-23T02:00:00Z');

describe('idNumberProblem', () => {
  it.each([
    ['11010519491231002X', '北京 resident ID, X check digit'],
    ['11010519491231002x', 'a lower-case x'],
    ['440304200002291236', '29 February of a leap year'],
    ['650102190001010016', 'born on the first day accepted, 1900-01-01'],
    ['810000198506120024', '港澳台居民居住证, Hong Kong'],
    ['820000199211030044', '港澳台居民居住证, Macao'],
    ['830000197708150052', '港澳台居民居住证, Taiwan'],
    ['911840198807040019', '外国人永久居留身份证 (2023), issued in 北京, nationality 840'],
  ])('accepts %s (%s)', (id) => {
    expect(idNumberProblem(id, NOW)).toBeNull();
  });

  it.each([
    ['1101051949123100', 'format', 'too short'],
    ['11010519491231002XX', 'format', 'too long'],
    ['1101051949123X002X', 'format', 'an X inside'],
    ['100105198001010022', 'region', 'province 10 does not exist'],
    ['160105198001010023', 'region', 'province 16 does not exist'],
    ['710000198001010010', 'region', '71 台湾 is in GB/T 2260, but no card carries it'],
    ['850000198001010011', 'region', '85 is neither a province nor a residence permit'],
    ['810101198001010016', 'region', 'a residence permit is 810000, nothing else'],
    ['110105199013010026', 'birth', 'month 13'],
    ['110105198001000029', 'birth', 'day 0'],
    ['110105199002300028', 'birth', '30 February'],
    ['110105190002290017', 'birth', '29 February 1900 (not a leap year)'],
    ['110105189912310031', 'birth', 'born before 1900'],
    ['110105209912310037', 'birth', 'born in the future'],
    ['110105194912310021', 'check', 'a wrong check digit'],
  ])('refuses %s: %s (%s)', (id, problem) => {
    expect(idNumberProblem(id, NOW)).toBe(problem);
  });

  it('takes today in China as a birth date, and not tomorrow', () => {
    expect(idNumberProblem('110105202611230015', NOW)).toBeNull();
    expect(idNumberProblem('110105202611240010', NOW)).toBe('birth');
  });
});
