/**
 * Money as integer minor units (cents for USD and EUR, yen for JPY) with an ISO 4217 code.
 *
 * Floating-point amounts drift (0.1 + 0.2), so every stored and summed amount is a safe
 * integer, and amounts of different currencies are kept apart rather than added.
 */

export type CurrencyCode = string;

export interface Money {
  readonly cents: number;
  readonly currency: CurrencyCode;
}

/** Raises when `value` is not a safe integer; `label` names the amount in the message. */
export function assertCents(value: number, label = 'amount'): number {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`Invalid ${label} ${String(value)}: money must be whole minor units.`);
  }
  return value;
}

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value) && knownCurrencies.has(value);
}

/** Validates and upper-cases an ISO 4217 code such as `usd`. */
export function parseCurrencyCode(value: string, label = 'currency'): CurrencyCode {
  const code = value.trim().toUpperCase();
  if (!isCurrencyCode(code)) {
    throw new RangeError(
      `Unknown ${label} "${value}": expected an ISO 4217 code such as USD, EUR or GBP.`,
    );
  }
  return code;
}

const minorDigitsCache = new Map<CurrencyCode, number>();

/** Digits after the decimal point in the currency's minor unit: 2 for USD, 0 for JPY. */
export function minorUnitDigits(currency: CurrencyCode): number {
  let digits = minorDigitsCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    minorDigitsCache.set(currency, digits);
  }
  return digits;
}

/** Plain decimal text for files and JSON readers: `-15.00`, `1250.5` never appears. */
export function formatDecimal(cents: number, currency: CurrencyCode): string {
  assertCents(cents);
  const digits = minorUnitDigits(currency);
  const sign = cents < 0 ? '-' : '';
  const whole = String(Math.abs(cents)).padStart(digits + 1, '0');
  if (digits === 0) return sign + whole;
  return `${sign}${whole.slice(0, -digits)}.${whole.slice(-digits)}`;
}

/** Amount for people to read, in the currency's own format: `$1,250.00`, `-€15.00`. */
export function formatMoney(cents: number, currency: CurrencyCode, locale = 'en-US'): string {
  assertCents(cents);
  const digits = minorUnitDigits(currency);
  return moneyFormatter(currency, locale, digits).format(cents / 10 ** digits);
}

// Building an Intl.NumberFormat costs about 0.1 ms, which a table of thousands of amounts
// would pay on every render; one formatter per currency and locale is kept instead.
const moneyFormatters = new Map<string, Intl.NumberFormat>();

function moneyFormatter(currency: CurrencyCode, locale: string, digits: number) {
  const key = `${locale} ${currency}`;
  let formatter = moneyFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormatters.set(key, formatter);
  }
  return formatter;
}

/** Adds integer amounts, raising if the total leaves the safe-integer range. */
export function sumCents(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return assertCents(total, 'total');
}

/**
 * `cents × basisPoints ÷ 10,000`, rounded once to whole minor units, halves away from zero:
 * 2% (200 bp) of 12,345 is 246.9, so 247; 1.5% of 10,001 is 150.015, so 150. Computed with
 * exact integers, so no binary fraction tips a half either way.
 */
export function basisPointsOf(cents: number, basisPoints: number): number {
  assertCents(cents, 'amount');
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) {
    throw new RangeError(`Invalid rate ${String(basisPoints)} basis points: expected 0 or more.`);
  }
  const product = BigInt(Math.abs(cents)) * BigInt(basisPoints);
  const rounded = (product * 2n + 10_000n) / 20_000n;
  return assertCents(Math.sign(cents) * Number(rounded), 'charge');
}
