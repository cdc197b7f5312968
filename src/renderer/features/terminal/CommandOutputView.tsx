import { useTranslation } from 'react-i18next';
import type { CommandOutput } from './command-output';

/** A one-off command's output: standard output and standard error side by side. */
export function CommandOutputView({ output, running }: { output: CommandOutput; running: boolean }) {
  const { t } = useTranslation('terminal');
  return (
    <div className="term-command-output">
      {(['stdout', 'stderr'] as const).map((stream) => {
        const text = output.text(stream);
        return (
          <section key={stream} className={`term-stream term-${stream}`} aria-labelledby={`term-${stream}-title`}>
            <h2 id={`term-${stream}-title`}>{t(`command.${stream}`)}</h2>
            {output.truncated(stream) && <p className="term-hint">{t('command.truncated')}</p>}
            <pre tabIndex={0} data-testid={`command-${stream}`}>
              {text || <span className="muted">{running ? t('command.waiting') : t('command.empty')}</span>}
            </pre>
          </section>
        );
      })}
    </div>
  );
}
