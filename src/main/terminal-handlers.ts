import type Docker from 'dockerode';
import type { SessionAck } from '../shared/types/terminal';
import type { CommandHandlers, StreamHandlers } from './handler-types';
import type { HostServices } from './host';
import { openAttachSession } from './engine/terminal-attach';
import { openExecSession } from './engine/terminal-exec';
import { findSession, type SessionKind } from './engine/terminal-session';

type TerminalCommands = Pick<
  CommandHandlers,
  'exec.input' | 'exec.resize' | 'exec.ack' | 'attach.input' | 'attach.resize' | 'attach.ack' | 'terminal.openLink'
>;
type TerminalStreams = Pick<StreamHandlers, 'exec.session' | 'attach.session'>;

/** A session that has ended (or never was) answers `{ open: false }`: input racing the end is not an error. */
const closed: SessionAck = { open: false };

function sessionCommands<K extends SessionKind>(kind: K) {
  return {
    input: async ({ sessionId, data, encoding }: { sessionId: string; data: string; encoding: 'utf8' | 'base64' }) =>
      findSession(kind, sessionId)?.write(Buffer.from(data, encoding)) ?? closed,
    resize: async ({ sessionId, cols, rows }: { sessionId: string; cols: number; rows: number }) =>
      findSession(kind, sessionId)?.resize(cols, rows) ?? closed,
    ack: async ({ sessionId, bytes }: { sessionId: string; bytes: number }) =>
      findSession(kind, sessionId)?.acknowledge(bytes) ?? closed,
  };
}

export function terminalCommandHandlers(host: HostServices): TerminalCommands {
  const exec = sessionCommands('exec');
  const attach = sessionCommands('attach');
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

export function terminalStreamHandlers(docker: Docker): TerminalStreams {
  return {
    'exec.session': (request, sink) => openExecSession(docker, request, sink),
    'attach.session': (request, sink) => openAttachSession(docker, request, sink),
  };
}
