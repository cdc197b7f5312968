import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { composeLogsCommand } from '../../../shared/cli/compose';
import type { BerthError } from '../../../shared/errors';
import type { ComposeLogLine } from '../../../shared/types/compose';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Modal } from '../../components/Modal';
import { serviceColour } from './service-colour';

/** The view keeps the newest lines only. */
const KEEP_LINES = 5000;
const TAIL = 500;
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

type Phase = 'loading' | 'following' | 'ended' | 'error';

/** `docker compose -p NAME logs -f --tail 500`: every service's lines in time order, each with its service in its colour. */
export function ProjectLogsDialog({ project, onClose }: { project: string; onClose(): void }) {
  const { t } = useTranslation('compose');
  const client = useClient();
  const [lines, setLines] = useState<ComposeLogLine[]>([]);
  const [phase, setPhase] = useState<Phase>('loading');
  const [error, setError] = useState<BerthError>();
  const [run, setRun] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);

  useEffect(() => {
    setPhase('loading');
    setError(undefined);
    return client.subscribe(
      'compose.logs',
      { project, follow: true, tail: TAIL },
      {
        onMessage: (batch) => {
          // A second `first` is the transport subscribing again: the history comes again.
          setLines((current) => [...(batch.first ? [] : current), ...batch.lines].slice(-KEEP_LINES));
          if (batch.first) setPhase('following');
        },
        onError: (err) => {
          setError(err);
          setPhase('error');
        },
        onEnd: () => setPhase('ended'),
      },
    );
  }, [client, project, run]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && atBottom.current) element.scrollTop = element.scrollHeight;
  }, [lines]);

  const width = Math.max(0, ...lines.map((line) => line.service.length));
  return (
    <Modal title={t('logs.title', { name: project })} kind="compose-logs" wide onClose={onClose}>
      <CliCommand command={composeLogsCommand(project, { follow: true, tail: TAIL })} />
      <p className="muted compose-logs-status" role="status">
        {t(`logs.${phase}`, { count: lines.length })}
        {phase === 'ended' && (
          <button type="button" className="small" onClick={() => setRun((n) => n + 1)}>
            {t('logs.again')}
          </button>
        )}
      </p>
      {error && <ErrorMessage error={error} />}
      <div
        ref={scroller}
        className="compose-logs"
        role="log"
        aria-label={t('logs.label', { name: project })}
        tabIndex={0}
        onScroll={(event) => {
          const element = event.currentTarget;
          atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
        }}
      >
        {lines.map((line, index) => (
          <div key={index} className={`compose-log-line${line.stream === 'stderr' ? ' stderr' : ''}`}>
            <span className={`service-prefix service-colour-${serviceColour(line.service)}`} title={line.container}>
              {line.service.padEnd(width)} |
            </span>{' '}
            <span className="compose-log-text">{line.text.replace(ANSI, '')}</span>
          </div>
        ))}
      </div>
    </Modal>
  );
}
