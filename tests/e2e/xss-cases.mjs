// The XSS corpora and the live-DOM check, shared by the Chromium suite (xss.test.mjs) and the
// other engines' (tests/engines/payer.test.mjs).
import path from 'node:path';

export const sharedXss = path.resolve(import.meta.dirname, '..', 'data', 'xss');
export const SUITES = ['dompurify-payloads.json', 'h5sc-payloads.json', 'owasp-payloads.json'];
export const ALLOWED_TAGS = ['A', 'B', 'BLOCKQUOTE', 'BR', 'CODE', 'EM', 'H3', 'H4', 'I', 'LI', 'OL', 'P', 'S', 'SMALL', 'STRONG', 'U', 'UL'];

export function configFor(id, payload) {
  return {
    session_id: id, status: 'active', scope: 'payment', amount: 1234, currency: 'usd', layout: 'hosted',
    description: payload, customer_email: payload, merchant_display_name: payload, page_message: payload,
    branding: { merchant_display_name: payload, logo_url: payload, accent_color: payload },
    line_items: [{ description: payload, amount: 1234, quantity: 1, metadata: { x: payload } }],
    saved_methods: [{ id: payload, type: 'card', brand: payload, last4: payload, holder_name: payload }],
    challenge: { type: 'sms', delivery_hint: payload, site_key: payload },
  };
}

export function inspect(allowed) {
  const problems = [];
  const msg = document.querySelector('[data-testid=page-message]');
  for (const el of msg ? msg.querySelectorAll('*') : []) {
    const tag = el.tagName.toUpperCase();
    if (!allowed.includes(tag)) problems.push(`tag ${tag} in page_message`);
    for (const a of el.attributes) {
      const ok = tag === 'A' && ((a.name === 'href' && /^(https:|mailto:)/i.test(a.value))
        || (a.name === 'rel' && a.value === 'noopener noreferrer') || (a.name === 'target' && a.value === '_blank')
        || (a.name === 'referrerpolicy' && a.value === 'no-referrer'));
      if (!ok) problems.push(`attribute ${tag} ${a.name}=${a.value.slice(0, 40)}`);
    }
  }
  const ownFallback = document.querySelector('body > noscript'); // index.html's "needs JavaScript" note
  for (const el of document.body.querySelectorAll('*')) {
    if (ownFallback && (el === ownFallback || ownFallback.contains(el))) continue;
    const tag = el.tagName.toUpperCase();
    const ownMark = el.closest('svg.sv-mark') && !el.closest('[data-testid=page-message]'); // the view's brand marks
    if (/^(SCRIPT|IFRAME|FRAME|OBJECT|EMBED|FORM|BASE|META|SVG|MATH|STYLE|LINK|TEMPLATE|NOSCRIPT)$/.test(tag) && !ownMark) problems.push(`element ${tag}`);
    if ((tag === 'INPUT' || tag === 'SELECT') && !el.closest('.sv-choice, .sv-form')) problems.push(`element ${tag} outside the view's own fields`);
    if (tag === 'IMG' && !el.classList.contains('sv-logo')) problems.push('img outside the logo');
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) problems.push(`handler ${tag} ${a.name}`);
      if (/^\s*(javascript|data|vbscript):/i.test(a.value)) problems.push(`scheme ${tag} ${a.name}`);
    }
  }
  const style = document.querySelector('.sv')?.style.getPropertyValue('--sv-accent') || '';
  if (style && !/^#[0-9a-f]{6}$/.test(style)) problems.push(`accent ${style}`);
  return { problems, fired: window.__fired, rendered: !!document.querySelector('[data-testid=amount-due]'), globals: Object.keys(window).sort() };
}

let env;
