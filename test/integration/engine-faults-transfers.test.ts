// The engine stopped for real (SIGKILL and SIGTERM) in the middle of every kind of transfer:
// export, import, copy in, copy out, download log. Each is held mid-way by its own metered relay
// while a private dockerd is stopped under it, then let go: each ends `failed` with a plain error,
// leaves nothing in the folder it was writing to (no .part file, no staging folder) and the host
// file it read untouched, and the same request works again within RECOVERY_MS of the engine
// answering again.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransferProgress } from '../../src/shared/types/transfers';
import { expectPlainError, faults, OUTAGES, RECOVERY_MS, startFaultEngine, type FaultEngine } from '../helpers/fault-engine';
import { entriesOf, makeFixtures, openLane, TRANSFER_KINDS, type TransferFixtures, type TransferLane } from '../helpers/fault-transfers';
import { finalOf } from './images-support';

let env: FaultEngine;
let dir: string;
let fixtures: TransferFixtures;
let lanes: TransferLane[] = [];
const outcomes: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-engine-faults-'));
  env = await startFaultEngine();
  fixtures = await makeFixtures(env, dir);
  lanes = await Promise.all(TRANSFER_KINDS.map((kind) => openLane(env, dir, kind, fixtures)));
}, 120_000);

afterAll(async () => {
  console.log(faults.report('engine-faults-transfers'));
  console.log(`[engine-faults] how each transfer ended:\n  ${outcomes.join('\n  ')}`);
  for (const lane of lanes) await lane.relay.down();
  await env?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(OUTAGES)('the engine stopped with %s mid-transfer', (signal) => {
  it('every transfer fails plainly, leaves nothing behind, and works again', async () => {
    const folders = new Map(
      lanes.map((lane) => {
        const folder = path.join(dir, `${signal}-${lane.kind.replace(/ /g, '-')}`);
        mkdirSync(folder);
        return [lane, folder] as const;
      }),
    );
    const uploadSizes = [statSync(fixtures.upload).size, statSync(fixtures.uploadTar).size];

    const running = await Promise.all(
      lanes.map(async (lane) => {
        const held = lane.holdMidway();
        const transferId = await lane.start(folders.get(lane)!);
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          held,
          finalOf(lane.dispatcher, transferId).then((final) => {
            throw new Error(`${lane.kind} ended before it was held mid-way: ${JSON.stringify(final)}`);
          }),
          new Promise((_, reject) => {
            timer = setTimeout(
              () =>
                reject(
                  new Error(
                    `${lane.kind} was not held mid-way in 30 s (${lane.relay.bytes('fromEngine')} bytes from the engine, ${lane.relay.bytes('toEngine')} to it)`,
                  ),
                ),
              30_000,
            );
          }),
        ]).finally(() => clearTimeout(timer));
        return { lane, transferId };
      }),
    );
    await env.stop(signal, `${lanes.length} transfers held mid-way`);
    for (const lane of lanes) {
      faults.count(`transfer cut by the engine ${signal}: ${lane.kind}`);
      lane.relay.resume();
    }
    const finals = await Promise.all(running.map(({ lane, transferId }) => finalOf(lane.dispatcher, transferId)));
    finals.forEach((final: TransferProgress, i) => {
      const lane = lanes[i]!;
      outcomes.push(`${signal} ${lane.kind}: ${final.phase} ${final.error?.code ?? ''} ${final.error?.message ?? ''}`);
      expect(final.phase, lane.kind).toBe('failed');
      expectPlainError(final.error);
      expect(entriesOf(folders.get(lane)!), `${lane.kind}: what is left in the target folder`).toEqual([]);
    });
    expect([statSync(fixtures.upload).size, statSync(fixtures.uploadTar).size]).toEqual(uploadSizes);

    const answered = await env.start();
    const again = await Promise.all(
      lanes.map(async (lane) => {
        const folder = `${folders.get(lane)!}-again`;
        mkdirSync(folder);
        let transferId = '';
        for (;;) {
          try {
            transferId = await lane.start(folder);
            break;
          } catch (err) {
            // Only the engine not answering yet is worth another try.
            if (!/ENGINE_UNAVAILABLE/.test(String(err)) || Date.now() - answered > 15_000) throw err;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
        const started = Date.now() - answered;
        faults.recovered(`${signal} ${lane.kind} (accepted again)`, started);
        return { lane, folder, started, final: await finalOf(lane.dispatcher, transferId) };
      }),
    );
    for (const { lane, folder, started, final } of again) {
      expect(started, `${lane.kind} accepted again`).toBeLessThan(RECOVERY_MS);
      expect(final, lane.kind).toMatchObject({ phase: 'done' });
      if (lane.kind === 'export' || lane.kind === 'download log' || lane.kind === 'cp out') expect(entriesOf(folder)).toHaveLength(1);
    }
  }, 120_000);
});
