use super::ctx;
use super::field::TextField;
use super::pay_state::{entered, field_id, pay_state};
use crate::card::digits_only;
use crate::i18n::Msg;
use crate::payment::Field;
use leptos::prelude::*;

/// A new US bank account (ACH): routing number (ABA checksum), account number, type, holder.
#[component]
pub fn BankForm() -> impl IntoView {
    let cx = ctx();
    let pay = pay_state();
    // What the view worked out once (`Entered`): while this form shows, the account's problems.
    let entered = entered();
    let problems = entered.problems();
    let error = move |f: Field| pay.shown_problem(problems, f);
    let blur = move |f: Field| Callback::new(move |()| pay.touch(f));
    let id = |f: Field| field_id(&cx.prefix(), f);
    let type_name = cx.id("account-type");
    view! {
        <div class="sv-form" data-testid="bank-form">
            <TextField
                id=id(Field::Routing) label=cx.text(Msg::RoutingNumber) name="routing-number" autocomplete="off" inputmode="numeric" ltr=true
                value=Signal::derive(move || pay.bank.with(|b| b.routing.clone()))
                on_input=Callback::new(move |raw: String| { let d = digits_only(&raw, 9); pay.bank.update(|b| b.routing = d.clone()); d })
                on_blur=blur(Field::Routing) error=error(Field::Routing)
            />
            <TextField
                id=id(Field::Account) label=cx.text(Msg::AccountNumber) name="account-number" autocomplete="off" inputmode="numeric" ltr=true
                value=Signal::derive(move || pay.bank.with(|b| b.account.clone()))
                on_input=Callback::new(move |raw: String| { let d = digits_only(&raw, 17); pay.bank.update(|b| b.account = d.clone()); d })
                on_blur=blur(Field::Account) error=error(Field::Account)
            />
            <fieldset class="sv-fieldset sv-inline">
                <legend class="sv-label">{cx.text(Msg::AccountType)}</legend>
                <label class="sv-choice-inline">
                    <input type="radio" name=type_name.clone() value="checking" prop:checked=move || pay.bank.with(|b| b.checking) on:change=move |_| pay.bank.update(|b| b.checking = true)/>
                    " " {cx.text(Msg::Checking)}
                </label>
                <label class="sv-choice-inline">
                    <input type="radio" name=type_name value="savings" prop:checked=move || pay.bank.with(|b| !b.checking) on:change=move |_| pay.bank.update(|b| b.checking = false)/>
                    " " {cx.text(Msg::Savings)}
                </label>
            </fieldset>
            <TextField
                id=id(Field::Holder) label=cx.text(Msg::AccountHolder) name="account-holder" autocomplete="name"
                value=Signal::derive(move || pay.bank.with(|b| b.holder.clone()))
                on_input=Callback::new(move |raw: String| { pay.bank.update(|b| b.holder = raw.clone()); raw })
                on_blur=blur(Field::Holder) error=error(Field::Holder)
            />
        </div>
    }
}
