/** The checklist as the terminal shows it, the same for `run` and `report`. */
import { basename } from 'node:path';
import type { ReadinessReport } from '../contract/report';
import { REPORT_FILES, type WrittenReport } from '../engine/node/report/writeReport';
import type { CliIo } from './command';

/** One line per check, the verdict, and the files written. */
export function formatChecklist(report: ReadinessReport, outDir: string, files: readonly string[]): string {
  const width = Math.max(...report.checks.map((c) => c.id.length));
  const lines = report.checks.map((c) => `  ${c.id.padEnd(width)}  ${c.status.padEnd(7)}  ${c.observed}`);
  const written = files.filter((f) => !f.endsWith('events.jsonl')).map((f) => basename(f));
  return [
    ...lines,
    `verdict: ${report.verdict}${report.complete ? '' : ' (incomplete log)'}`,
    `report: ${written.length > 0 ? written.join(', ') : 'no report files'} in ${outDir}`,
  ].join('\n');
}

/** Says on stderr which report formats could not be written, and why. */
export function announceSkipped(skipped: WrittenReport['skipped'], io: CliIo): void {
  for (const { format, reason } of skipped) {
    io.err(`${REPORT_FILES[format]} not written: ${reason}`);
  }
}

/** The JSON document `run --json` and `report --json` print. */
export function reportDigest(report: ReadinessReport, outDir: string, files: readonly string[], skipped: WrittenReport['skipped']) {
  return {
    verdict: report.verdict,
    complete: report.complete,
    outDir,
    files,
    skipped,
    checks: report.checks.map((c) => ({ id: c.id, status: c.status, observed: c.observed })),
    errors: report.errors,
  };
}
