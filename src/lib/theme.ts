/**
 * The colour theme: "light", "dark", or "system" (follow the operating system).
 * The choice lives in localStorage under THEME_KEY; the head script below applies
 * it to <html data-theme> before the first paint, so the wrong theme never flashes.
 */

/** localStorage key of the reader's choice; absent means "system". */
export const THEME_KEY = 'theme';

/** The order the toggle button cycles through. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Runs inline in <head>, blocking, before any CSS applies. Kept static (no interpolated
 * values) because its SHA-256 goes into the Content-Security-Policy; a storage error
 * (privacy mode, disabled storage) falls back to "system".
 */
export const THEME_SCRIPT =
  "(function(){var t;try{t=localStorage.getItem('theme')}catch(e){}document.documentElement.dataset.theme=t==='light'||t==='dark'?t:'system'})()";

/** The theme after `current` when the toggle is pressed. */
export function nextTheme(current: string | undefined): Theme {
  const i = THEMES.indexOf(current as Theme);
  return THEMES[(i + 1) % THEMES.length] ?? 'system';
}
