/** The PDF side of report tests: is Chromium here to print, and poppler-utils to read what it printed. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from '../../src-main/engine/node/report/pdf/chromiumPrinter';
import { tempDir } from './paths';

/** True when this machine has a Chromium the report can print with. */
export const CHROMIUM = findChromium().found;

/** True when Debian's poppler-utils (pdftotext, pdftoppm) are installed. */
export const POPPLER = ['pdftotext', 'pdftoppm'].every((tool) => spawnSync(tool, ['-v'], { encoding: 'utf8' }).status === 0);

/** The text of a PDF, as pdftotext reads it (layout kept). */
export function pdfText(path: string): string {
  const result = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`pdftotext ${path}: ${result.stderr}`);
  }
  return result.stdout;
}

/** The first page of a PDF as PNG bytes, rendered by pdftoppm. */
export function pdfFirstPagePng(path: string): Buffer {
  const dir = tempDir('rehearsal-pdf-');
  const result = spawnSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', path, join(dir, 'page')], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`pdftoppm ${path}: ${result.stderr}`);
  }
  const page = readdirSync(dir).find((f) => f.endsWith('.png'));
  if (page === undefined) {
    throw new Error(`pdftoppm wrote no page for ${path}`);
  }
  return readFileSync(join(dir, page));
}
