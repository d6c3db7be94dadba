/**
 * The facts the size limits read (engine/common/limits/loadLimits.ts): the cores this process may
 * use and the memory it may take, a cgroup's limit where there is one (a container, a CI job).
 */
import { availableParallelism, totalmem } from 'node:os';
import type { ValidationIssue } from '../../../contract/scenarioSummary';
import { scenarioLoadProblems, type MachineFacts } from '../../common/limits/loadLimits';
import type { ScenarioFile } from '../../common/scenario/scenarioFile';

/** This machine, as the limits see it. */
export function machineFacts(): MachineFacts {
  // Node 20 reports a cgroup's memory limit here (0 or undefined where there is none).
  const constrained = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.() ?? 0;
  const memory = totalmem();
  return { cores: availableParallelism(), memoryBytes: constrained > 0 && constrained < memory ? constrained : memory };
}

/** The sizes of a scenario this machine cannot run, as problems of the scenario file; none when it fits. */
export function scenarioSizeIssues(file: ScenarioFile, machine: MachineFacts = machineFacts()): ValidationIssue[] {
  return scenarioLoadProblems(file.scenario.load, machine).map((problem) => ({
    file: file.path,
    line: null,
    column: null,
    path: problem.field,
    message: problem.message,
  }));
}
