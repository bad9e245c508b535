// The release's merchant module (`session-view.js`), for pages that import it by URL from the
// view's origin: `mount(element, options)`, `<hosted-session-view>` registered on import, and a
// default `init()` that does nothing (pages written for the wasm module still call it).
// The frame is the deployment's built in by tools/merchant.mjs (SESSION_VIEW_BASE); without
// one, the folder this file is served from.
/* global __VIEW_BASE__ */
import { mountWith, SessionViewError } from './mount.js';
import { defineElement } from './element.js';

export { SessionViewError };
const built = typeof __VIEW_BASE__ === 'string' ? __VIEW_BASE__ : '';
const frameUrl = new URL('frame.html', built || new URL('./', import.meta.url)).href;
export const mount = (element, options) => {
  // A module built for its deployment and mounted on a page of that same origin: the frame
  // would share the page's origin, and card data its scripts' reach.
  if (built && new URL(frameUrl).origin === location.origin) throw new SessionViewError('same-origin', 'the view must be framed from an origin of its own, not this page\'s');
  return mountWith(frameUrl, element, options);
};
export default async function init() {}
defineElement(mount);
