// The merchant side's half of the embedding protocol (the core's `embedding.rs` is the source:
// `contract.js` is written from it, and test/contract.test.mjs holds this file to its cases).
// Pure: no DOM, safe to import anywhere.
import contract from './contract.js';

export const { initType: INIT_TYPE, protocol: PROTOCOL, events: EVENTS, eventPrefix: EVENT_PREFIX, outcomes: OUTCOMES, themeVariables: THEME_VARIABLES, defaultPollMs: DEFAULT_POLL_MS, timeoutMs: TIMEOUT_MS, settleTimeoutMs: SETTLE_TIMEOUT_MS, blockers: BLOCKERS } = contract;

/** `^cs_[A-Za-z0-9]+$`, at most 255 characters. */
export const sessionIdOk = s => typeof s === 'string' && s.length <= 255 && /^cs_[A-Za-z0-9]+$/.test(s);

/** An absolute http(s) API base, trimmed and without its trailing `/`; `null` when it is not one. */
export function apiBase(value) {
  if (typeof value !== 'string') return null;
  const base = value.trim().replace(/\/+$/, '');
  const lower = base.toLowerCase();
  const scheme = lower.startsWith('https://') || lower.startsWith('http://');
  const rest = base.split('://')[1];
  const bad = /[?#@ \\]/.test(base) || /[^\x00-\x7f]/.test(base) || !rest;
  return scheme && !bad ? base : null;
}

/** A request timeout in whole ms, 100 ms to 2 minutes; `null` otherwise. */
/** How long a handed-off confirm waits for `settle()`, whole ms, 1 s to 10 minutes; `null` otherwise. */
export const acceptedSettleTimeout = ms => (typeof ms === 'number' && Number.isFinite(ms) && ms >= 1000 && ms <= 600000 ? Math.trunc(ms) : null);
export const acceptedTimeout = ms => (typeof ms === 'number' && Number.isFinite(ms) && ms >= 100 && ms <= 120000 ? Math.trunc(ms) : null);

const COLOUR_FUNCTIONS = ['rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch'];
const number = t => { const n = t.replace(/(deg|%)$/, ''); return /\d/.test(n) && /^[0-9.+-]+$/.test(n); };
const colour = v => {
  const lower = v.trim().toLowerCase();
  if (lower.startsWith('#')) return [3, 4, 6, 8].includes(lower.length - 1) && /^[0-9a-f]+$/.test(lower.slice(1));
  if (/^[a-z]{3,20}$/.test(lower)) return true; // a named colour by its shape: the frame knows the names
  const open = lower.indexOf('(');
  if (open < 0 || !lower.endsWith(')')) return false;
  const args = lower.slice(open + 1, -1);
  return COLOUR_FUNCTIONS.includes(lower.slice(0, open)) && args.trim() !== '' && args.split(/[ ,/]/).filter(Boolean).every(t => t === 'none' || number(t));
};
const length = v => {
  const t = v.trim();
  if (t === '0') return true;
  const m = /^(\d{1,3})(?:\.(\d+))?(rem|px|em)$/.exec(t);
  return !!m && (Number(m[1]) < 100 || (m[1] === '100' && !/[1-9]/.test(m[2] || '')));
};
const fontFamily = v => v.trim() !== '' && v.split(',').every(part => {
  const name = part.trim();
  const quoted = q => name.length >= 2 && name.startsWith(q) && name.endsWith(q);
  const inner = quoted('"') || quoted("'") ? name.slice(1, -1) : name;
  return inner !== '' && /^[A-Za-z0-9 _-]+$/.test(inner);
});

/** A known `--sv-*` theme variable with a value of its kind (colour, length, font-family list;
 *  the core's `theme_variable_shape`: a plain word passes as a colour, the frame checks the name). */
export function themeVariable(name, value) {
  if (typeof name !== 'string' || typeof value !== 'string' || value.length > 100 || !name.startsWith('--sv-')) return false;
  const short = name.slice(5);
  if (short === 'font') return fontFamily(value);
  if (short === 'radius') return length(value);
  return THEME_VARIABLES.includes(short) && colour(value);
}

/** `s` when it is exactly an http(s) origin (a trailing `/` allowed), else `null`. */
export function exactOrigin(s) {
  try {
    const url = new URL(s);
    return url.origin !== 'null' && (url.origin === s || `${url.origin}/` === s) && /^https?:$/.test(url.protocol) ? url.origin : null;
  } catch {
    return null;
  }
}

const isTag = t => {
  const primary = t.split('-')[0];
  return t.length <= 35 && /^[A-Za-z]{2,3}$/.test(primary) && /^[A-Za-z0-9-]+$/.test(t) && !t.endsWith('-') && !t.includes('--');
};
const fromTag = t => {
  const primary = t.split('-')[0].toLowerCase();
  return primary === 'pt' ? 'pt-BR' : Object.keys(contract.languages).includes(primary) ? primary : null;
};

/** The language the view will speak for `asked` (the `locale` option) and the browser's languages. */
export function wanted(asked, browser = []) {
  for (const t of [asked, ...browser]) if (typeof t === 'string' && isTag(t) && fromTag(t)) return fromTag(t);
  return 'en';
}

/** The frame's title and its "couldn't reach" words, and the direction, in `lang`. */
export const words = lang => contract.languages[lang] || contract.languages.en;

/** The `detail` of an `error` from the merchant's side itself (no session was read): its
 *  `code`, and for a mistake in the options, what it was. */
export const errorDetail = (code, message) => ({ sessionId: null, status: null, amount: null, currency: null, code, ...(message === undefined ? {} : { message }) });

/** The init message's text: every field, in the order the frame's reader knows. */
export function initText(o) {
  return JSON.stringify({
    sessionId: o.sessionId ?? null, credential: o.credential ?? null, apiBase: o.apiBase ?? null, config: o.config ?? null,
    locale: o.locale ?? null, pollMs: o.pollMs, timeoutMs: o.timeoutMs, handleConfirm: !!o.handleConfirm, appearance: o.appearance || [], ...(o.appearanceDark ? { appearanceDark: o.appearanceDark } : {}), showPayButton: o.showPayButton !== false, settleTimeoutMs: o.settleTimeoutMs ?? SETTLE_TIMEOUT_MS, protocol: o.protocol ?? PROTOCOL,
  });
}
export const updateText = config => JSON.stringify({ update: { config } });
export const REFRESH_TEXT = JSON.stringify('refresh');
export const SUBMIT_TEXT = JSON.stringify('submit');
/** `update({ appearance, locale })`'s message: each field `null` when not changed. */
export const optionsText = o => JSON.stringify({ options: { appearance: o.appearance ?? null, appearanceDark: o.appearanceDark ?? null, locale: o.locale ?? null } });
/** `settle()`'s message: `outcome` one of the core's, `message` the embedder's words or null. */
export const settleText = (outcome, message) => JSON.stringify({ settle: { outcome, message: message ?? null } });

const str = v => v === undefined || v === null || typeof v === 'string';
const one = o => (o && typeof o === 'object' && !Array.isArray(o) && Object.keys(o).length === 1 ? Object.keys(o)[0] : null);

/** A message from the frame, read as strictly as the core reads it: `{ height }`, `{ event:
 *  { name, detail } }` with only the documented fields, `{ blocked: { missing } }`, or `null`
 *  for anything else. */
export function readFromFrame(text) {
  let m;
  try {
    m = JSON.parse(text);
  } catch {
    return null;
  }
  const kind = one(m);
  if (kind === 'height') {
    const h = m.height && m.height.height;
    return Number.isInteger(h) && h >= 0 && h <= 1000000 ? { height: { height: h } } : null;
  }
  if (kind === 'blocked') return BLOCKERS.includes(m.blocked?.missing) ? { blocked: { missing: m.blocked.missing } } : null;
  if (kind !== 'event' || !m.event || typeof m.event !== 'object') return null;
  const { name, detail } = m.event;
  if (typeof name !== 'string' || !EVENTS.includes(name) || !detail || typeof detail !== 'object' || Array.isArray(detail)) return null;
  const fields = ['sessionId', 'status', 'amount', 'currency', 'code', 'reason', 'message'];
  const flag = f => detail[f] == null || typeof detail[f] === 'boolean';
  if (!fields.every(f => str(detail[f])) || !flag('retryable') || !flag('complete')) return null;
  const out = { sessionId: detail.sessionId ?? null, status: detail.status ?? null, amount: detail.amount ?? null, currency: detail.currency ?? null };
  if (detail.code != null) out.code = detail.code;
  for (const f of ['reason', 'retryable', 'message', 'complete']) if (detail[f] != null) out[f] = detail[f];
  const method = detail.method;
  if (method != null) {
    if (typeof method !== 'object' || typeof method.type !== 'string' || !str(method.savedMethodId) || !str(method.challengeResponse)) return null;
    out.method = { type: method.type, savedMethodId: method.savedMethodId ?? null };
    if (method.challengeResponse != null) out.method.challengeResponse = method.challengeResponse;
  }
  return { event: { name, detail: out } };
}
