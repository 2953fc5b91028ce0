/**
 * Draws a report's bar or line chart as a PNG for the PDF, with chart.js on an
 * @napi-rs/canvas canvas. No browser and no window are involved, so the main process and the
 * CLI draw the same image.
 */

import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import {
  Chart,
  registerables,
  type ChartConfiguration,
  type ChartItem,
  type Plugin,
} from 'chart.js';
import { fileURLToPath } from 'node:url';
import { minorUnitDigits } from '../../../shared/money.ts';
import type { ReportChart } from '../../../shared/reports/report-document.ts';

export interface ChartSize {
  /** The PNG's width in pixels. */
  readonly width: number;
  /** The PNG's height in pixels. */
  readonly height: number;
}

export interface ChartRenderOptions {
  /**
   * Switch for the chart's title inside the image, on unless set to false. The PDF prints the
   * title as text above the image instead, so that it can be searched and copied.
   */
  readonly title?: boolean;
}

/**
 * Size of a full-width chart, 1920 × 960 pixels. Across A4's content width (about 483 pt)
 * that is about 280 pixels per inch, sharp in print.
 */
export const DEFAULT_CHART_SIZE: ChartSize = { width: 1920, height: 960 };

/**
 * Size of a chart half the content width wide, 4:3 so that its axes keep room. Laid out at
 * 480 × 360 before the pixel ratio, its text prints at about 7.5 pt.
 */
export const HALF_CHART_SIZE: ChartSize = { width: 960, height: 720 };

/**
 * Device pixel ratio of the drawing. The chart is laid out at half the PNG's size and drawn
 * at twice the pixel density, so that its fonts and lines have the proportions of a chart on
 * screen.
 */
const PIXEL_RATIO = 2;
const FONT_FAMILY = 'DejaVu Sans';
const FONT_SIZE = 15;
const TEXT_COLOR = '#222222';
const GRID_COLOR = '#dddddd';
/** Distinct in print and for the common forms of colour blindness (Okabe and Ito's palette). */
const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000'];

const fontFile = (name: string) =>
  fileURLToPath(new URL(`../../../resources/fonts/${name}`, import.meta.url));

