import { localToday } from '../../../shared/calendar-date.ts';
import { formatMoney, parseCurrencyCode } from '../../../shared/money.ts';
import { clientIdOf } from '../../collections/interactions.ts';
import { recordPromise } from '../../collections/promises-to-pay.ts';
import { openLedger } from '../../ledger/database.ts';
import { UsageError } from '../cli-error.ts';
import type { CliIo } from '../io.ts';
import { amountOption, dateOption, parseCommandArgs, requireOption } from '../options.ts';
import { wholeOption } from './contact.ts';

export const promiseUsage = `duedesk promise --db PATH CLIENT --amount AMOUNT --currency CODE
               --date DATE [--made-on DATE] [--interaction ID]

Records the promise of the client whose code is CLIENT to have paid AMOUNT by DATE. The
promise follow-up marks it kept once the client's payments dated from the day it was made
to DATE cover the amount, and broken when DATE has passed without that; a broken promise
adds a note to the client's timeline.

  --db PATH           ledger file
  --amount AMOUNT     for example 1,250.00, more than zero
  --currency CODE     ISO 4217 code of a currency the client is invoiced in
  --date DATE         YYYY-MM-DD, the day the client promised to have paid by
  --made-on DATE      YYYY-MM-DD, the day the promise was made (default: today)
  --interaction ID    the interaction in which it was made (see duedesk timeline)`;

export function runPromise(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, {
    db: { type: 'string' },
    amount: { type: 'string' },
    currency: { type: 'string' },
    date: { type: 'string' },
    'made-on': { type: 'string' },
    interaction: { type: 'string' },
  });
  const code = positionals[0];
  if (code === undefined || positionals.length > 1) {
    throw new UsageError(
      'Give one client code, for example duedesk promise --db ledger.db C-1001.',
    );
  }
  let currency: string;
  try {
    currency = parseCurrencyCode(requireOption(values.currency, '--currency', 'USD'));
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  const amountCents = amountOption(values.amount, '--amount', currency);
  const promisedFor = dateOption(values.date, '--date');
  const madeOn = dateOption(values['made-on'], '--made-on', localToday());
  const interactionId = wholeOption(values.interaction, '--interaction', '7');
  const db = openLedger(requireOption(values.db, '--db', 'ledger.db'), { mustExist: true });
  try {
    const clientId = clientIdOf(db, code);
    const promiseId = recordPromise(db, clientId, {
      amountCents,
      currency,
      promisedFor,
      madeOn,
      interactionId,
    });
    io.out(
      `Recorded promise ${promiseId}: ${code} to pay ${formatMoney(amountCents, currency)} ` +
        `by ${promisedFor} (made on ${madeOn}).`,
    );
    return 0;
  } finally {
    db.close();
  }
}
