import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
// The app's texts (web/src/translation.ts), Polish as in a fresh browser.
import { loadTexts, TEXT_AREAS } from '../../web/src/i18n';

// Components are rendered here without the area chunks that load their texts in the app: load them all.
await loadTexts(TEXT_AREAS, ['pl', 'en']);

// findBy…/waitFor give up after this long (a bound, not a wait: they return as soon as the check holds).
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
