/**
 * The Locust half of `rehearse export-load`: a locustfile that replays production's records at
 * the plan's rate, its plan as JSON beside it, and a README with the master and worker command
 * lines. The locustfile reads both files at start, so a person can change the rate or the stages
 * in plan.json without touching Python.
 */
import type { LoadExportPlan } from './loadExportPlan';

/** A file to write into the export folder. */
export interface ExportFile {
  readonly file: string;
  readonly text: string;
}

const LOCUSTFILE = `"""
Replays a rehearsal's production records against a model server at the planned rate
(written by \`rehearse export-load\`; see README.md for the command lines).

Each user waits for its answer, so the plan sizes the users at rate x timeout and paces each
at one request every timeout seconds (constant_throughput): the rate holds while the server
slows, up to the timeout. The load shape follows plan.json's stages; the test stops at the end.
Workers interleave the records: worker i of n sends records i, i + n, i + 2n, ... in event order.
"""
import itertools
import json
import os

import locust.runners
from locust import HttpUser, LoadTestShape, constant_throughput, events, task
from locust.runners import WorkerRunner

if not locust.runners.__version__:
    # Some distribution builds (Debian's python3-locust 2.12) report an empty version, which the
    # master takes for a pre-2.0 worker and refuses; master and workers here load this same file.
    locust.runners.__version__ = "unknown"

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "plan.json"), encoding="utf-8") as plan_file:
    PLAN = json.load(plan_file)
with open(os.path.join(HERE, PLAN["recordsFile"]), encoding="utf-8") as records_file:
    # Each line is one raw record; the body is {"features": record}, as production sends it.
    BODIES = ['{"features": ' + line.strip() + "}" for line in records_file if line.strip()]
SENT = itertools.count()


class ProductionReplay(HttpUser):
    wait_time = constant_throughput(PLAN["userRps"])

    @task
    def predict(self):
        runner = self.environment.runner
        workers = PLAN["workers"] if isinstance(runner, WorkerRunner) else 1
        index = max(0, getattr(runner, "worker_index", 0))
        body = BODIES[(index + next(SENT) * workers) % len(BODIES)]
        self.client.post("/predict", data=body, headers={"content-type": "application/json"}, timeout=PLAN["timeoutS"], name="/predict")


class PlannedShape(LoadTestShape):
    """Users for each stage's rate; spawned at the target rate, so a new user's first request comes when the rate needs it."""

    def tick(self):
        run_time = self.get_run_time()
        for stage in PLAN["stages"]:
            if run_time < stage["untilS"]:
                return (stage["users"], PLAN["targetRps"])
        return None


@events.quitting.add_listener
def judge_sla(environment, **_kwargs):
    """Exit 1 when a request failed or the p99 passed the SLA (Locust's p99 is measured from each send, not corrected)."""
    total = environment.stats.total
    if total.num_requests == 0:
        return
    if total.num_failures > 0 or total.get_response_time_percentile(0.99) > PLAN["slaMs"]:
        environment.process_exit_code = 1
`;

/** The locustfile, plan.json and the README of one export. */
export function locustExport(plan: LoadExportPlan, target: string): ExportFile[] {
  return [
    { file: 'locustfile.py', text: LOCUSTFILE },
    { file: 'plan.json', text: `${JSON.stringify(plan, null, 2)}\n` },
    { file: 'README.md', text: readme(plan, target) },
  ];
}

function readme(plan: LoadExportPlan, target: string): string {
  const stages = plan.stages.map((s) => `| ${s.untilS} | ${s.rps} | ${s.users} |`);
  return [
    `# Load of scenario "${plan.scenario}", exported by rehearse export-load`,
    '',
    `${plan.shape} load up to ${plan.targetRps} requests/s (mean ${plan.plannedRps}) for ${plan.durationS} s: ${plan.plannedRequests} requests of`,
    `production's window (${plan.records} records in \`${plan.recordsFile}\`, one raw record a line, sent as \`{"features": record}\` to \`POST /predict\`).`,
    `SLA: p99 <= ${plan.slaMs} ms; a request unanswered after ${plan.timeoutS} s fails. ${plan.users} users at the target rate, each paced at ${round(plan.userRps)} requests/s.`,
    '',
    '## Locust, distributed',
    '',
    'On the master host (it sends nothing itself; it waits for the workers, runs the load shape and writes the CSV stats):',
    '',
    '```sh',
    `locust -f locustfile.py --master --headless --expect-workers ${plan.workers} -H ${target} --csv results`,
    '```',
    '',
    `On each of the ${plan.workers} worker hosts (the same folder copied there):`,
    '',
    '```sh',
    'locust -f locustfile.py --worker --master-host MASTER_HOST',
    '```',
    '',
    `The master exits 1 when a request failed or p99 passed ${plan.slaMs} ms. Locust's latencies count from each send`,
    "(closed loop); `rehearse load`'s corrected latencies count from each planned send time.",
    '',
    '## Stages',
    '',
    '| until (s) | rate (requests/s) | users |',
    '| --- | --- | --- |',
    ...stages,
    '',
  ].join('\n');
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
