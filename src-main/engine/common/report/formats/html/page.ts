/**
 * The head every self-contained HTML file of the product opens with (report.html, drill.html):
 * a Content-Security-Policy that forbids every fetch and every script, and the report's inline
 * stylesheet. `title` is escaped here.
 */
import { escapeMarkup } from '../markup';
import { REPORT_CSS } from './style';

/** `<!DOCTYPE html>` through `</head>`. */
export function documentHead(title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeMarkup(title)}</title>
<style>${REPORT_CSS}</style>
</head>`;
}
