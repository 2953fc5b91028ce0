/**
 * The fact blocks of a client statement: who the client is and its balances at the start and
 * the end of the period, then its payment terms and the payment methods it may use.
 */

import type { IsoDate } from '../../../../shared/calendar-date.ts';
import { formatMoney } from '../../../../shared/money.ts';
import type { ReportBlock } from '../../../../shared/reports/report-document.ts';
import { termsLabel } from '../../../../shared/terms/payment-terms.ts';
import type { Ledger } from '../../../ledger/database.ts';
import { clientTerms } from '../../../terms/terms-store.ts';
import type { ScopedClient } from '../../report-scope.ts';
import type { Balances } from './client-balances.ts';

export function clientFacts(
  db: Ledger,
  client: ScopedClient,
  period: {
    from: IsoDate;
    to: IsoDate;
    dayBefore: IsoDate;
    currencies: readonly string[];
    opening: Balances;
    closing: Balances;
  },
): ReportBlock {
  const address = db.prepare('SELECT address FROM clients WHERE id = ?').pluck().get(client.id) as
    | string
    | null;
  const addressText = (address ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(', ');

  const facts = [
    { label: 'Client', value: client.name },
    { label: 'Client code', value: client.code },
    { label: 'Address', value: addressText || 'No address on file' },
    { label: 'Period', value: `${period.from} to ${period.to}` },
  ];
  if (period.currencies.length === 0) {
    facts.push({ label: 'Balance', value: 'Nothing owed at the start or the end of the period' });
  }
  for (const currency of period.currencies) {
    facts.push({
      label: `Opening balance, ${currency} (end of ${period.dayBefore})`,
      value: formatMoney(period.opening.get(currency) ?? 0, currency),
    });
  }
  for (const currency of period.currencies) {
    facts.push({
      label: `Closing balance, ${currency} (end of ${period.to})`,
      value: formatMoney(period.closing.get(currency) ?? 0, currency),
    });
  }

  return { kind: 'facts', title: 'Statement of account', facts };
}

export function termsFacts(
  db: Ledger,
  clientId: number,
  currencies: readonly string[],
): ReportBlock {
  const terms = clientTerms(db, clientId);
  const methods = terms.paymentMethods;
  return {
    kind: 'facts',
    title: 'How to pay',
    facts: [
      {
        label: 'Payment terms',
        value: termsLabel(terms, currencies.length === 1 ? currencies[0]! : null),
      },
      {
        label: 'Payment methods accepted',
        value: methods.length === 0 ? 'Ask us how to pay' : methods.join(', '),
      },
    ],
  };
}
