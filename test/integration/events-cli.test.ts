// The events lines do what Berth did (issue #11, item 13): with containers web, web2 and website
// (names that start with one another), each shown `docker events` line is run through the real
// docker CLI over the same span (--since/--until added, --format '{{json .}}' to read it) and the
// set of events it prints is compared with the set Berth shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteShellWord } from '../../src/shared/cli/shell-quote';
import { engineFilterFromFields, eventMatches } from '../../src/shared/events/event-filter';
import type { EngineEvent } from '../../src/shared/types/events';
import type { ContainerSummary } from '../../src/shared/types/containers';
import type { StreamFrame } from '../../src/shared/transport';
import { runShellLine } from '../helpers/cli-line';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { createHarness } from './dispatch-harness';
import { containerEventsQuery, dockerEventsCommand } from '../../src/shared/cli/events';

const harness = createHarness();
const seconds = (ms: number): string => (ms / 1000).toFixed(3);
const frameEvents = (frames: StreamFrame[]): EngineEvent[] => frames.flatMap((f) => (f.kind === 'data' ? [f.message as EngineEvent] : []));
/**
 * One event, as both sides report it. Not its time: Berth reads timeNano through a double (±256 ns
 * at today's times), so the sides are compared as sorted lists of what happened to whom.
 */
const key = (e: { type: string; action: string; actorId: string }): string => `${e.type} ${e.action} ${e.actorId}`;
const sorted = (events: Array<{ type: string; action: string; actorId: string }>): string[] => events.map(key).sort();

let web = '';
let span = { since: '', until: '' };
const ids = new Map<string, string>();

beforeAll(async () => {
  harness.engine.monitor.start();
  await waitFor(() => harness.engine.monitor.state.status === 'connected');
  web = uniqueName('ev');
  const before = Date.now();
  const watch = harness.subscribe('events.watch', { since: seconds(before) });
  for (const name of [web, `${web}2`, `${web}site`]) {
    const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '1000'], Labels: { ...TEST_LABELS } });
    ids.set(name, container.id);
    await container.start();
    await container.stop({ t: 0 });
  }
  // Everything happened (the engine logged the last stop) before the span closes.
  await waitFor(() => frameEvents(watch.frames).filter((e) => e.action === 'stop' && [...ids.values()].includes(e.actorId)).length === 3, {
    timeout: 15_000,
    message: 'the three stops were not logged',
  });
  watch.close();
  span = { since: seconds(before - 1000), until: seconds(Date.now()) };
});

afterAll(async () => {
  harness.stop();
  await removeTestContainers();
});

/** What Berth's stream delivers for `input` over the span. */
async function berthEvents(input: Record<string, unknown>): Promise<EngineEvent[]> {
  const sub = harness.subscribe('events.watch', { ...input, ...span });
  await waitFor(() => sub.frames.at(-1)?.kind === 'end', { timeout: 15_000, message: 'the stream did not end at until' });
  return frameEvents(sub.frames);
}

/** What the shown line prints over the span. */
async function cliEvents(line: string): Promise<string[]> {
  const withSpan = `${line} --since ${span.since} --until ${span.until} --format ${quoteShellWord('{{json .}}')}`;
  const result = await runShellLine(withSpan);
  expect(result.code, `${withSpan}: ${result.stderr}`).toBe(0);
  const lines = result.stdout.toString().split('\n').filter(Boolean);
  return sorted(
    lines.map((text) => {
      const raw = JSON.parse(text) as { Type: string; Action: string; Actor: { ID: string } };
      return { type: raw.Type, action: raw.Action, actorId: raw.Actor.ID };
    }),
  );
}

describe('the container Events tab', () => {
  it('shows the events of this container only, and its line prints the same ones (not web2 and website too)', async () => {
    const list = await harness.invoke<ContainerSummary[]>('containers.list', { all: true });
    const container = list.find((c) => c.name === web)!;
    const query = containerEventsQuery(container);
    const shown = await berthEvents(query.input);
    expect(new Set(shown.map((e) => e.actorId))).toEqual(new Set([ids.get(web)]));
    expect(shown.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'start', 'die', 'stop']));
    expect(await cliEvents(query.command)).toEqual(sorted(shown));
  });
});

describe('the Events view', () => {
  const cases = [
    { label: 'container web (the engine takes web2 and website too)', fields: () => ({ type: '', action: '', container: web }) },
    { label: 'container web2', fields: () => ({ type: '', action: '', container: `${web}2` }) },
    { label: 'action start', fields: () => ({ type: 'container', action: 'start', container: web }) },
    { label: 'action st (matches nothing in the engine)', fields: () => ({ type: '', action: 'st', container: web }) },
    { label: 'action Stop, container web2 by id prefix', fields: () => ({ type: '', action: 'Stop', container: ids.get(`${web}2`)!.slice(0, 12) }) },
  ];
  for (const { label, fields } of cases) {
    it(`shows what its line prints: ${label}`, async () => {
      const filter = engineFilterFromFields(fields());
      // The view reads the engine unfiltered over its span and filters what it shows (matchesFilter).
      const shown = (await berthEvents({})).filter((event) => eventMatches(filter, event));
      const line = dockerEventsCommand(filter);
      expect(await cliEvents(line)).toEqual(sorted(shown));
    });
  }

  it('the view shows web2 and website for "web", as the line does', async () => {
    const shown = (await berthEvents({})).filter((event) => eventMatches(engineFilterFromFields({ type: '', action: '', container: web }), event));
    expect(new Set(shown.map((e) => e.actorId))).toEqual(new Set(ids.values()));
  });
});
