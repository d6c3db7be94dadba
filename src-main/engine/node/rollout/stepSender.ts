/**
 * Sends a step's raw records through the router at a fixed rate, open loop: request i
 * leaves at start + i / rate whatever earlier ones are doing, and its latency is counted from that
 * planned time. The rates of a rollout step are tens to hundreds a second, where node:http's
 * keep-alive agent costs nothing that matters, and its bodies are wanted (the prediction).
 */
import { request as httpRequest, type Agent } from 'node:http';
import type { Clock } from '../../common/ports/clock';
import type { OutgoingRequest, RoutedRequest } from '../../common/ports/rolloutRig';
import type { RouterPolicyInfo } from '../../../contract/events';
import { answerOutcome, predictionOf } from '../router/upstreamAnswer';

/** Where and how to send. */
export interface SenderTarget {
  readonly url: string;
  readonly policy: Pick<RouterPolicyInfo, 'stickyHeader'>;
  readonly clock: Clock;
  readonly agent: Agent;
  /** A request unanswered this long after its planned time is given up as a timeout. */
  readonly timeoutMs: number;
}

/** A request as sent, before the router's record of its copies is joined. */
export interface SentRequest {
  readonly id: string;
  readonly answer: RoutedRequest;
}

/** Sends `requests` with ids `${prefix}-${i}`; calls `onAnswer` as each ends; resolves in request order. */
export function sendAtRate(
  target: SenderTarget,
  prefix: string,
  requests: readonly OutgoingRequest[],
  rate: number,
  onAnswer?: (index: number, answer: RoutedRequest) => void,
): Promise<SentRequest[]> {
  const { clock } = target;
  const start = clock.monotonic();
  const endpoint = new URL('/predict', target.url);
  return Promise.all(
    requests.map(
      (request, i) =>
        new Promise<SentRequest>((resolve) => {
          const planned = start + (i * 1000) / rate;
          const id = `${prefix}-${i}`;
          setTimeout(
            () => {
              const sentAt = clock.monotonic();
              const body = Buffer.from(JSON.stringify({ features: request.record }));
              const headers: Record<string, string> = {
                'content-type': 'application/json',
                'content-length': String(body.length),
                'x-request-id': id,
                ...(request.headers ?? {}),
              };
              if (request.key !== null && target.policy.stickyHeader !== null) {
                headers[target.policy.stickyHeader] = request.key;
              }
              let settled = false;
              const finish = (answer: Omit<RoutedRequest, 'sentAt' | 'clientMs' | 'copies'>): void => {
                if (settled) {
                  return;
                }
                settled = true;
                clearTimeout(timer);
                const done: RoutedRequest = { ...answer, sentAt, clientMs: clock.monotonic() - planned, copies: {} };
                onAnswer?.(i, done);
                resolve({ id, answer: done });
              };
              const outgoing = httpRequest(endpoint, { method: 'POST', headers, agent: target.agent }, (response) => {
                const chunks: Buffer[] = [];
                response.on('data', (chunk: Buffer) => chunks.push(chunk));
                response.on('end', () => {
                  const status = response.statusCode ?? 0;
                  const side = response.headers['x-rollout-side'];
                  if (side !== 'blue' && side !== 'green') {
                    finish({ side: null, reason: null, status, served: null });
                    return;
                  }
                  const reason = response.headers['x-rollout-reason'] as RoutedRequest['reason'];
                  const ms = Number(response.headers['x-rollout-upstream-ms']);
                  const outcome = answerOutcome(status);
                  finish({ side, reason, status, served: { status, outcome, ms, prediction: status === 200 ? predictionOf(Buffer.concat(chunks)) : null } });
                });
                response.on('error', () => finish({ side: null, reason: null, status: 0, served: null }));
              });
              const timer = setTimeout(
                () => {
                  outgoing.destroy();
                  finish({ side: null, reason: null, status: 0, served: null });
                },
                Math.max(1, planned + target.timeoutMs - clock.monotonic()),
              );
              outgoing.on('error', () => finish({ side: null, reason: null, status: 0, served: null }));
              outgoing.end(body);
            },
            Math.max(0, planned - clock.monotonic()),
          );
        }),
    ),
  );
}
