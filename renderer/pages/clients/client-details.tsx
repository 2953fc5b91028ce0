import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { formatMoney } from '../../../shared/money.ts';
import { MISSING } from '../../format/figures.ts';

type Client = IpcResponse<'clients/get'>['client'];

/** The client's master data as a description list. */
export function ClientDetails({ client }: { readonly client: Client }) {
  const details: [string, string][] = [
    ['Client code', client.code],
    ['E-mail', client.email ?? MISSING],
    ['Country', client.country ?? MISSING],
    ['Industry', client.industry ?? MISSING],
    ['Account manager', client.accountManager ?? MISSING],
    [
      'Credit limit',
      client.creditLimitCents === null || client.creditLimitCurrency === null
        ? MISSING
        : formatMoney(client.creditLimitCents, client.creditLimitCurrency),
    ],
    ['Size', client.sizeBand ?? MISSING],
    [
      'Payment terms',
      client.terms.description + (client.termsId === null ? ' (the ledger default)' : ''),
    ],
  ];
  return (
    <dl className="detail-list">
      {details.map(([term, description]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{description}</dd>
        </div>
      ))}
    </dl>
  );
}
