import { BerthError } from '../../shared/errors';
import type { CommandHandlers, HandlerContext, StreamHandlers } from '../handler-types';

type SettingsCommands = Pick<CommandHandlers, 'settings.get' | 'settings.set'>;
type SettingsStreams = Pick<StreamHandlers, 'settings.watch'>;

export function settingsCommandHandlers({ settings }: HandlerContext): SettingsCommands {
  return {
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.update(patch),
  };
}

export function settingsStreamHandlers({ settings: store }: HandlerContext): SettingsStreams {
  return {
    'settings.watch': (_input, sink) => {
      let open = true;
      void store.get().then(
        (settings) => open && sink.data(settings),
        (err: unknown) => open && sink.error((err instanceof BerthError ? err : new BerthError('INTERNAL', String(err))).toShape()),
      );
      const stop = store.watch((settings) => sink.data(settings));
      return () => {
        open = false;
        stop();
      };
    },
  };
}
