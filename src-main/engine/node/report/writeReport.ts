/** Writes the report files of a run directory, all derived from its events (DESIGN.md, "Contracts"). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunEvent } from '../../../contract/events';
import type { ReadinessReport } from '../../../contract/report';
import { buildReport } from '../../common/report/buildReport';

/** Builds the report from the events and writes every format; returns the report and the files written. */
export function writeReport(events: readonly RunEvent[], outDir: string): { report: ReadinessReport; files: string[] } {
  mkdirSync(outDir, { recursive: true });
  const report = buildReport(events);
  const jsonPath = join(outDir, 'report.json');
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  return { report, files: [jsonPath] };
}
