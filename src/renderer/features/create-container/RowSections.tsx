import { useTranslation } from 'react-i18next';
import { RowsEditor } from './RowsEditor';
import { CheckField, SelectField, TextField } from './Field';
import { MOUNT_TYPES, PROTOCOLS, newKeyValueRow, newMountRow, newPortRow, type KeyValueRow, type SectionProps } from './formState';
import { rowFieldKey } from './toSpec';

/** Environment variables (`env`) or labels (`labels`): rows of key and value. */
export function KeyValueSection({ section, rows, onChange }: { section: 'env' | 'labels'; rows: KeyValueRow[]; onChange(rows: KeyValueRow[]): void }) {
  const { t } = useTranslation('create');
  return (
    <RowsEditor
      legend={t(`${section}.legend`)}
      rows={rows}
      onChange={onChange}
      create={newKeyValueRow}
      addLabel={t(`${section}.add`)}
      rowLabel={(n) => t(`${section}.row`, { n })}
      removeLabel={(n) => t(`${section}.remove`, { n })}
      emptyText={t(`${section}.empty`)}
    >
      {(row, update) => (
        <>
          <TextField
            field={rowFieldKey(section, row.id, 'key')}
            label={t(`${section}.key`)}
            value={row.key}
            placeholder={t(`${section}.keyPlaceholder`)}
            onChange={(key) => update({ key })}
          />
          <TextField
            field={rowFieldKey(section, row.id, 'value')}
            label={t(`${section}.value`)}
            value={row.value}
            placeholder={t(`${section}.valuePlaceholder`)}
            className="cf-grow"
            onChange={(value) => update({ value })}
          />
        </>
      )}
    </RowsEditor>
  );
}

export function PortsSection({ state, update }: SectionProps) {
  const { t } = useTranslation('create');
  const protocols = PROTOCOLS.map((value) => ({ value, label: t(`protocols.${value}`) }));
  return (
    <RowsEditor
      legend={t('ports.legend')}
      hint={t('ports.hint')}
      rows={state.ports}
      onChange={(ports) => update({ ports })}
      create={newPortRow}
      addLabel={t('ports.add')}
      rowLabel={(n) => t('ports.row', { n })}
      removeLabel={(n) => t('ports.remove', { n })}
      emptyText={t('ports.empty')}
    >
      {(row, change) => (
        <>
          <TextField
            field={rowFieldKey('ports', row.id, 'hostIp')}
            label={t('ports.hostIp')}
            value={row.hostIp}
            placeholder={t('ports.hostIpPlaceholder')}
            className="cf-ip"
            onChange={(hostIp) => change({ hostIp })}
          />
          <TextField
            field={rowFieldKey('ports', row.id, 'hostPort')}
            label={t('ports.hostPort')}
            value={row.hostPort}
            placeholder={t('ports.hostPortPlaceholder')}
            inputMode="numeric"
            className="cf-port"
            onChange={(hostPort) => change({ hostPort })}
          />
          <TextField
            field={rowFieldKey('ports', row.id, 'containerPort')}
            label={t('ports.containerPort')}
            value={row.containerPort}
            placeholder={t('ports.containerPortPlaceholder')}
            inputMode="numeric"
            className="cf-port"
            onChange={(containerPort) => change({ containerPort })}
          />
          <SelectField
            field={rowFieldKey('ports', row.id, 'protocol')}
            label={t('ports.protocol')}
            value={row.protocol}
            options={protocols}
            className="cf-fit"
            onChange={(protocol) => change({ protocol })}
          />
        </>
      )}
    </RowsEditor>
  );
}

export function MountsSection({ state, update }: SectionProps) {
  const { t } = useTranslation('create');
  const types = MOUNT_TYPES.map((value) => ({ value, label: t(`mounts.types.${value}`) }));
  return (
    <RowsEditor
      legend={t('mounts.legend')}
      rows={state.mounts}
      onChange={(mounts) => update({ mounts })}
      create={newMountRow}
      addLabel={t('mounts.add')}
      rowLabel={(n) => t('mounts.row', { n })}
      removeLabel={(n) => t('mounts.remove', { n })}
      emptyText={t('mounts.empty')}
    >
      {(row, change) => (
        <>
          <SelectField
            field={rowFieldKey('mounts', row.id, 'type')}
            label={t('mounts.type')}
            value={row.type}
            options={types}
            className="cf-fit"
            onChange={(type) => change({ type })}
          />
          <TextField
            field={rowFieldKey('mounts', row.id, 'source')}
            label={row.type === 'bind' ? t('mounts.hostPath') : t('mounts.volume')}
            value={row.source}
            placeholder={row.type === 'bind' ? t('mounts.hostPathPlaceholder') : t('mounts.volumePlaceholder')}
            className="cf-grow"
            onChange={(source) => change({ source })}
          />
          <TextField
            field={rowFieldKey('mounts', row.id, 'target')}
            label={t('mounts.target')}
            value={row.target}
            placeholder={t('mounts.targetPlaceholder')}
            className="cf-grow"
            onChange={(target) => change({ target })}
          />
          <CheckField
            field={rowFieldKey('mounts', row.id, 'readOnly')}
            label={t('mounts.readOnly')}
            checked={row.readOnly}
            onChange={(readOnly) => change({ readOnly })}
          />
        </>
      )}
    </RowsEditor>
  );
}
