/**
 * The app's workspace (desktop and browser mode): the project folder (built-in scenarios and the
 * demo's data), the runs folder (logs a drill replays), the folder of the scenario the app was
 * started with, and the folders named with `--workspace` at launch. A path typed in the app (a
 * scenario to open, a run log) is read only inside it: the window is a less trusted face than a
 * terminal, and in browser mode anyone holding the address reaches it.
 */
import { dirname, resolve } from 'node:path';
import type { Workspace, WorkspaceFolder } from '../../common/workspace/workspace';
import { projectRoot } from '../run/projectRoot';
import { openWorkspace } from './workspaceAccess';

/** What the app was started with. */
export interface AppLaunch {
  readonly runsFolder: string;
  readonly launchScenario?: string | undefined;
  /** `--workspace` folders given at launch. */
  readonly workspace?: readonly string[] | undefined;
}

/** The app's workspace from its launch options. */
export function appWorkspace(launch: AppLaunch): Workspace {
  const folders: WorkspaceFolder[] = [
    { path: projectRoot(), why: 'the project folder' },
    { path: launch.runsFolder, why: 'the runs folder' },
    ...(launch.launchScenario === undefined ? [] : [{ path: dirname(resolve(launch.launchScenario)), why: 'the folder of the scenario the app opened with' }]),
    ...(launch.workspace ?? []).map((path) => ({ path, why: '--workspace' })),
  ];
  return openWorkspace(folders, 'start the app with --workspace <folder> to open files from another folder');
}
