import { Legend } from 'chart.js';
import { useEffect, useRef } from 'react';
import { formatMoney } from '../../../shared/money.ts';
import { formatCompactMoney, toMajorUnits } from '../../format/compact-money.ts';
import {
  Chart,
  readChartColors,
  useDarkScheme,
  type ChartColors,
} from '../dashboard/chart-theme.ts';
import type { ReportPreviewValue } from './use-report-preview.ts';

// Report charts may have several series, so they need a legend, which chart-theme leaves out.
Chart.register(Legend);

type PreviewBlock = ReportPreviewValue['blocks'][number];
export type PreviewChartBlock = Extract<PreviewBlock, { kind: 'chart' }>;

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/**
 * Formats a chart value. Money is in minor units of the chart's currency, as the PDF draws
 * it. A money chart without a currency is a bug of its report, so it shows plain numbers.
 */
export function chartValueText(value: number | null, chart: PreviewChartBlock): string {
  if (value === null) return '—';
  switch (chart.unit) {
    case 'money':
      return chart.currency ? formatMoney(value, chart.currency) : oneDecimal.format(value);
    case 'days':
      return `${oneDecimal.format(value)} days`;
    case 'percent':
      return `${oneDecimal.format(value)}%`;
    case 'count':
      return value.toLocaleString('en-US');
  }
}

/** Converts a value for plotting: money to major units, so the axis reads in the currency. */
function plotted(value: number | null, chart: PreviewChartBlock): number | null {
  if (value === null || chart.unit !== 'money' || !chart.currency) return value;
  return toMajorUnits(value, chart.currency);
}

function axisText(value: number, chart: PreviewChartBlock): string {
  if (chart.unit === 'money' && chart.currency) return formatCompactMoney(value, chart.currency);
  if (chart.unit === 'percent') return `${oneDecimal.format(value)}%`;
  return oneDecimal.format(value);
}

function seriesColor(colors: ChartColors, index: number): string {
  const palette = [colors.current, colors.overdue, colors.line, colors.text];
  return palette[index % palette.length] ?? colors.current;
}

/**
 * Draws a chart block of the report with chart.js, with its figures in a table below it for
 * readers who cannot see the canvas.
 */
export function PreviewChart({ chart }: { chart: PreviewChartBlock }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const dark = useDarkScheme();

  useEffect(() => {
    if (canvas.current === null) return;
    const colors = readChartColors();
    const stacked = chart.stacked === true;
    const drawn = new Chart(canvas.current, {
      type: chart.type,
      data: {
        labels: [...chart.labels],
        datasets: chart.series.map((series, index) => ({
          label: series.label,
          data: series.values.map((value) => plotted(value, chart)),
          backgroundColor: seriesColor(colors, index),
          borderColor: seriesColor(colors, index),
          pointRadius: 3,
          spanGaps: false,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: {
            display: chart.series.length > 1,
            labels: { color: colors.text },
          },
          tooltip: {
            callbacks: {
              label: (item) => {
                const value = chart.series[item.datasetIndex]?.values[item.dataIndex] ?? null;
                return `${item.dataset.label ?? ''}: ${chartValueText(value, chart)}`;
              },
            },
          },
        },
        scales: {
          x: { stacked, ticks: { color: colors.text }, grid: { display: false } },
          y: {
            stacked,
            beginAtZero: true,
            ticks: { color: colors.text, callback: (value) => axisText(Number(value), chart) },
            grid: { color: colors.grid },
          },
        },
      },
    });
    return () => drawn.destroy();
  }, [chart, dark]);

  return (
    <figure className="report-chart">
      <figcaption>{chart.title}</figcaption>
      <div className="chart-box">
        <canvas
          ref={canvas}
          role="img"
          aria-label={
            `${chart.type === 'bar' ? 'Bar' : 'Line'} chart: ${chart.title}. ` +
            'The figures are in the table below it.'
          }
        />
      </div>
      <details className="chart-data">
        <summary>Figures of the chart</summary>
        <ChartFigures chart={chart} />
      </details>
    </figure>
  );
}

function ChartFigures({ chart }: { chart: PreviewChartBlock }) {
  return (
    <table className="figure-table">
      <thead>
        <tr>
          <th scope="col">Label</th>
          {chart.series.map((series, index) => (
            <th key={index} scope="col" className="numeric">
              {series.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {chart.labels.map((label, row) => (
          <tr key={row}>
            <th scope="row">{label}</th>
            {chart.series.map((series, index) => (
              <td key={index} className="numeric">
                {chartValueText(series.values[row] ?? null, chart)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
