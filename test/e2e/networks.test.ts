// Browser mode in Chromium: create a network from the UI (its CLI line as typed), connect a
// container to it with an alias and a fixed address from the network's row, see it listed there
// (from the engine's events, not a poll) and in the engine, disconnect it, and the remove and prune
// dialogs: a network with a running container is refused until the user chooses to disconnect it.
import { afterAll, describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { freeSubnet } from '../helpers/subnets';
import { browserModeForFile } from './browser-mode';

const mode = browserModeForFile();
const made: string[] = [];

afterAll(async () => {
  // After browserModeForFile's own afterAll has removed the containers on them.
  for (const name of made)
    await docker()
      .getNetwork(name)
      .remove()
      .catch(() => undefined);
});

const networkOf = async (container: string, network: string) => (await docker().getContainer(container).inspect()).NetworkSettings.Networks[network];

const networkExists = (name: string): Promise<boolean> =>
  docker()
    .getNetwork(name)
    .inspect()
    .then(
      () => true,
      () => false,
    );

async function runningContainer(): Promise<string> {
  const name = uniqueName('e2e-net-box');
  const box = await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '3600'], Labels: { ...TEST_LABELS } });
  await box.start();
  return name;
}

describe('browser mode: networks', () => {
  it('creates a network, connects a container with an alias and a fixed IP from its row, shows it attached, and disconnects it', async () => {
    const box = await runningContainer();
    const page = await mode.openPage();
    await page.getByRole('navigation').getByRole('button', { name: 'Networks', exact: true }).click();
    await page.getByRole('heading', { name: 'Networks', level: 1 }).waitFor();
    // The engine's own networks are listed, and cannot be removed.
    const bridgeRow = page.locator('tr[data-network-name="bridge"]');
    await bridgeRow.getByText('built-in').waitFor();
    expect(await bridgeRow.getByRole('button', { name: /^Remove network/ }).count()).toBe(0);

    const name = uniqueName('e2e-net');
    made.push(name);
    const { subnet, prefix } = freeSubnet();
    await page.getByRole('button', { name: 'Create network…', exact: true }).click();
    const create = page.getByRole('dialog', { name: 'Create a network' });
    // The name field has the focus.
    await page.keyboard.type(name);
    await create.getByLabel('Subnet').fill(subnet);
    await create.getByLabel('Gateway').fill('192.0.2.1');
    await create.getByText('The gateway must be inside the subnet.').waitFor();
    expect(await create.getByRole('button', { name: 'Create', exact: true }).isDisabled()).toBe(true);
    await create.getByLabel('Gateway').fill(`${prefix}1`);
    await create.getByLabel('Internal', { exact: false }).check();
    await create.getByLabel('Labels').fill('berth.test=1\ntier=e2e');
    await expect
      .poll(() => create.getByTestId('cli-command').textContent())
      .toBe(`docker network create --subnet ${subnet} --gateway ${prefix}1 --internal --label berth.test=1 --label tier=e2e ${name}`);
    await create.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByText(`Network ${name} created.`).waitFor();
    const row = page.locator(`tr[data-network-name="${name}"]`);
    await row.getByText(subnet).waitFor();
    await row.getByText('internal', { exact: true }).waitFor();
    const made1 = await docker().getNetwork(name).inspect();
    expect(made1).toMatchObject({ Internal: true, Labels: { ...TEST_LABELS, tier: 'e2e' }, IPAM: { Config: [{ Subnet: subnet, Gateway: `${prefix}1` }] } });

    // Connect from the row: pick the container, an alias and a fixed address.
    await row.getByRole('button', { name: `Connect a container to network ${name}` }).click();
    const connect = page.getByRole('dialog', { name: `Connect a container to ${name}` });
    await connect.getByLabel('Container', { exact: true }).selectOption(box);
    await connect.getByLabel('Aliases (--alias)').fill('db cache');
    await connect.getByLabel('IPv4 address (--ip)').fill('10.0.0.9');
    await connect.getByText(`The address must be inside ${subnet}.`).waitFor();
    await connect.getByLabel('IPv4 address (--ip)').fill(`${prefix}42`);
    await expect
      .poll(() => connect.getByTestId('cli-command').textContent())
      .toBe(`docker network connect --alias db --alias cache --ip ${prefix}42 ${name} ${box}`);
    await connect.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByText(`${box} connected to network ${name}.`).waitFor();
    const members = row.getByRole('list', { name: `Containers on network ${name}` });
    await members.getByText(`${prefix}42/24`).waitFor({ timeout: 15_000 });
    await members.getByText(box, { exact: true }).waitFor();
    const settings = await networkOf(box, name);
    expect(settings?.IPAddress).toBe(`${prefix}42`);
    expect(settings?.Aliases).toEqual(expect.arrayContaining(['db', 'cache']));

    // Removing it is refused while the container is on it: the dialog names it.
    await row.getByRole('button', { name: `Remove network ${name}` }).click();
    const remove = page.getByRole('dialog', { name: `Remove network ${name}?` });
    await remove.getByText('This container is connected to it:').waitFor();
    await remove.getByRole('listitem').filter({ hasText: box }).waitFor();
    expect(await remove.getByRole('button', { name: 'Disconnect and remove' }).isDisabled()).toBe(true);
    await remove.getByRole('button', { name: 'Cancel' }).click();
    expect(await networkExists(name)).toBe(true);

    // Disconnect from the row.
    await members.getByRole('button', { name: `Disconnect ${box} from network ${name}` }).click();
    await page.getByText(`${box} disconnected from network ${name}.`).waitFor();
    expect(await page.locator('.action-report').getByTestId('cli-command').textContent()).toBe(`docker network disconnect ${name} ${box}`);
    await members.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await networkOf(box, name)).toBeUndefined();
    await page.context().close();
  });

  it('removes a network with a running container only after disconnecting it when asked, and prunes exactly what the preview shows', async () => {
    const box = await runningContainer();
    const busy = uniqueName('e2e-net-busy');
    made.push(busy);
    await docker().createNetwork({ Name: busy, CheckDuplicate: true, Labels: { ...TEST_LABELS }, IPAM: { Config: [{ Subnet: freeSubnet().subnet }] } });
    await docker().getNetwork(busy).connect({ Container: box });
    const mark = uniqueName('e2e-netprune');
    const unused = uniqueName('e2e-net-unused');
    made.push(unused);
    await docker().createNetwork({ Name: unused, CheckDuplicate: true, Labels: { ...TEST_LABELS, 'berth.test.e2e': mark } });

    const page = await mode.openPage();
    await page.getByRole('navigation').getByRole('button', { name: 'Networks', exact: true }).click();
    const row = page.locator(`tr[data-network-name="${busy}"]`);
    await row.getByRole('button', { name: `Remove network ${busy}` }).click();
    const remove = page.getByRole('dialog', { name: `Remove network ${busy}?` });
    await remove.getByLabel('Disconnect that container first', { exact: false }).check();
    expect(await remove.getByTestId('cli-command').textContent()).toBe(`docker network disconnect --force ${busy} ${box} && docker network rm ${busy}`);
    await remove.getByRole('button', { name: 'Disconnect and remove' }).click();
    await page.getByText(`Containers ${box} disconnected and network ${busy} removed.`).waitFor({ timeout: 15_000 });
    expect(await networkExists(busy)).toBe(false);
    expect((await docker().getContainer(box).inspect()).State.Running).toBe(true);

    await page.getByRole('button', { name: 'Prune…', exact: true }).click();
    const prune = page.getByRole('dialog', { name: 'Prune unused networks' });
    await prune.getByLabel('Only with these labels', { exact: false }).fill(`berth.test.e2e=${mark}`);
    const listed = prune.getByRole('list', { name: 'Networks the prune removes' });
    await expect.poll(async () => listed.locator('.mono').allTextContents(), { timeout: 15_000 }).toEqual([unused]);
    expect(await prune.getByTestId('cli-command').textContent()).toBe(`docker network prune --force --filter label=berth.test.e2e=${mark}`);
    await prune.getByRole('button', { name: 'Remove 1 network' }).click();
    await page.getByText(`Pruned 1 network: ${unused}.`).waitFor({ timeout: 15_000 });
    expect(await networkExists(unused)).toBe(false);
    await page.context().close();
  });

  it("the create form offers the engine's networks (from the richer list), and the container it makes is listed on the chosen one", async () => {
    const name = uniqueName('e2e-net-form');
    made.push(name);
    await docker().createNetwork({ Name: name, CheckDuplicate: true, Labels: { ...TEST_LABELS }, IPAM: { Config: [{ Subnet: freeSubnet().subnet }] } });
    const box = uniqueName('e2e-net-formbox');
    const page = await mode.openPage();
    await page.getByRole('button', { name: 'New container' }).first().click();
    await page.getByLabel('Image', { exact: true }).fill(testImage);
    await page.getByLabel('Name', { exact: true }).fill(box);
    await page.getByLabel('Network', { exact: true }).selectOption({ label: `${name} (bridge)` });
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    // The listed record carries the network mode: no second look-up that could race the list.
    await expect
      .poll(async () => (await docker().listContainers({ all: true, filters: { name: [box] } })).map((listed) => listed.HostConfig.NetworkMode), {
        timeout: 15_000,
      })
      .toEqual([name]);
    await page.getByRole('navigation').getByRole('button', { name: 'Networks', exact: true }).click();
    const members = page.locator(`tr[data-network-name="${name}"]`).getByRole('list', { name: `Containers on network ${name}` });
    await members.getByText(box, { exact: true }).waitFor({ timeout: 15_000 });
    await members.getByText('(created)').waitFor();
    await page.context().close();
  });
});
