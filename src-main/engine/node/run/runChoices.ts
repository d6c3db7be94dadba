/**
 * The choices next to Run (resource profile, backend, execution provider, speed, report formats)
 * and what this version does with each. Said once, here: the app shows the notes and
 * every run records the choices it could not act on, so nobody mistakes them for measured.
 */
import type { LaunchState, RunRequest } from '../../../contract/rehearsalApi';
import type { ReportFormat } from '../../../contract/report';
import { REPORT_FORMATS } from '../../common/scenario/sections/outputs';
import { dockerStatus } from '../docker/dockerEngine';
import { findChromium } from '../report/pdf/chromiumPrinter';

const PROFILE_NOTE =
  'A scenario with staging and production profiles runs its load under both, and load-sla is judged on production; for a scenario with a load but no profiles, this names the one profile the load runs under.';
const BACKEND_NOTE =
  'Docker runs each profile in a container with real memory and CPU limits; without a Docker engine the run falls back to embedded, where memory is not capped, and says so.';
const PROVIDER_NOTE = 'CUDA is tried first; without a CUDA provider the run falls back to CPU and records why.';

/** The choices and their notes, as the app shows them; the backend note says whether a Docker engine answers (embedded stays the default so a run never builds images unasked). */
export async function runChoices(): Promise<LaunchState['choices']> {
  const chromium = findChromium();
  const docker = await dockerStatus();
  return {
    profile: { options: ['staging', 'production'], initial: 'production', note: PROFILE_NOTE },
    backend: {
      options: ['embedded', 'docker'],
      initial: 'embedded',
      note: docker.available ? `${BACKEND_NOTE} A Docker engine answers on this machine.` : `${BACKEND_NOTE} Docker here: ${docker.reason}.`,
    },
    executionProvider: { options: ['cpu', 'cuda'], initial: 'cpu', note: PROVIDER_NOTE },
    speed: { options: [1, 10, 100, 1000, 'max'], initial: 'max', note: null },
    formats: { options: REPORT_FORMATS as ReportFormat[], initial: 'html', note: chromium.found ? null : `PDF needs Chromium: ${chromium.reason}` },
  };
}

/** What a run records about the choices of its request, so a report says what was asked for. */
export function choiceNotices(request: Pick<RunRequest, 'profile' | 'backend'>): string[] {
  const notices: string[] = [];
  if (request.profile !== undefined) {
    notices.push(`resource profile "${request.profile}" chosen: ${PROFILE_NOTE}`);
  }
  if (request.backend !== undefined) {
    notices.push(`backend "${request.backend}" chosen: ${BACKEND_NOTE}`);
  }
  return notices;
}
