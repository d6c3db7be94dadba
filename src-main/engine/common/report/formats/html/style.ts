/** The report's inline stylesheet: system fonts only (nothing to fetch), and print rules for A4. */

export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --pass: #2e7d32; --warn: #b26a00; --fail: #c62828; --error: #7b1fa2; --notrun: #616161; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 980px; padding: 24px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 14px; margin: 16px 0 6px; }
p { margin: 6px 0; }
code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--rule); overflow-wrap: break-word; }
th { font-weight: 600; color: var(--muted); font-size: 12px; }
.verdict { display: inline-block; margin: 10px 0; padding: 6px 14px; border-radius: 4px; font-size: 20px; font-weight: 700; color: #fff; }
.verdict-ready { background: var(--pass); }
.verdict-not-ready { background: var(--fail); }
.meta { color: var(--muted); }
.status { display: inline-block; min-width: 64px; padding: 1px 6px; border-radius: 3px; font-size: 12px; font-weight: 700; color: #fff; text-align: center; white-space: nowrap; }
.status-pass { background: var(--pass); }
.status-warn { background: var(--warn); }
.status-fail { background: var(--fail); }
.status-error { background: var(--error); }
.status-not-run { background: var(--notrun); }
.check { margin: 10px 0; padding: 8px 12px; border: 1px solid var(--rule); border-left-width: 5px; border-radius: 4px; }
.check-pass { border-left-color: var(--pass); }
.check-warn { border-left-color: var(--warn); }
.check-fail { border-left-color: var(--fail); }
.check-error { border-left-color: var(--error); }
.check-not-run { border-left-color: var(--notrun); }
.check dl { display: grid; grid-template-columns: 88px 1fr; gap: 2px 10px; margin: 6px 0; }
.check dt { color: var(--muted); }
.check dd { margin: 0; overflow-wrap: break-word; }
figure { margin: 12px 0 20px; }
figcaption { color: var(--muted); font-size: 12px; margin-top: 4px; }
svg.chart { max-width: 100%; height: auto; display: block; }
.not-measured { color: var(--muted); font-style: italic; padding: 10px 12px; background: #f6f6f8; border-radius: 4px; }
.errors li { color: var(--fail); }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11.5px; }
  h2 { break-after: avoid; }
  .check, figure, tr { break-inside: avoid; }
  .verdict, .status, .check { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
