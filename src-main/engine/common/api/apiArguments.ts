/**
 * The arguments of every RehearsalApi member as zod schemas, checked wherever a call crosses a
 * trust boundary (STYLE.md 5): Electron's IPC handlers, browser mode's WebSocket and the process
 * that hosts the engine. Typed from the interface, so a member without a schema does not compile.
 */
import { z } from 'zod';
import type { InvokeMember } from '../../../contract/ipc';
import type { RehearsalApi } from '../../../contract/rehearsalApi';
import { drillAnswer } from '../scenario/sections/drill';
import { REPORT_FORMATS } from '../scenario/sections/outputs';

const path = z.string().min(1).max(4096);
const runId = z.string().uuid();
const drillId = z.string().uuid();
/** An event time as the log writes it (`2001-03-01T06:00:00`, optional fraction and zone). */
const eventTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/, 'expected an event time like 2001-03-01T06:00:00');
const speed = z.union([z.literal(1), z.literal(10), z.literal(100), z.literal(1000), z.literal('max')]);
const format = z.enum(REPORT_FORMATS as ['json', 'md', 'junit', 'html', 'pdf']);

const command = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pause') }),
  z.strictObject({ kind: z.literal('resume') }),
  z.strictObject({ kind: z.literal('step') }),
  z.strictObject({ kind: z.literal('speed'), speed }),
  z.strictObject({ kind: z.literal('promote') }),
  z.strictObject({ kind: z.literal('rollback'), reason: z.string().max(500).optional() }),
  z.strictObject({ kind: z.literal('stop') }),
]);

/** Arguments of each invoke member. */
export const API_ARGUMENTS: { readonly [K in InvokeMember]: z.ZodType<Parameters<RehearsalApi[K]>> } = {
  getLaunch: z.tuple([]),
  listScenarios: z.tuple([]),
  listScenarioFiles: z.tuple([]),
  validateScenario: z.tuple([path]),
  startRun: z.tuple([
    z.strictObject({
      scenarioPath: path,
      profile: z.enum(['staging', 'production']).optional(),
      backend: z.enum(['embedded', 'docker']).optional(),
      executionProvider: z.enum(['cpu', 'cuda']).optional(),
      speed: speed.optional(),
    }),
  ]),
  controlRun: z.tuple([runId, command]),
  getRunView: z.tuple([runId, viewQuery().optional()]),
  exportReport: z.tuple([runId, z.strictObject({ formats: z.array(format).min(1).max(REPORT_FORMATS.length) })]),
  stopRun: z.tuple([runId]),
  openDrill: z.tuple([z.strictObject({ logPath: path, scenarioPath: path.optional() })]),
  answerDrill: z.tuple([drillId, drillAnswer.nullable()]),
  getDrillView: z.tuple([drillId, viewQuery().optional()]),
  listRuns: z.tuple([]),
  compareRuns: z.tuple([runId, runId]),
  startWhatIf: z.tuple([
    z.strictObject({
      runId,
      profile: z.enum(['staging', 'production']),
      settings: z.array(z.string().min(1).max(64)).min(1).max(4),
    }),
  ]),
};

function viewQuery() {
  return z.strictObject({ from: eventTime.optional(), to: eventTime.optional(), untilSeq: z.number().int().positive().optional() });
}

/** The invoke members, in a stable order (the keys of API_ARGUMENTS). */
export const INVOKE_MEMBERS = Object.keys(API_ARGUMENTS) as InvokeMember[];

/** A call refused before the engine saw it: an unknown member or arguments that do not fit. */
export class ApiRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiRefusal';
  }
}

/** True for a member name of RehearsalApi that is called with a reply. */
export function isInvokeMember(member: unknown): member is InvokeMember {
  return typeof member === 'string' && Object.hasOwn(API_ARGUMENTS, member);
}

/** Parses the arguments of a call; throws ApiRefusal naming `label` and each bad field. */
export function parseArguments<K extends InvokeMember>(member: K, args: unknown, label: string = member): Parameters<RehearsalApi[K]> {
  const parsed = API_ARGUMENTS[member].safeParse(args);
  if (!parsed.success) {
    throw new ApiRefusal(`${label}: invalid arguments: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data as Parameters<RehearsalApi[K]>;
}

/** Calls a member of `api` with arguments that crossed a boundary: refused unless they parse. */
export async function dispatchCall(api: RehearsalApi, member: unknown, args: unknown): Promise<unknown> {
  if (!isInvokeMember(member)) {
    throw new ApiRefusal(`unknown member ${JSON.stringify(member)}; expected one of ${INVOKE_MEMBERS.join(', ')}`);
  }
  const call = api[member] as (...a: unknown[]) => Promise<unknown>;
  return call.apply(api, parseArguments(member, args) as unknown[]);
}
