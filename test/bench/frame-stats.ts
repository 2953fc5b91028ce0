import type { LongFrame } from './page-probes.ts';

/** One frame at 60 Hz, the rate at which headless Chromium 156 runs animation frames. */
export const FRAME_BUDGET_MS = 1000 / 60;

// Chromium coarsens timestamps to 0.1 ms in pages that are not cross-origin isolated, so
// frames drawn on time measure 16.6 to 16.8 ms apart. A frame that misses its refresh
// measures at least two refreshes, 33.3 ms.
const ROUNDING_ALLOWANCE_MS = 0.5;

export interface FrameStats {
  readonly frames: number;
  /** Share of frames that took longer than one 60 Hz frame, from 0 to 1. */
  readonly lateShare: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

/** Summarises intervals between successive animation frames, in ms. */
export function frameStats(intervalsMs: readonly number[]): FrameStats {
  if (intervalsMs.length === 0) return { frames: 0, lateShare: 0, p95Ms: 0, maxMs: 0 };
  const late = intervalsMs.filter((ms) => ms > FRAME_BUDGET_MS + ROUNDING_ALLOWANCE_MS);
  return {
    frames: intervalsMs.length,
    lateShare: late.length / intervalsMs.length,
    p95Ms: percentile(intervalsMs, 0.95),
    maxMs: Math.max(...intervalsMs),
  };
}

/** Returns the nearest-rank percentile: the smallest value with `fraction` at or below it. */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] ?? 0;
}

export interface LongFrameSummary {
  readonly count: number;
  readonly maxMs: number;
  /** Totals over all long frames, in ms. */
  readonly totalMs: number;
  readonly scriptMs: number;
  readonly renderMs: number;
  /** The invoker with the most script time, and that time in ms. */
  readonly topInvoker: string | null;
  readonly topInvokerMs: number;
}

/** Adds up where the long animation frames spent their time. */
export function summariseLongFrames(frames: readonly LongFrame[]): LongFrameSummary {
  const byInvoker = new Map<string, number>();
  let totalMs = 0;
  let scriptMs = 0;
  let renderMs = 0;
  let maxMs = 0;
  for (const frame of frames) {
    totalMs += frame.durationMs;
    scriptMs += frame.scriptMs;
    renderMs += frame.renderMs;
    maxMs = Math.max(maxMs, frame.durationMs);
    for (const [invoker, ms] of Object.entries(frame.invokers)) {
      byInvoker.set(invoker, (byInvoker.get(invoker) ?? 0) + ms);
    }
  }
  let topInvoker: string | null = null;
  let topInvokerMs = 0;
  for (const [invoker, ms] of byInvoker) {
    if (ms > topInvokerMs) {
      topInvoker = invoker;
      topInvokerMs = ms;
    }
  }
  return { count: frames.length, maxMs, totalMs, scriptMs, renderMs, topInvoker, topInvokerMs };
}
