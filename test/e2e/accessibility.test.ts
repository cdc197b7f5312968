// The axe gate: axe-core (WCAG 2.2 A and AA, and best practices) over every view, detail tab,
// dialog, menu and panel, in light and dark, English and Korean. Zero violations.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upComposeProject, uniqueProjectName, type ComposeProjectFixture } from '../helpers/compose';
import { docker, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { freeSubnet } from '../helpers/subnets';
import { describeFindings, scanPage, type AxeFinding } from './axe';
import { openContainer, browserModeForFile } from './browser-mode';
import { say, type Language } from './catalog';

const mode = browserModeForFile();

type Theme = 'light' | 'dark';

const base = uniqueName('a11y');
const names = { running: `${base}-web`, exited: `${base}-done`, paused: `${base}-paused` };
/** A volume a (never started) container uses, so the Volumes view's remove dialog lists a user. */
const volume = { name: `${base}-data`, user: `${base}-data-user` };
/** A network with a subnet and the running container on it, so its row lists a member and its remove dialog refuses. */
const network = `${base}-net`;
const LOGIN_SERVER = 'registry.example.test';
let dockerConfig = '';
const savedDockerConfig = process.env.DOCKER_CONFIG;
/** A compose project made by docker-compose: the list's group row, its logs and its remove confirmation. */
let compose: ComposeProjectFixture | undefined;

beforeAll(async () => {
  const create = (name: string, cmd: string[], extra: object = {}) =>
    docker().createContainer({ Image: testImage, name, Cmd: cmd, Labels: { ...TEST_LABELS }, ...extra });
  const running = await create(names.running, ['sh', '-c', 'echo started; echo started badly >&2; echo made > /tmp/made; exec sleep 600'], {
    ExposedPorts: { '80/tcp': {} },
    HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] }, Memory: 256 * 1024 * 1024 },
  });
  await running.start();
  const exited = await create(names.exited, ['sh', '-c', 'exit 3']);
  await exited.start();
  await exited.wait();
  const paused = await create(names.paused, ['sleep', '600']);
  await paused.start();
  await paused.pause();
  await docker().createVolume({ Name: volume.name, Labels: { ...TEST_LABELS } });
  await create(volume.user, ['true'], { HostConfig: { Binds: [`${volume.name}:/data`] } });
  await docker().createNetwork({
    Name: network,
    CheckDuplicate: true,
    Labels: { ...TEST_LABELS, tier: 'a11y' },
    IPAM: { Config: [{ Subnet: freeSubnet().subnet }] },
  });
  await docker().getNetwork(network).connect({ Container: names.running });
  // One login in a docker config of this test's own, so Settings lists a registry.
  dockerConfig = await mkdtemp(path.join(tmpdir(), 'berth-a11y-docker-'));
  const auth = Buffer.from('someone:not-a-secret').toString('base64');
  await writeFile(path.join(dockerConfig, 'config.json'), JSON.stringify({ auths: { [LOGIN_SERVER]: { auth } } }));
  process.env.DOCKER_CONFIG = dockerConfig;
  compose = await upComposeProject(uniqueProjectName('a11y'));
}, 180_000);

afterAll(async () => {
  if (savedDockerConfig === undefined) delete process.env.DOCKER_CONFIG;
  else process.env.DOCKER_CONFIG = savedDockerConfig;
  if (dockerConfig) await rm(dockerConfig, { recursive: true, force: true });
  await compose?.remove();
  await docker()
    .getContainer(volume.user)
    .remove({ force: true })
    .catch(() => undefined);
  await docker()
    .getVolume(volume.name)
    .remove()
    .catch(() => undefined);
  await docker()
    .getNetwork(network)
    .disconnect({ Container: names.running, Force: true })
    .catch(() => undefined);
  await docker()
    .getNetwork(network)
    .remove()
    .catch(() => undefined);
});

