// One channel's fuzz over one transport (not a test file itself): refused inputs in a batch with the
// world snapshotted before and after, then valid inputs (and mutated ones the schema still accepts),
// confined to the fuzz's own objects, against the real engine.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { z } from 'zod';
import { commands, streams, type Channel, type Topic } from '../../src/shared/contract';
import { zodArbitrary } from '../helpers/zod-arbitrary';
import { mutatedInput } from '../helpers/hostile-input';
import type { TransferHub } from '../../src/main/transfers/hub';
import { waitFor } from '../helpers/engine';
import { budgetFor, confine, ensureOwnObjects, scopedOverride, seedFor, snapshot, type FuzzWorld } from './fuzz-scope';
import { type FuzzTally, frameProblem, internalExpected, outcomeProblem, pendingCheck, preview, type TallyRow } from './fuzz-oracle';

export interface FuzzTransport {
  name: string;
  /** Only values JSON can carry (browser mode). */
  jsonOnly: boolean;
  /** An invoke's outcome as `{ ok, result | error }`, after the transport's own shape was checked. */
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** Subscribes, waits for the first frame (or briefly, `hold`), closes; the outcome and frames seen. */
  subscribe(topic: string, input: unknown, hold: boolean): Promise<{ outcome: unknown; frames: unknown[] }>;
  /** The value main receives for `input` (browser mode: after a JSON round trip). */
  wire(input: unknown): unknown;
  /** How many streams main still has open. */
  openStreams(): number;
  /** The backend's transfers: the fuzz cancels those valid inputs started. */
  transfers: TransferHub;
}

export interface FuzzContext {
  world: FuzzWorld;
  tally: FuzzTally;
  transport: FuzzTransport;
  crashes: string[];
}

const HANG_MS = 30_000;

