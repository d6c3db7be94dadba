/** How the router and its clients read a model server's answer: its outcome and its prediction. */
import type { UpstreamAnswer } from '../../common/ports/rolloutRig';

/** 2xx is ok; 504 (the server's own timeout, or the router's) is a timeout; anything else an error. */
export function answerOutcome(status: number): UpstreamAnswer['outcome'] {
  return status >= 200 && status < 300 ? 'ok' : status === 504 ? 'timeout' : 'error';
}

/** `prediction` of a raw-record answer (`{"prediction": 0.21, ...}`); null for any other body. */
export function predictionOf(body: Buffer): number | null {
  try {
    const json = JSON.parse(body.toString('utf8')) as { prediction?: unknown };
    return typeof json.prediction === 'number' ? json.prediction : null;
  } catch {
    return null;
  }
}
