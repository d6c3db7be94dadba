/**
 * Who owns a container: every container a rehearsal starts carries the process that started it
 * (its pid and host) and the run it serves. A process killed with SIGKILL cannot stop its
 * containers, so the next one that starts a container (a run, `rehearse serve`) first removes
 * those whose owner on this host is gone. A container of a living process, or of another host,
 * or without these labels, is never touched.
 */
import type Docker from 'dockerode';
import { hostname } from 'node:os';

/** The labels of ownership. */
export const OWNER_LABELS = {
  pid: 'org.rehearsal.owner-pid',
  host: 'org.rehearsal.owner-host',
  run: 'org.rehearsal.run',
} as const;

let currentRun: string | null = null;

/** The run this process serves from now on (its containers are labelled with it). */
export function setContainerRun(runId: string | null): void {
  currentRun = runId;
}

/** The labels of a container this process starts now. */
export function ownerLabels(): Record<string, string> {
  return {
    [OWNER_LABELS.pid]: String(process.pid),
    [OWNER_LABELS.host]: hostname(),
    ...(currentRun === null ? {} : { [OWNER_LABELS.run]: currentRun }),
  };
}

/** A container removed because its owner was gone. */
export interface ReapedContainer {
  readonly id: string;
  readonly run: string | null;
  readonly pid: number;
}

/** Removes this host's containers whose owning process is gone; says which. */
export async function reapOrphanContainers(docker: Docker): Promise<ReapedContainer[]> {
  const listed = await docker.listContainers({ all: true, filters: { label: [OWNER_LABELS.pid, `${OWNER_LABELS.host}=${hostname()}`] } });
  const reaped: ReapedContainer[] = [];
  for (const info of listed) {
    const pid = Number(info.Labels[OWNER_LABELS.pid]);
    if (!Number.isInteger(pid) || pid <= 0 || isAlive(pid)) {
      continue;
    }
    try {
      await docker.getContainer(info.Id).remove({ force: true });
      reaped.push({ id: info.Id, run: info.Labels[OWNER_LABELS.run] ?? null, pid });
    } catch {
      // Removed meanwhile by someone else: nothing left to reap.
    }
  }
  return reaped;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
