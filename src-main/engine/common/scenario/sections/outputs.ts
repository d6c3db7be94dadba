/** `outputs`: which report files a run writes. Every format by default. */
import { z } from 'zod';
import type { ReportFormat } from '../../../../contract/report';

/** Every report format, in the order they are written. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'md', 'junit', 'html', 'pdf'];

export const outputsSection = z.strictObject({
  /**
   * report.json, report.md, junit.xml, report.html, report.pdf. The PDF needs Chromium on the
   * machine; without it the run says so and writes the others.
   */
  formats: z
    .array(z.enum(['json', 'md', 'junit', 'html', 'pdf']))
    .min(1)
    .default([...REPORT_FORMATS]),
});

export type OutputsSection = z.output<typeof outputsSection>;
