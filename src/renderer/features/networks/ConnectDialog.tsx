import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { networkConnectCommand } from '../../../shared/cli/networks';
import { isIpv4, isIpv6, subnetContains } from '../../../shared/networks/ip';
import type { NetworkConnectResult, NetworkSummary } from '../../../shared/types/networks';
import { useClient } from '../../api/ClientContext';
import { useCommand } from '../../api/useCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { FormDialog } from '../../components/FormDialog';

const ALIAS = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** Aliases typed separated by spaces or commas. */
const splitAliases = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

function ipv4Problem(address: string, network: NetworkSummary): string | undefined {
  if (address === '') return undefined;
  if (!isIpv4(address)) return 'ipv4';
  const ipv4Subnets = network.subnets.filter((subnet) => !subnet.subnet.includes(':'));
  return ipv4Subnets.length && !ipv4Subnets.some((subnet) => subnetContains(subnet.subnet, address)) ? 'outside' : undefined;
}

/**
 * `docker network connect`: a container (those not on the network yet), its aliases and a fixed
 * address. The engine takes aliases and a fixed address only on networks the user made, and an
 * address only where the network was given a subnet: the fields say so instead of failing.
 */
export function ConnectDialog({
  network,
  onClose,
  onConnected,
}: {
  network: NetworkSummary;
  onClose(): void;
  onConnected(result: NetworkConnectResult, cli: string): void;
}) {
  const { t } = useTranslation('networks');
  const client = useClient();
  const ids = useId();
  const { data: containers, error: listError } = useCommand('containers.list', { all: true });
  const [container, setContainer] = useState('');
  const [aliasText, setAliasText] = useState('');
  const [ipv4Address, setIpv4] = useState('');
  const [ipv6Address, setIpv6] = useState('');
  const selectRef = useRef<HTMLSelectElement>(null);
  useEffect(() => selectRef.current?.focus(), [containers]);

  const members = new Set(network.containers.map((member) => member.id));
  const choices = (containers ?? []).filter((candidate) => !members.has(candidate.id)).sort((a, b) => a.name.localeCompare(b.name));
  const chosen = container || choices[0]?.name || '';
  const aliases = splitAliases(aliasText);
  const aliasProblem = aliases.some((alias) => !ALIAS.test(alias));
  const fixedIpPossible = !network.predefined && network.subnets.length > 0;
  const v4Problem = ipv4Problem(ipv4Address.trim(), network);
  const v6Problem = ipv6Address.trim() !== '' && !isIpv6(ipv6Address.trim());
  const valid = chosen !== '' && !aliasProblem && !v4Problem && !v6Problem;
  const spec = {
    network: network.name,
    container: chosen,
    aliases: network.predefined ? [] : aliases,
    ...(fixedIpPossible && ipv4Address.trim() ? { ipv4Address: ipv4Address.trim() } : {}),
    ...(fixedIpPossible && ipv6Address.trim() ? { ipv6Address: ipv6Address.trim() } : {}),
  };
  const cli = networkConnectCommand({ ...spec, container: chosen || t('connect.containerWord') });

  return (
    <FormDialog
      kind="networks"
      title={t('connect.title', { name: network.name })}
      formClassName="networks-form"
      cli={cli}
      cancelLabel={t('cancel')}
      submitLabel={t('connect.submit')}
      valid={valid}
      onClose={onClose}
      onSubmit={async () => {
        onConnected(await client.invoke('networks.connect', spec), cli);
      }}
    >
      {listError && <ErrorMessage error={listError} />}
      {containers && choices.length === 0 && <p className="muted">{t('connect.noCandidates')}</p>}
      <label htmlFor={`${ids}-container`}>{t('connect.container')}</label>
      <select
        id={`${ids}-container`}
        ref={selectRef}
        value={chosen}
        onChange={(event) => setContainer(event.target.value)}
        disabled={!containers || choices.length === 0}
      >
        {choices.map((candidate) => (
          <option key={candidate.id} value={candidate.name}>
            {`${candidate.name} (${candidate.state})`}
          </option>
        ))}
      </select>
      <FormField
        label={t('connect.aliases')}
        hint={network.predefined ? t('connect.aliasesPredefined') : t('connect.aliasesHint')}
        problem={aliasProblem ? t('connect.aliasProblem') : undefined}
      >
        {(control) => (
          <input
            className="mono"
            value={aliasText}
            onChange={(event) => setAliasText(event.target.value)}
            placeholder={t('connect.aliasesPlaceholder')}
            disabled={network.predefined}
            spellCheck={false}
            {...control}
          />
        )}
      </FormField>
      <div className="network-grid">
        <FormField label={t('connect.ipv4')} describedBy={`${ids}-ip`} invalid={v4Problem !== undefined}>
          {(control) => (
            <input
              className="mono"
              value={ipv4Address}
              onChange={(event) => setIpv4(event.target.value)}
              placeholder={fixedIpPossible ? t('connect.ipv4Placeholder', { subnet: network.subnets[0]?.subnet ?? '' }) : undefined}
              disabled={!fixedIpPossible}
              spellCheck={false}
              {...control}
            />
          )}
        </FormField>
        <FormField label={t('connect.ipv6')} describedBy={`${ids}-ip`} invalid={v6Problem}>
          {(control) => (
            <input
              className="mono"
              value={ipv6Address}
              onChange={(event) => setIpv6(event.target.value)}
              disabled={!fixedIpPossible}
              spellCheck={false}
              {...control}
            />
          )}
        </FormField>
      </div>
      <span id={`${ids}-ip`} className={v4Problem || v6Problem ? 'field-problem' : 'muted small-print'} role={v4Problem || v6Problem ? 'alert' : undefined}>
        {v4Problem === 'outside'
          ? t('connect.ipOutside', { subnets: network.subnets.map((subnet) => subnet.subnet).join(', ') })
          : v4Problem || v6Problem
            ? t('connect.ipProblem')
            : fixedIpPossible
              ? t('connect.ipHint')
              : t('connect.ipNeedsSubnet')}
      </span>
    </FormDialog>
  );
}
