// <SessionView origin sessionId credential … onReady onCompleted … />: the view in a React
// tree. The view is mounted once per element (React 19 StrictMode's mount → unmount → mount
// leaves one frame), props that change are handed to `update()` or remount only when the
// session itself changes, and unmounting removes the frame with everything typed in it.
// `handleRef` gets the handle (for `submit()` and `settle()`); `locale` and `appearance` change
// in place, keeping what the payer typed.
import { createElement, useEffect, useRef, useState } from 'react';
import { loadSessionView } from './index.js';
import { errorDetail, EVENT_PREFIX } from './protocol.js';

const EVENTS = { ready: 'onReady', change: 'onChange', completed: 'onCompleted', expired: 'onExpired', error: 'onError', confirm: 'onConfirm', 'payment-failed': 'onPaymentFailed', validity: 'onValidity' };

export function SessionView({ origin, path, sessionId, credential, apiBase, config, locale, appearance, pollInterval, timeoutMs, handleConfirm, showPayButton, className, style, handleRef, ...handlers }) {
  const host = useRef(null);
  const handle = useRef(null);
  const latest = useRef(handlers);
  latest.current = handlers;
  const [failure, setFailure] = useState(null);
  const look = useRef({ appearance, locale });
  look.current = { appearance, locale };
  // The session, its origin and what cannot change in place: a new view when one of these does.
  useEffect(() => {
    let live = true;
    const el = host.current;
    const listeners = Object.entries(EVENTS).map(([name, prop]) => {
      const listener = e => latest.current[prop]?.(e.detail);
      el.addEventListener(EVENT_PREFIX + name, listener);
      return [EVENT_PREFIX + name, listener];
    });
    loadSessionView({ origin, path }).then(sv => {
      if (!live || !sv) return;
      handle.current = sv.mount(el, { sessionId, credential, apiBase, config, ...look.current, pollInterval, timeoutMs, handleConfirm, showPayButton });
      if (handleRef) handleRef.current = handle.current;
    }).catch(e => { if (live) { setFailure(e); latest.current.onError?.(errorDetail(e.code || 'invalid-options', e.message)); } });
    return () => {
      live = false;
      for (const [name, listener] of listeners) el.removeEventListener(name, listener);
      handle.current?.unmount();
      handle.current = null;
      if (handleRef) handleRef.current = null;
    };
  }, [origin, path, sessionId, credential, apiBase, handleConfirm, showPayButton, pollInterval, timeoutMs]);
  // A new look or language, in place.
  const lookKey = JSON.stringify([appearance ?? null, locale ?? null]);
  const shown = useRef(lookKey);
  useEffect(() => {
    if (shown.current === lookKey || !handle.current) return;
    shown.current = lookKey;
    handle.current.update({ appearance: appearance ?? {}, ...(locale ? { locale } : {}) });
  }, [lookKey]);
  // A new config is shown in place, keeping what the payer typed.
  useEffect(() => {
    if (config !== undefined && handle.current) handle.current.update(config);
  }, [config]);
  return createElement('div', { ref: host, className, style, 'data-session-view-failed': failure ? failure.code : undefined });
}
