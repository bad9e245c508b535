// Test stand-in for hCaptcha's and Cloudflare Turnstile's explicit-render JS API, because
// their real scripts cannot load on test machines. It is served *only* by the tests: the
// e2e suite answers the official script URLs with it (Playwright routing), the component
// tests run it inline. The production build never references this file.
//
// Documented surface implemented: `render(container, params) -> id`, `reset(id)`,
// `remove(id)`, `getResponse(id)`, and the params `sitekey`, `theme`, `callback`,
// `expired-callback`, `error-callback`, plus hCaptcha's `chalexpired-callback` and
// Turnstile's `timeout-callback`. Like the real ones, it refuses a container inside a
// shadow root, and Turnstile throws without an `error-callback`.
//
// Test hooks on `window.__captchaStandIn`: `calls` (every API call), `loads` (script runs
// per provider), and per provider `solve()`, `expire()`, `error(code)`, `timeout()` acting
// on the last widget. Clicking the widget's button solves it; Turnstile's documented
// always-failing test key (2x00000000000000000000AB) makes a click report an error instead.
(function () {
  const src = (document.currentScript && document.currentScript.src) || '';
  const name = window.__captchaStandInProvider || (src.includes('cloudflare') ? 'turnstile' : 'hcaptcha');
  const hooks = (window.__captchaStandIn = window.__captchaStandIn || { calls: [], loads: {} });
  hooks.loads[name] = (hooks.loads[name] || 0) + 1;
  const widgets = new Map();
  let next = 0;
  let issued = 0;
  const again = name === 'turnstile' ? 'timeout-callback' : 'chalexpired-callback';
  const widget = id => {
    const w = widgets.get(id === undefined ? [...widgets.keys()].pop() : String(id));
    if (!w) throw new Error(`${name} stand-in: no widget ${id}`);
    return w;
  };
  const fire = (w, cb, arg) => { if (typeof w.params[cb] === 'function') w.params[cb](arg); };
  const api = {
    render(container, params) {
      const el = typeof container === 'string' ? document.getElementById(container) : container;
      if (!el || !el.isConnected) throw new Error(`${name}: container is not in the document`);
      if (el.getRootNode() instanceof ShadowRoot) throw new Error(`${name}: cannot render inside a shadow root`);
      if (!params || typeof params.sitekey !== 'string' || !params.sitekey) throw new Error(`${name}: missing sitekey`);
      if (name === 'turnstile' && typeof params['error-callback'] !== 'function') throw new Error('turnstile: an error-callback is required');
      const id = name === 'turnstile' ? `cf-chl-widget-${++next}` : String(next++);
      const box = document.createElement('div');
      box.className = 'captcha-stand-in';
      box.dataset.provider = name;
      box.dataset.theme = params.theme || 'auto';
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = `I am human (${name} test stand-in)`;
      box.append(button);
      el.append(box);
      const w = { id, box, params, token: '' };
      button.addEventListener('click', () => hooks[name].solve(id));
      widgets.set(id, w);
      hooks.calls.push({ provider: name, fn: 'render', id, sitekey: params.sitekey, theme: params.theme, inShadow: false });
      return id;
    },
    reset(id) { const w = widget(id); w.token = ''; hooks.calls.push({ provider: name, fn: 'reset', id: w.id }); },
    remove(id) { const w = widget(id); w.box.remove(); widgets.delete(w.id); hooks.calls.push({ provider: name, fn: 'remove', id: w.id }); },
    getResponse(id) { return widget(id).token; },
  };
  hooks[name] = {
    solve(id) {
      const w = widget(id);
      if (w.params.sitekey === '2x00000000000000000000AB') return fire(w, 'error-callback', '110200');
      w.token = `${name}-token-${++issued}`;
      fire(w, 'callback', w.token);
    },
    expire(id) { const w = widget(id); w.token = ''; fire(w, 'expired-callback'); },
    error(code = '300010', id) { const w = widget(id); w.token = ''; fire(w, 'error-callback', code); },
    timeout(id) { const w = widget(id); w.token = ''; fire(w, again); },
    count() { return widgets.size; },
  };
  window[name] = api;
})();
