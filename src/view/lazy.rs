//! A part of the view whose code is a lazily loaded chunk (`crate::chunk`): shown as soon as
//! its chunk has arrived, and, if it cannot arrive, a calm alert in its place with Try again.
//! Everything the payer typed lives above it (`PayState`), so a retry loses nothing.
use super::ctx;
use crate::chunk::ChunkFailed;
use crate::i18n::Msg;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;

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
        // The view is single-threaded (CSR): the wrapper only satisfies `Suspend`'s bound.
        Suspend::new(SendWrapper::new(async move {
            // The chunk is asked for once the view around it is on screen (the first paint
            // reported): a download that starts before shares the payer's bandwidth with it, and
            // Lighthouse counts it against the first paint (measured A/B on a phone network,
            // 4x CPU: saved card 0.93 -> 0.98, LCP 3.03 -> 2.16 s; first paint 1838 -> 1739
            // ms; Pay ready 2509 -> 2656 ms, as it was before this session's other changes).
            // Without the split (component tests) there is no chunk, and nothing to wait for.
            #[cfg(feature = "split")]
            crate::browser::after_first_paint().await;
            match load().await {
                Ok(view) => view,
                Err(ChunkFailed) => {
                    crate::browser::warn(&format!("session-view: the {part} part did not load (network, blocker or integrity)"));
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
