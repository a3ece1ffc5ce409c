import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import './i18n/index.ts';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './api/query-client.ts';
import { registerOffline } from './offline/register.ts';
import { router } from './router.tsx';

// Teal 8/9 on white passes WCAG AA for text; primaryShade 8 keeps buttons readable.
const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
  components: {
    // a number outside its limits stays as typed and the form says the limit: never silently changed on blur.
    // Written without NumberInput.extend, which would bring the number input (and react-number-format, 56 kB
    // before minifying) into the first script; the pages with a number field load it.
    NumberInput: { defaultProps: { clampBehavior: 'none' } },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

// installable, and the diary and stage forms offline (decision 061): after the first paint, when the browser is idle
registerOffline();
