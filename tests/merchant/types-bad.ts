// Must not compile: a misspelt detail field, a nullable status taken as always there, a submit
// result read without its outcome, and a Pay button option that is not a boolean.
import { loadSessionView } from '@session-view/js';

const sv = await loadSessionView({ origin: 'https://pay.example' });
const el = document.createElement('div');
sv?.mount(el, { sessionId: 'cs_1' });
el.addEventListener('sv-completed', e => console.log(e.detail.amout));
document.createElement('hosted-session-view').addEventListener('sv-error', e => { const s: string = e.detail.status; console.log(s); });
const handle = sv!.mount(el, { config: {}, showPayButton: 'no' });
void handle.submit().then(r => console.log(r.missing));
