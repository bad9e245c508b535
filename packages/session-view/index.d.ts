// Types of @session-view/js: the view of a hosted checkout session on a merchant's page.
//
//   import { loadSessionView } from "@session-view/js";
//   const sv = await loadSessionView({ origin: "https://pay.example" }); // null on a server
//   const handle = sv!.mount(document.querySelector("#checkout")!, { sessionId, credential });
//   document.querySelector("#checkout")!.addEventListener("sv-completed", (e) => e.detail.amount);

/** Options of `mount(element, options)`. Give `sessionId` (+ `credential`) or `config`. */
export interface MountOptions {
  /** The checkout session id, `^cs_[A-Za-z0-9]+$`. Without it, give `config`. */
  sessionId?: string;
  /** The session credential (never the tenant's). Handed once to the view's frame (never in a
   *  URL), which sends it only as `Authorization: Bearer` to the API; never logged or stored. */
  credential?: string;
  /** Absolute http(s) base of the hosted-sessions API; the frame accepts only its deployment's. */
  apiBase?: string;
  /** A session config object to render directly, without a fetch (read as `JSON.stringify` makes it). */
  config?: SessionConfig;
  /** BCP 47 language tag (en, es, fr, de, pt-BR, ja, ar bundled). Default: the browser's languages. */
  locale?: string;
  /** Theme variables for both colour schemes, e.g. `{ "--sv-font": "Inter, sans-serif", "--sv-radius": "4px" }`,
   *  or one set per scheme: `{ light: {…}, dark: {…} }` (a scheme left out keeps the view's colours).
   *  Each text/background pair below WCAG AA (4.5:1) in a scheme falls back to the view's own
   *  colours for that pair, with a console warning naming it. */
  appearance?: Appearance;
  /** `false`: your page presses Pay with its own button (`handle.submit()`); the view shows none. Default true. */
  showPayButton?: boolean;
  /** Refresh interval in ms while the session is active and the tab visible; 0 = off. Default 20000. */
  pollInterval?: number;
  /** How long one API request may take, ms (100–120000). Default 15000. */
  timeoutMs?: number;
  /** Your page confirms by itself: the view emits `sv-confirm` and sends nothing (saved methods only), then waits for `settle()` or a `completed` config. */
  handleConfirm?: boolean;
  /** With `handleConfirm`: how long the view waits for `settle()` before the payer is told the merchant could not confirm, ms (1000–600000). Default 120000. */
  settleTimeoutMs?: number;
  /** When your page is itself inside an iframe: the parent's origin, which alone receives height messages. */
  parentOrigin?: string;
}

export type ThemeVariable =
  | "--sv-font" | "--sv-bg" | "--sv-surface" | "--sv-text" | "--sv-muted" | "--sv-border"
  | "--sv-radius" | "--sv-focus" | "--sv-warn-bg" | "--sv-warn-text" | "--sv-ok-bg" | "--sv-ok-text";

export type Palette = Partial<Record<ThemeVariable | ThemeVariableName, string>>;
export type ThemeVariableName = ThemeVariable extends `--sv-${infer N}` ? N : never;
export type Appearance = Palette | { light?: Palette; dark?: Palette };

/** What `submit()` came to. */
export type SubmitResult =
  | { outcome: "completed" }
  /** `expired`: the session ended; `unknown` also when a handed-off confirm was never settled. */
  | { outcome: "failed"; reason: "declined" | "refused" | "unknown" | "check-failed" | "expired"; retryable: boolean; message?: string }
  /** What is in the way; the view shows the payer what to fix. */
  | { outcome: "blocked"; missing: "method" | "method-details" | "challenge" | "total-change" | "not-payable" };

/** Returned by `mount`. */
export interface SessionViewHandle {
  /** Shows a new config in place, keeping what the payer typed. Throws a `SessionViewError` if it is not an object. */
  update(config: SessionConfig): void;
  /** A new look or language (and optionally a config), in place, keeping what the payer typed. */
  update(options: { appearance?: Appearance; locale?: string; config?: SessionConfig }): void;
  /** Presses Pay for your own button ("Place order"). Rejects with a `SessionViewError`
   *  (`not-ready` before `sv-ready`, `unmounted`); calls while one is under way share its promise. */
  submit(): Promise<SubmitResult>;
  /** Reads the session from the API again now. */
  refresh(): void;
  /** Removes the view, its frame and everything typed in it. Idempotent. */
  unmount(): void;
  /** With `handleConfirm`, after a `confirm` event: your own confirm did not pay. The payer
   *  gets the Pay button back with everything they typed, and `message` (your words, as text).
   *  A paid one needs no call: update the view with the `completed` config. Returns `false`
   *  (and warns in the console) when no confirm waits or the outcome is not one of these.
   *  Without either within 2 minutes, the payer is told the merchant could not confirm. */
  settle(result: { outcome: "declined" | "failed"; message?: string }): boolean;
}

