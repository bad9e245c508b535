use super::ctx;
use crate::countdown;
use crate::i18n::Msg;
use leptos::prelude::*;

/// The time left to pay, in the last minutes before expiry. The visible timer is not a live
/// region (it would speak every second); a separate polite region announces milestones.
#[component]
pub fn Countdown(remaining: Memo<Option<i64>>) -> impl IntoView {
    let cx = ctx();
    let visible = Memo::new(move |_| remaining.get().is_some_and(countdown::visible));
    let announcement = RwSignal::new(String::new());
    Effect::new(move |before: Option<Option<i64>>| {
        let now = remaining.get();
        if let (Some(Some(b)), Some(n)) = (before, now) {
            if let Some(m) = countdown::milestone_crossed(b, n) {
                let (n, unit) = countdown::milestone_amount(m);
                announcement.set(cx.fill(Msg::LeftToPay, &[("duration", &crate::platform::browser::format_unit(n, unit, cx.locale))]));
            }
        }
        now
    });
    view! {
        <Show when=move || visible.get()>
            <p class="sv-countdown" data-testid="countdown">
                {cx.rich(Msg::TimeLeft, |_| view! {
                    <span class="sv-countdown-time" role="timer" dir="ltr">
                        {move || countdown::format_remaining(remaining.get().unwrap_or(0))}
                    </span>
                }.into_any())}
            </p>
        </Show>
        <p class="sv-visually-hidden" aria-live="polite" data-testid="countdown-announcement">{move || announcement.get()}</p>
    }
}
