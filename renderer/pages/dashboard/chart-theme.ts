import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useSyncExternalStore } from 'react';

// Only the parts the dashboard draws, so the bundle leaves the rest of chart.js out.
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
);

export interface ChartColors {
  readonly text: string;
  readonly grid: string;
  readonly current: string;
  readonly overdue: string;
  readonly line: string;
}

/** Reads the chart colours from the CSS variables of the active light or dark theme. */
export function readChartColors(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: read('--text-muted'),
    grid: read('--border'),
    current: read('--chart-current'),
    overdue: read('--chart-overdue'),
    line: read('--chart-line'),
  };
}

const darkScheme = window.matchMedia('(prefers-color-scheme: dark)');

/** True while the system prefers dark colours; charts redraw when it changes. */
export function useDarkScheme(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      darkScheme.addEventListener('change', onChange);
      return () => darkScheme.removeEventListener('change', onChange);
    },
    () => darkScheme.matches,
  );
}

/**
 * Builds the axes of a chart of days by month: month labels without grid lines, and a day
 * scale from zero that still extends below it for negative values.
 */
export function daysByMonthScales(colors: ChartColors) {
  return {
    x: { ticks: { color: colors.text }, grid: { display: false } },
    y: {
      beginAtZero: true,
      title: { display: true, text: 'days', color: colors.text },
      ticks: { color: colors.text },
      grid: { color: colors.grid },
    },
  };
}

export { Chart };
