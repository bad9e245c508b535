// TypeScript declarations for merchant developers embedding the session view.
//
//   import init, { mount } from "./session-view.js";
//   await init();
//   const handle = mount(document.querySelector("#checkout")!, { sessionId, credential, apiBase });
//   el.addEventListener("ready", (e) => console.log((e as SessionViewEvent).detail.status));

/** Options of `mount(element, options)`. Give `sessionId` (+ `credential`) or `config`. */
export interface MountOptions {
  /** The checkout session id, `^cs_[A-Za-z0-9]+$`. Without it, give `config`. */
  sessionId?: string;
  /** The session credential (never the tenant's). Handed once to the view's frame (never in a
   *  URL), which sends it only as `Authorization: Bearer` to the API; never logged or stored. */
  credential?: string;
  /** Absolute http(s) base of the hosted-sessions API. The view's frame talks only to the API
   *  its deployment names (`<meta name="session-view-api-base">` of `frame.html`, else the
   *  view's origin): give it here or leave it out; another one shows "couldn't reach". */
  apiBase?: string;
  /** A session config object to render directly, without a fetch. It is read as the JSON
   *  `JSON.stringify` makes of it, like the API's answer; a cycle or a BigInt throws. */
  config?: SessionConfig;
  /** BCP 47 language tag: the language the payer reads (en, es, fr, de, pt-BR, ja, ar are
   *  bundled; `ar` renders right to left) and the locale of numbers, amounts and dates.
   *  Default: the browser's languages, else English. */
  locale?: string;
  /** Theme variables, e.g. `{ "--sv-font": "Inter, sans-serif", "--sv-radius": "4px" }`. */
  appearance?: Partial<Record<ThemeVariable, string>>;
  /** Refresh interval in ms while the session is active and the tab visible; 0 = off. Default 20000. */
  pollInterval?: number;
  /** How long one API request (or a captcha script load) may take, ms (100–120000). Default 15000. */
  timeoutMs?: number;
  /** Your page confirms by itself: the view emits `confirm` (with the saved method id) and sends
   *  nothing; only saved methods are offered, since card details never leave the view. Confirm
   *  server-side, then the session's `completed` status reaches the view by poll or `update()`. */
  handleConfirm?: boolean;
  /** When the view runs inside an iframe: the parent's origin, which alone receives height messages. */
  parentOrigin?: string;
}

export type ThemeVariable =
  | "--sv-font" | "--sv-bg" | "--sv-surface" | "--sv-text" | "--sv-muted" | "--sv-border"
  | "--sv-radius" | "--sv-focus" | "--sv-warn-bg" | "--sv-warn-text" | "--sv-ok-bg" | "--sv-ok-text";

/** Returned by `mount`. */
export interface SessionViewHandle {
  /** Shows a new config in place, keeping what the payer typed. Throws if `config` is not an object (or JSON cannot hold it). */
  update(config: SessionConfig): void;
  /** Reads the session from the API again now. */
  refresh(): void;
  /** Removes the view and cancels its timers and requests. Idempotent. */
  unmount(): void;
  /** Frees the handle's memory after `unmount()` (wasm-bindgen). */
  free(): void;
}

export function mount(element: HTMLElement, options: MountOptions): SessionViewHandle;
export default function init(module?: unknown): Promise<unknown>;

/** `detail` of the events dispatched on the host element (bubbling, composed). Never carries the credential or card data. */
export interface SessionViewEventDetail {
  sessionId: string | null;
  status: "active" | "completed" | "expired" | "unknown";
  /** Minor units, as a string (exact beyond 2^53). */
  amount: string | null;
  currency: string | null;
  /** `confirm` only: the method, never card data. With `handleConfirm`, also the solved fraud
   *  challenge's response (a single-use captcha token or the code-verify token, never the code)
   *  for your server's confirm. */
  method?: { type: "saved" | "card" | "us_bank_account"; savedMethodId: string | null; challengeResponse?: string };
  /** `error` only: "unreadable" | "invalid-link" | "not-authorized" | "not-found" | "gone" | "unreachable" | "invalid-options" | "crashed" (an internal error: the view was replaced by a message; mount again after a reload). */
  code?: string;
}
export type SessionViewEvent = CustomEvent<SessionViewEventDetail>;

export interface SessionViewEventMap {
  /** The first config is on screen. */
  ready: SessionViewEvent;
  /** A later config changed what is shown. */
  change: SessionViewEvent;
  completed: SessionViewEvent;
  /** By the server or by the countdown reaching zero. */
  expired: SessionViewEvent;
  error: SessionViewEvent;
  /** The payer confirmed (before the request is sent, or instead of it with `handleConfirm`). */
  confirm: SessionViewEvent;
}

/** `<hosted-session-view session-id="cs_…" api-base="…" locale="…" poll-interval="…" parent-origin="…">` */
export interface HostedSessionViewElement extends HTMLElement {
  /** Write-only: set it as a property, never as an attribute. */
  credential: string | undefined;
  /** Write-only: a config to render (or update) directly. */
  config: SessionConfig | undefined;
  refresh(): void;
}

declare global {
  interface HTMLElementTagNameMap { "hosted-session-view": HostedSessionViewElement; }
}

/** The session config (see the spec); every field optional, unknown fields ignored. */
export interface SessionConfig {
  session_id?: string;
  status?: "active" | "completed" | "expired";
  scope?: "payment" | "wallet";
  amount?: number;
  currency?: string;
  description?: string;
  line_items?: { description: string; amount: number; quantity?: number; metadata?: Record<string, unknown> }[];
  customer_email?: string;
  layout?: "hosted" | "embedded";
  allowed_methods?: string[];
  setup_future_usage?: "off" | "on_session" | "off_session";
  branding?: { logo_url?: string; accent_color?: string; merchant_display_name?: string };
  required_avs_fields?: string[];
  saved_methods?: {
    id?: string; type?: "card" | "ach"; brand?: string; last4?: string; exp_month?: number; exp_year?: number;
    holder_name?: string; bank_name?: string; account_type?: "checking" | "savings"; is_default?: boolean;
  }[];
  expires_at?: string;
  merchant_display_name?: string;
  page_message?: string;
  challenge?: { type: "hcaptcha" | "turnstile" | "sms" | "email"; site_key?: string; delivery_hint?: string; code_sent?: boolean } | null;
}

// The exact sanitiser the view applies to `page_message` (to preview what payers will see)
// lives in its own module, loaded by the view only when a config has a message:
//   import init, { sanitizeMessage } from '<release>/session-view-sanitizer.js';
//   await init(); sanitizeMessage(html): string
