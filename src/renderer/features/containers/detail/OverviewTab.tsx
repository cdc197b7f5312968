import { useTranslation } from 'react-i18next';
import { formatCpus, formatMemory } from '../../../../shared/containers/units';
import { useCommand } from '../../../api/useCommand';
import { formatDateTime } from '../../../format/time';
import { publishedPortText } from '../ContainerTable';
import { currentLimits } from '../manage/update-form';
import { statusText } from '../status-text';
import type { DetailTabProps } from '../../../tab-types';

export function OverviewTab({ container }: DetailTabProps) {
  const { t, i18n } = useTranslation('detail');
  const { t: tc } = useTranslation('containers');
  const { t: tm } = useTranslation('manage');
  // The limits `docker update` changes (the view reads them again after an update).
  const inspect = useCommand('containers.inspect', { id: container.id });
  const limits = inspect.data ? currentLimits(inspect.data) : undefined;
  const labels = Object.entries(container.labels);
  const rows: Array<[string, string]> = [
    [t('overview.id'), container.id],
    [t('overview.image'), container.image],
    [t('overview.command'), container.command],
    [t('overview.created'), formatDateTime(container.created, i18n.language)],
    [t('overview.status'), statusText(container.status, tc, i18n.language)],
    [t('overview.ports'), container.ports.map(publishedPortText).join(', ') || t('overview.none')],
  ];
  if (limits) {
    const unlimited = tm('update.unlimited');
    const policy = tm(`update.restartNames.${limits.restart.name}`);
    rows.push(
      [tm('update.memory'), limits.memory > 0 ? formatMemory(limits.memory) : unlimited],
      [tm('update.memorySwap'), limits.memorySwap > 0 ? formatMemory(limits.memorySwap) : unlimited],
      [tm('update.cpus'), limits.nanoCpus > 0 ? formatCpus(limits.nanoCpus) : unlimited],
      [tm('update.cpuShares'), limits.cpuShares > 0 ? String(limits.cpuShares) : tm('update.defaultShares')],
      [tm('update.pidsLimit'), limits.pidsLimit > 0 ? String(limits.pidsLimit) : unlimited],
      [
        tm('update.restart'),
        limits.restart.name === 'on-failure' && limits.restart.maximumRetryCount > 0 ? `${policy} (${limits.restart.maximumRetryCount})` : policy,
      ],
    );
  }
  rows.push([t('overview.labels'), labels.map(([key, value]) => `${key}=${value}`).join('\n') || t('overview.none')]);
  return (
    <dl className="facts" data-testid="overview-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="pre">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
