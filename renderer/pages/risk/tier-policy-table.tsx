import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import type { TierPolicies } from '../../../shared/risk/tier-policy.ts';
import { tierLabels, tierOrder } from './risk-definitions.ts';

/** Shows each tier's terms, early-payment incentive, upfront share, cash on delivery and limit. */
interface TierPolicyTableProps {
  readonly policies: TierPolicies;
  /** The policies in words, as the main process wrote them with the ledger's own terms. */
  readonly texts: IpcResponse<'risk/segmentation'>['policyTexts'];
}

export function TierPolicyTable({ policies, texts }: TierPolicyTableProps) {
  return (
    <section className="panel" aria-labelledby="risk-policies-heading">
      <h2 id="risk-policies-heading">Tier policies</h2>
      <p className="hint">
        What each tier asks of its clients. The credit limit is a number of months of the client's
        average monthly invoicing over the last 12 months, rounded down to a whole 100 of its
        currency (to a whole unit below 100). Change the policies on the Settings page.
      </p>
      <table className="figure-table tier-policy-table">
        <caption className="visually-hidden">Policy of each risk tier</caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">Payment terms</th>
            <th scope="col">Early-payment incentive</th>
            <th scope="col">Upfront</th>
            <th scope="col">Cash on delivery</th>
            <th scope="col">Credit limit</th>
          </tr>
        </thead>
        <tbody>
          {tierOrder.map((tier) => {
            const policy = policies[tier];
            const text = texts[tier];
            return (
              <tr key={tier}>
                <th scope="row">{tierLabels[tier]}</th>
                <td>{text.terms}</td>
                <td>{text.incentive === 'none' ? 'None' : text.incentive}</td>
                <td>{policy.upfrontPercent}%</td>
                <td>{policy.cashOnDelivery ? 'Required' : 'No'}</td>
                <td>
                  {policy.creditLimitMonths === null
                    ? 'No rule'
                    : `${policy.creditLimitMonths} × average monthly invoicing`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
