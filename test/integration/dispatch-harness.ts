// A real dispatcher on the test engine for the inspection features' integration tests
// (top, ports, inspect, isolation, events): invoke that throws the plain message, invoke that returns
// the outcome, and subscriptions that are closed after each test.
import type { Dispatcher } from '../../src/main/dispatch';
import { createEngine, type Engine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost, type HostServices } from '../../src/main/host';
import type { InvokeOutcome, StreamFrame } from '../../src/shared/transport';

export interface Harness {
  engine: Engine;
  dispatcher: Dispatcher;
  invoke<T = unknown>(channel: string, input: unknown): Promise<T>;
  outcome(channel: string, input: unknown): Promise<InvokeOutcome>;
  subscribe(topic: string, input: unknown): { frames: StreamFrame[]; close: () => void };
  closeAll(): void;
  stop(): void;
}

export function createHarness(hostServices: HostServices = webHost): Harness {
  const engine = createEngine();
  const dispatcher = createBackend({ engine, host: hostServices }).dispatcher;
  const closers: Array<() => void> = [];
  return {
    engine,
    dispatcher,
    async invoke<T>(channel: string, input: unknown): Promise<T> {
      const outcome = await dispatcher.invoke(channel, input);
      if (!outcome.ok) throw new Error(`${channel}: ${outcome.error.code}: ${outcome.error.message}`);
      return outcome.result as T;
    },
    outcome: (channel, input) => dispatcher.invoke(channel, input),
    subscribe(topic, input) {
      const frames: StreamFrame[] = [];
      const outcome = dispatcher.subscribe(topic, input, (frame) => frames.push(frame));
      if (!outcome.ok) throw new Error(`${topic}: ${outcome.error.code}: ${outcome.error.message}`);
      closers.push(outcome.close);
      return { frames, close: outcome.close };
    },
    closeAll() {
      for (const close of closers.splice(0)) close();
    },
    stop() {
      engine.monitor.stop();
    },
  };
}
