import { formatMonth } from '../../format/dates.ts';
import { formatCount, formatDays, formatShare } from '../../format/figures.ts';
import {
  averageTermsDays,
  metric,
  termsDefinition,
  type TrendClientMonth,
  type TrendClientSeries,
} from './trends-definitions.ts';

interface ClientTrendColumn {
  readonly key: string;
  readonly name: string;
  readonly definition: string;
  readonly cell: (month: TrendClientMonth) => string;
}

const fromRegistry = (metricId: string) => {
  const { name, definition } = metric(metricId);
  return { key: metricId, name, definition };
};

// The charts' figures in the order the charts show them, so each chart can be read in numbers.
const columns: readonly ClientTrendColumn[] = [
  {
    ...fromRegistry('averagePaymentDays'),
    cell: (month) => formatDays(month.averagePaymentDays),
  },
  {
    key: 'terms',
    name: 'Terms',
    definition: termsDefinition,
    cell: (month) => formatDays(averageTermsDays(month)),
  },
  // The report's averageDaysLate is signed, which the registry calls days against terms.
  { ...fromRegistry('daysAgainstTerms'), cell: (month) => formatDays(month.averageDaysLate) },
  { ...fromRegistry('lateShare'), cell: (month) => formatShare(month.lateShare) },
  { ...fromRegistry('settledInvoices'), cell: (month) => formatCount(month.settledInvoices) },
  { ...fromRegistry('dso'), cell: (month) => formatDays(month.dso) },
  { ...fromRegistry('creditUtilisation'), cell: (month) => formatShare(month.creditUtilisation) },
];

/** Lists the monthly figures of one client's trend charts, readable and copyable as text. */
export function ClientTrendTable({ series }: { series: TrendClientSeries }) {
  return (
    <div className="table-frame">
      <table className="figure-table client-trend-table">
        <caption className="visually-hidden">
          Payment trends of {series.name} by month, in {series.currency}
        </caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            {columns.map(({ key, name, definition }) => (
              <th key={key} scope="col" className="numeric" title={definition}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.months.map((month) => (
            <tr key={month.month}>
              <th scope="row">{formatMonth(month.month)}</th>
              {columns.map(({ key, cell }) => (
                <td key={key} className="numeric">
                  {cell(month)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
