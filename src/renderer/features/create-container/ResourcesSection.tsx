import { useTranslation } from 'react-i18next';
import { CheckField, SelectField, TextField } from './Field';
import { MEMORY_UNITS, RESTART_POLICIES, type SectionProps } from './formState';

/** Terminal, stdin and the restart policy. */
export function BehaviorSection({ state, update }: SectionProps) {
  const { t } = useTranslation('create');
  const policies = RESTART_POLICIES.map((value) => ({ value, label: t(`restart.${value}`) }));
  return (
    <fieldset className="cf-section">
      <legend>{t('behavior.legend')}</legend>
      <div className="cf-checks">
        <CheckField field="tty" label={t('behavior.tty')} checked={state.tty} onChange={(tty) => update({ tty })} />
        <CheckField field="openStdin" label={t('behavior.openStdin')} checked={state.openStdin} onChange={(openStdin) => update({ openStdin })} />
      </div>
      <div className="cf-line">
        <SelectField field="restart" label={t('behavior.restart')} value={state.restart} options={policies} onChange={(restart) => update({ restart })} />
        {state.restart === 'on-failure' && (
          <TextField
            field="maxRetries"
            label={t('behavior.maxRetries')}
            value={state.maxRetries}
            placeholder={t('behavior.maxRetriesPlaceholder')}
            hint={t('behavior.maxRetriesHint')}
            inputMode="numeric"
            className="cf-number"
            onChange={(maxRetries) => update({ maxRetries })}
          />
        )}
      </div>
    </fieldset>
  );
}

/** Memory, CPU and PID limits, and json-file log rotation. Empty fields: no limit. */
export function ResourcesSection({ state, update }: SectionProps) {
  const { t } = useTranslation('create');
  const units = MEMORY_UNITS.map((value) => ({ value, label: t(`units.${value}`) }));
  return (
    <fieldset className="cf-section">
      <legend>{t('resources.legend')}</legend>
      <p className="cf-hint">{t('resources.hint')}</p>
      <div className="cf-line">
        <TextField
          field="memory"
          label={t('resources.memory')}
          value={state.memory}
          placeholder={t('resources.memoryPlaceholder')}
          inputMode="decimal"
          className="cf-number"
          onChange={(memory) => update({ memory })}
        />
        <SelectField
          field="memoryUnit"
          label={t('resources.memoryUnit')}
          value={state.memoryUnit}
          options={units}
          onChange={(memoryUnit) => update({ memoryUnit })}
        />
        <TextField
          field="cpus"
          label={t('resources.cpus')}
          value={state.cpus}
          placeholder={t('resources.cpusPlaceholder')}
          inputMode="decimal"
          className="cf-number"
          onChange={(cpus) => update({ cpus })}
        />
        <TextField
          field="pidsLimit"
          label={t('resources.pidsLimit')}
          value={state.pidsLimit}
          placeholder={t('resources.pidsLimitPlaceholder')}
          inputMode="numeric"
          className="cf-number"
          onChange={(pidsLimit) => update({ pidsLimit })}
        />
      </div>
      <div className="cf-line">
        <TextField
          field="logMaxSize"
          label={t('logging.maxSize')}
          value={state.logMaxSize}
          placeholder={t('logging.maxSizePlaceholder')}
          hint={t('logging.maxSizeHint')}
          className="cf-number"
          onChange={(logMaxSize) => update({ logMaxSize })}
        />
        <TextField
          field="logMaxFile"
          label={t('logging.maxFile')}
          value={state.logMaxFile}
          placeholder={t('logging.maxFilePlaceholder')}
          hint={t('logging.maxFileHint')}
          inputMode="numeric"
          className="cf-number"
          onChange={(logMaxFile) => update({ logMaxFile })}
        />
      </div>
    </fieldset>
  );
}
