/**
 * How many keep-alive connections a load may open (they open only when every open one is busy).
 * By Little's law the requests in flight average rate x latency; sized at twice that for latencies
 * up to the SLA, a server within its SLA never makes a request wait for a connection. A fixed
 * count, as wrk2's `-c`, can be asked for instead. Waiting is measured either way (the result's
 * `connectionWaitMs`) and is part of the corrected latency.
 */

/** Never fewer, so that Poisson bursts at low rates find a free connection. */
const MIN_CONNECTIONS = 4;
/**
 * Never more: a server past its knee, offered ever more connections, spends itself accepting
 * them (docs/ARCHITECTURE.md, "Load"); requests wait for one of these instead, and that wait is
 * measured.
 */
export const MAX_CONNECTIONS = 256;

/** The connection count for `rps` requests per second with latencies up to `slaMs`. */
export function connectionsFor(rps: number, slaMs: number): number {
  return Math.min(MAX_CONNECTIONS, Math.max(MIN_CONNECTIONS, Math.ceil((2 * rps * slaMs) / 1000)));
}
