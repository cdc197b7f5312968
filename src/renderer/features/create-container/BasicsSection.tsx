import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from './Field';
import { PULL_POLICIES, type SectionProps } from './formState';
import { ImageField } from './ImageField';

/** Image, pull policy, name, command, entrypoint, working directory, user and host name. */
export function BasicsSection({ state, update, imageRef }: SectionProps & { imageRef: Ref<HTMLInputElement> }) {
  const { t } = useTranslation('create');
  return (
    <fieldset className="cf-section cf-basics">
      <legend>{t('basics.legend')}</legend>
      <div className="cf-line">
        <ImageField value={state.image} pull={state.pull} onChange={(image) => update({ image })} inputRef={imageRef} />
        <SelectField
          field="pull"
          label={t('pull.label')}
          value={state.pull}
          options={PULL_POLICIES.map((value) => ({ value, label: t(`pull.${value}`) }))}
          onChange={(pull) => update({ pull })}
        />
        <TextField
          field="name"
          label={t('basics.name')}
          value={state.name}
          placeholder={t('basics.namePlaceholder')}
          hint={t('basics.nameHint')}
          className="cf-grow"
          onChange={(name) => update({ name })}
        />
      </div>
      <TextField
        field="command"
        label={t('basics.command')}
        value={state.command}
        placeholder={t('basics.commandPlaceholder')}
        hint={t('basics.commandHint')}
        className="cf-mono"
        onChange={(command) => update({ command })}
      />
      <div className="cf-line">
        <TextField
          field="entrypoint"
          label={t('basics.entrypoint')}
          value={state.entrypoint}
          placeholder={t('basics.entrypointPlaceholder')}
          hint={t('basics.entrypointHint')}
          className="cf-grow cf-mono"
          onChange={(entrypoint) => update({ entrypoint })}
        />
        <TextField
          field="workingDir"
          label={t('basics.workingDir')}
          value={state.workingDir}
          placeholder={t('basics.workingDirPlaceholder')}
          className="cf-grow"
          onChange={(workingDir) => update({ workingDir })}
        />
        <TextField
          field="user"
          label={t('basics.user')}
          value={state.user}
          placeholder={t('basics.userPlaceholder')}
          className="cf-number"
          onChange={(user) => update({ user })}
        />
        <TextField
          field="hostname"
          label={t('basics.hostname')}
          value={state.hostname}
          placeholder={t('basics.hostnamePlaceholder')}
          className="cf-number"
          onChange={(hostname) => update({ hostname })}
        />
      </div>
    </fieldset>
  );
}
