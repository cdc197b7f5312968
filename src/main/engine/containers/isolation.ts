import type Docker from 'dockerode';
import type { ContainerIsolation } from '../../../shared/types/isolation';
import { engineCall } from '../core/errors';
import { isolationModel, type EngineDefaults, type IsolationInspect } from './isolation-model';

async function engineDefaults(docker: Docker): Promise<EngineDefaults> {
  const info = (await engineCall(() => docker.info(), { action: 'read the engine settings' })) as {
    SecurityOptions?: string[];
    CgroupVersion?: string;
  };
  return {
    usernsRemap: (info.SecurityOptions ?? []).some((option) => /(^|,)name=userns(,|$)/.test(option)),
    cgroupVersion: info.CgroupVersion ?? '1',
  };
}

/** `containers.isolation`: the model from inspect, with the names of containers whose namespaces it joins. */
export async function containerIsolation(docker: Docker, id: string): Promise<ContainerIsolation> {
  const [inspect, defaults] = await Promise.all([
    engineCall(() => docker.getContainer(id).inspect(), { action: `inspect container ${id}` }),
    engineDefaults(docker),
  ]);
  const model = isolationModel(inspect as unknown as IsolationInspect, defaults);
  const names = new Map<string, Promise<string | undefined>>();
  const nameOf = (other: string): Promise<string | undefined> => {
    let pending = names.get(other);
    if (!pending) {
      // The other container may be gone already; the id alone still says what is shared.
      pending = docker
        .getContainer(other)
        .inspect()
        .then(
          (found) => found.Name.replace(/^\//, ''),
          () => undefined,
        );
      names.set(other, pending);
    }
    return pending;
  };
  await Promise.all(
    model.namespaces.map(async (ns) => {
      if (!ns.sharedWith) return;
      const name = await nameOf(ns.sharedWith.id);
      if (name) ns.sharedWith.name = name;
    }),
  );
  return model;
}