/** One language and theme: opens every screen in turn and scans it. */
class Walk {
  readonly findings: AxeFinding[] = [];
  scans = 0;
  constructor(
    readonly page: Page,
    readonly language: Language,
    readonly theme: Theme,
  ) {}

  t(key: string, values?: Record<string, string | number>): string {
    return say(this.language, key, values);
  }

  async scan(screen: string): Promise<void> {
    this.scans += 1;
    this.findings.push(...(await scanPage(this.page, `${this.theme} ${this.language}: ${screen}`)));
  }

  button(scope: Page | Locator, key: string, values?: Record<string, string | number>): Locator {
    return scope.getByRole('button', { name: this.t(key, values), exact: true });
  }

  async goTo(view: 'containers' | 'images' | 'volumes' | 'networks' | 'events' | 'engine' | 'settings'): Promise<void> {
    await this.button(this.page.getByRole('navigation'), `common:nav.${view}`).click();
    await this.page.getByRole('heading', { name: this.t(`${view}:title`), level: 1 }).waitFor();
  }

  /** Opens a dialog with `open`, scans it, and closes it with Escape. */
  async dialog(screen: string, open: () => Promise<void>, name?: string): Promise<void> {
    await open();
    const dialog = name ? this.page.getByRole('dialog', { name }) : this.page.getByRole('dialog');
    await dialog.waitFor();
    // A dialog is modal (the page behind is inert, so focus stays in it) and has a name.
    expect(
      await dialog.evaluate((element) => [element.matches(':modal'), element.getAttribute('aria-label') ?? element.getAttribute('aria-labelledby')]),
    ).toEqual([true, expect.stringMatching(/\S/)]);
    await this.scan(screen);
    await this.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }
}

const row = (page: Page, name: string): Locator => page.locator(`[role=row][data-container-name="${name}"]`);
/** The chosen detail tab's panel (the Terminal tab has a tabpanel of its own inside). */
const visiblePanel = (page: Page): Locator => page.locator('.tab-panel[role=tabpanel]:not([hidden])');

/** What says a tab has loaded (inside its panel), where the panel alone does not. */
const TAB_READY: Readonly<Record<string, string>> = {
  logs: '[data-testid=log-viewport] .log-row',
  stats: '[data-testid=stats-sample-count]',
  processes: 'table tbody tr',
  ports: 'table tbody tr',
  inspect: '.json-inspector',
  isolation: '.isolation-list',
  events: '[role=row][data-action]',
  files: '[data-testid=file-rows] [data-path="/tmp"]',
  changes: '[role=tree], .empty-state',
};

/** Further screens inside a tab, opened after the tab itself is scanned. */
const TAB_EXTRAS: Readonly<Record<string, (walk: Walk) => Promise<void>>> = {
  logs: async (walk) => {
    const panel = visiblePanel(walk.page);
    await panel.locator('.log-row.stderr').waitFor({ timeout: 15_000 });
    const search = panel.getByRole('searchbox', { name: walk.t('logs:search.label') });
    await search.fill('started');
    await search.press('Enter');
    await panel.locator('.log-match.current').waitFor();
    await walk.scan('logs with search matches and a stderr line');
  },
  terminal: async (walk) => {
    await walk.button(visiblePanel(walk.page), 'terminal:toolbar.newShell').click();
    await visiblePanel(walk.page).locator('[role=tab][aria-selected=true]').waitFor({ timeout: 15_000 });
    await visiblePanel(walk.page).locator('.xterm').waitFor();
    await walk.scan('terminal with a shell session');
  },
  files: async (walk) => {
    const rows = visiblePanel(walk.page).locator('[data-testid=file-rows]');
    await rows.locator('[data-path="/tmp"] .files-name').click();
    await rows.locator('[data-path="/tmp/made"] .files-name').click();
    await walk.page.getByRole('dialog').waitFor();
    await walk.scan('file viewer');
    await walk.page.keyboard.press('Escape');
    await walk.page.getByRole('dialog').waitFor({ state: 'detached' });
  },
  changes: async (walk) => {
    const tree = visiblePanel(walk.page).getByRole('tree');
    await tree.getByRole('treeitem', { name: /made/ }).click();
    await visiblePanel(walk.page).locator('.diff-path').waitFor();
    await walk.scan('changes with a file chosen');
  },
};

