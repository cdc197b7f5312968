import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEngineGate } from '../engine';
import { useRegisterCommands } from '../../commands/CommandsProvider';
import type { AppCommand } from '../../commands/registry';
import type { DetailTabProps } from '../../tab-types';
import { CreateContainerForm } from '../create-container';
import { useNavigation } from '../../navigation';
import { CommitDialog } from './CommitDialog';
import { ExportPanel, type ImportOffer } from './ExportPanel';
import { ImportDialog } from './ImportDialog';
import '../../styles/resource-lists.css';
import '../../styles/images.css';

/** A container's "Image" tab: export its filesystem (and import it back as an image), or commit it. */
export function ContainerImageTab({ container, intent }: DetailTabProps) {
  const { openContainer } = useNavigation();
  const { t } = useTranslation('images');
  const { gate } = useEngineGate();
  const [committing, setCommitting] = useState(false);
  const [importOffer, setImportOffer] = useState<ImportOffer>();
  const [createFrom, setCreateFrom] = useState<string>();
  const [created, setCreated] = useState<string>();
  const startExport = useRef<(() => void) | null>(null);

  const commands = useMemo<AppCommand[]>(
    () => [
      {
        id: 'image.export',
        title: t('commands.export', { name: container.name }),
        group: t('commands.group'),
        keywords: ['export', 'tar', 'docker export'],
        run: () => startExport.current?.(),
      },
      {
        id: 'image.commit',
        title: t('commands.commit', { name: container.name }),
        group: t('commands.group'),
        keywords: ['commit', 'docker commit'],
        run: () => setCommitting(true),
      },
    ],
    [container.name, t],
  );
  useRegisterCommands(commands);

  // Opened from a row's Export…/Commit… button or the palette: start what was asked, once.
  const [openingIntent] = useState(intent);
  useEffect(() => {
    if (openingIntent === 'export') startExport.current?.();
    if (openingIntent === 'commit') setCommitting(true);
  }, [openingIntent]);

  const createContainer = (image: string): void => {
    setCommitting(false);
    setImportOffer(undefined);
    setCreated(undefined);
    setCreateFrom(image);
  };

  return (
    <div className="container-image-tab">
      {createFrom && (
        <CreateContainerForm
          initialImage={createFrom}
          onClose={() => setCreateFrom(undefined)}
          onCreated={(result) => {
            setCreateFrom(undefined);
            setCreated(result.name);
            // Like the containers view: an interactive container's terminal opens at once.
            if (result.interactive) openContainer({ id: result.id, name: result.name, tab: 'terminal' });
          }}
        />
      )}
      {created && (
        <p className="images-success" role="status">
          {t('created', { name: created })}
        </p>
      )}
      <ExportPanel container={container} onImportAsImage={setImportOffer} exportRef={startExport} />
      <section className="image-section" aria-labelledby={`commit-${container.id}`}>
        <h2 id={`commit-${container.id}`}>{t('commit.sectionTitle')}</h2>
        <p className="muted">{t('commit.explain')}</p>
        <div>
          <button type="button" onClick={() => setCommitting(true)} {...gate}>
            {t('commit.open')}
          </button>
        </div>
      </section>
      {committing && <CommitDialog container={container} onClose={() => setCommitting(false)} onCreateContainer={createContainer} />}
      {importOffer && (
        <ImportDialog
          {...(importOffer.file ? { initialFile: importOffer.file } : {})}
          {...(importOffer.fileHint ? { fileHint: importOffer.fileHint } : {})}
          initialChanges={importOffer.changes}
          {...(importOffer.prefilledFrom ? { prefilledFrom: importOffer.prefilledFrom } : {})}
          onClose={() => setImportOffer(undefined)}
          onCreateContainer={createContainer}
        />
      )}
    </div>
  );
}
