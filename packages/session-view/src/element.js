// <hosted-session-view session-id="cs_…" api-base="…" locale="…" poll-interval="…"
// handle-confirm hide-pay-button>: the view as a custom element, for any framework or none.
// The credential and a direct config are properties, never attributes (attributes show in the
// DOM, devtools and serialised HTML); both are write-only. `appearance` is a property too;
// it and `locale` change in place, keeping what the payer typed.
import { errorDetail } from './protocol.js';
import { dispatch, SessionViewError } from './mount.js';

/** Defines `<hosted-session-view>` with `mount`, once per page (a second call does nothing). */
export function defineElement(mount) {
  if (typeof window === 'undefined' || !window.customElements || customElements.get('hosted-session-view')) return;
  class HostedSessionView extends HTMLElement {
    static get observedAttributes() { return ['session-id', 'api-base', 'locale', 'poll-interval', 'parent-origin', 'handle-confirm', 'hide-pay-button']; }
    #credential = undefined;
    #config = undefined;
    #appearance = undefined;
    #handle = null;
    #queued = false;
    set credential(value) { this.#credential = value == null ? undefined : String(value); this.#schedule(); }
    get credential() { return undefined; }
    set config(value) {
      this.#config = value;
      if (this.#handle) { try { this.#handle.update(value); } catch (e) { this.#fail(e); } } else this.#schedule();
    }
    get config() { return undefined; }
    set appearance(value) { this.#appearance = value; this.#live({ appearance: value }); }
    get appearance() { return this.#appearance; }
    refresh() { this.#handle?.refresh(); }
    /** As `handle.submit()`; rejects `not-ready` before the view is mounted. */
    submit() { return this.#handle ? this.#handle.submit() : Promise.reject(new SessionViewError('not-ready', 'submit() before the view is ready')); }
    /** As `handle.settle()`. */
    settle(result) { return this.#handle ? this.#handle.settle(result) : false; }
    connectedCallback() { this.#schedule(); }
    disconnectedCallback() { this.#unmount(); }
    attributeChangedCallback(name) { if (name === 'locale' && this.#handle) this.#live({ locale: this.getAttribute('locale') || undefined }); else this.#schedule(); }
    #live(options) { if (this.#handle) { try { this.#handle.update(options); } catch (e) { this.#fail(e); } } else this.#schedule(); }
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
          appearance: this.#appearance, handleConfirm: this.hasAttribute('handle-confirm'), showPayButton: !this.hasAttribute('hide-pay-button'),
        });
      } catch (e) { this.#fail(e); }
    }
  }
  customElements.define('hosted-session-view', HostedSessionView);
}
