// A merchant's React 19 app under StrictMode (effects mount, unmount and mount again).
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { SessionView } from '@session-view/js/react';

window.events = [];
function Checkout() {
  const [paid, setPaid] = useState(false);
  return (
    <main>
      <h1>{paid ? 'Thank you' : 'Checkout'}</h1>
      <SessionView
        origin={__VIEW_ORIGIN__} apiBase={__VIEW_ORIGIN__} sessionId={__SESSION_ID__} credential={__CREDENTIAL__} pollInterval={0}
        className="checkout"
        onReady={d => window.events.push({ name: 'ready', detail: d })}
        onCompleted={d => { window.events.push({ name: 'completed', detail: d }); setPaid(true); }}
        onError={d => window.events.push({ name: 'error', detail: d })}
      />
    </main>
  );
}
createRoot(document.getElementById('root')).render(<StrictMode><Checkout /></StrictMode>);
