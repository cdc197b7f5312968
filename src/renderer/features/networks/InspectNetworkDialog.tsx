import { useTranslation } from 'react-i18next';
import { networkInspectCommand } from '../../../shared/cli/networks';
import type { NetworkSummary } from '../../../shared/types/networks';
import { useCommand } from '../../api/useCommand';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { JsonInspector } from '../../components/json-tree/JsonInspector';
import { Modal } from '../../components/Modal';

/** `docker network inspect` in the shared JSON tree (search, copy values and paths). */
export function InspectNetworkDialog({ network, onClose }: { network: NetworkSummary; onClose(): void }) {
  const { t } = useTranslation('networks');
  const { data: document, error } = useCommand('networks.inspect', { name: network.id });
  return (
    <Modal kind="networks" title={t('inspect.title', { name: network.name })} onClose={onClose} wide>
      <CliCommand command={networkInspectCommand(network.name)} />
      {error && <ErrorMessage error={error} />}
      {!document && !error && <p className="muted">{t('loading')}</p>}
      {document && (
        <div className="inspect-body">
          <JsonInspector value={document} label={t('inspect.treeLabel', { name: network.name })} />
        </div>
      )}
    </Modal>
  );
}
