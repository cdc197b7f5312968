import type Docker from 'dockerode';
import type { OpenedPort } from '../shared/types/ports';
import { publishedPortUrl } from './engine/ports';
import type { HostServices } from './host';

/**
 * `containers.openPort`: the URL comes from the engine's binding for that port, never from the
 * request. The desktop app opens it in the system browser; browser mode hands it back to the page.
 */
export async function openPublishedPort(
  docker: Docker,
  input: { id: string; containerPort: number },
  host: HostServices,
): Promise<OpenedPort> {
  const url = await publishedPortUrl(docker, input.id, input.containerPort);
  if (!host.openExternal) return { url: url.toString(), opened: false };
  await host.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- the URL is built here from the engine's port binding (http only), and HostServices.openExternal refuses anything but http(s)
  return { url: url.toString(), opened: true };
}
