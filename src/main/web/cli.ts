import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEngine } from '../engine/core/engine';
import { createBackends } from '../backends';
import { webHost } from '../host';
import { isLoopbackHost, plainHttpRefusal } from './guard';
import { startWebServer, type WebServerOptions } from './server';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'insecure-plain-http': { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    return fail((err as Error).message);
  }
})();

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Invalid --port: ${values.port}`);
if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) fail('--tls-cert and --tls-key go together: give both files (PEM).');

function readPem(option: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    return fail(`Cannot read ${option} ${file}: ${(err as Error).message}`);
  }
}

const tls =
  values['tls-cert'] && values['tls-key'] ? { cert: readPem('--tls-cert', values['tls-cert']), key: readPem('--tls-key', values['tls-key']) } : undefined;
const host = values.host;
const insecurePlainHttp = values['insecure-plain-http'];
const refusal = plainHttpRefusal({ host, tls: tls !== undefined, insecurePlainHttp });
if (refusal) fail(refusal);

const here = path.dirname(fileURLToPath(import.meta.url));
const staticRoot = path.resolve(here, '../../../out/renderer');
const engine = createEngine();
const backend = createBackends({ engine, host: webHost, log: (message, err) => console.error(message, err) });

const options: WebServerOptions = { backend, staticRoot, host, port, ...(tls ? { tls } : {}), insecurePlainHttp };
const web = await startWebServer(options).catch((err: unknown) => {
  console.error(`Cannot serve on ${host}:${port}: ${(err as Error).message}`);
  process.exit(1);
});
engine.monitor.start();
if (!isLoopbackHost(host)) {
  const how = tls ? 'over HTTPS' : 'over plain HTTP (--insecure-plain-http)';
  console.error(`Warning: listening on ${host} ${how}, not only on loopback. Anyone who can reach it and has the token controls your Docker engine.`);
}
console.log(`Berth web UI: ${web.url}`);

const shutdown = (): void => {
  engine.monitor.stop();
  void web.close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
