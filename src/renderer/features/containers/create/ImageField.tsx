import { useEffect, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageSummary } from '../../../../shared/types/images';
import { useClient } from '../../../api/ClientContext';
import { TextField } from './Field';

export interface ImageChoice {
  value: string;
  label: string;
}

/** Every tag of every local image, then the untagged ones by id; sorted, without duplicates. */
export function imageChoices(images: ImageSummary[], untaggedLabel: (shortId: string) => string): ImageChoice[] {
  const tagged = new Set<string>();
  const untagged: ImageChoice[] = [];
  for (const image of images) {
    const tags = image.repoTags.filter((tag) => tag && tag !== '<none>:<none>');
    for (const tag of tags) tagged.add(tag);
    if (tags.length === 0) {
      const shortId = image.id.replace(/^sha256:/, '').slice(0, 12);
      untagged.push({ value: image.id, label: untaggedLabel(shortId) });
    }
  }
  const sorted = [...tagged].sort((a, b) => a.localeCompare(b)).map((tag) => ({ value: tag, label: tag }));
  return [...sorted, ...untagged];
}

type ImagesState = { status: 'loading' } | { status: 'ready'; images: ImageSummary[] } | { status: 'failed'; error: Error };

function useLocalImages(): ImagesState {
  const client = useClient();
  const [state, setState] = useState<ImagesState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    client.invoke('images.list', { all: false }).then(
      (images) => live && setState({ status: 'ready', images }),
      (error: unknown) => live && setState({ status: 'failed', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [client]);
  return state;
}

const LIST_ID = 'create-image-choices';

/** A combobox: the local images to choose from, or any reference typed by hand. */
export function ImageField({ value, onChange, inputRef }: { value: string; onChange(value: string): void; inputRef?: Ref<HTMLInputElement> }) {
  const { t } = useTranslation('create');
  const images = useLocalImages();
  const choices = images.status === 'ready' ? imageChoices(images.images, (id) => t('image.untagged', { id })) : [];
  const hint =
    images.status === 'loading'
      ? t('image.loading')
      : images.status === 'failed'
        ? t('image.failed', { message: images.error.message })
        : choices.length === 0
          ? t('image.none')
          : t('image.hint', { count: choices.length });
  return (
    <>
      <TextField
        field="image"
        label={t('image.label')}
        value={value}
        placeholder={t('image.placeholder')}
        hint={hint}
        list={LIST_ID}
        required
        className="cf-grow"
        inputRef={inputRef}
        onChange={onChange}
      />
      <datalist id={LIST_ID}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} label={choice.label === choice.value ? undefined : choice.label} />
        ))}
      </datalist>
    </>
  );
}
