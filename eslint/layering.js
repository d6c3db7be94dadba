// @ts-check
/**
 * The layering rule (STYLE.md 1, after VS Code's `local/code-layering`): the folder a file is in
 * says which folders and packages it may import. Relative imports are resolved against the file,
 * so `../../node/x` from engine/common is caught whatever its spelling.
 *
 * This table must not be relaxed: the engine never imports electron, react or the CLI;
 * engine/common is pure (no node:*, no engine/node); the renderer sees only contract and charts.
 */
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const ALL = '*';

/** folder -> the folders it may import from and the packages it may use. */
export const LAYERS = {
  'src-main/contract': { folders: ['src-main/contract'], packages: [], node: false },
  'src-main/engine/common': { folders: ['src-main/contract', 'src-main/engine/common'], packages: ['zod', 'yaml'], node: false },
  'src-main/charts': { folders: ['src-main/contract', 'src-main/charts'], packages: ['d3', 'd3-*'], node: false },
  'src-main/engine/node': {
    folders: ['src-main/contract', 'src-main/engine/common', 'src-main/engine/node', 'src-main/charts'],
    packages: ALL,
    banned: ['electron', 'react', 'react-dom', '@electron-toolkit/*'],
    node: true,
  },
  'src-main/cli': {
    folders: ['src-main/contract', 'src-main/engine/common', 'src-main/engine/node', 'src-main/charts', 'src-main/cli'],
    packages: ALL,
    banned: ['electron', 'react', 'react-dom'],
    node: true,
  },
  'src-main/electron': {
    folders: ['src-main/contract', 'src-main/engine/common', 'src-main/engine/node', 'src-main/charts', 'src-main/electron'],
    packages: ALL,
    banned: ['react', 'react-dom'],
    node: true,
  },
  // A scenario's feature plugin is bundled into a model folder's serving/features.mjs: pure, like
  // the core it builds on, and the core never imports it.
  scenarios: { folders: ['src-main/contract', 'src-main/engine/common', 'scenarios'], packages: ['zod'], node: false },
  'src-main/preload': { folders: ['src-main/contract', 'src-main/preload'], packages: ['electron'], node: false },
  'src-renderer': {
    folders: ['src-main/contract', 'src-main/charts', 'src-renderer'],
    packages: ['react', 'react-dom', 'react-dom/*', 'react/*', 'd3', 'd3-*'],
    node: false,
  },
};

const BUILTINS = new Set(builtinModules);

/** The layer a file belongs to, or undefined for files outside the table (tests, configs). */
function layerOf(root, file) {
  const rel = relative(root, file).split(sep).join('/');
  return Object.keys(LAYERS)
    .filter((folder) => rel === folder || rel.startsWith(`${folder}/`))
    .sort((a, b) => b.length - a.length)[0];
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function matches(patterns, name, specifier) {
  return patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) || specifier.startsWith(p.slice(0, -1)) : p === name || p === specifier));
}

/** @type {import('eslint').Rule.RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'enforce the runtime layering of DESIGN.md' },
    schema: [],
    messages: { denied: '{{layer}} may not import "{{specifier}}": {{why}}' },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const layer = layerOf(root, file);
    if (layer === undefined) {
      return {};
    }
    const rules = LAYERS[layer];
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') {
        return;
      }
      let why = null;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = layerOf(root, resolve(dirname(file), specifier));
        if (target === undefined) {
          why = 'it is outside the layered folders';
        } else if (!rules.folders.includes(target)) {
          why = `${layer} may import only from ${rules.folders.join(', ')}`;
        }
      } else if (specifier.startsWith('node:') || BUILTINS.has(packageName(specifier))) {
        if (!rules.node) {
          why = 'Node built-ins are not allowed here (this layer must run anywhere)';
        }
      } else {
        const name = packageName(specifier);
        if (rules.banned && matches(rules.banned, name, specifier)) {
          why = 'this package belongs to another runtime';
        } else if (rules.packages !== ALL && !matches(rules.packages, name, specifier)) {
          why = `allowed packages here: ${rules.packages.length ? rules.packages.join(', ') : 'none'}`;
        }
      }
      if (why !== null) {
        context.report({ node, messageId: 'denied', data: { layer, specifier, why } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};
