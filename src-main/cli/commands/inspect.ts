/** `rehearse inspect <model.onnx|folder>`: inputs, outputs, opset, producer, sha256 (and the folder's digest check). */
import type { TensorInfo } from '../../contract/events';
import { inspectModel } from '../../engine/node/model/inspectModel';
import { parseFlags, requirePositional } from '../args';
import type { Command } from '../command';
import { requireNamedPaths, WORKSPACE_FLAG, WORKSPACE_USAGE } from '../workspaceFlag';

export const inspectCommand: Command = {
  name: 'inspect',
  usage: `rehearse inspect <model.onnx|model folder> ${WORKSPACE_USAGE} [--json]`,
  description: [
    'Describes a model: its inputs and outputs as onnxruntime declares them, the ONNX header (IR',
    "version, opsets, producer), the .onnx file's sha256, a folder's digest check and its model card.",
    '',
    '  --json  the description as JSON on standard output',
    '',
    'exit: 0 described, 2 the model cannot be read',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { json: { type: 'boolean' }, ...WORKSPACE_FLAG });
    const path = requirePositional(positionals, 0, 'the model (.onnx file or model folder)');
    requireNamedPaths(values.workspace, [{ path, kind: 'model' }]);
    const model = await inspectModel(path);
    if (values.json) {
      io.out(JSON.stringify(model, null, 2));
      return 0;
    }
    const opsets = model.onnx.opsets.map((o) => `${o.domain === '' ? 'ai.onnx' : o.domain} ${o.version}`).join(', ');
    const lines = [
      ['model', model.onnxPath],
      ['sha256', model.sha256],
      ['digests', model.digest.message],
      ['producer', `${model.onnx.producerName || '(none)'} ${model.onnx.producerVersion}`.trim()],
      ['format', `IR ${model.onnx.irVersion}, opset ${opsets}`],
      ...model.inputs.map((t, i) => [i === 0 ? 'inputs' : '', tensor(t)]),
      ...model.outputs.map((t, i) => [i === 0 ? 'outputs' : '', tensor(t)]),
      ...(model.card
        ? [
            [
              'card',
              `${model.card.name ?? '-'}: feature spec ${model.card.featureSpec ?? '-'}${model.card.featureOrder ? ` (${model.card.featureOrder.join(', ')})` : ''}`,
            ],
          ]
        : []),
    ];
    io.out(lines.map(([label, value]) => `${label!.padEnd(9)} ${value}`).join('\n'));
    return 0;
  },
};

function tensor(t: TensorInfo): string {
  return `${t.name} ${t.type} [${t.dims.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;
}
