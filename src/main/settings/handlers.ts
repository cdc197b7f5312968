import { BerthError } from '../../shared/errors';
import type { CommandHandlers, StreamHandlers } from '../handler-types';
import type { HostServices } from '../host';
import { settingsStoreAt } from './store';

type SettingsCommands = Pick<CommandHandlers, 'settings.get' | 'settings.set'>;
type DesktopStreams = Pick<StreamHandlers, 'settings.watch' | 'menu.watch'>;

export function settingsCommandHandlers(host: HostServices): SettingsCommands {
  const store = () => settingsStoreAt(host.settingsDir);
  return {
    'settings.get': () => store().get(),
    'settings.set': (patch) => store().update(patch),
  };
}

export function settingsStreamHandlers(host: HostServices): DesktopStreams {
  return {
    'settings.watch': (_input, sink) => {
      const store = settingsStoreAt(host.settingsDir);
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
    'menu.watch': (_input, sink) => host.onMenuCommand((command) => sink.data({ command })),
  };
}
