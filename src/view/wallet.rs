use super::ctx;
use super::method_choice::NewMethodForm;
use super::page_message::PageMessage;
use super::pay_state::{pay_state, Choice};
use super::saved_methods::{describe, SavedMethodText};
use crate::i18n::Msg;
use crate::model::{Config, ConfigStoreFields, MethodType, SavedMethod, Wire};
use crate::platform::api::WalletCall;
use leptos::prelude::*;
use reactive_stores::Store;

/// Numbers the saved-method rows, so their element ids never clash across renders.
static NEXT_ROW: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// Scope `wallet`: the payer's saved methods, to make one the default, remove one (after a
/// confirmation step) or add one. Nothing to pay, so no amount, total or confirm.
#[component]
pub fn Wallet(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    let pay = pay_state();
    let entered = super::pay_state::Entered::provide(config);
    let backend = super::backend::backend();
    let now = crate::platform::browser::now_year_month();
    let methods =
        Memo::new(move |_| config.saved_methods().with(|saved| saved.iter().filter(|m| m.kind.is_known()).cloned().collect::<Vec<_>>()));
    let confirming = RwSignal::new(None::<String>);
    let message = RwSignal::new(String::new());
    // One change at a time: its outcome, in the payer's words (the server's, if it sent any).
    let change = Action::new_local(move |(call, ok): &(WalletCall, Msg)| {
        let (reply, ok) = (backend.wallet(call.clone()), *ok);
        async move {
            let outcome = reply.await;
            confirming.try_set(None); // the wallet may have gone meanwhile
            message.try_set(match outcome {
                Ok(()) => cx.text(ok).to_owned(),
                Err((ours, server)) => server.unwrap_or_else(|| cx.text(ours).to_owned()),
            });
        }
    });
    let changing = change.pending();
    let run = move |call: WalletCall, ok: Msg| {
        if !changing.get_untracked() {
            change.dispatch((call, ok));
        }
    };
    let item = move |m: SavedMethod| {
        let (title, details, expired) = describe(&m, now, cx);
        let id = m.id.clone().unwrap_or_default();
        let (id_default, id_remove, id_yes, id_confirm) = (id.clone(), id.clone(), id.clone(), id.clone());
        let asking = Memo::new(move |_| confirming.get().as_deref() == Some(id_confirm.as_str()));
        let label = title.clone();
        // Each button is named with its method ("Remove Visa •••• 4242"), so a list of
        // buttons read out of context still says which method each acts on.
        let n = NEXT_ROW.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let (title_id, default_id, remove_id) =
            (cx.id(&format!("saved-{n}")), cx.id(&format!("saved-{n}-default")), cx.id(&format!("saved-{n}-remove")));
        let (default_name, remove_name) = (format!("{default_id} {title_id}"), format!("{remove_id} {title_id}"));
        view! {
            <li class="sv-saved" data-testid="saved-method">
                <SavedMethodText title title_id is_default=m.is_default details unusable=expired.then_some(Msg::ExpiredUnusable)/>
                <span class="sv-actions">
                    {(!m.is_default && !expired && m.id.is_some()).then(|| view! {
                        <button type="button" class="sv-button sv-button--quiet" id=default_id aria-labelledby=default_name on:click=move |_| run(WalletCall::MakeDefault(id_default.clone()), Msg::DefaultUpdated)>{cx.text(Msg::MakeDefault)}</button>
                    })}
                    {m.id.is_some().then(|| view! {
                        <button type="button" class="sv-button sv-button--quiet" id=remove_id aria-labelledby=remove_name on:click=move |_| confirming.set(Some(id_remove.clone()))>{cx.text(Msg::Remove)}</button>
                    })}
                </span>
                <Show when=move || asking.get()>
                    <div class="sv-confirm-remove" role="group" aria-label=cx.text(Msg::ConfirmRemoval)>
                        <p>{cx.fill(Msg::RemoveQuestion, &[("method", &label)])}</p>
                        <button type="button" class="sv-button" on:click={let id = id_yes.clone(); move |_| run(WalletCall::Remove(id.clone()), Msg::MethodRemoved)}>{cx.text(Msg::YesRemove)}</button>
                        <button type="button" class="sv-button sv-button--quiet" on:click=move |_| confirming.set(None)>{cx.text(Msg::KeepIt)}</button>
                    </div>
                </Show>
            </li>
        }
    };
    let allowed =
        Memo::new(move |_| (super::config_reads::allows(config, &MethodType::Card), super::config_reads::allows(config, &MethodType::Ach)));
    let group = cx.id("add");
    let group_bank = group.clone();
    let save_button = NodeRef::<leptos::html::Button>::new();
    let prefix = StoredValue::new(cx.prefix());
    let save = move |_| {
        if !matches!(pay.choice.get_untracked(), Choice::NewCard | Choice::NewBank) {
            return;
        }
        let (problems, body) = entered.0.get_untracked();
        if !problems.is_empty() {
            if let Some(button) = save_button.get_untracked() {
                prefix.with_value(|p| pay.reveal_problems(&button, p, &problems));
            }
            return;
        }
        if let Some(body) = body {
            run(WalletCall::Add(body), Msg::MethodAdded);
        }
    };
    view! {
        <section class="sv-wallet" data-testid="wallet">
            <h1 class="sv-heading">{cx.text(Msg::SavedMethodsTitle)}</h1>
            <ul class="sv-saved-list">{move || methods.get().into_iter().map(item).collect_view()}</ul>
            <Show when=move || methods.with(Vec::is_empty)>
                <p class="sv-notice">{cx.text(Msg::NoSavedMethods)}</p>
            </Show>
            <p class="sv-confirm-status" role="status" data-testid="wallet-status">{move || message.get()}</p>
            // One named group of radios: "Add a payment method", Card or Bank account.
            <fieldset class="sv-fieldset" data-testid="wallet-add">
                <legend><h2 class="sv-subheading">{cx.text(Msg::AddMethod)}</h2></legend>
                <div class="sv-inline">
                    <Show when=move || allowed.get().0>
                        <label class="sv-choice-inline"><input type="radio" name=group.clone() prop:checked=move || pay.choice.get() == Choice::NewCard on:change=move |_| pay.choice.set(Choice::NewCard)/>" " {cx.text(Msg::Card)}</label>
                    </Show>
                    <Show when=move || allowed.get().1>
                        <label class="sv-choice-inline"><input type="radio" name=group_bank.clone() prop:checked=move || pay.choice.get() == Choice::NewBank on:change=move |_| pay.choice.set(Choice::NewBank)/>" " {cx.text(Msg::BankAccount)}</label>
                    </Show>
                </div>
            </fieldset>
            <NewMethodForm config/>
            <Show when=move || matches!(pay.choice.get(), Choice::NewCard | Choice::NewBank)>
                <button type="button" class="sv-button sv-button--primary" data-testid="wallet-save" node_ref=save_button on:click=save>{cx.text(Msg::SaveMethod)}</button>
            </Show>
        </section>
        <PageMessage config/>
    }
}