/** A mistake in how the view was loaded or mounted. */
export class SessionViewError extends Error {
  readonly code: "invalid-origin" | "same-origin" | "invalid-element" | "invalid-options" | "invalid-config" | "unmounted" | "not-ready";
}

/** The view of one deployment. */
export interface SessionView {
  mount(element: HTMLElement, options: MountOptions): SessionViewHandle;
  /** Registers `<hosted-session-view>` (once per page). */
  defineElement(): void;
}

/** The view of the deployment at `origin` (e.g. "https://pay.example"; `path` a release prefix
 *  like "/v1"). Resolves `null` without a browser window (server-side rendering); importing
 *  this module does nothing. Rejects with a `SessionViewError` for a bad or same-page origin. */
export function loadSessionView(options: { origin: string; path?: string }): Promise<SessionView | null>;

/** `detail` of the events dispatched on the host element (bubbling, composed). Never carries the credential or card data. */
export interface SessionViewEventDetail {
  sessionId: string | null;
  /** `null` on an `error` that came before any session was read. */
  status: "active" | "completed" | "expired" | "unknown" | null;
  /** Minor units, as a string (exact beyond 2^53). */
  amount: string | null;
  currency: string | null;
  /** `confirm`: the method, never card data; `validity`: the kind chosen (`savedMethodId` null), if any. */
  method?: { type: "saved" | "card" | "us_bank_account"; savedMethodId: string | null; challengeResponse?: string };
  /** `sv-error` only: "unreadable" | "invalid-link" | "not-authorized" | "not-found" | "gone" | "unreachable" | "invalid-options" | "crashed" | "incompatible". */
  code?: string;
  /** `payment-failed` only: why the confirm did not pay. `unknown`: no answer, or a service
   *  problem (nothing is charged twice); `check-failed`: the session could not be read again. */
  reason?: "declined" | "refused" | "unknown" | "check-failed";
  /** `validity` only: whether pressing Pay would send the payment now. */
  complete?: boolean;
  /** `payment-failed` only: whether the payer can try again in the view. */
  retryable?: boolean;
  /** `payment-failed`: the server's words for the payer, if any; `error` from the custom
   *  element: what was wrong with its options. */
  message?: string;
}
export type SessionViewEvent = CustomEvent<SessionViewEventDetail>;

/** The view's events, each name `sv-` and the event (no DOM event shares one). */
export interface SessionViewEventMap {
  /** The first config is on screen. */
  "sv-ready": SessionViewEvent;
  /** A later config changed what is shown. */
  "sv-change": SessionViewEvent;
  "sv-completed": SessionViewEvent;
  /** By the server or by the countdown reaching zero. */
  "sv-expired": SessionViewEvent;
  "sv-error": SessionViewEvent;
  /** The payer confirmed (before the request is sent, or instead of it with `handleConfirm`). */
  "sv-confirm": SessionViewEvent;
  /** A confirm did not pay: declined, refused, no answer, or the session could not be read again. */
  "sv-payment-failed": SessionViewEvent;
  /** Whether pressing Pay would send the payment now changed (`complete`, `method`). */
  "sv-validity": SessionViewEvent;
}

/** `<hosted-session-view session-id="cs_…" api-base="…" locale="…" poll-interval="…" parent-origin="…" handle-confirm hide-pay-button>` */
export interface HostedSessionViewElement extends HTMLElement {
  /** Write-only: set it as a property, never as an attribute. */
  credential: string | undefined;
  /** Write-only: a config to render (or update) directly. */
  config: SessionConfig | undefined;
  /** Changes in place, keeping what the payer typed (as the `locale` attribute does). */
  appearance: Appearance | undefined;
  refresh(): void;
  submit(): Promise<SubmitResult>;
  settle(result: { outcome: "declined" | "failed"; message?: string }): boolean;
  addEventListener<K extends keyof SessionViewEventMap>(type: K, listener: (this: HostedSessionViewElement, ev: SessionViewEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap { "hosted-session-view": HostedSessionViewElement; }
  // The view's events on any element it is mounted in.
  interface HTMLElementEventMap extends SessionViewEventMap {}
  namespace JSX {
    interface IntrinsicElements {
      "hosted-session-view": { "session-id"?: string; "api-base"?: string; locale?: string; "poll-interval"?: string | number; "parent-origin"?: string; "handle-confirm"?: boolean | ""; "hide-pay-button"?: boolean | ""; class?: string; className?: string; id?: string; ref?: unknown };
    }
  }
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
