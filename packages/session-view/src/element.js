// <hosted-session-view session-id="cs_…" api-base="…" locale="…" poll-interval="…">: the view
// as a custom element, for any framework or none. The credential and a direct config are
// properties, never attributes (attributes show in the DOM, devtools and serialised HTML);
// both are write-only.
import { errorDetail } from './protocol.js';
import { dispatch } from './mount.js';

/** Defines `<hosted-session-view>` with `mount`, once per page (a second call does nothing). */
export function defineElement(mount) {
  if (typeof window === 'undefined' || !window.customElements || customElements.get('hosted-session-view')) return;
  class HostedSessionView extends HTMLElement {
    static get observedAttributes() { return ['session-id', 'api-base', 'locale', 'poll-interval', 'parent-origin']; }
    #credential = undefined;
    #config = undefined;
    #handle = null;
    #queued = false;
    set credential(value) { this.#credential = value == null ? undefined : String(value); this.#schedule(); }
    get credential() { return undefined; }
    set config(value) {
      this.#config = value;
      if (this.#handle) { try { this.#handle.update(value); } catch (e) { this.#fail(e); } } else this.#schedule();
    }
    get config() { return undefined; }
    refresh() { this.#handle?.refresh(); }
    connectedCallback() { this.#schedule(); }
    disconnectedCallback() { this.#unmount(); }
    attributeChangedCallback() { this.#schedule(); }
    // Properties set right after creation or insertion land before the first mount.
    #schedule() {
      if (this.#queued) return;
      this.#queued = true;
      queueMicrotask(() => { this.#queued = false; if (this.isConnected) this.#mount(); });
    }
    #unmount() { this.#handle?.unmount(); this.#handle = null; }
    #fail(e) {
      dispatch(this, 'error', errorDetail(e?.code || 'invalid-options', String(e?.message || e)));
    }
    #mount() {
      this.#unmount();
      const sessionId = this.getAttribute('session-id') || undefined;
      if (!sessionId && this.#config === undefined) return;
      const poll = this.getAttribute('poll-interval');
      try {
        this.#handle = mount(this, {
          sessionId, credential: this.#credential, config: this.#config,
          apiBase: this.getAttribute('api-base') || undefined, locale: this.getAttribute('locale') || undefined,
          pollInterval: poll == null ? undefined : Number(poll), parentOrigin: this.getAttribute('parent-origin') || undefined,
        });
      } catch (e) { this.#fail(e); }
    }
  }
  customElements.define('hosted-session-view', HostedSessionView);
}