/** The size column, the prune dialog with a preview, and every running container's stats in one table. */
async function listToolsScreens(walk: Walk): Promise<void> {
  const { page } = walk;
  const sizes = page.getByRole('checkbox', { name: walk.t('list-tools:size.toggle'), exact: true });
  await sizes.check();
  await row(page, names.exited).locator('[data-size-rw]').waitFor({ timeout: 30_000 });
  await walk.scan('containers list with the size column');
  await sizes.uncheck();

  await walk.button(page, 'list-tools:prune.open').click();
  const prune = page.getByRole('dialog', { name: walk.t('list-tools:prune.title') });
  await prune.getByRole('textbox', { name: walk.t('list-tools:prune.fields.labels') }).fill('berth.test=1');
  await prune.locator(`[data-testid=prune-preview] tr[data-container-name="${names.exited}"]`).waitFor({ timeout: 15_000 });
  await walk.scan('prune dialog with its preview');
  await prune.getByRole('textbox', { name: walk.t('list-tools:prune.fields.until') }).fill('soon');
  await prune.locator('[aria-invalid=true]').waitFor();
  await walk.scan('prune dialog with a filter it cannot read');
  await page.keyboard.press('Escape');
  await prune.waitFor({ state: 'detached' });

  await walk.button(page, 'list-tools:views.stats').click();
  await page.locator(`[data-testid=stats-overview] tr[data-container-name="${names.running}"]`).waitFor({ timeout: 15_000 });
  await walk.scan("all running containers' stats");
  await walk.button(page, 'list-tools:views.list').click();
  await row(page, names.running).waitFor();
}

async function containersScreens(walk: Walk): Promise<void> {
  const { page } = walk;
  await expect.poll(() => row(page, names.running).getAttribute('data-state'), { timeout: 15_000 }).toBe('running');
  await expect.poll(() => row(page, names.paused).getAttribute('data-state'), { timeout: 15_000 }).toBe('paused');
  await expect.poll(() => row(page, names.exited).getAttribute('data-state'), { timeout: 15_000 }).toBe('exited');
  // Sorted by age, newest first: said on the column's header, where a screen reader looks for it.
  const created = page.getByRole('columnheader', { name: walk.t('containers:columns.created'), exact: true });
  expect(await created.getAttribute('aria-sort')).toBe('descending');
  expect(await created.getByRole('button').getAttribute('aria-sort')).toBeNull();
  await walk.scan('containers list');

  await row(page, names.running).getByRole('checkbox').check();
  await row(page, names.paused).getByRole('checkbox').check();
  await walk.button(page, 'stats:compare.open').click();
  await page.locator('.stats-compare').waitFor();
  await walk.scan('selection bar and compare panel');
  await walk.button(page.locator('.stats-compare'), 'stats:compare.close').click();
  await walk.button(page, 'containers:selection.clear').click();
  await listToolsScreens(walk);

  await walk.dialog('kill confirm', () => walk.button(row(page, names.running), 'containers:actions.kill').click());
  // Remove without force on a running container: the engine refuses, and the report offers the ways on.
  await walk.button(row(page, names.running), 'containers:actions.remove').click();
  const confirm = page.getByRole('dialog');
  await confirm.waitFor();
  await walk.scan('remove confirm');
  await walk.button(confirm, 'containers:actions.remove').click();
  const report = page.locator('.action-report');
  await walk.button(report, 'containers:report.forceRemove', { count: 1 }).waitFor({ timeout: 15_000 });
  await walk.scan('action report (refused remove)');
  await walk.button(report, 'containers:report.dismiss').click();

  await walk.button(page, 'containers:create').first().click();
  const form = page.locator('.create-form');
  await form.waitFor();
  await walk.scan('create form');
  await walk.button(form, 'create:actions.create').click();
  await form.locator('.cf-summary').waitFor();
  await walk.scan('create form with problems');
  await walk.dialog('paste docker run dialog', () => walk.button(form, 'create:paste.open').click(), walk.t('create:paste.title'));
  await walk.button(form, 'create:paste.open').click();
  const paste = page.getByRole('dialog', { name: walk.t('create:paste.title') });
  await paste.getByRole('textbox').fill('docker run -d --privileged --add-host db:10.0.0.5 -v $PWD/x:/x busybox > log');
  await walk.button(paste, 'create:paste.fill').click();
  await form.locator('.cf-notice').waitFor();
  await walk.scan('create form filled from a pasted line, with its notice and the privileged warning');
  await walk.button(form, 'create:actions.cancel').click();
  await form.waitFor({ state: 'detached' });
}

