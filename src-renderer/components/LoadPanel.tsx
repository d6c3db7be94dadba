/** The load panel: latency percentiles against request rate per resource profile, with the SLA line. */
import type { LatencyLoadData } from '../../src-main/contract/charts';
import type { LaneSlot } from '../../src-main/contract/runView';
import { LatencyLoadChart } from '../charts/LatencyLoadChart';
import { useWidth } from '../hooks/useWidth';
import { Lane } from './Lane';

export function LoadPanel({ slot }: { slot: LaneSlot<LatencyLoadData> | null }) {
  const [ref, width] = useWidth<HTMLDivElement>(600);
  return (
    <section className="panel load" aria-label="Load">
      <header className="panel-header">
        <h2>Load</h2>
        <span className="panel-sub">p50 / p95 / p99 against request rate, per resource profile</span>
      </header>
      <div ref={ref}>
        <Lane id="load" title="Latency under load" hint="open-loop load, SLA line" slot={slot}>
          {(data) => <LatencyLoadChart data={data} width={Math.max(360, width)} />}
        </Lane>
      </div>
    </section>
  );
}
