import type Docker from 'dockerode';
import { joinShellWords } from '../../../shared/cli/shell-quote';
import type { RunCommandLine } from '../../../shared/types/containers';
import { engineCall } from '../core/errors';
import { recreateArgv } from './run-command-args';

/** `containers.runCommand`: the `docker run` line that would make this container again. */
export async function containerRunCommand(docker: Docker, id: string): Promise<RunCommandLine> {
  const container = await engineCall(() => docker.getContainer(id).inspect(), { action: `inspect container ${id}` });
  const [image, info] = await Promise.all([
    // A container outlives its image's tags (and even the image, forced): then every setting is written.
    docker
      .getImage(container.Image)
      .inspect()
      .catch(() => undefined),
    engineCall(() => docker.info() as Promise<{ LoggingDriver?: string }>, { action: 'read the engine info' }),
  ]);
  return { commandLine: joinShellWords(recreateArgv({ container, image, defaultLogDriver: info.LoggingDriver ?? 'json-file' })) };
}
