import { useTranslation } from 'react-i18next';
import type { NetworkMember, NetworkSummary } from '../../../shared/types/networks';
import { ariaSort, SortButton } from '../../components/SortButton';
import { formatDateTime, formatRelative } from '../../format/time';
import { useEngineGate } from '../engine';
import type { NetworkSort, NetworkSortKey } from './network-sort';

interface NetworkTableProps {
  networks: NetworkSummary[];
  sort: NetworkSort;
  pending: ReadonlySet<string>;
  onSort(key: NetworkSortKey): void;
  onInspect(network: NetworkSummary): void;
  onConnect(network: NetworkSummary): void;
  onDisconnect(network: NetworkSummary, member: NetworkMember): void;
  onRemove(network: NetworkSummary): void;
}

const COLUMNS: readonly NetworkSortKey[] = ['name', 'driver', 'subnet', 'containers', 'created'];

/** Flags shown beside the name: the engine's own networks, internal, attachable, IPv6. */
function Flags({ network }: { network: NetworkSummary }) {
  const { t } = useTranslation('networks');
  const flags = [
    network.predefined && t('flags.predefined'),
    network.internal && t('flags.internal'),
    network.attachable && t('flags.attachable'),
    network.ipv6 && 'IPv6',
  ];
  return (
    <>
      {flags.filter(Boolean).map((flag) => (
        <span key={String(flag)} className="network-pill">
          {flag}
        </span>
      ))}
    </>
  );
}

function Members({ network, pending, onDisconnect }: Pick<NetworkTableProps, 'pending' | 'onDisconnect'> & { network: NetworkSummary }) {
  const { t } = useTranslation('networks');
  const { gate } = useEngineGate();
  if (!network.containers.length) return <span className="muted">{t('noContainers')}</span>;
  return (
    <ul className="network-members" aria-label={t('membersLabel', { name: network.name })}>
      {network.containers.map((member) => (
        <li key={member.id} className="network-member">
          <span className="mono">{member.name}</span>
          {member.ipv4Address && <span className="muted mono network-address">{member.ipv4Address}</span>}
          {member.state !== 'running' && <span className="muted">{t('memberStopped', { state: member.state })}</span>}
          {network.name !== 'host' && network.name !== 'none' && (
            <button
              type="button"
              className="ghost small network-disconnect"
              disabled={pending.has(`${network.name}/${member.name}`)}
              onClick={() => onDisconnect(network, member)}
              aria-label={t('actions.disconnectNamed', { container: member.name, network: network.name })}
              title={t('actions.disconnectNamed', { container: member.name, network: network.name })}
              {...gate}
            >
              <span aria-hidden="true">×</span>
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The networks: name (id, flags, labels), driver and scope, subnets, the containers on each, age; actions per row. */
export function NetworkTable({ networks, sort, pending, onSort, onInspect, onConnect, onDisconnect, onRemove }: NetworkTableProps) {
  const { t, i18n } = useTranslation('networks');
  const { reachable, gate } = useEngineGate();
  return (
    <div className={`network-table-wrap${reachable ? '' : ' stale-rows'}`} data-stale={reachable ? undefined : 'true'}>
      <table className="network-table" aria-label={t('tableLabel')}>
        <thead>
          <tr>
            {COLUMNS.map((key) => {
              const sorted = sort.key === key ? sort.direction : undefined;
              return (
                <th key={key} scope="col" aria-sort={ariaSort(sorted)}>
                  <SortButton label={t(`columns.${key}`)} sorted={sorted} onClick={() => onSort(key)} />
                </th>
              );
            })}
            <th scope="col">{t('columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {networks.map((network) => {
            const labels = Object.entries(network.labels).map(([key, value]) => (value ? `${key}=${value}` : key));
            return (
              <tr key={network.id} data-network-name={network.name} aria-busy={pending.has(network.name)}>
                <td>
                  <span className="mono network-name">{network.name}</span>
                  <Flags network={network} />
                  <div className="muted mono small-print">{network.id.slice(0, 12)}</div>
                  {labels.length > 0 && <div className="muted small-print network-labels">{labels.join(' · ')}</div>}
                </td>
                <td>
                  <span className="mono">{network.driver}</span>
                  <div className="muted small-print">{network.scope}</div>
                </td>
                <td className="mono">
                  {network.subnets.length === 0 && <span className="muted">—</span>}
                  {network.subnets.map((subnet) => (
                    <div key={subnet.subnet}>
                      {subnet.subnet}
                      {subnet.gateway && <div className="muted small-print">{t('gateway', { gateway: subnet.gateway })}</div>}
                    </div>
                  ))}
                </td>
                <td>
                  <Members network={network} pending={pending} onDisconnect={onDisconnect} />
                </td>
                <td className="nowrap" title={network.created ? formatDateTime(network.created, i18n.language) : undefined}>
                  {network.created ? formatRelative(network.created, i18n.language, Date.now(), 'short') : '—'}
                </td>
                <td>
                  <div className="network-actions">
                    <button
                      type="button"
                      className="small"
                      onClick={() => onInspect(network)}
                      {...gate}
                      aria-label={t('actions.inspectNamed', { name: network.name })}
                    >
                      {t('actions.inspect')}
                    </button>
                    {network.name !== 'host' && network.name !== 'none' && (
                      <button
                        type="button"
                        className="small"
                        onClick={() => onConnect(network)}
                        {...gate}
                        aria-label={t('connect.openNamed', { name: network.name })}
                      >
                        {t('connect.open')}
                      </button>
                    )}
                    {!network.predefined && (
                      <button
                        type="button"
                        className="small danger-text"
                        disabled={pending.has(network.name)}
                        {...gate}
                        onClick={() => onRemove(network)}
                        aria-label={t('actions.removeNamed', { name: network.name })}
                      >
                        {t('actions.remove')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
