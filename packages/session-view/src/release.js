// The release's merchant module (`session-view.js`), for pages that import it by URL from the
// view's origin: `mount(element, options)`, `<hosted-session-view>` registered on import, and a
// default `init()` that does nothing (pages written for the wasm module still call it).
import { mountWith } from './mount.js';
import { defineElement } from './element.js';

export { SessionViewError } from './mount.js';
const frameUrl = new URL('./frame.html', import.meta.url).href;
export const mount = (element, options) => mountWith(frameUrl, element, options);
export default async function init() {}
defineElement(mount);
