/** The charts' colours: blue and green for the two models, and the PSI and gate colours, legible in print. */

export const MODEL_COLOURS = { blue: '#1f6fb4', green: '#2e9d3a' } as const;

export const PSI_COLOURS = { stable: '#cfe8cf', investigate: '#f6d27a', retrain: '#d9534f', none: '#e4e4e4' } as const;

export const GATE_COLOURS = { pass: '#2e9d3a', fail: '#c9302c', inconclusive: '#e0a100' } as const;

export const PERCENTILE_COLOURS = { p50: '#7aa6d6', p95: '#e08a2e', p99: '#b22d6e' } as const;

export const ALERT_COLOUR = '#8a3ffc';
export const FAULT_COLOUR = '#f3b3b1';
export const SLA_COLOUR = '#c9302c';
