/**
 * The choices next to Run (resource profile, backend, execution provider, speed, report formats)
 * and what this version does with each (issue 12). Said once, here: the app shows the notes and
 * every run records the choices it could not act on, so nobody mistakes them for measured.
 */
import type { LaunchState, RunRequest } from '../../../contract/rehearsalApi';
import type { ReportFormat } from '../../../contract/report';
import { REPORT_FORMATS } from '../../common/scenario/sections/outputs';
import { findChromium } from '../report/pdf/chromiumPrinter';

const PROFILE_NOTE = 'Resource profiles take effect with the Docker backend, which this version does not have yet: the choice is recorded in the run and changes nothing.';
const BACKEND_NOTE = 'Only the embedded backend runs in this version: "docker" is recorded in the run and the models run embedded.';
const PROVIDER_NOTE = 'CUDA is tried first; without a CUDA provider the run falls back to CPU and records why.';

/** The choices and their notes, as the app shows them. */
export function runChoices(): LaunchState['choices'] {
  const chromium = findChromium();
  return {
    profile: { options: ['staging', 'production'], initial: 'production', note: PROFILE_NOTE },
    backend: { options: ['embedded', 'docker'], initial: 'embedded', note: BACKEND_NOTE },
    executionProvider: { options: ['cpu', 'cuda'], initial: 'cpu', note: PROVIDER_NOTE },
    speed: { options: [1, 10, 100, 1000, 'max'], initial: 'max', note: null },
    formats: { options: REPORT_FORMATS as ReportFormat[], initial: 'html', note: chromium.found ? null : `PDF needs Chromium: ${chromium.reason}` },
  };
}

/** What a run records about the choices of its request that it does not act on. */
export function choiceNotices(request: Pick<RunRequest, 'profile' | 'backend'>): string[] {
  const notices: string[] = [];
  if (request.profile !== undefined) {
    notices.push(`resource profile "${request.profile}" chosen: ${PROFILE_NOTE}`);
  }
  if (request.backend === 'docker') {
    notices.push(`backend "docker" chosen: ${BACKEND_NOTE}`);
  }
  return notices;
}
