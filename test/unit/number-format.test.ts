import { describe, expect, it } from 'vitest';
import {
  detectNumberFormat,
  parseAmount,
  type NumberFormat,
} from '../../shared/import-format/number-format.ts';

const US: NumberFormat = { decimal: '.', grouping: ',' };
const EU: NumberFormat = { decimal: ',', grouping: '.' };

function cents(text: string, format: NumberFormat, minorDigits = 2): number {
  const result = parseAmount(text, format, minorDigits);
  if (!result.ok) throw new Error(`"${text}" was rejected: ${result.reason}`);
  return result.cents;
}

function reason(text: string, format: NumberFormat, minorDigits = 2): string {
  const result = parseAmount(text, format, minorDigits);
  if (result.ok) throw new Error(`"${text}" was accepted as ${result.cents}`);
  return result.reason;
}

describe('detectNumberFormat', () => {
  it('reads mixed European evidence', () => {
    expect(detectNumberFormat(['1.000', '1.355,90', '12,34'], ',')).toEqual(EU);
  });

  it('takes the rightmost separator as decimal', () => {
    expect(detectNumberFormat(['1,234.56'], ',')).toEqual(US);
    expect(detectNumberFormat(['1.234,56'], ',')).toEqual(EU);
    expect(detectNumberFormat(["1'234.56"], ',')).toEqual({ decimal: '.', grouping: "'" });
  });

  it('reads 1, 2 or 4+ trailing digits as decimals', () => {
    expect(detectNumberFormat(['12,5'], ',').decimal).toBe(',');
    expect(detectNumberFormat(['12,50'], ',').decimal).toBe(',');
    expect(detectNumberFormat(['12,5000'], ',').decimal).toBe(',');
    expect(detectNumberFormat(['12.5'], ';').decimal).toBe('.');
  });

  it('reads a repeated separator as grouping', () => {
    expect(detectNumberFormat(['1.000.000'], ',')).toEqual(EU);
    expect(detectNumberFormat(['1,000,000'], ';')).toEqual(US);
    expect(detectNumberFormat(['1,00,000'], ';').decimal).toBe('.');
  });

  it('reads 0,500 and 1234,567 as decimals', () => {
    expect(detectNumberFormat(['0,500'], ',').decimal).toBe(',');
    expect(detectNumberFormat(['1234,567'], ',').decimal).toBe(',');
  });

  it('defaults ambiguous values by delimiter', () => {
    expect(detectNumberFormat(['1.000', '2,000', '300'], ',')).toEqual(US);
    expect(detectNumberFormat(['1.000', '2,000', '300'], ';')).toEqual(EU);
    expect(detectNumberFormat(['1,000'], '\t')).toEqual(US);
    expect(detectNumberFormat([], ';')).toEqual(EU);
    expect(detectNumberFormat([], ',')).toEqual(US);
  });

  it('ignores symbols, signs, spaces and parentheses', () => {
    expect(detectNumberFormat(['($1,234.50)', '-€20.00', '+5.25 USD'], ';')).toEqual(US);
    expect(detectNumberFormat(['1\u00a0234,50 €', '-7,25'], ',')).toEqual({
      decimal: ',',
      grouping: ' ',
    });
    expect(detectNumberFormat(['1\u202f234,50'], ',')).toEqual({ decimal: ',', grouping: ' ' });
  });

  it('skips cells that are not amounts', () => {
    expect(detectNumberFormat(['n/a', '', 'pending', '12,34'], ',')).toEqual(EU);
  });

  it('rejects contradicting evidence with examples', () => {
    expect(() => detectNumberFormat(['1,234.56', '12,34'], ',')).toThrow(
      /"1,234\.56" uses "\." as decimal separator but "12,34" uses ","/,
    );
    expect(() => detectNumberFormat(['1.000.000', '1,000.50'], ',')).toThrow(
      /"1,000\.50".*"1\.000\.000"/,
    );
  });
});

