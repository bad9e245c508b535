// A merchant's checkout page, as a frontend team writes it: the package from npm, bundled.
import { loadSessionView } from '@session-view/js';

window.events = [];
const el = document.getElementById('checkout');
for (const name of ['ready', 'completed', 'error']) el.addEventListener(`sv-${name}`, e => window.events.push({ name, detail: e.detail }));
const sv = await loadSessionView({ origin: __VIEW_ORIGIN__ });
window.loadSessionView = loadSessionView; // for the test of wrong options
sv.mount(el, { sessionId: __SESSION_ID__, credential: __CREDENTIAL__, apiBase: __VIEW_ORIGIN__, pollInterval: 0 });
