/**
 * The records a scenario's load sends, read outside a run: production's window through the same
 * DuckDB snapshot reader and the same function the load phase uses (`readPayloadRecords`), with
 * the section's order, seed and the limit its target rate and duration need.
 */
import { payloadRecordLimit, readPayloadRecords, type PayloadRecords } from '../../common/load/payloadRecords';
import { targetRps } from '../../common/load/targetRate';
import type { ScenarioFile } from '../../common/scenario/scenarioFile';
import type { LoadSection } from '../../common/scenario/sections/load';
import { openSnapshot } from '../duckdb/snapshotReader';

export async function readProductionRecords(file: ScenarioFile, load: LoadSection): Promise<PayloadRecords> {
  const production = file.scenario.snapshots.production;
  const source = await openSnapshot(production, 'production');
  try {
    return await readPayloadRecords(source, {
      from: production.from,
      to: production.to,
      order: load.order,
      limit: payloadRecordLimit(targetRps(load), load.duration),
      seed: load.seed,
      where: 'snapshots.production',
    });
  } finally {
    await source.close();
  }
}
