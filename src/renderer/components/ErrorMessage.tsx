import { useTranslation } from 'react-i18next';

export function ErrorMessage({ error, onDismiss }: { error: Error; onDismiss?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner-error" role="alert">
      <span>{error.message}</span>
      {onDismiss && (
        <button type="button" className="ghost small" onClick={onDismiss}>
          {t('actions.dismiss')}
        </button>
      )}
    </div>
  );
}
