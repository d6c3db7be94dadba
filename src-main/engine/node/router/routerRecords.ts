/**
 * What the router keeps of each finished request (the served answer and the copies' answers)
 * until the rig collects them through `GET /router/records`.
 */
import type { UpstreamAnswer } from '../../common/ports/rolloutRig';
import type { Upstream } from '../../common/rollout/routing';

/** One finished request as the router saw it. */
export interface RouterRecord {
  readonly id: string;
  readonly side: 'blue' | 'green';
  readonly reason: 'header' | 'shadow' | 'sticky' | 'weight';
  readonly served: UpstreamAnswer;
  readonly copies: Partial<Record<Upstream, UpstreamAnswer>>;
}

/** Finished records kept for `/router/records`; older ones are dropped past this. */
const MAX_RECORDS = 200_000;

/** The records not yet collected. */
export interface RouterRecords {
  add(record: RouterRecord): void;
  /** Every record kept, oldest first; the store is empty after. */
  take(): RouterRecord[];
}

/** An empty store that keeps at most `max` records. */
export function routerRecords(max = MAX_RECORDS): RouterRecords {
  const records: RouterRecord[] = [];
  return {
    add(record) {
      if (records.length >= max) {
        records.shift();
      }
      records.push(record);
    },
    take: () => records.splice(0),
  };
}
