import { DEFAULT_CONTEXT } from '../../../shared/engines/engine-address';
import { BerthError } from '../../../shared/errors';
import type { EngineEntry, EngineIdentity, EngineList, HostKey } from '../../../shared/types/engines';
import { connectEngine } from '../core/connection';
import {
  createContext,
  currentContextName,
  dockerConfigDir,
  readContexts,
  readContextSync,
  removeContext,
  renameContext,
  type DockerContext,
} from './context-store';
import { probeDocker, probeEndpoint, type EngineEndpoint } from './endpoint';
import { trustHostKey, scanHostKey } from './host-keys';
import { DEFAULT_SSH_COMMAND, parseSshHost, type SshCommand } from './ssh-dial';

export interface EngineDirectoryOptions {
  /** Where DOCKER_HOST, DOCKER_CONTEXT and DOCKER_CONFIG are read. */
  env: NodeJS.ProcessEnv;
  /** The ssh command and its leading options (tests add `-F config`). */
  sshCommand?: SshCommand;
  /** How long one engine may take to answer a probe; an unreachable one never delays the others more. */
  probeTimeoutMs?: number;
}

const DEFAULT_PROBE_TIMEOUT_MS = 5000;

/**
 * The user's engines, where the docker CLI keeps them: its contexts and DOCKER_HOST. Adding and
 * removing one writes the CLI's own context store, so `docker context ls` agrees.
 */
export class EngineDirectory {
  private readonly probeTimeoutMs: number;

  /**
   * The engine a call without `engine` runs on: the docker CLI's current context when Berth
   * started (DOCKER_HOST, DOCKER_CONTEXT, then config.json), or `default` when that context cannot
   * be read. Fixed for the process's life, as the CLI decides once per run; only a rename in
   * Berth changes its name (the same engine).
   */
  get startedOn(): string {
    return this.startedOnName;
  }

  private startedOnName: string;

  constructor(private readonly options: EngineDirectoryOptions) {
    this.probeTimeoutMs = options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
    const current = currentContextName(options.env, this.configDir);
    this.startedOnName = current !== DEFAULT_CONTEXT && readContextSync(this.configDir, current) ? current : DEFAULT_CONTEXT;
  }

  /** Read at each use, as the CLI reads it at each run. */
  private get configDir(): string {
    return dockerConfigDir(this.options.env);
  }

  /** Every engine, each probed at the same time (one that does not answer costs at most the probe timeout). */
  async list(): Promise<EngineList> {
    const { contexts, problems } = await readContexts(this.configDir);
    const current = currentContextName(this.options.env, this.configDir);
    const entries = await Promise.all([
      this.defaultEntry(current === DEFAULT_CONTEXT),
      ...contexts.map((context) => this.contextEntry(context, context.name === current)),
    ]);
    return { engines: entries, problems, startedOn: this.startedOn };
  }

  /** Tries the endpoint: the engine's identity, or a BerthError saying why it cannot be reached. */
  test(endpoint: EngineEndpoint): Promise<EngineIdentity> {
    return probeEndpoint(endpoint, { timeoutMs: this.probeTimeoutMs, ...(this.options.sshCommand ? { sshCommand: this.options.sshCommand } : {}) });
  }

  /** The ssh engine's host key, to show before trusting it. */
  async hostKey(host: string): Promise<HostKey> {
    const { host: name, keyType, fingerprint, known } = await scanHostKey(parseSshHost(host), this.options.sshCommand ?? DEFAULT_SSH_COMMAND);
    return { host: name, keyType, fingerprint, known };
  }

  /** Trusts the ssh engine's host key the user was shown (by its fingerprint). */
  trustHostKey(host: string, fingerprint: string): Promise<HostKey> {
    return trustHostKey(parseSshHost(host), this.options.sshCommand ?? DEFAULT_SSH_COMMAND, fingerprint);
  }

  /** Stores a new context, then says how it answers now. */
  async add(engine: EngineEndpoint & { name: string; description?: string }): Promise<EngineEntry> {
    await createContext(this.configDir, {
      name: engine.name,
      host: engine.host,
      ...(engine.description !== undefined ? { description: engine.description } : {}),
      ...(engine.tls ? { tls: engine.tls } : {}),
      ...(engine.skipTlsVerify !== undefined ? { skipTlsVerify: engine.skipTlsVerify } : {}),
    });
    return this.storedEntry(engine.name);
  }

  /** Renames a stored context (the CLI's current one too: config.json follows). */
  async rename(id: string, name: string): Promise<EngineEntry> {
    if (id === this.options.env.DOCKER_CONTEXT?.trim()) {
      throw new BerthError('CONFLICT', `${id} is named by DOCKER_CONTEXT in Berth's environment, so it keeps its name.`);
    }
    await renameContext(this.configDir, id, name);
    if (id === this.startedOnName) this.startedOnName = name;
    return this.storedEntry(name);
  }

  /** One stored context as engines.list shows it, probed. */
  private async storedEntry(name: string): Promise<EngineEntry> {
    const stored = readContextSync(this.configDir, name);
    if (!stored) throw new BerthError('INTERNAL', `The context ${name} was written but cannot be read back.`);
    const current = currentContextName(this.options.env, this.configDir);
    return this.contextEntry(stored, stored.name === current);
  }

  /** Removes a stored context; the one the docker CLI uses now is refused, as `docker context rm` does without -f. */
  async remove(id: string): Promise<void> {
    const current = currentContextName(this.options.env, this.configDir);
    if (id === current && id !== DEFAULT_CONTEXT) {
      throw new BerthError('CONFLICT', `${id} is the docker CLI's current context: switch the CLI to another one first (docker context use default).`);
    }
    await removeContext(this.configDir, id);
  }

  private async defaultEntry(current: boolean): Promise<EngineEntry> {
    const { docker, host } = connectEngine(this.options.env);
    const fromEnv = Boolean(this.options.env.DOCKER_HOST?.trim());
    const base = {
      id: DEFAULT_CONTEXT,
      name: DEFAULT_CONTEXT,
      description: fromEnv ? 'DOCKER_HOST' : 'The default socket',
      endpoint: host,
      source: fromEnv ? ('env' as const) : ('default' as const),
      current,
      tls: this.options.env.DOCKER_TLS_VERIFY === '1' || Boolean(this.options.env.DOCKER_CERT_PATH),
    };
    return this.withState(base, () => probeDocker(docker, { host, tls: base.tls && host.startsWith('tcp://') }, this.probeTimeoutMs));
  }

  private async contextEntry(context: DockerContext, current: boolean): Promise<EngineEntry> {
    const base = {
      id: context.name,
      name: context.name,
      description: context.description,
      endpoint: context.host,
      source: context.addedByBerth ? ('added' as const) : ('context' as const),
      current,
      tls: Boolean(context.tls.ca || context.tls.cert || context.skipTlsVerify),
    };
    return this.withState(base, () => this.test({ host: context.host, tls: context.tls, skipTlsVerify: context.skipTlsVerify }));
  }

  private async withState(base: Omit<EngineEntry, 'state'>, probe: () => Promise<EngineIdentity>): Promise<EngineEntry> {
    try {
      return { ...base, state: 'connected', identity: await probe() };
    } catch (err) {
      return { ...base, state: 'unreachable', reason: err instanceof BerthError ? err.message : String(err) };
    }
  }
}
