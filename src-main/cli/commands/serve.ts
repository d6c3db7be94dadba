/**
 * `rehearse serve --model <dir|onnx>`: the model server on 127.0.0.1 as a child process (the
 * embedded backend). Prints its URL on stdout once it answers (with --json, every server event
 * as a JSON line instead); stops cleanly on SIGINT or SIGTERM. Exit 0 when stopped, 1 when the
 * server ended by itself (a crash), 2 bad input (flags, faults, digests, a model ORT cannot load).
 */
import { isInputError } from '../../engine/common/run/inputError';
import { startEmbeddedServer } from '../../engine/node/serving/embeddedServer';
import { SERVER_FLAGS, SERVER_USAGE, serverOptionsFromFlags } from '../../engine/node/serving/serverOptions';
import { parseFlags, UsageError } from '../args';
import type { Command } from '../command';

export const serveCommand: Command = {
  name: 'serve',
  usage: `rehearse serve ${SERVER_USAGE} [--json]`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { ...SERVER_FLAGS, json: { type: 'boolean' } });
    if (positionals.length > 0) {
      throw new UsageError(`unexpected argument "${positionals[0]}"; the model is given with --model`);
    }
    const options = serverOptionsFromFlags(values);
    const json = values.json ?? false;
    let server;
    try {
      server = await startEmbeddedServer(options, {
        onLog: (line) => io.err(line),
        onEvent: (event) => {
          if (json) {
            io.out(JSON.stringify(event));
          }
        },
      });
    } catch (error) {
      // The server has already said why on stderr (passed through above).
      if (isInputError(error)) {
        return 2;
      }
      throw error;
    }
    if (!json) {
      io.out(server.url);
    }
    const stop = (): void => {
      void server.stop();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const stopped = await server.exited;
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    if (stopped.requested) {
      return 0;
    }
    io.err(`rehearse serve: the server ${stopped.message}`);
    return 1;
  },
};
