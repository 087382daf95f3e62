import { HELP, parseCommandLine } from './commandLine';
import { createTravisSimulator } from './simulator';

/** Starts the simulator's HTTP server from the command line and stops it on SIGINT or SIGTERM. */
async function main() {
  let options;
  try {
    options = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`travis-simulator: ${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(HELP);
    return;
  }

  let server;
  try {
    const simulator = createTravisSimulator(options.simulator);
    server = await simulator.listen({ port: options.port, host: options.host });
  } catch (error) {
    process.stderr.write(`travis-simulator: failed to start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(`Travis API v3 simulator listening on ${server.url}\n`);

  const stop = (signal: string) => {
    process.stderr.write(`travis-simulator: ${signal} received, stopping\n`);
    server.close().then(
      () => process.exit(0),
      error => {
        process.stderr.write(`travis-simulator: failed to stop cleanly: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main();
