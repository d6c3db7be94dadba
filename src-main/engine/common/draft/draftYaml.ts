/**
 * The drafted scenario as YAML text, each choice above its field as a comment with its reason, so
 * the file explains itself to whoever edits it next.
 */
import { formatEventTime } from '../time/eventTime';
import type { Draft } from './draftScenario';

/** The scenario file's text. `command` is the command line that drafted it, for the header. */
export function draftYaml(draft: Draft, command: string): string {
  const blue = draft.models[0]!.facts;
  const lines = [
    `# Drafted by \`${command}\`.`,
    '# Every choice says why above it; edit what you know better, then `rehearse validate` and `rehearse run`.',
    `name: ${scalar(`${blue.name}-rehearsal`)}`,
    'description: >-',
    `  ${draft.models.map((m) => `${m.facts.role} ${m.facts.name}`).join(' and ')} replayed on ${draft.snapshot.path.split(/[/\\]/).at(-1)} from ${formatEventTime(draft.production.from)},`,
    `  in ${draft.window.text} windows against ${draft.models.length > 1 ? 'each model' : 'the model'}'s reference.`,
    'models:',
    ...draft.models.flatMap((m) => modelLines(m)),
    'snapshots:',
    '  production:',
    ...snapshotLines(draft, '    ', true),
    `    # ${draft.production.reason}`,
    `    from: ${time(draft.production.from)}`,
    '  reference:',
    ...Object.entries(draft.references).flatMap(([role, ref]) => [
      `    ${role}:`,
      ...snapshotLines(draft, '      ', false),
      ...comment('      ', ref.reason),
      `      from: ${time(ref.from)}`,
      `      to: ${time(ref.to)}`,
    ]),
    ...alertLines(draft),
  ];
  return `${lines.join('\n')}\n`;
}

function modelLines(model: Draft['models'][number]): string[] {
  const { facts } = model;
  return [
    `  ${facts.role}:`,
    `    path: ${scalar(facts.path)}`,
    `    name: ${scalar(facts.name)}`,
    ...comment('    ', `inputs: ${model.inputsReason}`),
    ...(model.inputs ? [`    inputs: [${model.inputs.map(scalar).join(', ')}]`] : []),
  ];
}

function snapshotLines(draft: Draft, indent: string, reasons: boolean): string[] {
  const { snapshot, label } = draft;
  return [
    `${indent}path: ${scalar(snapshot.path)}`,
    ...(reasons ? comment(indent, `timestamp: ${snapshot.timestampReason}`) : []),
    `${indent}timestamp: ${scalar(snapshot.timestamp)}`,
    ...(reasons
      ? comment(indent, label ? `label: ${label.reason}` : 'no label: no --label and none in a model card, so AUC and layer 4 are not measured')
      : []),
    ...(label ? [`${indent}label: ${scalar(label.expression)}`] : []),
  ];
}

function alertLines(draft: Draft): string[] {
  const lines = [
    'alerts:',
    '  drift:',
    ...comment('    ', `window: ${draft.window.reason}`),
    `    window: ${draft.window.text}`,
    ...comment('    ', `season: ${draft.season.reason}`),
    `    season: ${draft.season.season}`,
  ];
  if (draft.minRows !== 50) {
    lines.push(
      ...comment('    ', `minRows: windows this size hold a median of ${draft.window.medianRows} rows, under the default 50`),
      `    minRows: ${draft.minRows}`,
    );
  }
  lines.push(...comment('    ', `thresholds: ${draft.thresholds.reason}`), `    thresholds: ${draft.thresholds.kind}`);
  if (draft.budgets) {
    lines.push('  budgets:', ...comment('    ', draft.budgets.reason), `    layer2: ${draft.budgets.layer2}`, `    layer3: ${draft.budgets.layer3}`);
  }
  return lines;
}

/** A reason as comment lines of at most about 100 characters. */
function comment(indent: string, text: string): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + word.length + 1 > 100) {
      lines.push(`${indent}# ${line}`);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(`${indent}# ${line}`);
  return lines;
}

/** A plain scalar where YAML reads it back as the same string, else a JSON (double-quoted) one. */
function scalar(text: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

/** `2006-01-01` at midnight, else `2006-01-01T06:00:00`. */
function time(ms: number): string {
  const text = formatEventTime(ms);
  return text.endsWith('T00:00:00') ? text.slice(0, 10) : text;
}
