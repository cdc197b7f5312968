import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

interface State {
  error: Error | undefined;
}

/** Keeps one broken view from taking the whole window down. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('View crashed', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <div className="banner banner-error" role="alert">
            <strong>{t('errors.title')}</strong> {t('errors.crashed', { message: error.message })}
            <button type="button" onClick={() => this.setState({ error: undefined })}>
              {t('errors.reload')}
            </button>
          </div>
        )}
      </Translation>
    );
  }
}
