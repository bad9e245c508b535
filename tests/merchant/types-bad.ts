// Must not compile: a misspelt detail field, and a nullable status taken as always there.
import { loadSessionView } from '@session-view/js';

const sv = await loadSessionView({ origin: 'https://pay.example' });
const el = document.createElement('div');
sv?.mount(el, { sessionId: 'cs_1' });
el.addEventListener('sv-completed', e => console.log(e.detail.amout));
document.createElement('hosted-session-view').addEventListener('sv-error', e => { const s: string = e.detail.status; console.log(s); });