function answerWithin<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${HANG_MS} ms: ${what}`)), HANG_MS);
  });
  return Promise.race([promise, hang]).finally(() => clearTimeout(timer));
}

const acceptsRaw = (schema: z.ZodType, input: unknown): boolean => {
  try {
    return schema.safeParse(input ?? {}).success;
  } catch {
    return false; // the dispatcher must then answer INVALID_INPUT too (or the fuzz reports its crash)
  }
};

/** Strings in env, command words and labels of a valid input that hold a NUL (refused once the contract is fixed). */
function hasNulWhereForbidden(channel: string, input: unknown): boolean {
  if (channel !== 'containers.create' && channel !== 'containers.run' && channel !== 'exec.session') return false;
  const spec = input as { env?: Array<{ key: string; value: string }>; command?: string[]; entrypoint?: string[]; labels?: Record<string, string> };
  const strings = [
    ...(spec.env ?? []).flatMap((pair) => [pair.key, pair.value]),
    ...(spec.command ?? []),
    ...(spec.entrypoint ?? []),
    ...Object.entries(spec.labels ?? {}).flat(),
  ];
  return strings.some((value) => typeof value === 'string' && value.includes('\0'));
}

/** Polls until two snapshots in a row agree (earlier valid inputs' background work has settled). */
async function settledSnapshot(world: FuzzWorld) {
  let previous = JSON.stringify(await snapshot(world));
  return waitFor(
    async () => {
      const next = await snapshot(world);
      const text = JSON.stringify(next);
      const same = text === previous;
      previous = text;
      return same ? next : undefined;
    },
    { timeout: 20_000, interval: 200, message: 'the engine and host folders did not settle' },
  );
}

type Send = (input: unknown) => Promise<{ outcome: unknown; frames: unknown[] }>;

async function tryOne(ctx: FuzzContext, name: string, send: Send, input: unknown, row: TallyRow, expectRefusal: boolean): Promise<void> {
  const label = `${ctx.transport.name} ${name}`;
  const { outcome, frames } = await answerWithin(send(input), `${label} ${preview(input)}`);
  const problem = outcomeProblem(outcome) ?? frames.map(frameProblem).find(Boolean);
  if (problem) throw new Error(`${label}: ${problem}\n  input: ${preview(input)}\n  outcome: ${preview(outcome)}`);
  const shaped = outcome as { ok: boolean; error?: { code: 'INVALID_INPUT' } };
  ctx.tally.count(row, shaped);
  if (expectRefusal && (shaped.ok || shaped.error?.code !== 'INVALID_INPUT')) {
    throw new Error(`${label}: an input the schema refuses was answered ${preview(outcome)}\n  input: ${preview(input)}`);
  }
  if (!shaped.ok && shaped.error?.code === ('INTERNAL' as string) && !internalExpected(name, (outcome as { error: { message: string } }).error.message)) {
    throw new Error(
      `${label}: INTERNAL (a handler failed unexpectedly)\n  input: ${preview(input)}\n  message: ${(outcome as { error: { message: string } }).error.message}`,
    );
  }
  if (ctx.crashes.length) throw new Error(`${label}: main crashed\n  input: ${preview(input)}\n  ${ctx.crashes.join('\n  ')}`);
}

async function fuzzOne(ctx: FuzzContext, name: string, schema: z.ZodType, send: Send, scale: number): Promise<void> {
  const { world, tally, transport } = ctx;
  const accepts = (input: unknown): boolean => acceptsRaw(schema, transport.wire(input));
  const label = `${transport.name} ${name}`;
  const row = tally.row(name, transport.name);
  await ensureOwnObjects(world); // the generators below name the current ones
  const valid = zodArbitrary(schema, { override: scopedOverride(world, name) });
  const budget = budgetFor(name, scale);

  // Refused inputs: each must be INVALID_INPUT, and the batch must leave everything as it was.
  const mutants = fc.sample(mutatedInput(valid, transport.jsonOnly), { seed: seedFor(name, 1), numRuns: budget.mutated });
  const refused = mutants.filter((m) => !accepts(m.input)).map((m) => m.input);
  const stillValid = mutants.filter((m) => accepts(m.input)).map((m) => m.input);
  const before = await settledSnapshot(world);
  for (const input of refused) {
    await tryOne(ctx, name, send, input, row, true);
    row.refused += 1;
  }
  expect(await snapshot(world), `${label}: refused inputs changed the engine or host folders`).toEqual(before);

  // Valid inputs (and accepted mutants), confined to what the fuzz owns.
  const generated = fc.sample(valid, { seed: seedFor(name, 2), numRuns: budget.valid });
  for (const input of generated) {
    pendingCheck(
      'nul-in-env-command-labels',
      !hasNulWhereForbidden(name, input) || !accepts(input),
      `${name} accepts a NUL in env, command or labels: ${preview(input)}`,
    );
    const ok = accepts(input);
    await tryOne(ctx, name, send, ok ? confine(world, name, input) : input, row, !ok);
    if (ok) row.valid += 1;
    else row.refused += 1;
  }
  for (const input of stillValid) {
    await tryOne(ctx, name, send, confine(world, name, input), row, false);
    row.accepted += 1;
  }
  await waitFor(() => transport.openStreams() === 0, { timeout: 10_000, message: `${label}: streams left open` });
  // Downloads and uploads the valid inputs started would go on writing host files during the next
  // channel's refused batch: cancel them (which must clean up) and wait until they have settled.
  for (const transfer of transport.transfers.registry.running()) transfer.cancel('The fuzz moves on.');
  await waitFor(() => transport.transfers.registry.running().length === 0, { timeout: 20_000, message: `${label}: transfers did not settle after cancel` });
}

export function fuzzCommand(ctx: FuzzContext, channel: Channel, scale = 1): Promise<void> {
  const send: Send = async (input) => ({ outcome: await ctx.transport.invoke(channel, input), frames: [] });
  return fuzzOne(ctx, channel, commands[channel].input, send, scale);
}

export function fuzzTopic(ctx: FuzzContext, topic: Topic, scale = 1): Promise<void> {
  let turn = 0;
  const send: Send = (input) => ctx.transport.subscribe(topic, input, (turn += 1) % 2 === 0);
  return fuzzOne(ctx, topic, streams[topic].input, send, scale);
}
