// Two containers' Config and HostConfig compared field by field, for tests that make one container
// through Berth and one through a docker CLI line.
import { docker } from './engine';

/** Paths where the two documents differ, with both values. */
function differences(berth: unknown, cli: unknown, where = ''): string[] {
  if (JSON.stringify(berth) === JSON.stringify(cli)) return [];
  if (berth && cli && typeof berth === 'object' && typeof cli === 'object' && !Array.isArray(berth) && !Array.isArray(cli)) {
    const keys = new Set([...Object.keys(berth), ...Object.keys(cli)]);
    return [...keys].flatMap((key) => differences((berth as Record<string, unknown>)[key], (cli as Record<string, unknown>)[key], `${where}.${key}`));
  }
  return [`${where}: berth ${JSON.stringify(berth)}, cli ${JSON.stringify(cli)}`];
}

const strip = (config: Record<string, unknown>, hostnameIsGenerated: boolean): Record<string, unknown> => ({
  ...config,
  // The engine names each container's host after its id unless one is given.
  Hostname: hostnameIsGenerated ? undefined : config.Hostname,
  // The CLI does not keep the order of -e flags; the environment is the same set.
  Env: Array.isArray(config.Env) ? [...(config.Env as string[])].sort() : config.Env,
});

/** Config and HostConfig differences between the two containers (ids, names, times and generated hostnames apart). */
export async function compareContainers(berthName: string, cliName: string): Promise<string[]> {
  const [berth, cli] = await Promise.all([berthName, cliName].map((name) => docker().getContainer(name).inspect()));
  const generated = (info: NonNullable<typeof berth>): boolean => info.Config.Hostname === info.Id.slice(0, 12) || info.HostConfig.NetworkMode === 'host';
  const bothGenerated = generated(berth!) && generated(cli!);
  // The CLI collects -v values in a Go map: it sends the binds in no fixed order.
  const hostConfig = (info: NonNullable<typeof berth>) => ({
    ...info.HostConfig,
    Binds: info.HostConfig.Binds ? [...info.HostConfig.Binds].sort() : info.HostConfig.Binds,
  });
  return differences(
    { Config: strip(berth!.Config as unknown as Record<string, unknown>, bothGenerated), HostConfig: hostConfig(berth!) },
    { Config: strip(cli!.Config as unknown as Record<string, unknown>, bothGenerated), HostConfig: hostConfig(cli!) },
  );
}
