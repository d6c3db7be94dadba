/** The `--formats` flag of `run` and `report`: which report files to write. */
import type { ReportFormat } from '../contract/report';
import { REPORT_FORMATS } from '../engine/common/scenario/sections/outputs';
import { UsageError } from './args';

/** `--formats json,html`: each must be a report format; undefined when the flag is absent. */
export function parseFormats(value: string | undefined): readonly ReportFormat[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  const asked = value.split(',').map((f) => f.trim());
  const unknown = asked.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || asked.length === 0) {
    throw new UsageError(`--formats: expected a comma-separated list of ${REPORT_FORMATS.join(', ')}, got "${value}"`);
  }
  return asked as ReportFormat[];
}
