import { useEffect, useRef } from 'react';
import { formatMoney } from '../../../shared/money.ts';
import { bucketLabel } from '../../format/bucket-label.ts';
import { formatCompactMoney, toMajorUnits } from '../../format/compact-money.ts';
import { CURRENT_BUCKET } from '../../../shared/aging.ts';
import { Chart, readChartColors, useDarkScheme } from './chart-theme.ts';

interface AgingChartProps {
  readonly buckets: readonly { readonly key: string; readonly cents: number }[];
  readonly currency: string;
}

/** Open balance per aging bucket as bars: current in one colour, past due in another. */
export function AgingChart({ buckets, currency }: AgingChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const dark = useDarkScheme();

  useEffect(() => {
    if (canvas.current === null) return;
    const colors = readChartColors();
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: buckets.map((bucket) => bucketLabel(bucket.key)),
        datasets: [
          {
            label: 'Open balance',
            data: buckets.map((bucket) => toMajorUnits(bucket.cents, currency)),
            backgroundColor: buckets.map((bucket) =>
              bucket.key === CURRENT_BUCKET ? colors.current : colors.overdue,
            ),
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          tooltip: {
            callbacks: {
              label: (item) => formatMoney(buckets[item.dataIndex]?.cents ?? 0, currency),
            },
          },
        },
        scales: {
          x: { ticks: { color: colors.text }, grid: { display: false } },
          y: {
            ticks: {
              color: colors.text,
              callback: (value) => formatCompactMoney(Number(value), currency),
            },
            grid: { color: colors.grid },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [buckets, currency, dark]);

  return (
    <div className="chart-box">
      <canvas
        ref={canvas}
        role="img"
        aria-label={
          `Bar chart of the open balance per aging bucket, in ${currency}. ` +
          'The table beside it lists the same figures, then unapplied payments and credits ' +
          'and the total receivables.'
        }
      />
    </div>
  );
}
