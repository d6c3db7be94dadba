/** The models of a run as the report names them: digests, provider asked for and used, fallback reason. */
import type { RunEvent } from '../../../contract/events';
import type { ReportModel } from '../../../contract/report';

/** One entry per model role, from `model.verified`, `model.loaded` and `ep.fallback`. */
export function reportModels(events: readonly RunEvent[]): ReportModel[] {
  const models = new Map<'blue' | 'green', ReportModel>();
  for (const event of events) {
    const known = 'role' in event && (event.role === 'blue' || event.role === 'green') ? models.get(event.role) : undefined;
    switch (event.kind) {
      case 'model.verified':
        models.set(event.role, {
          role: event.role,
          name: event.name,
          path: event.path,
          sha256: event.files.find((f) => f.file.endsWith('.onnx'))?.actual ?? null,
          digestVerified: event.verified,
          allowUnverified: event.allowUnverified && !event.verified,
          requestedProvider: null,
          executionProvider: null,
          fallbackReason: null,
        });
        break;
      case 'model.loaded':
        if (known) {
          models.set(event.role, { ...known, sha256: event.sha256, requestedProvider: event.requestedProvider, executionProvider: event.executionProvider });
        }
        break;
      case 'ep.fallback':
        if (known) {
          models.set(event.role, { ...known, fallbackReason: event.reason });
        }
        break;
      default:
        break;
    }
  }
  return [...models.values()];
}
