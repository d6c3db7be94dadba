/**
 * The Docker engine for tests: whether one answers (tests skip with the reason, or fail
 * under REHEARSAL_REQUIRE_SERVICES=1), and the serving images, which the global setup builds once
 * per test run and every test then finds by tag.
 */
import { join } from 'node:path';
import { dockerStatus } from '../../src-main/engine/node/docker/dockerEngine';
import { ROOT } from './paths';

/** The wide model of scenarios/staging-vs-production (built by `npm ci`): a batch of 256 needs hundreds of MB. */
export const WIDE_MODEL = join(ROOT, 'scenarios/staging-vs-production/model');
export const SMOKE_MODEL = join(ROOT, 'scenarios/smoke/model');

/** Whether a Docker engine answers, and why not; asked once per test file. */
export const DOCKER = await dockerStatus();

/** The reason a Docker test skips. */
export const DOCKER_MISSING = `a Docker engine (Debian package docker.io; .ci/run starts dockerd --iptables=false --bridge=none): ${DOCKER.available ? '' : DOCKER.reason}`;
