import { useEffect, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageSummary } from '../../../shared/types/images';
import { useClient } from '../../api/ClientContext';
import { TextField } from './Field';
import type { PullPolicy } from './formState';

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

/** Whether `value` names one of the local choices (`nginx` stands for `nginx:latest`, as the CLI reads it). */
export function isLocalChoice(value: string, choices: readonly ImageChoice[]): boolean {
  const wanted = value.trim();
  if (!wanted) return true;
  const withTag = /:[\w][\w.-]*$/.test(wanted.slice(wanted.lastIndexOf('/') + 1)) || wanted.includes('@') ? wanted : `${wanted}:latest`;
  const idPrefix = /^(sha256:)?[0-9a-f]{4,64}$/.test(wanted) ? wanted.replace(/^sha256:/, '') : undefined;
  return choices.some(
    (choice) =>
      choice.value === wanted ||
      choice.value === withTag ||
      (idPrefix !== undefined && choice.value.startsWith('sha256:') && choice.value.slice(7).startsWith(idPrefix)),
  );
}

interface ImageFieldProps {
  value: string;
  /** `--pull`: says what Run will do with an image that is not here. */
  pull: PullPolicy;
  onChange(value: string): void;
  inputRef?: Ref<HTMLInputElement>;
}

/** A combobox: the local images to choose from, or any reference (pulled on Run when missing). */
export function ImageField({ value, pull, onChange, inputRef }: ImageFieldProps) {
  const { t } = useTranslation('create');
  const images = useLocalImages();
  const choices = images.status === 'ready' ? imageChoices(images.images, (id) => t('image.untagged', { id })) : [];
  const hint =
    images.status === 'loading'
      ? t('image.loading')
      : images.status === 'failed'
        ? t('image.failed', { message: images.error.message })
        : !isLocalChoice(value, choices)
          ? t(pull === 'never' ? 'image.notHereNever' : 'image.notHere')
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
