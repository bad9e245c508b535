// Example merchant integration (served at /merchant.html of the demo build).
import init, { mount } from './session-view.js';

await init();

const log = (name, detail) => {
  const li = document.createElement('li');
  li.textContent = `${name}: ${JSON.stringify(detail)}`;
  document.getElementById('events').append(li);
};

// 1. JS API with a config given directly (no fetch).
const host = document.getElementById('checkout-api');
for (const name of ['ready', 'change', 'completed', 'expired', 'error']) host.addEventListener(`sv-${name}`, e => log(name, e.detail));
const config = {
  session_id: 'cs_merchantDemo1', status: 'active', amount: 2400, currency: 'usd', layout: 'embedded',
  line_items: [{ description: 'Espresso beans, 1 kg', amount: 2400 }],
  branding: { merchant_display_name: 'Corner Roasters', accent_color: '#8a3b12' },
};
const handle = mount(host, { config, appearance: { '--sv-radius': '6px' } });
document.getElementById('change-amount').addEventListener('click', () => {
  config.amount += 500;
  config.line_items = [...config.line_items, { description: 'Grinder cleaning tablets', amount: 500 }];
  handle.update(config);
});

// 2. The custom element reads from the API (the mock API behind `npm start`); the
//    credential is a property, never an attribute.
document.getElementById('checkout-element').credential = 'demo-credential';
window.sessionViewDemo = { handle };
