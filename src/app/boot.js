// Starts the hosted page. A file, not an inline script, so the page's Content-Security-Policy
// needs no 'unsafe-inline', hash or nonce. If the module cannot start (blocked, old browser,
// a failed download), the payer gets a calm message instead of a blank page.
import init from './session-view-app.js';

init({ module_or_path: new URL('./session-view-app_bg.wasm', import.meta.url) }).catch(() => {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.className = 'sv-boot-failed';
  p.textContent = 'This checkout could not start. Please check your connection and reload the page. Nothing has been charged.';
  document.body.append(p);
});
