/**
 * Memory and CPU amounts as people write them. Kubernetes quantities (`512Mi`, `12Gi`, `1G`,
 * `500m` CPUs, `129e6`) in Deployment YAML; Docker's flags (`--memory 512m`, `--cpus 1.5`), where
 * `m` means MiB. The two disagree on `m`: in Kubernetes a memory of `512m` is 0.512 bytes, which
 * no one means, so it is refused with the fix rather than read either way.
 */

/** A parse: the value, or what was expected. */
export type QuantityParse = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly expected: string };

const BINARY: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Readonly<Record<string, number>> = { k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const KUBERNETES = /^([+]?[0-9]+(?:\.[0-9]*)?|[+]?\.[0-9]+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E|m)|[eE]([+-]?[0-9]+))?$/;

/** A Kubernetes memory quantity, in bytes (whole bytes, rounded up as Kubernetes does). */
export function kubernetesMemory(text: string | number): QuantityParse {
  const parsed = kubernetesQuantity(text);
  if (!parsed.ok) {
    return { ok: false, expected: `a memory quantity such as 512Mi, 2Gi or 1G (got "${text}")` };
  }
  if (parsed.suffix === 'm') {
    return { ok: false, expected: `${String(text).slice(0, -1)}Mi for mebibytes: "${text}" is ${parsed.value} bytes in Kubernetes (m is milli)` };
  }
  if (parsed.value < 1) {
    return { ok: false, expected: `a memory quantity of at least one byte (got "${text}")` };
  }
  return { ok: true, value: Math.ceil(parsed.value) };
}

/** A Kubernetes CPU quantity, in cores (`500m` = 0.5, `2` = 2). */
export function kubernetesCpu(text: string | number): QuantityParse {
  const parsed = kubernetesQuantity(text);
  if (!parsed.ok || (parsed.suffix !== null && parsed.suffix !== 'm') || parsed.value <= 0) {
    return { ok: false, expected: `a CPU quantity such as 500m, 1 or 2.5 (got "${text}")` };
  }
  return { ok: true, value: parsed.value };
}

/** Docker's `--memory`: a number of bytes with an optional b, k, m or g (binary units, either case). */
export function dockerMemory(text: string): QuantityParse {
  const match = /^([0-9]+(?:\.[0-9]+)?)([bkmg])?$/i.exec(text.trim());
  if (!match) {
    return { ok: false, expected: `a memory size such as 512m or 2g (b, k, m, g: bytes, KiB, MiB, GiB; got "${text}")` };
  }
  const unit = { b: 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 }[(match[2] ?? 'b').toLowerCase() as 'b' | 'k' | 'm' | 'g'];
  const value = Math.floor(Number(match[1]) * unit);
  // Docker itself refuses less than 6 MiB.
  if (value < 6 * 2 ** 20) {
    return { ok: false, expected: `at least 6m, the least Docker accepts (got "${text}")` };
  }
  return { ok: true, value };
}

/** A memory amount in a scenario: a Kubernetes quantity (512Mi, 2Gi) or Docker's size (512m, 2g). */
export function scenarioMemory(text: string | number): QuantityParse {
  if (typeof text === 'string' && /^[0-9.]+[bkmg]$/i.test(text.trim()) && !/^[0-9.]+[kKMG]$/.test(text.trim())) {
    return dockerMemory(text);
  }
  return kubernetesMemory(text);
}

function kubernetesQuantity(text: string | number): { ok: true; value: number; suffix: string | null } | { ok: false } {
  if (typeof text === 'number') {
    return Number.isFinite(text) && text >= 0 ? { ok: true, value: text, suffix: null } : { ok: false };
  }
  const match = KUBERNETES.exec(text.trim());
  if (!match) {
    return { ok: false };
  }
  const number = Number(match[1]);
  const suffix = match[2] ?? null;
  if (match[3] !== undefined) {
    return { ok: true, value: number * 10 ** Number(match[3]), suffix: null };
  }
  if (suffix === null) {
    return { ok: true, value: number, suffix };
  }
  if (suffix === 'm') {
    return { ok: true, value: number / 1000, suffix };
  }
  return { ok: true, value: number * (BINARY[suffix] ?? DECIMAL[suffix]!), suffix };
}

/** 536870912 -> "512 MiB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
