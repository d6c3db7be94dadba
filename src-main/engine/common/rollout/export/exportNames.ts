/** The names and shared settings of an exported rollout: one base name, DNS-1123, and what each object calls the others. */

/** What every exported object needs to know. */
export interface ExportSettings {
  /** The Rollout, VirtualService and HPA name; services and templates derive from it. */
  readonly name: string;
  readonly namespace: string | null;
  /** The model server image (the Docker backend's, built locally). */
  readonly image: string;
  /** The Prometheus the analysis queries. */
  readonly prometheus: string;
  /** The port the model server listens on in its container. */
  readonly port: number;
}

/** The exported objects' names. */
export interface ExportNames {
  readonly rollout: string;
  readonly stableService: string;
  readonly canaryService: string;
  readonly virtualService: string;
  /** The route Argo sets the weights of. */
  readonly primaryRoute: string;
  readonly headerRoute: string;
}

/** The names derived from the base name. */
export function exportNames(name: string): ExportNames {
  return {
    rollout: name,
    stableService: `${name}-stable`,
    canaryService: `${name}-canary`,
    virtualService: name,
    primaryRoute: 'primary',
    headerRoute: 'header-override',
  };
}

/** A scenario name made a Kubernetes name: lower case, letters, digits and dashes, at most 40 characters (room for suffixes). */
export function kubernetesName(text: string): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return name === '' ? 'model' : name;
}

/** A duration as Go (and so Argo and Kubernetes) writes it: `24h`, `90m`, `30s`, `250ms`. */
export function goDuration(ms: number): string {
  for (const [size, unit] of [
    [3_600_000, 'h'],
    [60_000, 'm'],
    [1000, 's'],
  ] as const) {
    if (ms >= size && ms % size === 0) {
      return `${ms / size}${unit}`;
    }
  }
  return `${Math.round(ms)}ms`;
}

/** The metadata of an exported object. */
export function metadata(settings: ExportSettings, name: string, annotations: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  return {
    name,
    ...(settings.namespace === null ? {} : { namespace: settings.namespace }),
    labels: { 'app.kubernetes.io/name': settings.name, 'app.kubernetes.io/managed-by': 'rehearsal' },
    ...(Object.keys(annotations).length === 0 ? {} : { annotations }),
  };
}
