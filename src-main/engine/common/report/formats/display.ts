/** How the report files write numbers, durations and evidence values. */
import type { EvidenceItem } from '../../../../contract/report';

/** A metric to four significant decimals, or a dash when there is none. */
export function metric(value: number | null, digits = 4): string {
  return value === null || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

/** A duration in milliseconds as people read it: `850 ms`, `12.4 s`, `3 min 05 s`. */
export function duration(ms: number | null): string {
  if (ms === null) {
    return 'unknown (the run did not finish)';
  }
  if (ms < 1000) {
    return `${ms} ms`;
  }
  if (ms < 60_000) {
    return `${(ms / 1000).toFixed(1)} s`;
  }
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** Bytes in GiB to one decimal. */
export function gibibytes(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}

/** An evidence value with its unit and sample size. */
export function evidenceValue(item: EvidenceItem): string {
  const value = item.value === null ? '–' : typeof item.value === 'number' ? String(Math.round(item.value * 1e6) / 1e6) : String(item.value);
  return `${value}${item.unit ? ` ${item.unit}` : ''}${item.n === undefined ? '' : ` (n=${item.n})`}`;
}

/** A stretch of event time, or a dash when open at both ends. */
export function eventRange(from: string | null, to: string | null): string {
  return from === null && to === null ? '–' : `${from ?? '…'} to ${to ?? '…'}`;
}
