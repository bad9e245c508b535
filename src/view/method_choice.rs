use super::bank_form::BankForm;
use super::brand_mark::BrandMark;
use super::card_form::CardForm;
use super::ctx;
use super::pay_state::{pay_state, Choice};
use super::saved_methods::{describe, SavedMethodText};
use super::ViewCtx;
use crate::i18n::Msg;
use crate::model::{Brand, Config, ConfigStoreFields, MethodType, SavedMethod};
use leptos::prelude::*;
use reactive_stores::Store;

#[derive(Clone, Debug, PartialEq)]
struct Opt {
    choice: Choice,
    /// Cards only: the mark to draw.
    brand: Option<Option<Brand>>,
    title: String,
    details: Vec<String>,
    /// Why it cannot be chosen, if it cannot.
    unusable: Option<Msg>,
    is_default: bool,
}

/// The choices, from the saved methods and the method types the session allows (`allowed`,
/// its `allowed_methods`).
fn options(saved: &[SavedMethod], allowed: &Option<Vec<MethodType>>, now: (u32, u32), saved_only: bool, cx: ViewCtx) -> Vec<Opt> {
    let mut out: Vec<Opt> = saved
        .iter()
        .filter(|m| m.kind.allowed_by(allowed))
        .map(|m| {
            let (title, details, expired) = describe(m, now, cx);
            let unusable = if expired {
                Some(Msg::ExpiredUnusable)
            } else if m.id.is_none() {
                Some(Msg::Unavailable)
            } else {
                None
            };
            let brand = (m.kind == MethodType::Card).then(|| m.brand.clone());
            Opt { choice: Choice::Saved(m.id.clone().unwrap_or_default()), brand, title, details, unusable, is_default: m.is_default }
        })
        .collect();
    if saved_only {
        return out;
    }
    if MethodType::Card.allowed_by(allowed) {
        out.push(Opt {
            choice: Choice::NewCard,
            brand: None,
            title: cx.text(Msg::UseNewCard).into(),
            details: vec![],
            unusable: None,
            is_default: false,
        });
    }
    if MethodType::Ach.allowed_by(allowed) {
        out.push(Opt {
            choice: Choice::NewBank,
            brand: None,
            title: cx.text(Msg::UseNewBank).into(),
            details: vec![],
            unusable: None,
            is_default: false,
        });
    }
    out
}

/// The payer's choice of method, as one radio group (arrow keys move, Space selects):
/// saved methods the session allows (expired ones shown but disabled, with the reason),
/// then a new card / a new bank account. The default method is pre-selected when usable.
#[component]
pub fn MethodChoice(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    let pay = pay_state();
    let now = crate::platform::browser::now_year_month();
    let saved_only = super::backend::backend().embedder_confirms();
    let opts = Memo::new(move |_| {
        config.saved_methods().with(|saved| config.allowed_methods().with(|allowed| options(saved, allowed, now, saved_only, cx)))
    });
    // Pre-select once (and again if the chosen method disappears from a new config).
    Effect::new(move |_| {
        let list = opts.get();
        let current = pay.choice.get_untracked();
        let still_there = list.iter().any(|o| o.choice == current && o.unusable.is_none());
        if !still_there {
            let saved_default = list.iter().find(|o| o.is_default && o.unusable.is_none() && matches!(o.choice, Choice::Saved(_)));
            let has_saved = list.iter().any(|o| matches!(o.choice, Choice::Saved(_)) && o.unusable.is_none());
            let pick = saved_default
                .map(|o| o.choice.clone())
                .or_else(|| (!has_saved).then(|| list.iter().find(|o| o.unusable.is_none()).map(|o| o.choice.clone())).flatten());
            pay.choice.set(pick.unwrap_or(Choice::None));
        }
    });
    let group = cx.id("method");
    let legend_id = cx.id("method-legend");
    let labelled_by = legend_id.clone();
    let prefix = cx.prefix();
    let option = move |(i, o): (usize, Opt)| {
        let value = o.choice.clone();
        let checked = value.clone();
        let input_id = format!("{prefix}-method-{i}");
        let label_for = input_id.clone();
        let reason_id = format!("{input_id}-reason");
        let unusable = o.unusable;
        view! {
            <label class="sv-choice" class:sv-choice--disabled=unusable.is_some() for=label_for data-testid="method-option">
                <input
                    type="radio"
                    id=input_id
                    name=group.clone()
                    disabled=unusable.is_some()
                    aria-describedby=unusable.map(|_| reason_id.clone())
                    prop:checked=move || pay.choice.get() == checked
                    on:change=move |_| pay.choice.set(value.clone())
                />
                {o.brand.map(|b| view! { <BrandMark brand=b/> })}
                <span class="sv-choice-body">
                    <SavedMethodText title=o.title is_default=o.is_default details=o.details unusable unusable_id=reason_id.clone()/>
                </span>
            </label>
        }
    };
    view! {
        <fieldset class="sv-fieldset" aria-labelledby=labelled_by>
            <legend class="sv-subheading" id=legend_id>{cx.text(Msg::PaymentMethod)}</legend>
            <div class="sv-choices">
                {move || opts.get().into_iter().enumerate().map(option.clone()).collect_view()}
            </div>
        </fieldset>
        <NewMethodForm config/>
    }
}

/// The form of the new method chosen (card or bank account), if one is: in the method choice
/// and in the wallet's "Add a payment method".
#[component]
pub fn NewMethodForm(config: Store<Config>) -> impl IntoView {
    let pay = pay_state();
    view! {
        <Show when=move || pay.choice.get() == Choice::NewCard><CardForm config/></Show>
        <Show when=move || pay.choice.get() == Choice::NewBank><BankForm/></Show>
    }
}
