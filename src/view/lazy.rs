//! A part of the view whose code is a lazily loaded chunk (`crate::platform::chunk`): shown as soon as
//! its chunk has arrived, and, if it cannot arrive, a calm alert in its place with Try again.
//! Everything the payer typed lives above it (`PayState`), so a retry loses nothing.
use super::ctx;
use crate::i18n::Msg;
use crate::platform::chunk::ChunkFailed;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::task::{Poll, Waker};

thread_local! {
    /// How many parts are on their way (their chunk asked for or about to be), and who waits
    /// for none to be.
    static ON_THEIR_WAY: Cell<u32> = const { Cell::new(0) };
    static WAITING: RefCell<Vec<Waker>> = const { RefCell::new(Vec::new()) };
}

/// One part on its way, from the moment it is rendered until its chunk has arrived or failed
/// (or the part is gone): dropping it is what counts it off.
struct OnItsWay;

impl OnItsWay {
    fn start() -> Self {
        ON_THEIR_WAY.with(|n| n.set(n.get() + 1));
        OnItsWay
    }
}

impl Drop for OnItsWay {
    fn drop(&mut self) {
        let left = ON_THEIR_WAY.with(|n| {
            n.set(n.get().saturating_sub(1));
            n.get()
        });
        if left == 0 {
            WAITING.with(|w| w.take().into_iter().for_each(Waker::wake));
        }
    }
}

/// Resolves once no part of the view is on its way (at once, if none is), or after `at_most_ms`
/// (a request that hangs). What the page loads only to look better (the page_message's
/// formatting) waits for it, so that it does not share the payer's bandwidth with a part the
/// payer needs: measured on a phone network, the sanitiser module's 250 KB, asked for while the
/// pay form's chunks were arriving (it was a part then), held them back (issue #14).
pub async fn parts_arrived(at_most_ms: u32) {
    let none_on_their_way = std::future::poll_fn(|task| {
        if ON_THEIR_WAY.with(Cell::get) == 0 {
            Poll::Ready(())
        } else {
            WAITING.with(|w| w.borrow_mut().push(task.waker().clone()));
            Poll::Pending
        }
    });
    let _ = crate::platform::browser::within(std::pin::pin!(none_on_their_way), at_most_ms).await;
}

/// `load` builds the part (a `split!` function); `part` names it for the logs and tests.
pub fn lazy_part<Fut>(part: &'static str, load: impl Fn() -> Fut + Clone + Send + Sync + 'static) -> impl IntoView
where
    Fut: Future<Output = Result<AnyView, ChunkFailed>> + 'static,
{
    let cx = ctx();
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        let load = load.clone();
        // Counted from now, before the first paint: what waits for the parts must not slip in
        // between the paint and the part's request.
        let on_its_way = OnItsWay::start();
        // The view is single-threaded (CSR): the wrapper only satisfies `Suspend`'s bound.
        Suspend::new(SendWrapper::new(async move {
            let _on_its_way = on_its_way;
            // The chunk is asked for once the view around it is on screen (the first paint
            // reported): a download that starts before shares the payer's bandwidth with it, and
            // Lighthouse counts it against the first paint (measured A/B on a phone network,
            // 4x CPU: saved card 0.93 -> 0.98, LCP 3.03 -> 2.16 s; first paint 1838 -> 1739
            // ms; Pay ready 2509 -> 2656 ms, as it was before this session's other changes).
            // Without the split (component tests) there is no chunk, and nothing to wait for.
            #[cfg(feature = "split")]
            crate::platform::browser::after_first_paint().await;
            match load().await {
                Ok(view) => view,
                Err(ChunkFailed) => {
                    crate::platform::browser::warn(&format!("session-view: the {part} part did not load (network, blocker or integrity)"));
                    view! {
                        <div class="sv-alert" role="alert" data-testid="part-unavailable" data-part=part>
                            <p>{cx.text(Msg::PartUnavailable)}</p>
                            <button type="button" class="sv-button" on:click=move |_| attempt.update(|n| *n += 1)>
                                {cx.text(Msg::TryAgain)}
                            </button>
                        </div>
                    }
                    .into_any()
                }
            }
        }))
    }
}
