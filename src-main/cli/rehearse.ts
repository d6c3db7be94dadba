/** The CLI entry point the bundle starts: argv in, exit code out. */
import { main } from './main';

const code = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
