import type { SessionAck } from '../../shared/types/terminal';
import type { CommandHandlers, HandlerContext, StreamHandlers } from '../handler-types';
import { openAttachSession } from '../engine/terminal/attach';
import { openExecSession } from '../engine/terminal/exec';
import type { SessionKind, TerminalSessions } from '../engine/terminal/session';

type TerminalCommands = Pick<
  CommandHandlers,
  'exec.input' | 'exec.resize' | 'exec.ack' | 'attach.input' | 'attach.resize' | 'attach.ack' | 'terminal.openLink'
>;
type TerminalStreams = Pick<StreamHandlers, 'exec.session' | 'attach.session'>;

/** A session that has ended (or never was) answers `{ open: false }`: input racing the end is not an error. */
const closed: SessionAck = { open: false };

function sessionCommands<K extends SessionKind>(sessions: TerminalSessions, kind: K) {
  return {
    input: async ({ sessionId, data, encoding }: { sessionId: string; data: string; encoding: 'utf8' | 'base64' }) =>
      sessions.find(kind, sessionId)?.write(Buffer.from(data, encoding)) ?? closed,
    resize: async ({ sessionId, cols, rows }: { sessionId: string; cols: number; rows: number }) =>
      sessions.find(kind, sessionId)?.resize(cols, rows) ?? closed,
    ack: async ({ sessionId, bytes }: { sessionId: string; bytes: number }) => sessions.find(kind, sessionId)?.acknowledge(bytes) ?? closed,
  };
}

export function terminalCommandHandlers({ host, terminals }: HandlerContext): TerminalCommands {
  const exec = sessionCommands(terminals, 'exec');
  const attach = sessionCommands(terminals, 'attach');
  return {
    'exec.input': exec.input,
    'exec.resize': exec.resize,
    'exec.ack': exec.ack,
    'attach.input': attach.input,
    'attach.resize': attach.resize,
    'attach.ack': attach.ack,
    'terminal.openLink': async ({ url }) => {
      // Browser mode: the page opens the link itself (window.open with noopener). Desktop: main asks first.
      if (!host.openLinkFromContent) return { opened: false };
      return { opened: await host.openLinkFromContent(new URL(url)) };
    },
  };
}

export function terminalStreamHandlers({ engine: { docker }, terminals }: HandlerContext): TerminalStreams {
  return {
    'exec.session': (request, sink) => openExecSession(docker, terminals, request, sink),
    'attach.session': (request, sink) => openAttachSession(docker, terminals, request, sink),
  };
}
