import { createContext, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withEngineFlag } from '../../shared/cli/engines';

/** The global flag that points the docker CLI at the engine of the view (`--context NAME`, `-H HOST`, or none). */
const CliEngineFlag = createContext('');
export const CliEngineFlagProvider = CliEngineFlag.Provider;

/**
 * The docker CLI command equivalent to what the UI does, with a copy button. `label` says which
 * action it stands for where several share one line (default: "Equivalent docker command").
 */
export function CliCommand({ command: line, label }: { command: string; label?: string }) {
  const { t } = useTranslation();
  const command = withEngineFlag(line, useContext(CliEngineFlag));
  const [copied, setCopied] = useState(false);
  const copy = async (): Promise<void> => {
    await navigator.clipboard?.writeText(command).catch(() => undefined);
    setCopied(true);
    window.setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div className="cli-command">
      <span className="cli-label">{label ?? t('cli.label')}</span>
      <code data-testid="cli-command">{command}</code>
      <button type="button" className="ghost small" onClick={() => void copy()} aria-label={t('cli.copy')}>
        {copied ? t('actions.copied') : t('actions.copy')}
      </button>
    </div>
  );
}
