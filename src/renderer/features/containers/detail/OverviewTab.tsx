import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../format/time';
import { publishedPortText } from '../ContainerTable';
import { statusText } from '../status-text';
import type { DetailTabProps } from '../../../tab-types';

export function OverviewTab({ container }: DetailTabProps) {
  const { t, i18n } = useTranslation('detail');
  const { t: tc } = useTranslation('containers');
  const labels = Object.entries(container.labels);
  const rows: Array<[string, string]> = [
    [t('overview.id'), container.id],
    [t('overview.image'), container.image],
    [t('overview.command'), container.command],
    [t('overview.created'), formatDateTime(container.created, i18n.language)],
    [t('overview.status'), statusText(container.status, tc, i18n.language)],
    [t('overview.ports'), container.ports.map(publishedPortText).join(', ') || t('overview.none')],
    [t('overview.labels'), labels.map(([key, value]) => `${key}=${value}`).join('\n') || t('overview.none')],
  ];
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="pre">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