async function detailScreens(walk: Walk): Promise<void> {
  const { page } = walk;
  await openContainer(page, names.running);
  const tabs = Object.keys(JSON.parse(readFileSync('src/renderer/i18n/locales/en/detail.json', 'utf8')).tabs as object);
  for (const tab of tabs) {
    await page.getByRole('tab', { name: walk.t(`detail:tabs.${tab}`), exact: true }).click();
    const ready = TAB_READY[tab];
    await (ready ? visiblePanel(page).locator(ready).first() : visiblePanel(page)).waitFor({ timeout: 15_000 });
    await walk.scan(`detail tab ${tab}`);
    await TAB_EXTRAS[tab]?.(walk);
  }
  // Rename, Resources (docker update) and the Wait for exit panel, from the header.
  const actions = page.locator('.detail-actions');
  await walk.dialog('rename dialog', () => walk.button(actions, 'manage:rename.open').click(), walk.t('manage:rename.title', { name: names.running }));
  await walk.button(actions, 'manage:rename.open').click();
  const rename = page.getByRole('dialog', { name: walk.t('manage:rename.title', { name: names.running }) });
  await rename.getByRole('textbox').fill('_bad name');
  await rename.locator('#rename-problem').filter({ hasText: /\S/ }).waitFor();
  await walk.scan('rename dialog with a problem');
  await page.keyboard.press('Escape');
  await rename.waitFor({ state: 'detached' });
  await walk.button(actions, 'manage:update.open').click();
  const resources = page.getByRole('dialog', { name: walk.t('manage:update.title', { name: names.running }) });
  await resources.locator('#update-memory').waitFor({ timeout: 15_000 });
  await walk.scan('resources dialog');
  await resources.locator('#update-memory').fill('1g');
  await resources.locator('#update-pidsLimit').fill('0');
  await resources.locator('#update-memorySwap-problem').filter({ hasText: /\S/ }).waitFor();
  await walk.scan('resources dialog with problems');
  await page.keyboard.press('Escape');
  await resources.waitFor({ state: 'detached' });
  await walk.button(actions, 'manage:wait.open').click();
  const waiting = page.getByRole('region', { name: walk.t('manage:wait.label') });
  await waiting.waitFor();
  await walk.scan('waiting for exit');
  await page.keyboard.press('Escape');
  await waiting.waitFor({ state: 'detached' });
  // At the smallest window the tabs that do not fit go into a "More" menu (all of Korean's short names fit).
  await page.setViewportSize({ width: 1024, height: 640 });
  const more = walk.button(page, 'detail:tabsMore');
  if (walk.language === 'en') {
    await more.click();
    await page.getByRole('menu').waitFor();
    await walk.scan('detail tabs "More" menu at 1024 px');
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
  }
  await page.setViewportSize({ width: 1400, height: 860 });
}