describe('parseAmount', () => {
  it('parses the required examples', () => {
    expect(cents('$400.00', US)).toBe(40000);
    expect(cents('($30.00)', US)).toBe(-3000);
    expect(cents('-$20.00', US)).toBe(-2000);
    expect(cents('1.250,00', EU)).toBe(125000);
    expect(cents('80,50', EU)).toBe(8050);
    expect(cents('1.000', EU)).toBe(100000);
    expect(cents('1.355,90', EU)).toBe(135590);
    expect(cents('12,34', EU)).toBe(1234);
    expect(cents('¥1,000', US, 0)).toBe(1000);
  });

  it('accepts every sign notation', () => {
    expect(cents('$-20.00', US)).toBe(-2000);
    expect(cents('20.00-', US)).toBe(-2000);
    expect(cents('+20.00', US)).toBe(2000);
    expect(cents('(30.00)', US)).toBe(-3000);
    expect(cents('(€ 30,00)', EU)).toBe(-3000);
    expect(cents('- 20.00', US)).toBe(-2000);
    expect(cents('\u221220.00', US)).toBe(-2000);
    expect(cents('-0.00', US)).toBe(0);
    expect(Object.is(cents('-0.00', US), 0)).toBe(true);
  });

  it('accepts currency symbols and codes', () => {
    expect(cents('€1.250,00', EU)).toBe(125000);
    expect(cents('1.250,00 €', EU)).toBe(125000);
    expect(cents('£12.50', US)).toBe(1250);
    expect(cents('₹1,00,000.00', US)).toBe(10000000);
    expect(cents('CHF 1,234.50', US)).toBe(123450);
    expect(cents('1,234.50 USD', US)).toBe(123450);
    expect(cents('EUR 80,50', EU)).toBe(8050);
    expect(cents('US$5.00', US)).toBe(500);
    expect(cents('  $ 400.00  ', US)).toBe(40000);
  });

  it('accepts grouping in the right places', () => {
    expect(cents('1,234,567.89', US)).toBe(123456789);
    expect(cents('1 234 567,89', EU)).toBe(123456789);
    expect(cents('1\u00a0234,50', EU)).toBe(123450);
    expect(cents('1\u202f234,50', EU)).toBe(123450);
    expect(cents("1'234.50", { decimal: '.', grouping: "'" })).toBe(123450);
    expect(cents('12,34,567.00', US)).toBe(123456700);
    expect(cents('1234567.89', US)).toBe(123456789);
  });

  it('keeps trailing zeros beyond the minor unit', () => {
    expect(cents('1.500', US)).toBe(150);
    expect(cents('7.000', US, 0)).toBe(7);
    expect(cents('1,000', EU, 0)).toBe(1);
  });

  it('reads bare fractions and integers', () => {
    expect(cents('.50', US)).toBe(50);
    expect(cents('5', US)).toBe(500);
    expect(cents('5.', US)).toBe(500);
    expect(cents('1.234', { decimal: '.', grouping: ',' }, 3)).toBe(1234);
  });

  it('rejects empty text', () => {
    expect(reason('', US)).toMatch(/^empty/);
    expect(reason('   ', US)).toMatch(/^empty/);
  });

  it('rejects letters', () => {
    expect(reason('abc', US)).toMatch(/not a number/);
    expect(reason('12 apples', US)).toMatch(/not a number/);
    expect(reason('1e5', US)).toMatch(/not a number \(unexpected "e"\)/);
    expect(reason('$', US)).toMatch(/not a number/);
  });

  it('rejects extra decimals instead of rounding', () => {
    expect(reason('1.005', US)).toBe('more than 2 decimal places for this currency');
    expect(reason('12,345', EU, 2)).toBe('more than 2 decimal places for this currency');
    expect(reason('1000.5', US, 0)).toMatch(/no minor unit/);
  });

  it('rejects misplaced grouping', () => {
    expect(reason('1,23.00', US)).toMatch(/^grouping separator in the wrong place/);
    expect(reason('12,3456.00', US)).toMatch(/^grouping separator in the wrong place/);
    expect(reason('1,000.50', EU)).toMatch(/^grouping separator in the wrong place/);
    expect(reason('1,,000', US)).toMatch(/^grouping separator in the wrong place/);
  });

  it('rejects separators of another format', () => {
    expect(reason('1.000.000', US)).toMatch(/more than one decimal separator "\."/);
    expect(reason("1'000.00", US)).toMatch(/grouping separator in the wrong place/);
  });

  it('names the expected format', () => {
    expect(reason('abc', EU)).toMatch(/expected an amount such as 1\.234,56$/);
    expect(reason('abc', US, 0)).toMatch(/expected an amount such as 1,234$/);
  });

  it('rejects conflicting signs', () => {
    expect(reason('-(30.00)', US)).toMatch(/more than one sign/);
    expect(reason('-20.00-', US)).toMatch(/more than one sign/);
    expect(reason('(30.00', US)).toMatch(/unbalanced parentheses/);
  });

  it('rejects values beyond safe integers', () => {
    expect(cents('90,071,992,547,409.91', US)).toBe(Number.MAX_SAFE_INTEGER);
    expect(reason('90,071,992,547,409.92', US)).toMatch(/^too large/);
    expect(reason('1000000000000000000', US)).toMatch(/^too large/);
  });

  it('builds cents without float drift', () => {
    expect(cents('0.29', US)).toBe(29);
    expect(cents('1.15', US)).toBe(115);
    expect(cents('4.35', US)).toBe(435);
    expect(cents('8,888,888,888,888.88', US)).toBe(888888888888888);
  });
});
