/**
 * Entry of the process that hosts the engine: an Electron utility process (desktop app) or a Node
 * child process (`rehearse ui`). Its only argument is the service's options as JSON. Both parents
 * pass ORT_DISABLE_TELEMETRY=1 in the environment: imports are hoisted, so setting it here would
 * come after onnxruntime has loaded.
 */
import { parentPort } from './messagePort';
import { apiMessagesOnly, parentPrinter } from './parentPrinter';
import { createRehearsalService, type ServiceOptions } from './rehearsalService';
import { hostService } from './serviceHost';

const options = JSON.parse(process.argv[2] ?? '{}') as { runsFolder?: unknown; launchScenario?: unknown; printer?: unknown; workspace?: unknown };
const port = parentPort();
const chosen: ServiceOptions = {
  ...(typeof options.runsFolder === 'string' ? { runsFolder: options.runsFolder } : {}),
  ...(typeof options.launchScenario === 'string' ? { launchScenario: options.launchScenario } : {}),
  ...(Array.isArray(options.workspace) ? { workspace: options.workspace.filter((f): f is string => typeof f === 'string') } : {}),
  // The desktop shell prints report.pdf with Electron's own Chromium.
  ...(options.printer === 'parent' ? { printer: parentPrinter(port) } : {}),
};
hostService(apiMessagesOnly(port), createRehearsalService(chosen));
// A Node child whose parent went away has no one to answer; Electron ends its utility processes itself.
process.on('disconnect', () => process.exit(0));
// Ctrl-C reaches the whole process group: the parent decides when the engine ends.
process.on('SIGINT', () => undefined);