async function imagesScreens(walk: Walk): Promise<void> {
  const { page } = walk;
  await walk.goTo('images');
  const image = page.locator(`tr[data-image-names~="${testImage}"]`);
  await image.waitFor({ timeout: 15_000 });
  await walk.scan('images list');
  const action = (index: number) => () => image.locator('.image-actions button').nth(index).click();
  await walk.dialog('image inspect dialog', action(1));
  await walk.dialog('image history dialog', action(2));
  await walk.dialog('image tag dialog', action(3));
  await walk.dialog('image push dialog', action(4));
  await walk.dialog('image remove confirm', action(5));
  await walk.dialog('import dialog', () => walk.button(page, 'images:import.open').first().click());

  await walk.button(page, 'images:pull.open').first().click();
  const pull = page.getByRole('dialog', { name: walk.t('registries:pull.title') });
  await walk.scan('pull dialog');
  // Nothing listens on port 9: the pull fails at once, and its failure is shown in the dialog and the tray.
  await pull.getByLabel(walk.t('registries:pull.reference')).fill(`127.0.0.1:9/berth-test/none:${walk.language}-${walk.theme}`);
  await walk.button(pull, 'registries:pull.start').click();
  await pull.locator('[data-testid=registry-task][data-phase=failed]').waitFor({ timeout: 30_000 });
  await walk.scan('pull dialog with a failed pull');
  await page.keyboard.press('Escape');
  await pull.waitFor({ state: 'detached' });
  await page.locator('.reg-tray-button').click();
  await page.locator('#reg-tasks-panel').waitFor();
  await walk.scan('tasks tray');
  await page.keyboard.press('Escape');
  await page.locator('#reg-tasks-panel').waitFor({ state: 'detached' });

  await action(0)();
  const form = page.locator('.create-form');
  await form.waitFor();
  await walk.scan('create form from an image');
  await walk.button(form, 'create:actions.cancel').click();
}

async function volumesScreens(walk: Walk): Promise<void> {
  const { page } = walk;
  await walk.goTo('volumes');
  const used = page.locator(`tr[data-volume-name="${volume.name}"]`);
  await used.getByText(volume.user).waitFor({ timeout: 15_000 });
  await walk.scan('volumes list');
  const action = (index: number) => () => used.locator('.volume-actions button').nth(index).click();
  await walk.dialog('volume inspect dialog', action(0));
  await walk.dialog('volume files dialog', async () => {
    await action(1)();
    await page.getByRole('dialog').getByText(walk.t('files:empty')).waitFor({ timeout: 15_000 });
  });
  // Actions: inspect, files, back up, restore, remove.
  await walk.dialog('volume restore dialog (replace blocked while in use)', async () => {
    await action(3)();
    await page
      .getByRole('dialog')
      .getByText(walk.t('volumes:restore.blocked.inUse', { users: volume.user }))
      .waitFor();
  });
  await walk.dialog('volume remove confirm, in use', action(4));
  await walk.dialog('volume create dialog', () => walk.button(page, 'volumes:create.open').first().click(), walk.t('volumes:create.title'));
  await walk.button(page, 'volumes:prune.open').click();
  const prune = page.getByRole('dialog', { name: walk.t('volumes:prune.title') });
  await prune.locator('[data-testid=prune-preview], p.muted').first().waitFor();
  await walk.scan('volume prune preview');
  await page.keyboard.press('Escape');
  await prune.waitFor({ state: 'detached' });
}

