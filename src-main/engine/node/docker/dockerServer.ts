/**
 * The Docker backend: the model server in a container of its model's serving image,
 * under cgroup limits, read exactly as the embedded backend reads its child process (events on
 * stdout, log lines on stderr), with the same handle. What only a container can say is added:
 * whether the kernel's OOM killer ended it, and the peak memory its cgroup used.
 *
 *   const server = await startDockerServer(serverOptions('scenarios/smoke/model'), { memoryBytes: 512 << 20, cpus: 1, gpus: null });
 *   server.url;                      // http://127.0.0.1:PORT (host networking, bound to loopback)
 *   await server.memoryPeakBytes();  // the cgroup's high-water mark
 *   const end = await server.exited; // end.oomKilled: true when the memory limit killed it
 */
import type Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { ServerStopped } from '../../../contract/events';
import { formatBytes } from '../../common/profiles/quantities';
import { InputError } from '../../common/run/inputError';
import { verifyModel } from '../model/modelFolder';
import { exitMessage, type EmbeddedServer } from '../serving/embeddedServer';
import { readFaults } from '../serving/loadServedModel';
import { faultAdmin, followServerOutput, type ServerHooks, type ServerOutput } from '../serving/serverOutput';
import { serverArgv, type ServerOptions } from '../serving/serverOptions';
import { describeLimits, hostConfigOf, type ContainerLimits } from './containerOptions';
import { ownerLabels, reapOrphanContainers } from './containerOwner';
import { connectDocker } from './dockerEngine';
import type { ImageHooks } from './imageBuild';
import { ensureServingImage, LABELS, type ServingImage } from './servingImage';

/** A model server in a container. */
export interface DockerServer extends EmbeddedServer {
  readonly containerId: string;
  readonly image: ServingImage;
  readonly limits: ContainerLimits;
  /** The most memory the container's cgroup has used (cgroup v1 keeps the peak; elsewhere the current use); null once it is gone. */
  memoryPeakBytes(): Promise<number | null>;
}

/** Hooks for the image build and the server's output; `docker` or `socketPath` to use another engine. */
export interface DockerHooks extends ServerHooks, ImageHooks {
  readonly docker?: Docker;
  readonly socketPath?: string;
}

/** Makes the model's image ready (built once, then reused by tag) and runs the server in a container. */
export async function startDockerServer(options: ServerOptions, limits: ContainerLimits, hooks: DockerHooks = {}): Promise<DockerServer> {
  const docker = hooks.docker ?? (await connectDocker(hooks.socketPath));
  const image = await ensureServingImage(docker, { model: options.model, allowUnverified: options.allowUnverified }, hooks);
  return runServingContainer(docker, image, options, limits, hooks);
}

/**
 * Runs a container of `image`. Before anything starts, the image's labels must name the model
 * digest of `options.model` on this machine and the lock the image was built with; inside, the
 * entrypoint makes the server check the files themselves and refuse on a mismatch.
 */
export async function runServingContainer(
  docker: Docker,
  image: ServingImage,
  options: ServerOptions,
  limits: ContainerLimits,
  hooks: ServerHooks = {},
): Promise<DockerServer> {
  checkImageLabels(image, options);
  // Containers left by a process killed with SIGKILL (it could not stop them) go before a new one starts.
  await reapOrphanContainers(docker).catch(() => []);
  const label = options.label ?? image.labels[LABELS.modelName] ?? 'server';
  const container = await createServingContainer(docker, image, options, limits, label);
  const { output, drained } = await followContainer(docker, container, hooks);
  try {
    await container.start();
  } catch (error) {
    await container.remove({ force: true }).catch(() => undefined);
    throw new InputError(`container (${describeLimits(limits)})`, `the Docker engine could not start it: ${engineMessage(error)}`);
  }
  const end = { requested: false, label };
  const exited = containerExit(container, drained, output, limits, end);
  const started = await output.started(exited, options.model);
  end.label = started.label;
  const pid = (await container.inspect().catch(() => null))?.State.Pid ?? 0;
  return {
    url: started.url,
    pid,
    started,
    exited,
    containerId: container.id,
    image,
    limits,
    onDidEmitEvent: output.onDidEmitEvent,
    ...faultAdmin(started.url),
    async stop(graceMs = 5000) {
      end.requested = true;
      await container.stop({ t: Math.max(1, Math.ceil(graceMs / 1000)) }).catch(() => undefined); // 304: already stopped
      return exited;
    },
    memoryPeakBytes: () => memoryPeakBytes(container),
  };
}

