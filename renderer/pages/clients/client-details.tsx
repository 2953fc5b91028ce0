import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { formatMoney } from '../../../shared/money.ts';
import { MISSING } from '../../format/figures.ts';

type Client = IpcResponse<'clients/get'>['client'];

interface ClientDetailsProps {
  readonly client: Client;
  /** Currency to show the credit limit in; see the note in ClientPage. */
  readonly creditLimitCurrency: string;
}

/** The client's master data as a description list. */
export function ClientDetails({ client, creditLimitCurrency }: ClientDetailsProps) {
  const details: [string, string][] = [
    ['Client code', client.code],
    ['E-mail', client.email ?? MISSING],
    ['Country', client.country ?? MISSING],
    ['Industry', client.industry ?? MISSING],
    ['Account manager', client.accountManager ?? MISSING],
    [
      'Credit limit',
      client.creditLimitCents === null
        ? MISSING
        : formatMoney(client.creditLimitCents, creditLimitCurrency),
    ],
    [
      'Payment terms',
      client.paymentTermsDays === null ? MISSING : `${client.paymentTermsDays} days`,
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
