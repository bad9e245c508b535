// Compiles: the package's types as a merchant uses them.
import { loadSessionView, SessionViewError, type SessionViewEventDetail } from '@session-view/js';

const sv = await loadSessionView({ origin: 'https://pay.example' });
if (sv) {
  const el = document.createElement('div');
  const handle = sv.mount(el, { sessionId: 'cs_1', credential: 'cred', locale: 'fr', appearance: { '--sv-radius': '4px' } });
  handle.update({ amount: 100, currency: 'usd' });
  el.addEventListener('sv-completed', e => { const amount: string | null = e.detail.amount; console.log(amount); });
  el.addEventListener('sv-payment-failed', e => { if (e.detail.reason === 'declined' && e.detail.retryable) console.log(e.detail.message); });
  el.addEventListener('sv-validity', e => { const complete: boolean | undefined = e.detail.complete; console.log(complete, e.detail.method?.type); });
  handle.update({ appearance: { light: { bg: '#fff' }, dark: { '--sv-bg': '#000' } }, locale: 'de' });
  const result = await handle.submit();
  if (result.outcome === 'blocked') console.log(result.missing);
  else if (result.outcome === 'failed') console.log(result.reason, result.retryable);
  sv.mount(el, { config: { amount: 100 }, showPayButton: false, appearance: { text: '#111' } });
}
const tag = document.createElement('hosted-session-view');
tag.credential = 'cred';
tag.appearance = { dark: { bg: '#000' } };
void tag.submit().then(r => console.log(r.outcome));
tag.addEventListener('sv-error', e => { const code: string | undefined = e.detail.code; const status: SessionViewEventDetail['status'] = e.detail.status; console.log(code, status); });
try { sv?.mount(document.body, {}); } catch (e) { if (e instanceof SessionViewError) console.log(e.code); }
