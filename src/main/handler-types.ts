// What a handler table is, apart from the table itself (handlers.ts): every domain's handlers and
// the dispatcher depend on these types, and the table depends on every domain.
import type { Channel, MessageOf, ParsedInputOf, ParsedTopicInputOf, ResultOf, Topic } from '../shared/contract';
import type { StreamDisposer, StreamSink } from './engine/stream-sink';

export type CommandHandlers = {
  [C in Channel]: (input: ParsedInputOf<C>) => Promise<ResultOf<C>>;
};

export type StreamHandlers = {
  [T in Topic]: (input: ParsedTopicInputOf<T>, sink: StreamSink<MessageOf<T>>) => StreamDisposer;
};
