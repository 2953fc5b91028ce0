import { Legend } from 'chart.js';
import { useEffect, useRef } from 'react';
import { formatMonth } from '../../format/dates.ts';
import {
  Chart,
  daysByMonthScales,
  readChartColors,
  useDarkScheme,
  type ChartColors,
} from '../dashboard/chart-theme.ts';

// Each chart has a line and a reference beside it, so it needs a legend.
Chart.register(Legend);

export type LineColor = keyof Omit<ChartColors, 'grid'>;

export interface MonthLine {
  readonly label: string;
  /** One value per month, in the order of the months; null leaves a gap. */
  readonly values: readonly (number | null)[];
  readonly color: LineColor;
  /** A reference such as the terms or the credit limit: dashed and without points. */
  readonly reference?: boolean;
}

interface MonthLineChartProps {
  /** `YYYY-MM` of each point, oldest first. */
  readonly months: readonly string[];
  readonly lines: readonly MonthLine[];
  readonly unit: 'days' | 'percent';
  /** Description of the chart for screen readers; the table below lists the figures. */
  readonly description: string;
}

/** Lines of a client's monthly figures, in days or in percent, on a shared month axis. */
export function MonthLineChart({ months, lines, unit, description }: MonthLineChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const dark = useDarkScheme();

  useEffect(() => {
    if (canvas.current === null) return;
    const colors = readChartColors();
    const suffix = unit === 'days' ? ' days' : '%';
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: months.map(formatMonth),
        datasets: lines.map((line) => ({
          label: line.label,
          data: [...line.values],
          borderColor: colors[line.color],
          backgroundColor: colors[line.color],
          borderDash: line.reference ? [6, 4] : [],
          // A reference such as the terms is joined across months without data and keeps a
          // small point, so that it shows even when only scattered months have a value.
          pointRadius: line.reference ? 2 : 3,
          spanGaps: line.reference === true,
        })),
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
                `${item.dataset.label ?? ''}: ${Number(item.parsed.y).toFixed(1)}${suffix}`,
            },
          },
        },
        scales: unit === 'days' ? daysByMonthScales(colors) : percentScales(colors),
      },
    });
    return () => chart.destroy();
  }, [months, lines, unit, dark]);

  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={description} />
    </div>
  );
}

/** Month labels and a percent scale from zero, as the days scale is built. */
function percentScales(colors: ChartColors) {
  const days = daysByMonthScales(colors);
  return {
    x: days.x,
    y: {
      ...days.y,
      title: { display: true, text: 'percent', color: colors.text },
      ticks: { color: colors.text, callback: (value: string | number) => `${value}%` },
    },
  };
}
