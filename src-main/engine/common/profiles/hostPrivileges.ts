/**
 * What a Kubernetes Deployment asks of the node it runs on, beyond CPU and memory: privileged
 * containers, the host's network, processes or files, host ports, added capabilities, root. A
 * rehearsal never grants any of it: its containers run as user 65534 with every capability
 * dropped, no new privileges, a read-only root, no volumes, bound to 127.0.0.1
 * (engine/node/docker/containerOptions.ts). So each such field is a part of production the
 * rehearsal did not reproduce, and it is said, never passed in silence. Pure: reads the parsed
 * document a DeploymentSpec keeps.
 */

/** One thing a Deployment asks of its host. */
export interface HostPrivilege {
  /** Where, keyed by container name as profile-diff keys it: `spec.template.spec.containers[model-server].securityContext.privileged`. */
  readonly field: string;
  /** The value as written: `true`, `/`, `0.0.0.0`, `SYS_ADMIN`. */
  readonly value: string;
  /** What it gives the pod, in words. */
  readonly grants: string;
}

/** What a rehearsal's containers get instead, for the sentences that name a privilege. */
export const REHEARSAL_CONTAINER = 'a rehearsal runs its containers as user 65534 with no capabilities, no host access and no volumes';

/** The end of each note: short, since a Deployment may ask for several things. */
const NOT_GRANTED = 'never granted to a rehearsal';

type Fields = Record<string, unknown>;

const POD = 'spec.template.spec';

/** Every host privilege a Deployment document asks for, pod fields first, then each container's. */
export function hostPrivilegesOf(document: unknown): HostPrivilege[] {
  const pod = objectAt(document, ['spec', 'template', 'spec']);
  if (pod === null) {
    return [];
  }
  const found: HostPrivilege[] = [];
  const add = (field: string, value: unknown, grants: string): void => {
    found.push({ field, value: String(value), grants });
  };
  for (const [key, grants] of [
    ['hostNetwork', "the node's network: every port and interface of the host"],
    ['hostPID', "the node's processes"],
    ['hostIPC', "the node's shared memory and IPC"],
  ] as const) {
    if (pod[key] === true) {
      add(`${POD}.${key}`, true, grants);
    }
  }
  listAt(pod, 'volumes').forEach((volume, i) => {
    const hostPath = objectAt(volume, ['hostPath']);
    if (hostPath !== null) {
      add(
        `${POD}.volumes[${nameOf(volume, i)}].hostPath.path`,
        hostPath['path'] ?? '(none)',
        `files of the node, mounted from ${String(hostPath['path'] ?? 'the host')}`,
      );
    }
  });
  const podContext = objectAt(pod, ['securityContext']) ?? {};
  securityFields(podContext, `${POD}.securityContext`, add);
  const containers = (['initContainers', 'containers'] as const).flatMap((list) =>
    listAt(pod, list).map((container, i) => ({ container, at: `${POD}.${list}[${nameOf(container, i)}]` })),
  );
  for (const { container, at } of containers) {
    containerFields(container, at, add);
  }
  if (
    rootUnsaid(
      podContext,
      containers.map(({ container }) => objectAt(container, ['securityContext']) ?? {}),
    )
  ) {
    add(`${POD}.securityContext.runAsNonRoot`, '(not set)', "root inside the container, unless the image's own user is another");
  }
  return found;
}

/** One sentence per privilege of a profile, for the rehearsal's "not reproduced" list and the report. */
export function privilegeNotes(profile: string, privileges: readonly HostPrivilege[]): string[] {
  return privileges.map((p) => `${profile}'s Deployment asks for ${p.field}: ${p.value} (${p.grants}), ${NOT_GRANTED}`);
}

/** The privilege notes of a profile read from a Deployment; none for a profile written out in the scenario. */
export function profilePrivilegeNotes(
  profile: { readonly name: string; readonly deployment: string | null },
  deployments: Readonly<Record<string, { readonly document: unknown }>>,
): string[] {
  const spec = profile.deployment === null ? undefined : deployments[profile.deployment];
  return spec === undefined ? [] : privilegeNotes(profile.name, hostPrivilegesOf(spec.document));
}

