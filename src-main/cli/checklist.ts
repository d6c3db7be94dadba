/** The checklist as the terminal shows it, the same for `run` and `report`. */
import type { ReadinessReport } from '../contract/report';

/** One line per check, then the verdict. */
export function formatChecklist(report: ReadinessReport, reportPath: string): string {
  const width = Math.max(...report.checks.map((c) => c.id.length));
  const lines = report.checks.map((c) => `  ${c.id.padEnd(width)}  ${c.status.padEnd(7)}  ${c.observed}`);
  return [...lines, `verdict: ${report.verdict}${report.complete ? '' : ' (incomplete log)'} (${reportPath})`].join('\n');
}

/** The JSON document `run --json` and `report --json` print. */
export function reportDigest(report: ReadinessReport, outDir: string, files: readonly string[]) {
  return {
    verdict: report.verdict,
    complete: report.complete,
    outDir,
    files,
    checks: report.checks.map((c) => ({ id: c.id, status: c.status, observed: c.observed })),
    errors: report.errors,
  };
}
