//! Embedding, the frame's side: `frame.html`, a page of the view's own origin that a
//! merchant's page frames through `mount()` or `<hosted-session-view>`. Those two live in a
//! module of their own, the merchant's (`packages/session-view`, `session-view.js`, plain JS): a
//! merchant's page never downloads this crate. Here, in the frame, out of the merchant's
//! reach (issue #18), run the whole view, its card and bank fields, one-time codes and every
//! request that carries them or the session credential. The two sides talk only through the
//! core's [`embedding`](crate::embedding) protocol.
//! - [`frame`]: the frame's side of that protocol;
//! - [`events`]: what the frame tells the merchant's page.
pub(crate) mod events;
pub mod frame;
