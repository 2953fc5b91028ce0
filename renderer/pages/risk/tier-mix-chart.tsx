import { Legend } from 'chart.js';
import { useEffect, useRef } from 'react';
import { Chart, readChartColors, useDarkScheme } from '../dashboard/chart-theme.ts';
import { tierLabels, type TierMixRow } from './risk-definitions.ts';

// Four stacked series share the chart, so it needs a legend, which the dashboard's charts do not.
Chart.register(Legend);

/** Series of the chart from the bottom of each bar up: the clients to watch end on top. */
const series = [
  { key: 'low', label: tierLabels.low, color: '--chart-tier-low' },
  { key: 'medium', label: tierLabels.medium, color: '--chart-tier-medium' },
  { key: 'high', label: tierLabels.high, color: '--chart-tier-high' },
  { key: 'unscored', label: 'Too little history', color: '--chart-tier-unscored' },
] as const;

interface TierMixChartProps {
  readonly rows: readonly TierMixRow[];
  readonly currency: string;
}

/** Draws the number of clients per tier at each month end as stacked bars. */
export function TierMixChart({ rows, currency }: TierMixChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const dark = useDarkScheme();

  useEffect(() => {
    if (canvas.current === null) return;
    const colors = readChartColors();
    const style = getComputedStyle(document.documentElement);
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: rows.map((row) => row.date),
        datasets: series.map(({ key, label, color }) => ({
          label,
          data: rows.map((row) => row.counts[key]),
          backgroundColor: style.getPropertyValue(color).trim(),
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: { labels: { color: colors.text } },
          tooltip: { mode: 'index' },
        },
        scales: {
          x: { stacked: true, ticks: { color: colors.text }, grid: { display: false } },
          y: {
            stacked: true,
            beginAtZero: true,
            title: { display: true, text: 'clients', color: colors.text },
            ticks: { color: colors.text, precision: 0 },
            grid: { color: colors.grid },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [rows, dark]);

  return (
    <div className="chart-box">
      <canvas
        ref={canvas}
        role="img"
        aria-label={
          `Stacked bar chart of the clients with ${currency} as their main currency per risk ` +
          `tier at each of the ${rows.length} dates named below it. The table below it lists ` +
          'the same counts.'
        }
      />
    </div>
  );
}
