import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CgroupLimit, NamespaceIsolation } from '../../../shared/types/isolation';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatBytes } from '../../format/bytes';
import type { DetailTabProps } from '../../tab-types';
import { useCommand } from '../../api/useCommand';
import '../../styles/isolation.css';
import { dockerIsolationCommand } from '../../../shared/cli/containers';

interface Described {
  id: string;
  label: string;
  value: string;
  /** Whether the value is a restriction (shown stronger) or the open default. */
  tone: 'isolated' | 'open' | 'neutral';
  sentence: string;
  raw?: string;
}

/** How this container is isolated: namespaces, root filesystem and cgroup limits, in plain words. */
export function IsolationTab({ container }: DetailTabProps) {
  const { t } = useTranslation('isolation');
  const { data: model, error } = useCommand('containers.isolation', { id: container.id }, container.state);
  if (error) return <ErrorMessage error={error} />;
  if (!model) return <p className="muted">{t('loading')}</p>;

  const namespaces = model.namespaces.map((ns) => describeNamespace(ns, t));
  const fs = model.rootFilesystem;
  const filesystem: Described[] = [
    {
      id: 'driver',
      label: t('rootfs.driver'),
      value: fs.storageDriver || t('unknown'),
      tone: 'neutral',
      sentence: t('rootfs.driverSentence', { driver: fs.storageDriver || t('unknown') }),
    },
    {
      id: 'readOnly',
      label: t('rootfs.access'),
      value: fs.readOnly ? t('rootfs.readOnly') : t('rootfs.writable'),
      tone: fs.readOnly ? 'isolated' : 'open',
      sentence: fs.readOnly ? t('rootfs.readOnlySentence') : t('rootfs.writableSentence'),
    },
  ];
  const limits = model.limits.map((limit) => describeLimit(limit, model.limits, t));

  return (
    <div className="isolation-tab">
      <CliCommand command={dockerIsolationCommand(container.name)} />
      <p className="muted">{t('intro')}</p>
      <FactTable title={t('sections.namespaces')} items={namespaces} t={t} />
      <FactTable title={t('sections.rootfs')} items={filesystem} t={t} />
      <FactTable title={t('sections.limits')} items={limits} t={t} />
    </div>
  );
}

function FactTable({ title, items, t }: { title: string; items: Described[]; t: TFunction<'isolation'> }) {
  return (
    <section className="isolation-section">
      <h2 className="section-title">{title}</h2>
      <ul className="isolation-list" aria-label={title}>
        {items.map((item) => (
          <li key={item.id} className="isolation-item" data-item={item.id}>
            <div className="isolation-head">
              <span className="isolation-label">{item.label}</span>
              <span className={`isolation-value tone-${item.tone}`}>{item.value}</span>
              {item.raw !== undefined && (
                <code className="muted isolation-raw" title={t('rawTitle')}>
                  {item.raw || t('engineDefault')}
                </code>
              )}
            </div>
            <p className="isolation-sentence">{item.sentence}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function describeNamespace(ns: NamespaceIsolation, t: TFunction<'isolation'>): Described {
  const name = ns.sharedWith?.name ?? ns.sharedWith?.id.slice(0, 12) ?? '';
  const networks = (ns.networks ?? []).join(', ');
  const value = ns.mode === 'container' ? t('modes.container', { name }) : t(`modes.${ns.mode}`);
  const tone = ns.mode === 'host' ? 'open' : ns.mode === 'container' ? 'neutral' : 'isolated';
  return {
    id: ns.kind,
    label: t(`kinds.${ns.kind}`),
    value,
    tone,
    sentence: t(`namespaces.${ns.kind}.${ns.mode}`, { name, networks, defaultValue: t(`namespaces.generic.${ns.mode}`, { name }) }),
    raw: ns.raw,
  };
}

function describeLimit(limit: CgroupLimit, all: CgroupLimit[], t: TFunction<'isolation'>): Described {
  const label = t(`limits.${limit.id}.label`);
  const unlimited = (sentence: string, value = t('unlimited')): Described => ({ id: limit.id, label, value, tone: 'open', sentence });
  const limited = (value: string, sentence: string): Described => ({ id: limit.id, label, value, tone: 'isolated', sentence });
  switch (limit.id) {
    case 'memory':
      return limit.bytes === null
        ? unlimited(t('limits.memory.none'))
        : limited(formatBytes(limit.bytes), t('limits.memory.set', { value: formatBytes(limit.bytes) }));
    case 'memorySwap': {
      if (limit.bytes === null) return unlimited(t('limits.memorySwap.none'));
      const memory = all.find((other) => other.id === 'memory');
      const memoryBytes = memory?.id === 'memory' ? (memory.bytes ?? 0) : 0;
      const swap = Math.max(0, limit.bytes - memoryBytes);
      const value = formatBytes(limit.bytes);
      if (limit.fromDefault) return limited(value, t('limits.memorySwap.default', { value }));
      if (swap === 0) return limited(value, t('limits.memorySwap.noSwap'));
      return limited(value, t('limits.memorySwap.set', { value, swap: formatBytes(swap) }));
    }
    case 'cpus': {
      if (limit.cpus === null) return unlimited(t('limits.cpus.none'));
      const cpus = String(Number(limit.cpus.toFixed(3)));
      if (limit.source === 'quota') {
        return limited(cpus, t('limits.cpus.quota', { cpus, quota: limit.quotaMicros, period: limit.periodMicros }));
      }
      return limited(cpus, t('limits.cpus.set', { cpus }));
    }
    case 'cpuShares':
      return limit.shares === null
        ? unlimited(t('limits.cpuShares.none'), t('defaultValue'))
        : limited(String(limit.shares), t('limits.cpuShares.set', { shares: limit.shares }));
    case 'cpusetCpus':
      return limit.cpus === null ? unlimited(t('limits.cpusetCpus.none'), t('all')) : limited(limit.cpus, t('limits.cpusetCpus.set', { cpus: limit.cpus }));
    case 'cpusetMems':
      return limit.mems === null ? unlimited(t('limits.cpusetMems.none'), t('all')) : limited(limit.mems, t('limits.cpusetMems.set', { mems: limit.mems }));
    case 'pidsLimit':
      return limit.limit === null ? unlimited(t('limits.pidsLimit.none')) : limited(String(limit.limit), t('limits.pidsLimit.set', { limit: limit.limit }));
    case 'blkioWeight':
      return limit.weight === null
        ? unlimited(t('limits.blkioWeight.none'), t('defaultValue'))
        : limited(String(limit.weight), t('limits.blkioWeight.set', { weight: limit.weight }));
  }
}
