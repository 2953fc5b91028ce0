import { Legend } from 'chart.js';
import { useEffect, useRef } from 'react';
import { formatMonth } from '../../format/dates.ts';
import {
  Chart,
  daysByMonthScales,
  readChartColors,
  useDarkScheme,
} from '../dashboard/chart-theme.ts';
import type { TrendMonth } from './trends-definitions.ts';

// Two lines share the chart, so it needs a legend, which the dashboard's charts do not.
Chart.register(Legend);

interface TrendChartProps {
  readonly months: readonly TrendMonth[];
  readonly dsoLabel: string;
  readonly termsLabel: string;
}

/**
 * DSO and days against terms of each month as two lines. A month without credit sales has no
 * DSO, and one without settled invoices no days against terms: each leaves a gap.
 */
export function TrendChart({ months, dsoLabel, termsLabel }: TrendChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const dark = useDarkScheme();

  useEffect(() => {
    if (canvas.current === null) return;
    const colors = readChartColors();
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: months.map((entry) => formatMonth(entry.month)),
        datasets: [
          {
            label: dsoLabel,
            data: months.map((entry) => entry.dso),
            borderColor: colors.line,
            backgroundColor: colors.line,
            pointRadius: 3,
            spanGaps: false,
          },
          {
            label: termsLabel,
            data: months.map((entry) => entry.averageDaysLate),
            borderColor: colors.overdue,
            backgroundColor: colors.overdue,
            pointRadius: 3,
            spanGaps: false,
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: { labels: { color: colors.text } },
          tooltip: {
            callbacks: {
              label: (item) =>
                `${item.dataset.label ?? ''}: ${Number(item.parsed.y).toFixed(1)} days`,
            },
          },
        },
        // Days against terms go below zero when clients pay early on average.
        scales: daysByMonthScales(colors),
      },
    });
    return () => chart.destroy();
  }, [months, dsoLabel, termsLabel, dark]);

  return (
    <div className="chart-box">
      <canvas
        ref={canvas}
        role="img"
        aria-label={
          `Line chart of ${dsoLabel} and ${termsLabel} in each of the ${months.length} months ` +
          'named above it. The table below it lists the same figures.'
        }
      />
    </div>
  );
}
