/**
 * `rehearse load --hdr-out` and `--merge` on disk: writes a run as a load record (counts and the
 * corrected histogram in hdr-histogram-js's compressed base64), reads records back checking every
 * field and that the histogram decodes and holds as many samples as the run answered, and adds
 * several into one distribution.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as hdr from 'hdr-histogram-js';
import type { LatencyPercentiles } from '../../../contract/load';
import { LOAD_RECORD_FORMAT, LOAD_RECORD_VERSION, loadRecordOf, mergedLoad, type LoadRecord, type MergedLoad } from '../../common/load/loadRecord';
import { InputError } from '../../common/run/inputError';
import { emptyHdrHistogram, latencyHistogramOn } from './hdrHistogram';
import type { MeasuredLoad } from './runLoad';

/** The record of one measured run. */
export function loadRecordOfRun(measured: MeasuredLoad): LoadRecord {
  const { result } = measured;
  const answered = hdr.decodeFromCompressedBase64(measured.correctedHistogram).totalCount;
  return {
    format: LOAD_RECORD_FORMAT,
    version: LOAD_RECORD_VERSION,
    url: result.url,
    plannedRps: result.plannedRps,
    slaMs: result.slaMs,
    durationMs: result.durationMs,
    elapsedMs: result.elapsedMs,
    requests: { ...result.requests, answered, errors: result.errors, timeouts: result.timeouts, dropped: result.dropped },
    latency: {
      view: 'corrected',
      unit: 'us',
      encoding: 'hdr-histogram-js compressed base64',
      histogram: measured.correctedHistogram,
      maxUs: Math.round(result.latencyMs.max * 1000),
    },
  };
}

export function writeLoadRecord(path: string, measured: MeasuredLoad): void {
  try {
    writeFileSync(path, `${JSON.stringify(loadRecordOfRun(measured), null, 2)}\n`);
  } catch (error) {
    throw new InputError(path, `cannot write the load record: ${(error as Error).message}`);
  }
}

/** Reads and checks one record; any problem is an InputError naming the file and the field. */
export function readLoadRecord(path: string): { record: LoadRecord; histogram: hdr.Histogram } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(path, `cannot read it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(path, `expected a load record written by rehearse load --hdr-out (JSON): ${(error as Error).message}`);
  }
  const checked = loadRecordOf(value);
  if (!checked.ok) {
    throw new InputError(`${path}: ${checked.field}`, checked.problem);
  }
  const { record } = checked;
  let histogram: hdr.Histogram;
  try {
    histogram = hdr.decodeFromCompressedBase64(record.latency.histogram);
  } catch (error) {
    throw new InputError(`${path}: latency.histogram`, `expected hdr-histogram-js compressed base64, could not decode it (${(error as Error).message})`);
  }
  if (record.latency.maxUs > histogram.maxValue) {
    throw new InputError(`${path}: latency.maxUs`, `${record.latency.maxUs} is above every value the histogram holds (at most ${histogram.maxValue} us)`);
  }
  if (histogram.totalCount !== record.requests.answered) {
    throw new InputError(`${path}: latency.histogram`, `holds ${histogram.totalCount} samples but requests.answered is ${record.requests.answered}`);
  }
  return { record, histogram };
}

/** Reads every file and adds them: counts summed, histograms added bucket by bucket. */
export function mergeLoadRecordFiles(paths: readonly string[]): MergedLoad {
  const total = emptyHdrHistogram();
  const records = paths.map((path) => {
    const { record, histogram } = readLoadRecord(path);
    total.add(histogram);
    return record;
  });
  const maxUs = Math.max(...records.map((r) => r.latency.maxUs));
  return mergedLoad(paths, records, rounded(latencyHistogramOn(total, maxUs).percentiles()));
}

/** Microseconds are what the histograms keep, as a load result rounds them. */
export function rounded(p: LatencyPercentiles): LatencyPercentiles {
  const r = (v: number): number => Math.round(v * 1000) / 1000;
  return { p50: r(p.p50), p90: r(p.p90), p95: r(p.p95), p99: r(p.p99), p999: r(p.p999), max: r(p.max) };
}
