import { useEffect, useRef } from 'react';
import { formatMonth } from '../../format/dates.ts';
import { Chart, daysByMonthScales, readChartColors, useDarkScheme } from './chart-theme.ts';

interface DsoChartProps {
  readonly months: readonly { readonly month: string; readonly dso: number | null }[];
}

/** DSO of each month as a line; a month without credit sales has no DSO and leaves a gap. */
export function DsoChart({ months }: DsoChartProps) {
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
            label: 'DSO',
            data: months.map((entry) => entry.dso),
            borderColor: colors.line,
            backgroundColor: colors.line,
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
          tooltip: {
            callbacks: {
              label: (item) => `DSO ${Number(item.parsed.y).toFixed(1)} days`,
            },
          },
        },
        scales: daysByMonthScales(colors),
      },
    });
    return () => chart.destroy();
  }, [months, dark]);

  return (
    <div className="chart-box">
      <canvas
        ref={canvas}
        role="img"
        aria-label={
          `Line chart of DSO in each of the ${months.length} whole months named above it. ` +
          'The table below it lists the same figures.'
        }
      />
    </div>
  );
}
