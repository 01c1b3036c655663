import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
// The app's i18next instance, Polish as in a fresh browser.
import '../../web/src/i18n';

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
