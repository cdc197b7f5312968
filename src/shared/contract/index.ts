import type { z } from 'zod';
import type { Returned } from './define';
import { containerCommands } from './containers';
import { networkCommands } from './networks';
import { volumeCommands } from './volumes';
import { composeCommands, composeStreams } from './compose';
import { enginesCommands } from './engines';
import { desktopStreams } from './desktop';
import { settingsCommands, settingsStreams } from './settings';
import { engineCommands, engineStreams } from './engine';
import { eventStreams } from './events';
import { statsCommands, statsStreams } from './stats';
import { logCommands, logStreams } from './logs';
import { imageCommands } from './images';
import { systemCommands } from './system';
import { transferCommands, transferStreams } from './transfers';
import { terminalCommands, terminalStreams } from './terminal';
import { fileCommands, fileStreams } from './files';
import { registryCommands, registryStreams } from './registries';

/** Every command the app offers: channel -> input schema + result type. The one table. */
export const commands = {
  ...engineCommands,
  ...containerCommands,
  ...networkCommands,
  ...volumeCommands,
  ...composeCommands,
  ...enginesCommands,
  ...settingsCommands,
  ...statsCommands,
  ...logCommands,
  ...imageCommands,
  ...systemCommands,
  ...transferCommands,
  ...terminalCommands,
  ...fileCommands,
  ...registryCommands,
} as const;

/** Every stream topic: topic -> subscribe input schema + message type. */
export const streams = {
  ...engineStreams,
  ...settingsStreams,
  ...desktopStreams,
  ...eventStreams,
  ...statsStreams,
  ...logStreams,
  ...composeStreams,
  ...transferStreams,
  ...terminalStreams,
  ...fileStreams,
  ...registryStreams,
} as const;

type Commands = typeof commands;
export type Channel = keyof Commands;
/** What a caller passes (defaults may be omitted). */
export type InputOf<C extends Channel> = z.input<Commands[C]['input']>;
/** What a handler receives after the schema has parsed it. */
export type ParsedInputOf<C extends Channel> = z.output<Commands[C]['input']>;
export type ResultOf<C extends Channel> = Returned<Commands[C]['result']>;

type Streams = typeof streams;
export type Topic = keyof Streams;
export type TopicInputOf<T extends Topic> = z.input<Streams[T]['input']>;
export type ParsedTopicInputOf<T extends Topic> = z.output<Streams[T]['input']>;
export type MessageOf<T extends Topic> = Returned<Streams[T]['message']>;

export const CHANNELS = Object.keys(commands) as Channel[];
export const TOPICS = Object.keys(streams) as Topic[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(commands, value);
}

export function isTopic(value: unknown): value is Topic {
  return typeof value === 'string' && Object.hasOwn(streams, value);
}

export type { CreateContainerSpec, ParsedCreateContainerSpec, ParsedRunLine } from './containers';
