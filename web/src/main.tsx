import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import './i18n/index.js';
import './styles.css';
import { App } from './app/App.js';
import { SessionProvider } from './features/identity/SessionProvider.js';
import { PortalApp } from './features/portal/PortalApp.js';
import { SurveyPage } from './features/satisfaction/SurveyPage.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

createRoot(container).render(
  <StrictMode>
    <BrowserRouter>
      {/* The debtor portal is its own app: its own session, never the staff's sign-in or navigation. */}
      {location.pathname === '/portal' || location.pathname.startsWith('/portal/') ? (
        <Routes>
          {/* The satisfaction survey opens from its link without signing in to the portal. */}
          <Route path="/portal/survey/:token" element={<SurveyPage />} />
          <Route path="/portal/*" element={<PortalApp />} />
        </Routes>
      ) : (
        <SessionProvider>
          <App />
        </SessionProvider>
      )}
    </BrowserRouter>
  </StrictMode>,
);
