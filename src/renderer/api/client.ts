import type { Channel, InputOf, MessageOf, ResultOf, Topic, TopicInputOf } from '../../shared/contract';
import { BerthError } from '../../shared/errors';
import type { BerthBridge } from '../../shared/transport';
import type { Transport } from './transport';
import { createWebTransport, readToken } from './web-transport';

export interface StreamHandlers<M> {
  onMessage(message: M): void;
  onError?(error: BerthError): void;
  onEnd?(): void;
}

/** The renderer's one way to reach main, typed from the contract: a wrong argument does not compile. */
export interface BerthClient {
  readonly transport: 'electron' | 'web';
  /** The engine its calls run on (an engines.list id); absent: the engine Berth started with. */
  readonly engine?: string;
  invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<ResultOf<C>>;
  /** Returns the function that closes the stream (in main too). */
  subscribe<T extends Topic>(topic: T, input: TopicInputOf<T>, handlers: StreamHandlers<MessageOf<T>>): () => void;
}

function createClient(transport: Transport): BerthClient {
  return {
    transport: transport.transport,
    async invoke(channel, input) {
      const outcome = await transport.invoke(channel, input);
      if (!outcome.ok) throw BerthError.fromShape(outcome.error);
      return outcome.result as ResultOf<typeof channel>;
    },
    subscribe(topic, input, handlers) {
      return transport.subscribe(topic, input, (frame) => {
        if (frame.kind === 'data') handlers.onMessage(frame.message as MessageOf<typeof topic>);
        else if (frame.kind === 'error') handlers.onError?.(BerthError.fromShape(frame.error));
        else handlers.onEnd?.();
      });
    },
  };
}

declare global {
  interface Window {
    berth?: BerthBridge;
  }
}

/** Electron's preload bridge when present, else browser mode. */
export function createDefaultClient(): BerthClient {
  if (window.berth) return createClient(window.berth);
  return createClient(createWebTransport(readToken()));
}