/** Refuses an image whose labels do not name this machine's model digest and the image's own lock. */
function checkImageLabels(image: ServingImage, options: ServerOptions): void {
  const hostModel = verifyModel(options.model).sha256;
  const labelled = { model: image.labels[LABELS.modelSha256], lock: image.labels[LABELS.lockSha256] };
  if (labelled.model !== hostModel || labelled.lock !== image.lockSha256) {
    throw new InputError(
      options.model,
      `refusing to run image ${image.tag}: its labels name model sha256 ${labelled.model ?? 'none'} and lock sha256 ${labelled.lock ?? 'none'}, but the model here is ${hostModel} and the lock ${image.lockSha256}`,
    );
  }
}

/** The server's container under `limits`; a refusal of the engine (a limit it cannot set) is an InputError. */
async function createServingContainer(
  docker: Docker,
  image: ServingImage,
  options: ServerOptions,
  limits: ContainerLimits,
  label: string,
): Promise<Docker.Container> {
  const faults = options.faults === null ? null : JSON.stringify(readFaults(options.faults));
  // The heap limit and the lock pins are the image's business (NODE_OPTIONS, the entrypoint).
  const cmd = serverArgv({ ...options, model: image.modelPath, heapMb: null, faults, lock: null, expectModelSha256: null, expectLockSha256: null });
  try {
    return await docker.createContainer({
      name: `rehearsal-${label.replace(/[^a-zA-Z0-9_.-]/g, '-')}-${randomBytes(4).toString('hex')}`,
      Image: image.tag,
      Cmd: cmd,
      Env: options.heapMb === null ? [] : [`NODE_OPTIONS=--max-old-space-size=${options.heapMb}`],
      Labels: { 'org.rehearsal.server': label, ...ownerLabels() },
      AttachStdout: true,
      AttachStderr: true,
      Tty: false,
      HostConfig: hostConfigOf(limits),
    });
  } catch (error) {
    throw new InputError(`container (${describeLimits(limits)})`, `the Docker engine refused it: ${engineMessage(error)}`);
  }
}

/** The container's stdout and stderr, read as the embedded server's are; `drained` resolves once both ended. */
async function followContainer(docker: Docker, container: Docker.Container, hooks: ServerHooks): Promise<{ output: ServerOutput; drained: Promise<void> }> {
  const attached = await container.attach({ stream: true, stdout: true, stderr: true });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  docker.modem.demuxStream(attached, stdout, stderr);
  const drained = new Promise<void>((resolve) => {
    attached.once('end', resolve);
    attached.once('close', resolve);
  }).then(() => {
    stdout.end();
    stderr.end();
  });
  return { output: followServerOutput(stdout, stderr, hooks), drained };
}

/** Waits for the container to end, removes it, and tells how it ended (`server.stopped`, OOM kills named). */
async function containerExit(
  container: Docker.Container,
  drained: Promise<void>,
  output: ServerOutput,
  limits: ContainerLimits,
  end: { readonly requested: boolean; readonly label: string },
): Promise<ServerStopped> {
  await container.wait();
  await drained;
  const state = (await container.inspect()).State;
  await container.remove({ force: true }).catch(() => undefined);
  const stopped: ServerStopped = {
    kind: 'server.stopped',
    label: end.label,
    requested: end.requested,
    exitCode: state.ExitCode,
    signal: null,
    message: containerExitMessage(state.ExitCode, state.OOMKilled, end.requested, limits, output.logTail),
    oomKilled: state.OOMKilled,
  };
  output.publish(stopped);
  return stopped;
}

/** The most memory the container's cgroup has used; null once it is gone. */
async function memoryPeakBytes(container: Docker.Container): Promise<number | null> {
  try {
    const stats = (await container.stats({ stream: false })) as { memory_stats?: { max_usage?: number; usage?: number } };
    return stats.memory_stats?.max_usage ?? stats.memory_stats?.usage ?? null;
  } catch {
    return null;
  }
}

/** How a container ended: an OOM kill is named as such; exit 137 without the flag is "killed". */
export function containerExitMessage(code: number, oomKilled: boolean, requested: boolean, limits: ContainerLimits, logTail: readonly string[]): string {
  if (oomKilled) {
    return `was OOM-killed: the kernel ended it at its ${limits.memoryBytes === null ? '' : `${formatBytes(limits.memoryBytes)} `}memory limit (exit code ${code})`;
  }
  if (code === 137 && !requested) {
    return 'was killed (exit code 137: SIGKILL, not by the OOM killer)';
  }
  // 143 is SIGTERM's exit status inside a container whose PID 1 ended on it.
  return exitMessage(code === 143 ? null : code, code === 143 ? 'SIGTERM' : null, requested, logTail);
}

function engineMessage(error: unknown): string {
  const json = (error as { json?: { message?: string } }).json;
  return json?.message ?? (error instanceof Error ? error.message : String(error));
}
