/**
 * How many keep-alive connections a load needs. By Little's law the requests in flight average
 * rate x latency; sized at twice that for latencies up to the SLA, a healthy server never makes a
 * request wait for a connection, so waiting (lateness) only appears once latency is past the SLA.
 * A fixed count, as wrk2's `-c`, can be asked for instead.
 */

/** Never fewer, so that Poisson bursts at low rates find a free connection. */
const MIN_CONNECTIONS = 4;
/** Never more: past this the generator's own sockets, not the server, would be measured. */
export const MAX_CONNECTIONS = 1024;

/** The connection count for `rps` requests per second with latencies up to `slaMs`. */
export function connectionsFor(rps: number, slaMs: number): number {
  return Math.min(MAX_CONNECTIONS, Math.max(MIN_CONNECTIONS, Math.ceil((2 * rps * slaMs) / 1000)));
}
