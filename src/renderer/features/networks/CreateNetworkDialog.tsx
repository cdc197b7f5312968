import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { networkCreateCommand } from '../../../shared/cli/networks';
import { isCidr, isIp, subnetContains } from '../../../shared/networks/ip';
import type { NetworkCreateResult } from '../../../shared/types/networks';
import { useClient } from '../../api/ClientContext';
import { FormField } from '../../components/FormField';
import { parseKeyValueLines } from '../../components/key-value-lines';
import { FormDialog } from '../../components/FormDialog';

const NETWORK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** The form's fields as typed; problems are keys under `create.problems`. */
function fieldProblems(fields: { name: string; subnet: string; gateway: string; ipRange: string }) {
  const { name, subnet, gateway, ipRange } = fields;
  return {
    name: name !== '' && !NETWORK_NAME.test(name) ? 'name' : undefined,
    subnet: subnet !== '' && !isCidr(subnet) ? 'subnet' : undefined,
    gateway:
      gateway === ''
        ? undefined
        : !isIp(gateway)
          ? 'gateway'
          : subnet === ''
            ? 'needsSubnet'
            : isCidr(subnet) && subnetContains(subnet, gateway) === false
              ? 'gatewayOutside'
              : undefined,
    ipRange: ipRange === '' ? undefined : !isCidr(ipRange) ? 'subnet' : subnet === '' ? 'needsSubnet' : undefined,
  };
}

/** `docker network create`: name, driver, subnet, gateway, IP range, flags, labels and options, with the CLI line as it is typed. */
export function CreateNetworkDialog({ onClose, onCreated }: { onClose(): void; onCreated(result: NetworkCreateResult, cli: string): void }) {
  const { t } = useTranslation('networks');
  const client = useClient();
  const [fields, setFields] = useState({ name: '', driver: 'bridge', subnet: '', gateway: '', ipRange: '', labels: '', options: '' });
  const [flags, setFlags] = useState({ internal: false, attachable: false, ipv6: false });
  const nameRef = useRef<HTMLInputElement>(null);
  // After the Modal's showModal(), which focuses its first control (the close button).
  useEffect(() => nameRef.current?.focus(), []);

  const trimmed = { name: fields.name.trim(), subnet: fields.subnet.trim(), gateway: fields.gateway.trim(), ipRange: fields.ipRange.trim() };
  const problems = fieldProblems(trimmed);
  const labels = parseKeyValueLines(fields.labels);
  const options = parseKeyValueLines(fields.options);
  const valid = trimmed.name !== '' && !Object.values(problems).some(Boolean) && labels.ok && options.ok;
  const spec = {
    name: trimmed.name,
    driver: fields.driver.trim() || 'bridge',
    ...(trimmed.subnet ? { subnet: trimmed.subnet } : {}),
    ...(trimmed.gateway ? { gateway: trimmed.gateway } : {}),
    ...(trimmed.ipRange ? { ipRange: trimmed.ipRange } : {}),
    ...flags,
    labels: labels.ok ? labels.values : {},
    driverOptions: options.ok ? options.values : {},
  };
  const cli = networkCreateCommand({ ...spec, name: spec.name || t('create.nameWord') });

  const text = (key: 'name' | 'driver' | 'subnet' | 'gateway' | 'ipRange', extra: { placeholder?: string; inputRef?: React.Ref<HTMLInputElement> } = {}) => {
    const problem = key === 'driver' ? undefined : problems[key];
    return (
      <FormField
        className={key === 'name' ? 'network-field-wide' : undefined}
        label={t(`create.${key}`)}
        problem={problem ? t(`create.problems.${problem}`) : undefined}
      >
        {(control) => (
          <input
            className={key === 'name' ? undefined : 'mono'}
            value={fields[key]}
            onChange={(event) => setFields((current) => ({ ...current, [key]: event.target.value }))}
            placeholder={extra.placeholder}
            spellCheck={false}
            ref={extra.inputRef}
            {...control}
          />
        )}
      </FormField>
    );
  };

  const lines = (key: 'labels' | 'options', parsed: ReturnType<typeof parseKeyValueLines>) => (
    <FormField label={t(`create.${key}`)} problem={parsed.ok ? undefined : t('create.lineProblem', { line: parsed.line })}>
      {(control) => (
        <textarea
          className="mono"
          rows={2}
          value={fields[key]}
          onChange={(event) => setFields((current) => ({ ...current, [key]: event.target.value }))}
          placeholder={t(`create.${key}Placeholder`)}
          spellCheck={false}
          {...control}
        />
      )}
    </FormField>
  );

  return (
    <FormDialog
      kind="networks"
      title={t('create.title')}
      formClassName="networks-form"
      cli={cli}
      cancelLabel={t('cancel')}
      submitLabel={t('create.submit')}
      valid={valid}
      onClose={onClose}
      onSubmit={async () => {
        onCreated(await client.invoke('networks.create', spec), cli);
      }}
    >
      <div className="network-grid">
        {text('name', { inputRef: nameRef, placeholder: t('create.namePlaceholder') })}
        {text('driver')}
        {text('subnet', { placeholder: t('create.subnetPlaceholder') })}
        {text('gateway', { placeholder: t('create.gatewayPlaceholder') })}
        {text('ipRange', { placeholder: t('create.ipRangePlaceholder') })}
      </div>
      <p className="muted small-print">{t('create.subnetHint')}</p>
      <fieldset className="network-flags">
        <legend>{t('create.flags')}</legend>
        {(['internal', 'attachable', 'ipv6'] as const).map((flag) => (
          <label key={flag} className="check">
            <input type="checkbox" checked={flags[flag]} onChange={(event) => setFlags((current) => ({ ...current, [flag]: event.target.checked }))} />
            {t(`create.${flag}`)}
          </label>
        ))}
      </fieldset>
      {lines('labels', labels)}
      {lines('options', options)}
    </FormDialog>
  );
}
