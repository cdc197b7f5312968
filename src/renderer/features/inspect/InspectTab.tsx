import { useTranslation } from 'react-i18next';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { JsonInspector } from '../../components/json-tree/JsonInspector';
import type { DetailTabProps } from '../../tab-types';
import { useCommand } from '../../api/useCommand';
import '../../styles/inspect.css';
import { dockerInspectCommand } from '../../../shared/cli/containers';

/** `docker inspect`: the container's whole document as a searchable tree or raw JSON. */
export function InspectTab({ container }: DetailTabProps) {
  const { t } = useTranslation('inspect');
  const { data: document, error, reload } = useCommand('containers.inspect', { id: container.id }, container.state);
  return (
    <div className="tab-fill">
      <div className="toolbar">
        <CliCommand command={dockerInspectCommand(container.name)} />
        <button type="button" className="small" onClick={reload}>
          {t('refresh')}
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
      {!document && !error && <p className="muted">{t('loading')}</p>}
      {document && <JsonInspector value={document} label={t('treeLabel', { name: container.name })} />}
    </div>
  );
}
