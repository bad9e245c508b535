// The captcha frame (captcha.html): runs hCaptcha's or Turnstile's official script away from
// the card fields and the credential. It takes one init from its parent window, with a
// MessagePort, and answers on that port only: "shown", {solved}, "expired", {failed}, and its
// height (the protocol: crates/core/src/captcha_frame.rs; the providers' scripts and callback
// names: captcha-contract.js, written from the core).
(() => {
  const { scripts: SCRIPTS, callbacks: CALLBACKS, maxToken: MAX_TOKEN } = self.sessionViewCaptcha;
  const official = Object.values(SCRIPTS);
  // The only script URLs this page makes: the two official ones.
  const policy = self.trustedTypes?.createPolicy('captcha', {
    createScriptURL: url => { if (official.includes(url)) return url; throw new TypeError('captcha: script URL refused'); },
  });
  let started = false;
  addEventListener('message', e => {
    if (started || e.source !== parent || !e.ports[0] || typeof e.data !== 'string') return;
    let init;
    try { init = JSON.parse(e.data).captcha; } catch { return; }
    if (!init || !Object.hasOwn(SCRIPTS, init.provider) || typeof init.sitekey !== 'string' || !/^[A-Za-z0-9_-]{1,255}$/.test(init.sitekey)) return;
    started = true;
    run(init, e.ports[0]);
  });

  function run({ provider, sitekey, theme }, port) {
    const send = m => port.postMessage(JSON.stringify(m));
    const [solved, expired, errored, again] = CALLBACKS[provider];
    let api = null;
    let widget = null;
    port.onmessage = e => { if (e.data === '"reset"' && widget !== null) api.reset(widget); };
    let last = -1;
    const measure = () => {
      const h = Math.ceil(Math.max(document.body.scrollHeight, document.body.getBoundingClientRect().height));
      if (h !== last) { last = h; send({ height: h }); }
    };
    new ResizeObserver(measure).observe(document.body);
    setInterval(measure, 500); // a provider's puzzle is positioned over the page, not in its flow
    const render = () => {
      api = self[provider];
      try {
        widget = api.render(document.getElementById('widget'), {
          sitekey,
          theme: theme === 'dark' ? 'dark' : 'light',
          [solved]: token => { if (typeof token === 'string' && token && token.length <= MAX_TOKEN) send({ solved: token }); },
          [expired]: () => { send('expired'); api.reset(widget); },
          [errored]: () => send({ failed: 'widget' }),
          [again]: () => send('expired'),
        });
        send('shown');
        measure();
      } catch {
        send({ failed: 'widget' });
      }
    };
    const ready = () => typeof self[provider]?.render === 'function';
    if (ready()) return render(); // already here (a test's stand-in)
    const script = document.createElement('script');
    script.src = policy ? policy.createScriptURL(SCRIPTS[provider]) : SCRIPTS[provider];
    script.async = true;
    script.onload = () => (ready() ? render() : send({ failed: 'load' }));
    script.onerror = () => send({ failed: 'load' });
    document.head.append(script);
  }
})();
