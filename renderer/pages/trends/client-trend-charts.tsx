import { useMemo } from 'react';
import { MonthLineChart, type MonthLine } from './month-line-chart.tsx';
import {
  averageTermsDays,
  metric,
  type TrendClientMonth,
  type TrendClientSeries,
} from './trends-definitions.ts';

interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly unit: 'days' | 'percent';
  readonly lines: readonly MonthLine[];
}

/**
 * Draws the four charts of one client's months: payment time against terms, late payment
 * frequency, DSO and credit utilisation. Without a credit limit in the client's currency
 * there is no utilisation to draw, so a sentence replaces that chart.
 */
export function ClientTrendCharts({ series }: { series: TrendClientSeries }) {
  const months = useMemo(() => series.months.map((entry) => entry.month), [series]);
  const charts = useMemo(() => chartSpecs(series.months), [series]);
  return (
    <div className="chart-grid client-trend-charts">
      {charts.map((chart) => (
        <figure key={chart.id} className="client-trend-chart" aria-labelledby={chart.id}>
          <h3 id={chart.id}>{chart.title}</h3>
          {chart.lines.length === 0 ? (
            <p className="placeholder chart-placeholder">
              No credit limit in {series.currency}: no utilisation to show.
            </p>
          ) : (
            <MonthLineChart
              months={months}
              lines={chart.lines}
              unit={chart.unit}
              description={
                `Line chart of ${chart.lines.map((line) => line.label).join(', ')} in each of ` +
                `the ${months.length} months. The table below the charts lists the same figures.`
              }
            />
          )}
        </figure>
      ))}
    </div>
  );
}

function chartSpecs(months: readonly TrendClientMonth[]): ChartSpec[] {
  // Utilisation is null in every month exactly when the client has no positive limit.
  const hasLimit = months.some((month) => month.creditUtilisation !== null);
  const percent = (share: number | null) => (share === null ? null : share * 100);
  return [
    {
      id: 'client-trend-payment-time',
      title: 'Payment time against terms',
      unit: 'days',
      lines: [
        {
          label: metric('averagePaymentDays').name,
          values: months.map((month) => month.averagePaymentDays),
          color: 'line',
        },
        {
          label: metric('daysAgainstTerms').name,
          values: months.map((month) => month.averageDaysLate),
          color: 'overdue',
        },
        { label: 'Terms', values: months.map(averageTermsDays), color: 'text', reference: true },
      ],
    },
    {
      id: 'client-trend-late-share',
      title: metric('lateShare').name,
      unit: 'percent',
      lines: [
        {
          label: metric('lateShare').name,
          values: months.map((month) => percent(month.lateShare)),
          color: 'overdue',
        },
      ],
    },
    {
      id: 'client-trend-dso',
      title: metric('dso').name,
      unit: 'days',
      lines: [{ label: 'DSO', values: months.map((month) => month.dso), color: 'line' }],
    },
    {
      id: 'client-trend-utilisation',
      title: metric('creditUtilisation').name,
      unit: 'percent',
      lines: hasLimit
        ? [
            {
              label: metric('creditUtilisation').name,
              values: months.map((month) => percent(month.creditUtilisation)),
              color: 'current',
            },
            {
              label: 'Credit limit (100%)',
              values: months.map(() => 100),
              color: 'text',
              reference: true,
            },
          ]
        : [],
    },
  ];
}
