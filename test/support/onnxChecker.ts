/** Debian's onnx (python3-onnx, for /usr/bin/python3 only) as the reference checker of ONNX files. */
import { spawnSync } from 'node:child_process';

export const DEBIAN_PYTHON = '/usr/bin/python3';

/** True when /usr/bin/python3 can import onnx. */
export function onnxCheckerAvailable(): boolean {
  return spawnSync(DEBIAN_PYTHON, ['-c', 'import onnx'], { encoding: 'utf8' }).status === 0;
}

/** Runs onnx.checker.check_model(full_check=True) on a file; returns the checker's verdict and message. */
export function checkOnnxFile(path: string): { ok: boolean; message: string } {
  const script =
    'import sys, onnx\nm = onnx.load(sys.argv[1])\nonnx.checker.check_model(m, full_check=True)\nprint("ok", m.ir_version, m.opset_import[0].version)';
  const result = spawnSync(DEBIAN_PYTHON, ['-c', script, path], { encoding: 'utf8' });
  return { ok: result.status === 0, message: `${result.stdout}${result.stderr}`.trim() };
}
