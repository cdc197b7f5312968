import { z } from 'zod';
import { contextNameProblem, engineAddressProblem } from '../engines/engine-address';
import type { EngineEntry, EngineIdentity, EngineList, HostKey } from '../types/engines';
import { command, returns } from './define';

const MAX_PEM = 64 * 1024;
const pem = z
  .string()
  .max(MAX_PEM)
  .regex(/-----BEGIN [A-Z ]+-----/, 'Not a PEM text (-----BEGIN …-----).');

export const engineHost = z
  .string()
  .trim()
  .max(2048)
  .superRefine((host, context) => {
    const problem = engineAddressProblem(host);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

export const sshHost = engineHost.refine((host) => host.startsWith('ssh://'), 'Host keys are for ssh:// engines.');

/** Where an engine is and how to trust it: what a docker context's endpoint holds. */
const endpoint = {
  host: engineHost,
  tls: z.object({ ca: pem.optional(), cert: pem.optional(), key: pem.optional() }).strict().optional(),
  skipVerify: z.boolean().optional(),
};

export const contextName = z
  .string()
  .trim()
  .max(200)
  .superRefine((name, context) => {
    const problem = contextNameProblem(name);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

const certificateNeedsKey = (value: { tls?: { cert?: string | undefined; key?: string | undefined } | undefined }) =>
  Boolean(value.tls?.cert) === Boolean(value.tls?.key);
const certificateNeedsKeyMessage = { message: 'A client certificate and its key go together.', path: ['tls'] };

export const enginesCommands = {
  /** Every engine the user has: the docker CLI's contexts, DOCKER_HOST (or the default socket), each with its state. */
  'engines.list': command(z.object({}).strict(), returns<EngineList>()),
  /** `docker context create NAME --docker host=…`: a real context the CLI lists too. */
  'engines.add': command(
    z
      .object({ name: contextName, description: z.string().max(2000).optional(), ...endpoint })
      .strict()
      .refine(certificateNeedsKey, certificateNeedsKeyMessage),
    returns<EngineEntry>(),
  ),
  /** `docker context rm NAME`. */
  'engines.remove': command(z.object({ id: z.string().max(200) }).strict(), returns<{ removed: string }>()),
  /** Renames a stored context (the docker CLI cannot): a copy under the new name, then the old one removed. */
  'engines.rename': command(z.object({ id: z.string().max(200), name: contextName }).strict(), returns<EngineEntry>()),
  /** Connects to the address and asks the engine's version; a failure says in plain words why (certificate, ssh, socket). */
  'engines.test': command(z.object(endpoint).strict().refine(certificateNeedsKey, certificateNeedsKeyMessage), returns<EngineIdentity>()),
  /** The host key of an ssh:// engine, to show before the first connection (ssh-keyscan). */
  'engines.hostKey': command(z.object({ host: sshHost }).strict(), returns<HostKey>()),
  /** Adds that host key to the user's known_hosts, if it still has the fingerprint the user was shown. */
  'engines.trustHostKey': command(
    z.object({ host: sshHost, fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'Not an ssh SHA256 fingerprint.') }).strict(),
    returns<HostKey>(),
  ),
} as const;
