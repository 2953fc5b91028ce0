import { parseArgs, type ParseArgsConfig } from 'node:util';
import { localToday, parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import { UsageError } from './cli-error.ts';
import { parseAmount } from '../../shared/import-format/number-format.ts';
import { minorUnitDigits } from '../../shared/money.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments, turning parse failures into usage errors. */
export function parseCommandArgs<T extends Options>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function requireOption(value: string | undefined, flag: string, example: string): string {
  if (value === undefined || value === '') {
    throw new UsageError(`Missing ${flag}: for example ${flag} ${example}.`);
  }
  return value;
}

export function dateOption(value: string | undefined, flag: string, fallback?: IsoDate): IsoDate {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(
      `Missing ${flag}: give a date as YYYY-MM-DD, e.g. ${flag} ${localToday()}.`,
    );
  }
  try {
    return parseIsoDate(value, flag);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function integerOption(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) {
    throw new UsageError(
      `Invalid ${flag} "${value}": expected a whole number such as ${fallback}.`,
    );
  }
  return Number(value);
}

/** Reads an amount such as `5000` or `1,250.50` into minor units of `currency`. */
export function amountOption(value: string | undefined, flag: string, currency: string): number {
  const text = requireOption(value, flag, '1250.00');
  const parsed = parseAmount(text, { decimal: '.', grouping: ',' }, minorUnitDigits(currency));
  if (!parsed.ok) throw new UsageError(`Invalid ${flag} "${text}": ${parsed.reason}.`);
  if (parsed.cents < 0) throw new UsageError(`Invalid ${flag} "${text}": expected 0 or more.`);
  return parsed.cents;
}
