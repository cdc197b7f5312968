import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEngine } from '../engine/engine';
import { createEngineDispatcher } from '../handlers';
import { webHost } from '../host';
import { startWebServer } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port: ${values.port}`);
  process.exit(2);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const staticRoot = path.resolve(here, '../../../out/renderer');
const engine = createEngine();
engine.monitor.start();
const dispatcher = createEngineDispatcher(engine, webHost, (message, err) => console.error(message, err));

const web = await startWebServer({ dispatcher, staticRoot, host: values.host, port });
if (!['127.0.0.1', 'localhost', '::1'].includes(values.host ?? '')) {
  console.error(`Warning: listening on ${values.host}, not only on loopback. Anyone who can reach it and has the token controls your Docker engine.`);
}
console.log(`Berth web UI: ${web.url}`);

const shutdown = (): void => {
  engine.monitor.stop();
  void web.close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
