import { CliCommand } from './CliCommand';

/** What an action on a list did, in words, with the docker command that does the same; dismissable. */
export function ActionReport({ text, cli, dismissLabel, onDismiss }: { text: string; cli: string; dismissLabel: string; onDismiss(): void }) {
  return (
    <div className="action-report" role="status">
      <span>{text}</span>
      <CliCommand command={cli} />
      <button type="button" className="ghost small" onClick={onDismiss}>
        {dismissLabel}
      </button>
    </div>
  );
}