async function networksScreens(walk: Walk): Promise<void> {
  const { page } = walk;
  await walk.goTo('networks');
  const used = page.locator(`tr[data-network-name="${network}"]`);
  await used.getByText(names.running).waitFor({ timeout: 15_000 });
  await walk.scan('networks list');
  const action = (index: number) => () => used.locator('.network-actions button').nth(index).click();
  await walk.dialog('network inspect dialog', async () => {
    await action(0)();
    await page.locator('.json-inspector').waitFor();
  });
  await walk.dialog('network connect dialog', async () => {
    await action(1)();
    await page.locator('.networks-dialog select option').first().waitFor({ state: 'attached' });
  });
  await walk.dialog('network remove confirm, containers connected', action(2));
  await walk.dialog('network create dialog', () => walk.button(page, 'networks:create.open').click(), walk.t('networks:create.title'));
  await walk.button(page, 'networks:prune.open').click();
  const prune = page.getByRole('dialog', { name: walk.t('networks:prune.title') });
  await prune.locator('[data-testid=prune-preview], p.muted').first().waitFor();
  await walk.scan('network prune preview');
  await page.keyboard.press('Escape');
  await prune.waitFor({ state: 'detached' });
}

async function composeScreens(walk: Walk): Promise<void> {
  const { page } = walk;
  const name = compose?.name ?? '';
  await walk.goTo('containers');
  const group = page.locator(`[role=row][data-project="${name}"]`);
  await group.waitFor({ timeout: 15_000 });
  await group.focus();
  await page.keyboard.press('ArrowRight');
  await page.locator(`[role=row][data-container-name="${name}_worker_1"]`).waitFor();
  await walk.scan('compose project expanded');
  await walk.dialog(
    'compose project logs',
    async () => {
      await walk.button(group, 'compose:actions.logs').click();
      await page.locator('.compose-log-line').first().waitFor({ timeout: 15_000 });
    },
    walk.t('compose:logs.title', { name }),
  );
  await walk.dialog('compose project remove confirm', () => walk.button(group, 'compose:actions.remove').click(), walk.t('compose:remove.title', { name }));
  await walk.button(group, 'compose:actions.restart').click();
  const report = page.locator('.action-report');
  await report.getByText(walk.t('compose:report.restart', { name, count: 2 })).waitFor({ timeout: 30_000 });
  await walk.scan('compose project action report');
  await walk.button(report, 'compose:report.dismiss').click();
}

async function otherViews(walk: Walk): Promise<void> {
  const { page } = walk;
  await walk.goTo('events');
  await page.getByRole('combobox', { name: walk.t('events:history.label') }).selectOption('1h');
  await page.locator(`[role=row][data-actor="${names.running}"]`).first().waitFor({ timeout: 15_000 });
  await walk.scan('events view');
  await walk.goTo('engine');
  // `docker system df -v` sizes every volume and layer of the shared test engine: under a full CI run it once took over 30 s.
  await page.locator('[data-testid=disk-usage]').waitFor({ timeout: 90_000 });
  await walk.scan('engine view');
  // Disk usage: the -v details open, and the previewed prunes (the shared preview dialog, the volumes one).
  for (const summary of await page.locator('.disk-details summary').all()) await summary.click();
  await walk.scan('engine view with the disk usage details open');
  const pruneDialog = async (category: string, title: string): Promise<void> =>
    walk.dialog(
      `disk usage: ${category} prune preview`,
      async () => {
        await walk.button(page, `engine:disk.prune.${category}`).click();
        await page.getByRole('dialog', { name: title }).locator('[data-testid=prune-preview], p.muted').first().waitFor({ timeout: 15_000 });
      },
      title,
    );
  await pruneDialog('images', walk.t('images:prunePreview.title'));
  await pruneDialog('buildCache', walk.t('engine:disk.buildCachePrune.title'));
  await pruneDialog('volumes', walk.t('volumes:prune.title'));
  await walk.goTo('settings');
  await page.locator(`tr[data-registry="${LOGIN_SERVER}"]`).waitFor({ timeout: 15_000 });
  await walk.scan('settings with a registry login');
  await walk.dialog('login dialog', () => walk.button(page, 'registries:logins.login').click(), walk.t('registries:login.title'));
  await walk.dialog('command palette', () => page.keyboard.press('Control+K'), walk.t('palette:palette.title'));
  await walk.dialog('keyboard shortcuts', () => page.locator('body').press('?'));
}

