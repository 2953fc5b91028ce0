/**
 * Amount cells from accounting exports: `$1,250.00`, `1.250,00 €`, `(30.00)`, `20.00-`.
 *
 * One file uses one number format, so the format is detected once from every amount cell of the
 * file and then each cell is parsed strictly against it. Cents are built from digit strings,
 * never through floating point, and a value is rejected rather than rounded.
 */

export interface NumberFormat {
  decimal: '.' | ',';
  grouping: ',' | '.' | ' ' | "'" | '';
}

export type AmountParseResult = { ok: true; cents: number } | { ok: false; reason: string };

/** Text of an amount once currency marks and signs are removed. */
interface AmountCore {
  negative: boolean;
  core: string;
}

// A currency symbol, optionally after up to 3 capitals (US$, A$, R$), or an ISO-style code.
const CURRENCY_PREFIX = /^(?:[A-Z]{0,3}\p{Sc}|[A-Z]{3}(?![A-Za-z]))/u;
const CURRENCY_SUFFIX = /(?:[A-Z]{0,3}\p{Sc}|(?<![A-Za-z])[A-Z]{3})$/u;
// JavaScript's \s includes U+00A0 and U+202F, which European exports use as grouping.
const LEADING_SPACE = /^\s+/u;
const TRAILING_SPACE = /\s+$/u;
const MINUS_SIGNS = new Set(['-', '\u2212']);
const MAX_SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER);

/**
 * Detects the decimal and grouping separators of a file from all its amount cells.
 *
 * A value with both '.' and ',' has its decimal separator rightmost. One separator followed by
 * 1, 2 or 4+ digits is the decimal separator, one that occurs twice or more is grouping, and a
 * lone separator before exactly 3 digits (1.000) decides nothing. Without any deciding value the
 * decimal separator is ',' for ';'-delimited files, which come from comma-decimal locales,
 * and '.' otherwise. Throws when some values prove '.' and others ',' as decimal separator.
 */
