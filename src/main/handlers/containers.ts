import type { OpenedPort } from '../../shared/types/ports';
import type { CommandHandlers, HandlerContext } from '../handler-types';
import type { HostServices } from '../host';
import * as lifecycle from '../engine/containers/containers';
import { commitContainer } from '../engine/containers/commit';
import { containerChanges } from '../engine/containers/diff';
import { containerExportSource } from '../engine/containers/export';
import { containerImageConfig } from '../engine/containers/image-config';
import { inspectContainer } from '../engine/containers/inspect';
import { containerIsolation } from '../engine/containers/isolation';
import { containerPorts, publishedPortUrl } from '../engine/containers/ports';
import { previewPrune, pruneContainers, resolvePruneFilters } from '../engine/containers/prune';
import { topContainer } from '../engine/containers/top';
import { updateContainer } from '../engine/containers/update';
import { imagePuller } from '../engine/registries/ensure-image';
import { TAR_FILTERS } from '../transfers/dialogs';
import { startDownload } from '../transfers/download';
import type Docker from 'dockerode';

type ContainerChannel = Extract<keyof CommandHandlers, `containers.${string}`>;
/** `containers.stats` is served with the stats stream (handlers/stats.ts). */
type ContainerCommands = Pick<CommandHandlers, Exclude<ContainerChannel, 'containers.stats'>>;

/**
 * `containers.openPort`: the URL comes from the engine's binding for that port, never from the
 * request. The desktop app opens it in the system browser; browser mode hands it back to the page.
 */
async function openPublishedPort(docker: Docker, input: { id: string; containerPort: number }, host: HostServices): Promise<OpenedPort> {
  const url = await publishedPortUrl(docker, input.id, input.containerPort);
  if (!host.openExternal) return { url: url.toString(), opened: false };
  await host.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- the URL is built here from the engine's port binding (http only), and HostServices.openExternal refuses anything but http(s)
  return { url: url.toString(), opened: true };
}

/** Every `docker container …` command: channel -> engine function. */
export function containerCommandHandlers({ engine: { docker }, host, transfers, registryTasks }: HandlerContext): ContainerCommands {
  const pullMissing = imagePuller(docker, registryTasks);
  return {
    'containers.list': ({ all, size }) => lifecycle.listContainers(docker, all, size),
    'containers.rename': ({ id, name }) => lifecycle.renameContainer(docker, id, name),
    'containers.update': ({ id, ...request }) => updateContainer(docker, id, request),
    'containers.wait': ({ id }) => lifecycle.waitForExit(docker, id),
    'containers.prunePreview': async ({ filters }) => {
      const resolved = resolvePruneFilters(filters);
      return { ...(await previewPrune(docker, resolved)), filters: resolved };
    },
    'containers.prune': ({ filters }) => pruneContainers(docker, resolvePruneFilters(filters)),
    'containers.create': (spec) => lifecycle.createContainer(docker, spec, pullMissing),
    'containers.run': (spec) => lifecycle.runContainer(docker, spec, pullMissing),
    'containers.start': ({ id }) => lifecycle.startContainer(docker, id),
    'containers.stop': ({ id, timeout }) => lifecycle.stopContainer(docker, id, timeout),
    'containers.restart': ({ id, timeout }) => lifecycle.restartContainer(docker, id, timeout),
    'containers.kill': ({ id, signal }) => lifecycle.killContainer(docker, id, signal),
    'containers.pause': ({ id }) => lifecycle.pauseContainer(docker, id),
    'containers.unpause': ({ id }) => lifecycle.unpauseContainer(docker, id),
    'containers.remove': ({ id, force, volumes }) => lifecycle.removeContainer(docker, id, { force, volumes }),
    'containers.top': ({ id, psArgs }) => topContainer(docker, id, psArgs),
    'containers.ports': ({ id }) => containerPorts(docker, id),
    'containers.openPort': (input) => openPublishedPort(docker, input, host),
    'containers.inspect': ({ id }) => inspectContainer(docker, id),
    'containers.isolation': ({ id }) => containerIsolation(docker, id),
    'containers.diff': ({ id }) => containerChanges(docker, id),
    'containers.imageConfig': ({ id }) => containerImageConfig(docker, id),
    'containers.commit': ({ id, ...options }) => commitContainer(docker, id, options),
    'containers.export': async ({ id }) => {
      const { source, name } = await containerExportSource(docker, id);
      return startDownload(transfers, host, { source, dialog: { purpose: 'export', filters: TAR_FILTERS }, task: { kind: 'export', subject: name } });
    },
  };
}
