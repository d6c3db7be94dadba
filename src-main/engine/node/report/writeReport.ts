/**
 * Writes the report files of a run directory, all derived from its events (DESIGN.md,
 * "Contracts"): report.json, report.md, junit.xml, report.html and, where Chromium exists,
 * report.pdf. The same report model feeds every format, so they carry the same verdict.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunEvent } from '../../../contract/events';
import type { ReadinessReport, ReportFormat } from '../../../contract/report';
import { buildReport } from '../../common/report/buildReport';
import { renderHtml } from '../../common/report/formats/html/reportHtml';
import { renderJunit } from '../../common/report/formats/junit';
import { renderMarkdown } from '../../common/report/formats/markdown';
import { REPORT_FORMATS } from '../../common/scenario/sections/outputs';
import { drawCharts } from './drawCharts';
import { chromiumPrinter, findChromium, type PdfPrinter } from './pdf/chromiumPrinter';

/** The file each format is written to. */
export const REPORT_FILES: Readonly<Record<ReportFormat, string>> = {
  json: 'report.json',
  md: 'report.md',
  junit: 'junit.xml',
  html: 'report.html',
  pdf: 'report.pdf',
};

export interface WriteReportOptions {
  /** Which files; every format by default. */
  readonly formats?: readonly ReportFormat[];
  /** How to print the PDF; by default Chromium found on this machine, or none (the PDF is skipped, with the reason). */
  readonly printer?: PdfPrinter | { readonly unavailable: string };
}

/** What was written, and each format that could not be, with the reason. */
export interface WrittenReport {
  readonly report: ReadinessReport;
  readonly files: string[];
  readonly skipped: { readonly format: ReportFormat; readonly reason: string }[];
}

/** Builds the report from the events and writes the chosen formats. */
export async function writeReport(events: readonly RunEvent[], outDir: string, options: WriteReportOptions = {}): Promise<WrittenReport> {
  mkdirSync(outDir, { recursive: true });
  const report = buildReport(events);
  const formats = REPORT_FORMATS.filter((f) => (options.formats ?? REPORT_FORMATS).includes(f));
  const files: string[] = [];
  const skipped: WrittenReport['skipped'] = [];
  const write = (format: ReportFormat, content: string | Uint8Array) => {
    const path = join(outDir, REPORT_FILES[format]);
    writeFileSync(path, content);
    files.push(path);
  };
  const html = formats.includes('html') || formats.includes('pdf') ? renderHtml(report, drawCharts(report.charts)) : '';
  for (const format of formats) {
    switch (format) {
      case 'json':
        write(format, `${JSON.stringify(report, null, 2)}\n`);
        break;
      case 'md':
        write(format, renderMarkdown(report));
        break;
      case 'junit':
        write(format, renderJunit(report));
        break;
      case 'html':
        write(format, html);
        break;
      case 'pdf': {
        const printer = options.printer ?? defaultPrinter();
        if ('unavailable' in printer) {
          skipped.push({ format, reason: printer.unavailable });
          break;
        }
        try {
          write(format, await printer.print(html));
        } catch (error) {
          skipped.push({ format, reason: `printing failed: ${error instanceof Error ? error.message : String(error)}` });
        }
        break;
      }
    }
  }
  return { report, files, skipped };
}

function defaultPrinter(): PdfPrinter | { unavailable: string } {
  const chromium = findChromium();
  return chromium.found ? chromiumPrinter(chromium.path) : { unavailable: chromium.reason };
}
