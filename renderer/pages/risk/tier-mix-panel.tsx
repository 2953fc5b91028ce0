import { formatCount } from '../../format/figures.ts';
import { riskDefinitions, type TierMixPoint, type TierMixRow } from './risk-definitions.ts';
import { TierMixChart } from './tier-mix-chart.tsx';

interface TierMixPanelProps {
  readonly points: readonly TierMixPoint[];
  readonly currency: string;
}

/** Shows the tier mix of the page's currency over the year as a chart and as a table. */
export function TierMixPanel({ points, currency }: TierMixPanelProps) {
  const rows: TierMixRow[] = points.map((point) => ({
    date: point.date,
    counts: point.byCurrency[currency] ?? { low: 0, medium: 0, high: 0, unscored: 0 },
  }));
  return (
    <section className="panel" aria-labelledby="risk-mix-heading">
      <h2 id="risk-mix-heading">Tier mix by month</h2>
      <p className="hint">{riskDefinitions.tierMix}</p>
      <TierMixChart rows={rows} currency={currency} />
      <table className="figure-table tier-mix-table">
        <caption className="visually-hidden">Clients per risk tier at each month end</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col" className="numeric">
              High
            </th>
            <th scope="col" className="numeric">
              Medium
            </th>
            <th scope="col" className="numeric">
              Low
            </th>
            <th scope="col" className="numeric">
              Too little history
            </th>
            <th scope="col" className="numeric">
              Clients
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ date, counts }) => (
            <tr key={date}>
              <th scope="row">{date}</th>
              <td className="numeric">{formatCount(counts.high)}</td>
              <td className="numeric">{formatCount(counts.medium)}</td>
              <td className="numeric">{formatCount(counts.low)}</td>
              <td className="numeric">{formatCount(counts.unscored)}</td>
              <td className="numeric">
                {formatCount(counts.high + counts.medium + counts.low + counts.unscored)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
