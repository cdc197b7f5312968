import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkSummary } from '../../../shared/types/networks';
import { useClient } from '../../api/ClientContext';
import { CheckField, SelectField, TextField } from './Field';
import { MEMORY_UNITS, newTmpfsRow, type SectionProps } from './formState';
import { RowsEditor } from './RowsEditor';
import { rowFieldKey } from './toSpec';

/** The engine's networks (`docker network ls`); empty while loading or when listing fails. */
function useNetworks(): NetworkSummary[] {
  const client = useClient();
  const [networks, setNetworks] = useState<NetworkSummary[]>([]);
  useEffect(() => {
    let live = true;
    client.invoke('networks.list', {}).then(
      (list) => live && setNetworks(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);
  return networks;
}

/** Network, --rm, --init, --read-only, /dev/shm and tmpfs mounts. */
export function RuntimeSection({ state, update }: SectionProps) {
  const { t } = useTranslation('create');
  const networks = useNetworks();
  const known = networks.some((network) => network.name === state.network);
  const options = [
    { value: '', label: t('runtime.networkDefault') },
    ...networks.map((network) => ({ value: network.name, label: `${network.name} (${network.driver})` })),
    // A pasted line may name a network this engine does not have: shown, so the form says what it will send.
    ...(state.network && !known ? [{ value: state.network, label: t('runtime.networkMissing', { name: state.network }) }] : []),
  ];
  return (
    <fieldset className="cf-section">
      <legend>{t('runtime.legend')}</legend>
      <div className="cf-line">
        <SelectField
          field="network"
          label={t('runtime.network')}
          value={state.network}
          options={options}
          className="cf-grow"
          onChange={(network) => update({ network })}
        />
        <TextField
          field="shmSize"
          label={t('runtime.shmSize')}
          value={state.shmSize}
          placeholder={t('runtime.shmSizePlaceholder')}
          inputMode="decimal"
          className="cf-number"
          onChange={(shmSize) => update({ shmSize })}
        />
        <SelectField
          field="shmUnit"
          label={t('runtime.shmUnit')}
          value={state.shmUnit}
          options={MEMORY_UNITS.map((value) => ({ value, label: t(`units.${value}`) }))}
          onChange={(shmUnit) => update({ shmUnit })}
        />
      </div>
      <div className="cf-checks">
        <CheckField field="autoRemove" label={t('runtime.autoRemove')} checked={state.autoRemove} onChange={(autoRemove) => update({ autoRemove })} />
        <CheckField field="init" label={t('runtime.init')} checked={state.init} onChange={(init) => update({ init })} />
        <CheckField field="readOnly" label={t('runtime.readOnly')} checked={state.readOnly} onChange={(readOnly) => update({ readOnly })} />
      </div>
      <RowsEditor
        legend={t('tmpfs.legend')}
        rows={state.tmpfs}
        onChange={(tmpfs) => update({ tmpfs })}
        create={newTmpfsRow}
        addLabel={t('tmpfs.add')}
        rowLabel={(n) => t('tmpfs.row', { n })}
        removeLabel={(n) => t('tmpfs.remove', { n })}
        emptyText={t('tmpfs.empty')}
      >
        {(row, change) => (
          <>
            <TextField
              field={rowFieldKey('tmpfs', row.id, 'target')}
              label={t('tmpfs.target')}
              value={row.target}
              placeholder={t('tmpfs.targetPlaceholder')}
              className="cf-grow"
              onChange={(target) => change({ target })}
            />
            <TextField
              field={rowFieldKey('tmpfs', row.id, 'options')}
              label={t('tmpfs.options')}
              value={row.options}
              placeholder={t('tmpfs.optionsPlaceholder')}
              className="cf-grow"
              onChange={(options) => change({ options })}
            />
          </>
        )}
      </RowsEditor>
    </fieldset>
  );
}

/** Capabilities and --privileged, which says what it gives away. */
export function SecuritySection({ state, update }: SectionProps) {
  const { t } = useTranslation('create');
  return (
    <fieldset className="cf-section">
      <legend>{t('security.legend')}</legend>
      <div className="cf-line">
        <TextField
          field="capAdd"
          label={t('security.capAdd')}
          value={state.capAdd}
          placeholder={t('security.capAddPlaceholder')}
          hint={t('security.capHint')}
          className="cf-grow cf-mono"
          onChange={(capAdd) => update({ capAdd })}
        />
        <TextField
          field="capDrop"
          label={t('security.capDrop')}
          value={state.capDrop}
          placeholder={t('security.capDropPlaceholder')}
          className="cf-grow cf-mono"
          onChange={(capDrop) => update({ capDrop })}
        />
      </div>
      <div className="cf-checks">
        <CheckField field="privileged" label={t('security.privileged')} checked={state.privileged} onChange={(privileged) => update({ privileged })} />
      </div>
      <p id="create-privileged-warning" className={state.privileged ? 'cf-warning' : 'cf-hint'} role={state.privileged ? 'alert' : undefined}>
        {t('security.privilegedWarning')}
      </p>
    </fieldset>
  );
}

/** `--health-cmd` and its timings. */
export function HealthSection({ state, update }: SectionProps) {
  const { t } = useTranslation('create');
  const duration = (field: 'healthInterval' | 'healthTimeout' | 'healthStartPeriod') => (
    <TextField
      field={field}
      label={t(`health.${field}`)}
      value={state[field]}
      placeholder={t('health.durationPlaceholder')}
      className="cf-number"
      onChange={(value) => update({ [field]: value })}
    />
  );
  return (
    <fieldset className="cf-section">
      <legend>{t('health.legend')}</legend>
      <TextField
        field="healthCmd"
        label={t('health.command')}
        value={state.healthCmd}
        placeholder={t('health.commandPlaceholder')}
        hint={t('health.commandHint')}
        className="cf-mono"
        onChange={(healthCmd) => update({ healthCmd })}
      />
      <div className="cf-line">
        {duration('healthInterval')}
        {duration('healthTimeout')}
        {duration('healthStartPeriod')}
        <TextField
          field="healthRetries"
          label={t('health.retries')}
          value={state.healthRetries}
          placeholder={t('health.retriesPlaceholder')}
          inputMode="numeric"
          className="cf-number"
          onChange={(healthRetries) => update({ healthRetries })}
        />
      </div>
    </fieldset>
  );
}
