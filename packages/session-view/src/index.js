// The package's entry: nothing happens on import (safe on a server and in any bundler).
// `loadSessionView({ origin })` gives the view of the deployment at `origin`, or `null` where
// there is no browser window (server-side rendering).
import { mountWith, SessionViewError } from './mount.js';
import { defineElement } from './element.js';
import { exactOrigin } from './protocol.js';

export { SessionViewError };

/** The view of the deployment at `origin` (e.g. `https://pay.example`): `mount()` and the
 *  `<hosted-session-view>` element. Resolves `null` without a browser window; rejects with a
 *  `SessionViewError` for an origin that is not one, or that is this page's own (the frame
 *  would then share the merchant page's origin, and card data its reach). */
export async function loadSessionView({ origin, path = '' } = {}) {
  if (typeof window === 'undefined' || typeof document === 'undefined') return null;
  const exact = exactOrigin(origin);
  if (!exact) throw new SessionViewError('invalid-origin', '`origin` must be the view\'s origin, like https://pay.example');
  if (exact === window.location.origin) throw new SessionViewError('same-origin', 'the view must be served from an origin of its own, not this page\'s');
  if (typeof path !== 'string' || !/^(\/[A-Za-z0-9._-]+)*$/.test(path)) throw new SessionViewError('invalid-origin', '`path` must be like /v1');
  const frameUrl = `${exact}${path}/frame.html`;
  const mount = (element, options) => mountWith(frameUrl, element, options);
  return { mount, defineElement: () => defineElement(mount) };
}
