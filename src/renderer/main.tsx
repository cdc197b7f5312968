import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ClientProvider } from './api/ClientContext';
import { createDefaultClient } from './api/client';
import { App } from './App';
import { CommandsProvider } from './commands/CommandsProvider';
import { SettingsProvider } from './settings-state/SettingsProvider';
import { initI18n } from './i18n';
import { applyTheme, initialTheme } from './settings-state/theme';
import './styles/app.css';

applyTheme(initialTheme());
const client = createDefaultClient();
await initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
createRoot(root).render(
  <StrictMode>
    <ClientProvider client={client}>
      <SettingsProvider>
        <CommandsProvider>
          <App />
        </CommandsProvider>
      </SettingsProvider>
    </ClientProvider>
  </StrictMode>,
);
