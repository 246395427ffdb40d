/**
 * The colour theme: "light", "dark", or "system" (follow the operating system).
 * The choice lives in localStorage under "theme"; absent means "system".
 */

/**
 * Runs inline in <head>, blocking, before any CSS applies: it applies the stored choice to
 * <html data-theme>, so the wrong theme never flashes, and from then on a click on the theme
 * button (ThemeToggle.astro) cycles system -> light -> dark and stores the choice. Listening on
 * the document from the start makes the button work from the first paint, before any other
 * script has arrived. Kept static (no interpolated values) because its SHA-256 goes into the
 * Content-Security-Policy; a storage error (privacy mode, disabled storage) falls back to
 * "system", and a choice that cannot be stored holds for the page.
 */
export const THEME_SCRIPT =
  "(function(){var d=document,r=d.documentElement,k='theme',t;try{t=localStorage.getItem(k)}catch(e){}" +
  "r.dataset.theme=t==='light'||t==='dark'?t:'system';" +
  "d.addEventListener('click',function(e){var b=e.target;if(!b||!b.closest||!b.closest('[data-theme-toggle]'))return;" +
  "t={system:'light',light:'dark'}[r.dataset.theme]||'system';r.dataset.theme=t;" +
  "try{t==='system'?localStorage.removeItem(k):localStorage.setItem(k,t)}catch(e){}})})()";
