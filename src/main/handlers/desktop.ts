import type { HandlerContext, StreamHandlers } from '../handler-types';

type DesktopStreams = Pick<StreamHandlers, 'menu.watch'>;

export function desktopStreamHandlers({ host }: HandlerContext): DesktopStreams {
  return {
    'menu.watch': (_input, sink) => host.onMenuCommand((command) => sink.data({ command })),
  };
}
