/**
 * Measurements that run inside the page. They are JavaScript source strings, not functions,
 * because tsx compiles with esbuild's keepNames: a function serialised by page.evaluate would
 * call esbuild's `__name` helper, which the page does not define.
 */
import type { Page } from 'playwright-core';

/** One long animation frame (one over 50 ms), as PerformanceObserver reports it. */
export interface LongFrame {
  /** Start on the page's performance.now() clock, in ms. */
  readonly startTime: number;
  readonly durationMs: number;
  /** Script time, less the style and layout that scripts forced. */
  readonly scriptMs: number;
  /** Style and layout that scripts forced, plus the rendering steps from style to paint. */
  readonly renderMs: number;
  /** Script time per invoker, such as `DIV.onscroll` or `FrameRequestCallback`. */
  readonly invokers: Readonly<Record<string, number>>;
}

export interface ScrollRecording {
  /** Time between successive requestAnimationFrame timestamps, in ms. */
  readonly intervalsMs: number[];

  readonly scrolledPx: number;
  readonly longFrames: LongFrame[];
}

export interface ActivityRecording {
  /** Durations of the long tasks (over 50 ms) in the recorded span, in ms. */
  readonly longTasksMs: number[];
  readonly intervalsMs: number[];
  readonly longFrames: LongFrame[];
  readonly spanMs: number;
}

// This snippet, part of both scripts below, collects 'long-animation-frame' entries, which
// Chromium 156 lists in PerformanceObserver.supportedEntryTypes, split into script and
// rendering time.
const longFrameCollector = `
  const longFrames = [];
  const collect = (entries) => {
    for (const entry of entries) {
      const invokers = {};
      let scriptMs = 0;
      let forcedMs = 0;
      for (const script of entry.scripts) {
        const forced = script.forcedStyleAndLayoutDuration;
        scriptMs += script.duration - forced;
        forcedMs += forced;
        invokers[script.invoker] = (invokers[script.invoker] ?? 0) + script.duration - forced;
      }
      const end = entry.startTime + entry.duration;
      const renderingMs = entry.styleAndLayoutStart > 0 ? end - entry.styleAndLayoutStart : 0;
      longFrames.push({
        startTime: entry.startTime,
        durationMs: entry.duration,
        scriptMs,
        renderMs: forcedMs + renderingMs,
        invokers,
      });
    }
  };
  const frameObserver = new PerformanceObserver((list) => collect(list.getEntries()));
  frameObserver.observe({ type: 'long-animation-frame' });
`;

// Scrolls the element from its top to its bottom at a constant speed, moving it once per
// animation frame, and times every frame. The jump back to the top is rendered and left to
// settle before the timing starts. The last frame's entries arrive after it ends, hence the
// short wait before the observer is read.
const scrollSource = `async ({ selector, durationMs }) => {
  const scroller = document.querySelector(selector);
  if (scroller === null) throw new Error('No element matches ' + selector);
  const range = scroller.scrollHeight - scroller.clientHeight;
  scroller.scrollTop = 0;
  await new Promise((resolve) => setTimeout(resolve, 500));
  ${longFrameCollector}
  const stamps = [];
  await new Promise((resolve) => {
    let start = null;
    const step = (time) => {
      start ??= time;
      stamps.push(time);
      const progress = Math.min(1, (time - start) / durationMs);
      scroller.scrollTop = progress * range;
      if (progress < 1) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  stamps.push(await new Promise((resolve) => requestAnimationFrame(resolve)));
  await new Promise((resolve) => setTimeout(resolve, 200));
  collect(frameObserver.takeRecords());
  frameObserver.disconnect();
  return {
    intervalsMs: stamps.slice(1).map((stamp, index) => stamp - stamps[index]),
    scrolledPx: scroller.scrollTop,
    longFrames,
  };
}`;

/** Scrolls the element that `selector` matches from top to bottom in `durationMs`. */
export async function recordScroll(
  page: Page,
  selector: string,
  durationMs: number,
): Promise<ScrollRecording> {
  const call = `(${scrollSource})(${JSON.stringify({ selector, durationMs })})`;
  return (await page.evaluate(call)) as ScrollRecording;
}

// Starts recording long tasks, long animation frames and frame intervals, and keeps the page
// drawing a frame per display refresh so that a blocked main thread shows as a late frame.
const startActivitySource = `(() => {
  ${longFrameCollector}
  const longTasks = [];
  const taskObserver = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  taskObserver.observe({ type: 'longtask' });
  const recording = { began: performance.now(), running: true, intervalsMs: [] };
  let last = null;
  const frame = (time) => {
    if (!recording.running) return;
    if (last !== null) recording.intervalsMs.push(time - last);
    last = time;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  recording.stop = async () => {
    recording.running = false;
    const ended = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 200));
    longTasks.push(...taskObserver.takeRecords());
    collect(frameObserver.takeRecords());
    taskObserver.disconnect();
    frameObserver.disconnect();
    const inSpan = (startTime) => startTime >= recording.began && startTime < ended;
    return {
      longTasksMs: longTasks.filter((task) => inSpan(task.startTime)).map((task) => task.duration),
      intervalsMs: recording.intervalsMs,
      longFrames: longFrames.filter((frame) => inSpan(frame.startTime)),
      spanMs: ended - recording.began,
    };
  };
  window.__duedeskActivity = recording;
})()`;

/** Starts recording the page's main-thread activity until `stopActivity`. */
export async function startActivity(page: Page): Promise<void> {
  await page.evaluate(startActivitySource);
}

/**
 * Stops the recording and returns the tasks and frames that started while it ran. Entries
 * reach observers after the task ends, so the last ones are collected 200 ms later.
 */
export async function stopActivity(page: Page): Promise<ActivityRecording> {
  return (await page.evaluate('window.__duedeskActivity.stop()')) as ActivityRecording;
}