/** Fills the canvas white before chart.js draws: a PNG is transparent where nothing is drawn. */
const whiteBackground: Plugin = {
  id: 'duedeskWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

let prepared = false;

/**
 * Registers chart.js's controllers and the embedded DejaVu faces once per process, so that
 * text renders on machines without system fonts.
 */
function prepareChartJs(): void {
  if (prepared) return;
  const faces = [
    ['DejaVuSans.ttf', 'normal'],
    ['DejaVuSans-Bold.ttf', 'bold'],
  ] as const;
  for (const [file, weight] of faces) {
    const key = GlobalFonts.registerFromPath(fontFile(file), FONT_FAMILY, { weight });
    if (key === null) {
      throw new Error(
        `Failed to load the chart font ${fontFile(file)}: reinstall Duedesk to restore it.`,
      );
    }
  }
  Chart.register(...registerables);
  Chart.defaults.font.family = FONT_FAMILY;
  Chart.defaults.font.size = FONT_SIZE;
  Chart.defaults.color = TEXT_COLOR;
  prepared = true;
}

/**
 * Draws `chart` into a PNG of `size` pixels on a white background. Money values are minor
 * units of `chart.currency`, and the axis shows major units in the currency's format.
 */
export async function renderChartPng(
  chart: ReportChart,
  size: ChartSize = DEFAULT_CHART_SIZE,
  options: ChartRenderOptions = {},
): Promise<Buffer> {
  checkChart(chart, size);
  prepareChartJs();
  const canvas = createCanvas(size.width / PIXEL_RATIO, size.height / PIXEL_RATIO);
  // chart.js types its canvas as the DOM's. With no DOM it uses its basic platform, which only
  // calls getContext('2d') and the 2D context API that @napi-rs/canvas implements.
  const drawn = new Chart(canvas as unknown as ChartItem, chartConfiguration(chart, options));
  try {
    return await canvas.encode('png');
  } finally {
    drawn.destroy();
  }
}

function checkChart(chart: ReportChart, size: ChartSize): void {
  for (const [name, value] of Object.entries(size)) {
    if (!Number.isInteger(value) || value < 2 * PIXEL_RATIO || value % PIXEL_RATIO !== 0) {
      throw new RangeError(
        `Invalid chart ${name} ${String(value)} px for "${chart.title}": expected an even ` +
          'whole number of pixels of at least 4.',
      );
    }
  }
  if (chart.unit === 'money' && !chart.currency) {
    throw new RangeError(
      `The money chart "${chart.title}" has no currency: give the chart a currency.`,
    );
  }
  for (const series of chart.series) {
    if (series.values.length !== chart.labels.length) {
      throw new RangeError(
        `The series "${series.label}" of the chart "${chart.title}" has ` +
          `${series.values.length} values for ${chart.labels.length} labels: give one value ` +
          'per label, null where there is none.',
      );
    }
  }
}

function chartConfiguration(
  chart: ReportChart,
  options: ChartRenderOptions,
): ChartConfiguration<'bar' | 'line'> {
  const divisor = chart.unit === 'money' ? 10 ** minorUnitDigits(chart.currency!) : 1;
  const stacked = chart.type === 'bar' && chart.stacked === true;
  const datasets = chart.series.map((series, index) => {
    const color = SERIES_COLORS[index % SERIES_COLORS.length]!;
    return {
      label: series.label,
      data: series.values.map((value) => (value === null ? null : value / divisor)),
      backgroundColor: color,
      borderColor: color,
      borderWidth: chart.type === 'line' ? 2.5 : 0,
      pointRadius: chart.type === 'line' ? 3 : 0,
    };
  });
  return {
    type: chart.type,
    data: { labels: [...chart.labels], datasets },
    options: {
      animation: false,
      layout: { padding: { right: 12 } },
      responsive: false,
      devicePixelRatio: PIXEL_RATIO,
      events: [],
      plugins: {
        legend: { display: chart.series.length > 1, position: 'bottom' },
        title: {
          display: options.title ?? true,
          text: chart.title,
          font: { size: FONT_SIZE + 3, weight: 'bold' },
        },
        tooltip: { enabled: false },
      },
      scales: {
        x: {
          stacked,
          grid: { display: false },
          title: { display: true, text: labelAxisTitle(chart) },
        },
        y: {
          stacked,
          beginAtZero: chart.type === 'bar',
          grid: { color: GRID_COLOR },
          title: { display: true, text: valueAxisTitle(chart) },
          // Counts are whole: no tick at 0.5 clients.
          ticks: {
            callback: tickFormatter(chart),
            ...(chart.unit === 'count' ? { precision: 0 } : {}),
          },
        },
      },
    },
    plugins: [whiteBackground],
  };
}

/**
 * Titles the label axis "Month" or "Date" when every label looks like one (`2026-03`,
 * `2026-03-31`). Other labels are categories, such as aging buckets, and get no title.
 */
function labelAxisTitle(chart: ReportChart): string {
  if (chart.labels.length > 0 && chart.labels.every((label) => /^\d{4}-\d{2}$/.test(label))) {
    return 'Month';
  }
  if (chart.labels.length > 0 && chart.labels.every((label) => /^\d{4}-\d{2}-\d{2}$/.test(label))) {
    return 'Date';
  }
  return '';
}

function valueAxisTitle(chart: ReportChart): string {
  switch (chart.unit) {
    case 'money':
      return `Amount (${chart.currency!})`;
    case 'days':
      return 'Days';
    case 'percent':
      return 'Percent';
    case 'count':
      return 'Count';
  }
}

/** Formats axis ticks in the chart's unit: `$12,500`, `$1.2M`, `45%`, `30d`, `1,200`. */
function tickFormatter(chart: ReportChart): (value: number | string) => string {
  const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  switch (chart.unit) {
    case 'money': {
      const currency = chart.currency!;
      const digits = minorUnitDigits(currency);
      const whole = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        maximumFractionDigits: 0,
      });
      const fraction = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      const compact = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        notation: 'compact',
        // Currency style would keep a decimal (`€600.0K`) without a minimum of 0.
        minimumFractionDigits: 0,
        maximumFractionDigits: 1,
      });
      return (value) => {
        const amount = Number(value);
        if (Math.abs(amount) >= 100_000) return compact.format(amount);
        return Number.isInteger(amount) ? whole.format(amount) : fraction.format(amount);
      };
    }
    case 'percent':
      return (value) => `${plain.format(Number(value))}%`;
    case 'days':
      return (value) => `${plain.format(Number(value))}d`;
    case 'count':
      return (value) => plain.format(Number(value));
  }
}