/** The top bar's engine menu, the engines dialogs and the lists across engines. */
async function engineScreens(walk: Walk): Promise<void> {
  const { page } = walk;
  const switcher = page.getByTestId('engine-switcher');
  const menu = page.getByRole('menu', { name: walk.t('engines:switcher.menu') });
  await switcher.click();
  await menu.getByRole('menuitemradio').first().waitFor();
  await walk.scan('engine menu');
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  await walk.dialog(
    'manage engines dialog',
    async () => {
      await switcher.click();
      await menu.getByRole('menuitem', { name: walk.t('engines:manage.open') }).click();
    },
    walk.t('engines:manage.title'),
  );
  await switcher.click();
  await menu.getByRole('menuitem', { name: walk.t('engines:manage.open') }).click();
  const manage = page.getByRole('dialog', { name: walk.t('engines:manage.title') });
  await walk.button(manage, 'engines:manage.add').click();
  const add = page.getByRole('dialog', { name: walk.t('engines:add.title') });
  await add.getByLabel(walk.t('engines:add.host'), { exact: true }).fill('tcp://127.0.0.1:9');
  await add.getByRole('group', { name: walk.t('engines:add.tls') }).waitFor();
  await walk.scan('add engine dialog with TLS');
  await page.keyboard.press('Escape');
  await add.waitFor({ state: 'detached' });
  await page.keyboard.press('Escape');
  await manage.waitFor({ state: 'detached' });
  await switcher.click();
  await menu.getByRole('menuitemradio', { name: new RegExp(`^${walk.t('engines:all.label')}`) }).click();
  await walk.button(page.getByRole('navigation'), 'common:nav.containers').click();
  await page
    .getByRole('table', { name: walk.t('engines:combined.containersTable') })
    .locator(`tr[data-name="${names.running}"]`)
    .waitFor({ timeout: 15_000 });
  await walk.scan('containers on all engines');
  await walk.button(page.getByRole('navigation'), 'common:nav.images').click();
  await page
    .getByRole('table', { name: walk.t('engines:combined.imagesTable') })
    .locator('tbody tr')
    .first()
    .waitFor({ timeout: 15_000 });
  await walk.scan('images on all engines');
  await switcher.click();
  await menu.getByRole('menuitemradio', { name: /^default/ }).click();
}

const COMBINATIONS: ReadonlyArray<{ theme: Theme; language: Language }> = [
  { theme: 'light', language: 'en' },
  { theme: 'dark', language: 'en' },
  { theme: 'light', language: 'ko' },
  { theme: 'dark', language: 'ko' },
];

describe('accessibility: axe-core over every screen', () => {
  it('finds no WCAG 2.2 AA or best-practice violation in light and dark, English and Korean', { timeout: 600_000 }, async () => {
    const findings: AxeFinding[] = [];
    let scans = 0;
    for (const { theme, language } of COMBINATIONS) {
      // Theme and language are left at "system" in Settings: the browser's colour scheme and locale pick them.
      const page = await mode.openPage({ colorScheme: theme, locale: language === 'ko' ? 'ko-KR' : 'en-US' });
      expect(await page.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.lang])).toEqual([theme, language]);
      const walk = new Walk(page, language, theme);
      try {
        await containersScreens(walk);
        await detailScreens(walk);
        await imagesScreens(walk);
        await volumesScreens(walk);
        await networksScreens(walk);
        await composeScreens(walk);
        await otherViews(walk);
        await engineScreens(walk);
      } finally {
        findings.push(...walk.findings);
        scans += walk.scans;
        await page.context().close();
      }
    }
    console.log(`axe: ${scans} scans`);
    expect(findings.length, describeFindings(findings)).toBe(0);
  });
});
