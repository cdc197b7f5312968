import type { StreamDisposer, StreamSink } from './stream-sink';

interface Subscriber<M> {
  sink: StreamSink<M>;
  accepts: (message: M) => boolean;
}

interface Producer<M> {
  subscribers: Set<Subscriber<M>>;
  latest?: { message: M };
  finished: boolean;
  dispose?: StreamDisposer;
}

export interface SharedStreamsOptions {
  /** A subscriber joining an open producer gets its latest message at once (a sample stream's current reading). */
  replayLatest?: boolean;
}

/**
 * One producer per key, however many subscribers: opened with the first subscriber, its messages
 * fanned out to every subscriber (each may take only some), its end or error passed to all, and
 * closed when the last subscriber leaves. For streams that never pause: a slow subscriber does
 * not hold back the others.
 */
export class SharedStreams<K, M> {
  private readonly producers = new Map<K, Producer<M>>();

  constructor(
    private readonly open: (key: K, sink: StreamSink<M>) => StreamDisposer,
    private readonly options: SharedStreamsOptions = {},
  ) {}

  /** Producers open now. */
  get size(): number {
    return this.producers.size;
  }

  subscribe(key: K, sink: StreamSink<M>, accepts: (message: M) => boolean = () => true): StreamDisposer {
    const subscriber: Subscriber<M> = { sink, accepts };
    let producer = this.producers.get(key);
    if (producer) {
      producer.subscribers.add(subscriber);
      if (this.options.replayLatest && producer.latest && accepts(producer.latest.message)) sink.data(producer.latest.message);
    } else {
      producer = { subscribers: new Set([subscriber]), finished: false };
      this.producers.set(key, producer);
      this.start(key, producer);
    }
    const joined = producer;
    return () => {
      if (!joined.subscribers.delete(subscriber) || joined.subscribers.size > 0 || joined.finished) return;
      joined.finished = true;
      this.producers.delete(key);
      joined.dispose?.();
    };
  }

  private start(key: K, producer: Producer<M>): void {
    const finish = (deliver: (sink: StreamSink<M>) => void): void => {
      if (producer.finished) return;
      producer.finished = true;
      if (this.producers.get(key) === producer) this.producers.delete(key);
      for (const subscriber of [...producer.subscribers]) deliver(subscriber.sink);
      producer.subscribers.clear();
      producer.dispose?.();
    };
    producer.dispose = this.open(key, {
      data: (message) => {
        if (producer.finished) return true;
        producer.latest = { message };
        for (const subscriber of [...producer.subscribers]) if (subscriber.accepts(message)) subscriber.sink.data(message);
        return true;
      },
      onDrain: () => undefined,
      error: (error) => finish((sink) => sink.error(error)),
      end: () => finish((sink) => sink.end()),
    });
    // It may have ended while opening, before its disposer was known.
    if (producer.finished) producer.dispose();
  }
}
