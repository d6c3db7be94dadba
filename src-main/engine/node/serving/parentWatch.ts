/**
 * Children that die with their parent. A parent killed with SIGKILL cannot stop its children,
 * so the child watches for it: the parent gives the child a pipe as standard input and never
 * writes to it; the kernel closes the pipe's write end when the parent dies, however it dies, and
 * the child reads end-of-file. The child then stops as if asked (SIGTERM: drain, then exit).
 * Linux's `prctl(PR_SET_PDEATHSIG)` is not reachable from Node; a pipe works on every platform.
 */

/** Set by the parent in the child's environment when the child's standard input is that pipe. */
export const PARENT_PIPE_ENV = 'REHEARSAL_PARENT_PIPE';

/** The environment and stdio a parent starts a child with so the child can watch it. */
export function watchedChild(env: NodeJS.ProcessEnv = process.env): { env: NodeJS.ProcessEnv; stdio: ['pipe', 'pipe', 'pipe'] } {
  return { env: { ...env, [PARENT_PIPE_ENV]: 'stdin' }, stdio: ['pipe', 'pipe', 'pipe'] };
}

/**
 * In the child: when the parent's pipe closes, `onGone` runs (by default, the process sends
 * itself SIGTERM, so it stops the way a stop signal stops it). Nothing happens when the process was
 * not started with the pipe (a container, a user's shell).
 */
export function stopWithParent(onGone: () => void = () => process.kill(process.pid, 'SIGTERM')): void {
  if (process.env[PARENT_PIPE_ENV] !== 'stdin') {
    return;
  }
  let gone = false;
  const once = (): void => {
    if (!gone) {
      gone = true;
      onGone();
    }
  };
  process.stdin.on('end', once);
  process.stdin.on('close', once);
  // A read error means the pipe is broken: the parent is gone all the same.
  process.stdin.on('error', once);
  process.stdin.resume();
  // The pipe alone does not keep the process alive: a child that stopped for another reason exits.
  (process.stdin as { unref?: () => void }).unref?.();
}
