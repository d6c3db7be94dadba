/**
 * Every `rehearse` command, in the order `--help` lists them. A command's module (and what it
 * imports: onnxruntime, DuckDB, tfjs, ...) loads only when that command runs, so `--help` and the
 * light commands start fast.
 */
import type { Command } from './command';

/** A command as the list knows it before its module is loaded. */
export interface CommandEntry {
  readonly name: string;
  /** One line for `rehearse --help`. */
  readonly summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'run',
    summary: 'rehearse a scenario headless; exit 0 READY, 1 NOT READY, 2 bad input',
    load: async () => (await import('./commands/run')).runCommand,
  },
  {
    name: 'validate',
    summary: 'check a scenario file: every problem with its line and field, or a one-line summary',
    load: async () => (await import('./commands/validate')).validateCommand,
  },
  {
    name: 'report',
    summary: 'rebuild the report files from an events.jsonl (exit 0 READY, 1 NOT READY)',
    load: async () => (await import('./commands/report')).reportCommand,
  },
  {
    name: 'serve',
    summary: 'serve a model on 127.0.0.1 (OIP, raw-record /predict, /metrics) until stopped, embedded or in a Docker container',
    load: async () => (await import('./commands/serve')).serveCommand,
  },
  {
    name: 'load',
    summary: 'open-loop load on a model server at peak x multiplier x (1 + headroom); exit 1 past the SLA',
    load: async () => (await import('./commands/load')).loadCommand,
  },
  {
    name: 'lock-check',
    summary: 'compare a training lock with a serving lock: exact pins, same versions (exit 1 if not)',
    load: async () => (await import('./commands/lockCheck')).lockCheckCommand,
  },
  {
    name: 'profile-diff',
    summary: 'list every difference between a staging and a production Kubernetes Deployment (exit 1 if any)',
    load: async () => (await import('./commands/profileDiff')).profileDiffCommand,
  },
  {
    name: 'inspect',
    summary: 'describe a model: inputs, outputs, opset, producer, sha256',
    load: async () => (await import('./commands/inspect')).inspectCommand,
  },
  {
    name: 'init',
    summary: 'draft a commented scenario from a model and a snapshot: inputs, references, window, season, each with its reason',
    load: async () => (await import('./commands/init')).initCommand,
  },
  {
    name: 'score',
    summary: 'score a model on a snapshot: n, AUC, log loss, positive rate, prediction quantiles',
    load: async () => (await import('./commands/score')).scoreCommand,
  },
  {
    name: 'ui',
    summary: 'open the app in a browser: serve it on 127.0.0.1 with an access token (browser mode)',
    load: async () => (await import('./commands/ui')).uiCommand,
  },
  {
    name: 'drift',
    summary: 'per-column drift of a current file against a reference (PSI, KS, chi-squared, ...); exit 0 whatever the drift',
    load: async () => (await import('./commands/drift')).driftCommand,
  },
  {
    name: 'export-rollout',
    summary: 'write the rollout plan as Argo Rollouts, AnalysisTemplates (Prometheus), an Istio VirtualService and a latency HPA',
    load: async () => (await import('./commands/exportRollout')).exportRolloutCommand,
  },
  {
    name: 'export-load',
    summary: "write the scenario's load for generators on many machines: a distributed Locust setup and a k6 script with a k6-operator TestRun",
    load: async () => (await import('./commands/exportLoad')).exportLoadCommand,
  },
  {
    name: 'export-monitoring',
    summary: 'write the four-layer monitoring as Prometheus alerting rules (a group per layer) and an importable Grafana dashboard',
    load: async () => (await import('./commands/exportMonitoring')).exportMonitoringCommand,
  },
  {
    name: 'history',
    summary: 'list every run in the runs folder: scenario, when, verdict, duration (a damaged log listed with why)',
    load: async () => (await import('./commands/history')).historyCommand,
  },
  {
    name: 'compare',
    summary: 'two runs side by side: checks that changed, figures that moved, the same lanes on one axis',
    load: async () => (await import('./commands/compare')).compareCommand,
  },
  {
    name: 'what-if',
    summary: "change one resource profile's knob of a finished run, rerun only what it affects, compare with the original",
    load: async () => (await import('./commands/whatIf')).whatIfCommand,
  },
  {
    name: 'drill',
    summary: 'replay a finished run to its drill stops: ask what to do (or read --answers), score it into drill.json and drill.html',
    load: async () => (await import('./commands/drill')).drillCommand,
  },
];
