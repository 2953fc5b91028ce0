import { isCurrencyCode } from '../money.ts';

/**
 * The currency an amount cell names by its symbol or code (`$`, `€`, `CHF`, `US$`), so that a
 * `£` amount is not stored as dollars because the file's currency was given as USD.
 */

const DOLLAR_CURRENCIES = [
  'USD',
  'CAD',
  'AUD',
  'NZD',
  'SGD',
  'HKD',
  'MXN',
  'TWD',
  'JMD',
  'BSD',
  'BBD',
  'BZD',
  'BMD',
  'KYD',
  'FJD',
  'GYD',
  'LRD',
  'NAD',
  'SBD',
  'SRD',
  'TTD',
  'XCD',
  'BND',
  'CLP',
  'COP',
  'ARS',
  'UYU',
  'DOP',
  'CUP',
];

const SYMBOLS: Record<string, readonly string[]> = {
  $: DOLLAR_CURRENCIES,
  US$: ['USD'],
  A$: ['AUD'],
  AU$: ['AUD'],
  C$: ['CAD'],
  CA$: ['CAD'],
  NZ$: ['NZD'],
  HK$: ['HKD'],
  S$: ['SGD'],
  MX$: ['MXN'],
  R$: ['BRL'],
  '€': ['EUR'],
  '£': ['GBP', 'GIP', 'FKP', 'SHP', 'EGP'],
  '¥': ['JPY', 'CNY'],
  '₹': ['INR'],
  '₩': ['KRW'],
  '₺': ['TRY'],
  '₽': ['RUB'],
  '₪': ['ILS'],
  '₫': ['VND'],
  '₱': ['PHP'],
  '฿': ['THB'],
  '₦': ['NGN'],
  '₴': ['UAH'],
};

const MARK = /(?:[A-Z]{0,3}\p{Sc})|(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])/u;

/**
 * Returns the currencies an amount's mark can stand for, or null when the cell has no mark or
 * one this table does not know (then nothing can be checked).
 */
export function currenciesNamedBy(amountText: string): readonly string[] | null {
  const mark = MARK.exec(amountText)?.[0];
  if (mark === undefined) return null;
  if (isCurrencyCode(mark)) return [mark];
  return SYMBOLS[mark] ?? null;
}
