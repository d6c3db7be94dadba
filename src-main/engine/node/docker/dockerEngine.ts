/**
 * The Docker engine, through dockerode. Where it is comes from DOCKER_HOST as the docker CLI
 * reads it (a unix socket by default); an engine that does not answer is a clear "Docker
 * unavailable", never a stack trace, and the embedded backend goes on working without it.
 */
import Docker from 'dockerode';

/** The engine did not answer; the message says where it was looked for and why. */
export class DockerUnavailable extends Error {
  constructor(
    readonly where: string,
    cause: string,
  ) {
    super(`Docker unavailable: no engine answered at ${where} (${cause}); start dockerd, or use the embedded backend`);
    this.name = 'DockerUnavailable';
  }
}

/** True for the error above. */
export function isDockerUnavailable(error: unknown): error is DockerUnavailable {
  return error instanceof DockerUnavailable;
}

/** Where the engine is looked for: a unix socket path, or a DOCKER_HOST value. */
export function dockerAddress(socketPath?: string): string {
  if (socketPath !== undefined) {
    return `unix://${socketPath}`;
  }
  return process.env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock';
}

/** How long a ping may take: an engine that hangs is as unavailable as one that is absent (the app asks at start). */
const PING_TIMEOUT_MS = 5_000;

/** A client that answered a ping. `socketPath` overrides DOCKER_HOST (tests point it at nothing). */
export async function connectDocker(socketPath?: string): Promise<Docker> {
  const docker = socketPath === undefined ? new Docker() : new Docker({ socketPath });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      docker.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer to a ping within ${PING_TIMEOUT_MS / 1000} s`)), PING_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    throw new DockerUnavailable(dockerAddress(socketPath), error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
  return docker;
}

/** Whether an engine answers, and if not why: for tests and for choosing a backend. */
export async function dockerStatus(socketPath?: string): Promise<{ readonly available: true } | { readonly available: false; readonly reason: string }> {
  try {
    await connectDocker(socketPath);
    return { available: true };
  } catch (error) {
    return { available: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
