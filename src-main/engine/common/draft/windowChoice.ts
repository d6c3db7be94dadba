/**
 * The drift window: the shortest whose median window holds at least 200 rows where that leaves at
 * least 8 windows to compare, else the shortest whose median holds at least 30. Shorter windows
 * catch a shift sooner; fewer rows make PSI noise, and fewer than 8 windows say little.
 */
import type { HourCount, TimeGrain } from './draftFacts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The window lengths tried, shortest first, with how the scenario writes them. */
export const WINDOW_CANDIDATES: readonly { readonly ms: number; readonly text: string }[] = [
  { ms: HOUR_MS, text: '1h' },
  { ms: 6 * HOUR_MS, text: '6h' },
  { ms: DAY_MS, text: '1d' },
  { ms: 7 * DAY_MS, text: '7d' },
  { ms: 14 * DAY_MS, text: '14d' },
  { ms: 30 * DAY_MS, text: '30d' },
  { ms: 91 * DAY_MS, text: '91d' },
  { ms: 182 * DAY_MS, text: '182d' },
  { ms: 364 * DAY_MS, text: '364d' },
];

/** The rows a median window should hold, and the windows there should be. */
export const WINDOW_ROWS = { preferred: 200, least: 30, windows: 8 } as const;

/** The windows one length gives over a stretch: how many hold rows, and the median rows. */
export interface WindowFit {
  readonly ms: number;
  readonly text: string;
  readonly windows: number;
  readonly medianRows: number;
}

/** The chosen window, or why none fits. */
export type WindowChoice =
  { readonly ok: true; readonly fit: WindowFit; readonly minRows: number; readonly reason: string } | { readonly ok: false; readonly problem: string };

/** The windows of each candidate length over the hours [from, to) (windows start at whole multiples of their length, as the replay's do). */
export function windowFits(hours: readonly HourCount[], from: number, to: number, grain: TimeGrain): WindowFit[] {
  const inside = hours.filter((h) => h.hour >= from && h.hour < to);
  return WINDOW_CANDIDATES.filter((c) => grain !== 'day' || c.ms >= DAY_MS).map((candidate) => {
    const perWindow = new Map<number, number>();
    for (const h of inside) {
      const start = Math.floor(h.hour / candidate.ms) * candidate.ms;
      perWindow.set(start, (perWindow.get(start) ?? 0) + h.rows);
    }
    return { ...candidate, windows: perWindow.size, medianRows: median([...perWindow.values()]) };
  });
}

/** Picks the window by the rule above from the fits of every candidate. */
export function chooseWindow(fits: readonly WindowFit[]): WindowChoice {
  const { preferred, least, windows } = WINDOW_ROWS;
  const describe = (f: WindowFit): string => `${f.text}: ${f.windows} windows, median ${f.medianRows} rows`;
  const best = fits.find((f) => f.medianRows >= preferred && f.windows >= windows);
  if (best) {
    return {
      ok: true,
      fit: best,
      minRows: 50,
      reason: `the shortest window whose median holds at least ${preferred} rows with at least ${windows} windows to compare (${describe(best)})`,
    };
  }
  const fallback = fits.find((f) => f.medianRows >= least && f.windows >= windows) ?? fits.find((f) => f.medianRows >= least);
  if (fallback) {
    return {
      ok: true,
      fit: fallback,
      minRows: least,
      reason: `no window holds a median of ${preferred} rows with ${windows} windows to compare, so the shortest whose median holds at least ${least} (${describe(fallback)})`,
    };
  }
  const longest = fits.at(-1);
  return {
    ok: false,
    problem: `too few rows to compare: even ${longest ? describe(longest) : 'the longest window'}; a window needs at least ${least} rows`,
  };
}

function median(values: readonly number[]): number {
  if (values.length === 0) {
    return 0;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.floor((sorted[mid - 1]! + sorted[mid]!) / 2);
}
