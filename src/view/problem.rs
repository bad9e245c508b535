use super::ctx;
use crate::i18n::Msg;
use crate::problem::ProblemKind;
use leptos::prelude::*;

/// A problem panel: what happened, what it means for the payer, and a retry where useful.
#[component]
pub fn Problem(kind: ProblemKind, #[prop(optional, into)] on_retry: Option<Callback<()>>) -> impl IntoView {
    let cx = ctx();
    let (title, body) = kind.text();
    let retry = kind.can_retry().then_some(on_retry).flatten();
    view! {
        <div class="sv sv--hosted" lang=cx.lang.tag() dir=cx.lang.dir()>
            <main class="sv-main">
                <section class="sv-problem" role="alert" data-testid="problem" data-problem=kind.code()>
                    <h1 class="sv-heading">{cx.text(title)}</h1>
                    <p>{cx.text(body)}</p>
                    {retry.map(|cb| view! {
                        <button type="button" class="sv-button" on:click=move |_| cb.run(())>{cx.text(Msg::TryAgain)}</button>
                    })}
                </section>
            </main>
        </div>
    }
}