/** True when the field path (as profile-diff writes it) is one a privilege can sit at. */
export function isPrivilegeField(path: string): boolean {
  return (
    /^spec\.template\.spec\.(hostNetwork|hostPID|hostIPC)$/.test(path) ||
    /^spec\.template\.spec\.volumes\[[^\]]+\]\.hostPath\./.test(path) ||
    /^spec\.template\.spec\.securityContext\./.test(path) ||
    /^spec\.template\.spec\.(initContainers|containers)\[[^\]]+\]\.(securityContext\.|ports\[[^\]]+\]\.host(Port|IP)$)/.test(path)
  );
}

function containerFields(container: Fields, at: string, add: (field: string, value: unknown, grants: string) => void): void {
  const context = objectAt(container, ['securityContext']) ?? {};
  if (context['privileged'] === true) {
    add(`${at}.securityContext.privileged`, true, "every device of the node and the kernel's privileges");
  }
  if (context['allowPrivilegeEscalation'] === true) {
    add(`${at}.securityContext.allowPrivilegeEscalation`, true, 'processes that gain privileges through setuid binaries');
  }
  const added = objectAt(context, ['capabilities'])?.['add'];
  (Array.isArray(added) ? added : []).forEach((capability: unknown, i) => {
    add(`${at}.securityContext.capabilities.add[${i}]`, capability, `the ${String(capability)} capability`);
  });
  securityFields(context, `${at}.securityContext`, add);
  listAt(container, 'ports').forEach((port, i) => {
    const name = nameOf(port, i);
    if (port['hostPort'] !== undefined) {
      add(`${at}.ports[${name}].hostPort`, port['hostPort'], `port ${String(port['hostPort'])} of the node`);
    }
    if (port['hostIP'] !== undefined) {
      add(
        `${at}.ports[${name}].hostIP`,
        port['hostIP'],
        port['hostIP'] === '0.0.0.0' ? "every address of the node's network" : `the node's address ${String(port['hostIP'])}`,
      );
    }
  });
}

/** The fields a pod and a container security context share. */
function securityFields(context: Fields, at: string, add: (field: string, value: unknown, grants: string) => void): void {
  if (context['runAsUser'] === 0) {
    add(`${at}.runAsUser`, 0, 'root inside the container');
  }
  if (context['runAsNonRoot'] === false) {
    add(`${at}.runAsNonRoot`, false, 'root inside the container, if the image runs as root');
  }
  if (context['runAsGroup'] === 0) {
    add(`${at}.runAsGroup`, 0, "root's group inside the container");
  }
  if (context['procMount'] === 'Unmasked') {
    add(`${at}.procMount`, 'Unmasked', "the node's /proc unmasked");
  }
  for (const key of ['seccompProfile', 'appArmorProfile'] as const) {
    const type = objectAt(context, [key])?.['type'];
    if (type === 'Unconfined') {
      add(`${at}.${key}.type`, type, `no ${key === 'seccompProfile' ? 'seccomp' : 'AppArmor'} confinement`);
    }
  }
}

/**
 * True when some container may run as root without saying so: neither it nor the pod sets
 * runAsNonRoot or a runAsUser (a container's own setting wins over the pod's, as in Kubernetes).
 * An explicit root (runAsUser: 0, runAsNonRoot: false) is flagged where it is written instead.
 */
function rootUnsaid(pod: Fields, containers: readonly Fields[]): boolean {
  const says = (context: Fields): boolean => context['runAsNonRoot'] !== undefined || typeof context['runAsUser'] === 'number';
  return containers.some((context) => !says(context) && !says(pod));
}

function objectAt(value: unknown, path: readonly string[]): Fields | null {
  let current = value;
  for (const key of path) {
    current = current !== null && typeof current === 'object' && !Array.isArray(current) ? (current as Fields)[key] : undefined;
  }
  return current !== null && typeof current === 'object' && !Array.isArray(current) ? (current as Fields) : null;
}

function listAt(value: Fields | null, key: string): Fields[] {
  const list = value?.[key];
  return Array.isArray(list) ? list.map((item) => (item !== null && typeof item === 'object' ? (item as Fields) : { value: item })) : [];
}

/** A list entry's key as profile-diff writes it: its name, else its index. */
function nameOf(item: Fields, index: number): string {
  return typeof item['name'] === 'string' ? item['name'] : String(index);
}