export function detectNumberFormat(samples: string[], delimiter: string): NumberFormat {
  const cores: string[] = [];
  let dotExample: string | null = null;
  let commaExample: string | null = null;
  let spaceGrouping = false;

  for (const sample of samples) {
    const stripped = stripAffixes(sample);
    if (typeof stripped === 'string') continue;
    const spaced = stripped.core;
    if (!/^[0-9.,'\s]+$/u.test(spaced) || !/[0-9]/.test(spaced)) continue;
    if (/[0-9]\s+[0-9]/u.test(spaced)) spaceGrouping = true;
    const core = spaced.replace(/\s+/gu, '');
    cores.push(core);

    const decimal = decimalEvidence(core);
    if (decimal === '.' && dotExample === null) dotExample = sample.trim();
    if (decimal === ',' && commaExample === null) commaExample = sample.trim();
  }

  if (dotExample !== null && commaExample !== null) {
    throw new Error(
      `Amounts mix decimal separators: "${dotExample}" uses "." as decimal separator but ` +
        `"${commaExample}" uses ",". Make every amount in the file use the same number format.`,
    );
  }

  let decimal: NumberFormat['decimal'];
  if (dotExample !== null) decimal = '.';
  else if (commaExample !== null) decimal = ',';
  else decimal = delimiter === ';' ? ',' : '.';

  const partner = decimal === '.' ? ',' : '.';
  const partnerSeen = cores.some((core) => core.includes(partner));
  const apostropheSeen = cores.some((core) => core.includes("'"));
  let grouping: NumberFormat['grouping'] = partner;
  if (!partnerSeen && apostropheSeen) grouping = "'";
  else if (!partnerSeen && spaceGrouping) grouping = ' ';
  return { decimal, grouping };
}

/** Returns the decimal separator that `core` proves, or null when it is ambiguous. */
function decimalEvidence(core: string): '.' | ',' | null {
  const digitsAndSeparators = core.replace(/'/g, '');
  const lastDot = digitsAndSeparators.lastIndexOf('.');
  const lastComma = digitsAndSeparators.lastIndexOf(',');
  if (lastDot === -1 && lastComma === -1) return null;

  if (lastDot !== -1 && lastComma !== -1) {
    const decimal = lastDot > lastComma ? '.' : ',';
    // 1,000,000,00 is not a number in any format, so it proves nothing.
    return countChar(digitsAndSeparators, decimal) === 1 ? decimal : null;
  }

  const separator = lastDot !== -1 ? '.' : ',';
  if (countChar(digitsAndSeparators, separator) > 1) return separator === '.' ? ',' : '.';

  const [before = '', after = ''] = digitsAndSeparators.split(separator);
  if (after.length === 0) return null;
  // 1.000 may be one thousand or one, but 0.500 and 1234.567 cannot be grouped thousands.
  const couldBeGrouping =
    after.length === 3 && before.length >= 1 && before.length <= 3 && !before.startsWith('0');
  return couldBeGrouping ? null : separator;
}

/**
 * Parses an amount cell into integer minor units of a currency with `minorDigits` decimals.
 *
 * Accepts currency symbols and 3-letter codes on either side, a leading '+' or '-', a trailing
 * '-', and parentheses for negatives. Grouping must fall every 3 digits, or in the Indian
 * 1,00,000 pattern. Spaces between digit groups, including no-break spaces, are accepted
 * whatever `format.grouping` is, because a space is never a decimal separator.
 */
export function parseAmount(
  text: string,
  format: NumberFormat,
  minorDigits: number,
): AmountParseResult {
  const example = formatExample(format, minorDigits);
  if (text.trim() === '') return fail(`empty: expected an amount such as ${example}`);

  const stripped = stripAffixes(text);
  if (typeof stripped === 'string') {
    return fail(`${stripped}: expected an amount such as ${example}`);
  }
  const { negative } = stripped;
  const core = stripped.core.replace(/\s+/gu, ' ');

  const unexpected = /[^0-9.,' ]/.exec(core);
  if (core === '' || unexpected !== null) {
    const detail = unexpected ? ` (unexpected "${unexpected[0]}")` : '';
    return fail(`not a number${detail}: expected an amount such as ${example}`);
  }

  const parts = core.split(format.decimal);
  if (parts.length > 2) {
    return fail(
      `more than one decimal separator "${format.decimal}": expected an amount such as ${example}`,
    );
  }
  const integerText = parts[0] ?? '';
  const fractionText = parts[1] ?? '';

  if (!/^[0-9]*$/.test(fractionText)) {
    return fail(`grouping separator in the wrong place: expected an amount such as ${example}`);
  }
  const integerDigits = ungroup(integerText, format);
  if (integerDigits === null) {
    return fail(`grouping separator in the wrong place: expected an amount such as ${example}`);
  }
  if (integerDigits === '' && fractionText === '') {
    return fail(`not a number: expected an amount such as ${example}`);
  }

  let fraction = fractionText;
  if (fraction.length > minorDigits) {
    // Trailing zeros past the currency's precision lose nothing, so 1.500 is 1.50.
    if (!/^0*$/.test(fraction.slice(minorDigits))) {
      const problem =
        minorDigits === 0
          ? 'decimal places, but this currency has no minor unit'
          : `more than ${minorDigits} decimal places for this currency`;
      return fail(problem);
    }
    fraction = fraction.slice(0, minorDigits);
  }

  const digits = (integerDigits + fraction.padEnd(minorDigits, '0')).replace(/^0+/, '');
  if (exceedsSafeInteger(digits)) {
    return fail(`too large: more than ${Number.MAX_SAFE_INTEGER} minor units`);
  }
  // Number() of a string of at most 16 digits within the safe range is exact.
  const magnitude = digits === '' ? 0 : Number(digits);
  return { ok: true, cents: negative && magnitude !== 0 ? -magnitude : magnitude };
}

/**
 * Removes surrounding spaces, currency marks, signs and parentheses.
 * Returns the reason as a string when the signs or parentheses do not fit together.
 */
function stripAffixes(text: string): AmountCore | string {
  let rest = text;
  let signs = 0;
  let negative = false;
  let openParen = false;
  let closeParen = false;
  let prefixCurrency = false;
  let suffixCurrency = false;

  for (;;) {
    rest = rest.replace(LEADING_SPACE, '');
    const first = rest[0];
    if (first === undefined) break;
    if (first === '(' && !openParen) {
      openParen = true;
      rest = rest.slice(1);
      continue;
    }
    if (MINUS_SIGNS.has(first) || first === '+') {
      signs += 1;
      negative = negative || first !== '+';
      rest = rest.slice(1);
      continue;
    }
    const currency = prefixCurrency ? null : CURRENCY_PREFIX.exec(rest);
    if (currency) {
      prefixCurrency = true;
      rest = rest.slice(currency[0].length);
      continue;
    }
    break;
  }

  for (;;) {
    rest = rest.replace(TRAILING_SPACE, '');
    const last = rest[rest.length - 1];
    if (last === undefined) break;
    if (last === ')' && !closeParen) {
      closeParen = true;
      rest = rest.slice(0, -1);
      continue;
    }
    if (MINUS_SIGNS.has(last)) {
      signs += 1;
      negative = true;
      rest = rest.slice(0, -1);
      continue;
    }
    const currency = suffixCurrency ? null : CURRENCY_SUFFIX.exec(rest);
    if (currency) {
      suffixCurrency = true;
      rest = rest.slice(0, -currency[0].length);
      continue;
    }
    break;
  }

  if (openParen !== closeParen) return 'unbalanced parentheses';
  if (openParen) {
    signs += 1;
    negative = true;
  }
  if (signs > 1) return 'more than one sign';
  return { negative, core: rest };
}

/**
 * Returns the digits of an integer part after checking where its grouping separators are,
 * or null when a separator is misplaced or is not a grouping separator of `format`.
 */
function ungroup(integerText: string, format: NumberFormat): string | null {
  if (/^[0-9]*$/.test(integerText)) return integerText;

  const separators = new Set(integerText.replace(/[0-9]/g, ''));
  if (separators.size !== 1) return null;
  const [separator] = separators;
  if (separator !== ' ' && separator !== format.grouping) return null;

  const groups = integerText.split(separator);
  if (groups.some((group) => group === '')) return null;
  const first = groups[0] ?? '';
  const rest = groups.slice(1);
  const last = rest[rest.length - 1] ?? '';

  const thousands = first.length <= 3 && rest.every((group) => group.length === 3);
  // Indian grouping: thousands first, then lakhs and crores in pairs (1,00,00,000).
  const indian =
    first.length <= 2 &&
    last.length === 3 &&
    rest.slice(0, -1).every((group) => group.length === 2);
  return thousands || indian ? groups.join('') : null;
}

function exceedsSafeInteger(digits: string): boolean {
  if (digits.length !== MAX_SAFE_DIGITS.length) return digits.length > MAX_SAFE_DIGITS.length;
  return digits > MAX_SAFE_DIGITS;
}

/** Builds a sample amount in `format`, such as 1,234.56, for rejection reasons. */
function formatExample(format: NumberFormat, minorDigits: number): string {
  const fraction = minorDigits > 0 ? format.decimal + '56789'.slice(0, minorDigits) : '';
  return `1${format.grouping}234${fraction}`;
}

function countChar(text: string, char: string): number {
  let count = 0;
  for (const c of text) if (c === char) count += 1;
  return count;
}

function fail(reason: string): AmountParseResult {
  return { ok: false, reason };
}
