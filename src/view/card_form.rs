use super::brand_mark::BrandMark;
use super::field::{leaving_for_primary, TextField};
use super::pay_state::{entered, field_id, pay_state};
use super::{ctx, saved_methods::brand_name};
use crate::card;
use crate::i18n::Msg;
use crate::model::{AvsField, Config, ConfigStoreFields, Wire};
use crate::payment::{self, CardInput, Field};
use leptos::prelude::*;
use reactive_stores::Store;

/// Every country (ISO 3166-1), named in the payer's language (`Intl.DisplayNames`; the code
/// where the browser has no name) and sorted as the payer's language sorts.
fn countries(locale: &str) -> Vec<(&'static str, String)> {
    let named = crate::platform::browser::region_names(crate::country::CODES, locale);
    let mut list: Vec<_> =
        crate::country::CODES.iter().zip(named).map(|(code, name)| (*code, name.unwrap_or_else(|| (*code).to_owned()))).collect();
    crate::platform::browser::sort_by_name(&mut list, locale);
    list
}

/// A new card: number grouped as typed, expiry, security code, name, and exactly the
/// billing fields the session requires. Problems show when a field is left or on confirm.
#[component]
pub fn CardForm(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    let pay = pay_state();
    let required =
        Memo::new(move |_| config.required_avs_fields().with(|r| r.iter().filter(|f| f.is_known()).cloned().collect::<Vec<_>>()));
    // What the view worked out once (`Entered`): while this form shows, the card's problems.
    let entered = entered();
    let problems = entered.problems();
    let brand = Memo::new(move |_| pay.card.with(payment::typed_brand));
    let error = move |f: Field| pay.shown_problem(problems, f);
    let blur = move |f: Field| Callback::new(move |()| pay.touch(f));
    let value = move |get: fn(&CardInput) -> String| Signal::derive(move || pay.card.with(get));
    let set = move |put: fn(&mut CardInput, String)| {
        Callback::new(move |raw: String| {
            pay.card.update(|c| put(c, raw.clone()));
            raw
        })
    };
    let prefix = StoredValue::new(cx.prefix());
    let id = move |f: Field| prefix.with_value(|p| field_id(p, f));
    let needs = move |f: AvsField| required.with(|r| r.contains(&f));
    let text = move |f: Field,
                     label: Msg,
                     name: &'static str,
                     autocomplete: &'static str,
                     get: fn(&CardInput) -> String,
                     put: fn(&mut CardInput, String)| {
        view! { <TextField id=id(f) label=cx.text(label) name autocomplete value=value(get) on_input=set(put) on_blur=blur(f) error=error(f)/> }
    };
    let country_id = id(Field::Country);
    let country_error = error(Field::Country);
    let country_described = format!("{country_id}-error");
    view! {
        <div class="sv-form" data-testid="card-form">
            <div class="sv-row">
                <TextField
                    id=id(Field::Number) label=cx.text(Msg::CardNumber) name="cardnumber" autocomplete="cc-number" inputmode="numeric" ltr=true
                    value=Signal::derive(move || pay.card.with(|c| card::group(&c.number, &card::brand_of(&c.number))))
                    on_input=Callback::new(move |raw: String| {
                        let b = card::brand_of(&card::digits_only(&raw, 19));
                        let digits = card::digits_only(&raw, card::max_length(&b));
                        let shown = card::group(&digits, &b);
                        pay.card.update(|c| c.number = digits);
                        shown
                    })
                    on_blur=blur(Field::Number) error=error(Field::Number)
                />
                <span class="sv-brand" aria-live="polite" data-testid="typed-brand">
                    {move || pay.card.with(|c| !c.number.is_empty()).then(|| {
                        let b = brand.get();
                        view! { <BrandMark brand=Some(b.clone())/> {brand_name(Some(&b), cx)} }
                    })}
                </span>
            </div>
            <div class="sv-row sv-row--split">
                <TextField
                    id=id(Field::Expiry) label=cx.text(Msg::ExpiryMmYy) name="cc-exp" autocomplete="cc-exp" inputmode="numeric" ltr=true
                    value=value(|c| c.expiry.clone())
                    on_input=Callback::new(move |raw: String| {
                        let shown = card::format_expiry(&raw);
                        pay.card.update(|c| c.expiry = shown.clone());
                        shown
                    })
                    // Backspace crosses " / " as typed; the field reads the same either way.
                    on_delete=Callback::new(move |raw: String| {
                        pay.card.update(|c| c.expiry = raw.clone());
                        raw
                    })
                    on_blur=Callback::new(move |()| {
                        pay.card.update(|c| c.expiry = card::format_expiry(&c.expiry));
                        pay.touch(Field::Expiry);
                    })
                    error=error(Field::Expiry)
                />
                <TextField
                    id=id(Field::Cvc) name="cvc" autocomplete="cc-csc" inputmode="numeric" ltr=true
                    label=Signal::derive(move || cx.text(if card::cvc_optional(&brand.get()) { Msg::SecurityCodeOptional } else { Msg::SecurityCode }))
                    value=value(|c| c.cvc.clone())
                    on_input=Callback::new(move |raw: String| {
                        // Judged against the brand on leaving or on Pay, not cut while typing.
                        let digits = card::digits_only(&raw, pay.card.with_untracked(|c| card::cvc_typing_max(&c.number)));
                        pay.card.update(|c| c.cvc = digits.clone());
                        digits
                    })
                    on_blur=blur(Field::Cvc) error=error(Field::Cvc)
                />
            </div>
            {text(Field::Name, Msg::NameOnCard, "ccname", "cc-name", |c| c.name.clone(), |c, v| c.name = v)}
            <Show when=move || needs(AvsField::Line1)>{text(Field::Line1, Msg::StreetAddress, "address-line1", "address-line1", |c| c.line1.clone(), |c, v| c.line1 = v)}</Show>
            <Show when=move || needs(AvsField::Line2)>{text(Field::Line2, Msg::AddressLine2, "address-line2", "address-line2", |c| c.line2.clone(), |c, v| c.line2 = v)}</Show>
            <Show when=move || needs(AvsField::City)>{text(Field::City, Msg::City, "city", "address-level2", |c| c.city.clone(), |c, v| c.city = v)}</Show>
            <Show when=move || needs(AvsField::State)>{text(Field::State, Msg::StateOrRegion, "state", "address-level1", |c| c.state.clone(), |c, v| c.state = v)}</Show>
            <Show when=move || needs(AvsField::Country)>
                <div class="sv-field" class:sv-field--invalid=move || country_error.get().is_some()>
                    <label class="sv-label" for=country_id.clone()>{cx.text(Msg::Country)}</label>
                    <select
                        class="sv-input"
                        id=country_id.clone()
                        name="country"
                        autocomplete="country"
                        prop:value=move || pay.card.with(|c| c.country.clone())
                        aria-invalid=move || country_error.get().map(|_| "true")
                        aria-describedby={let d = country_described.clone(); move || country_error.get().map(|_| d.clone())}
                        on:change=move |ev| pay.card.update(|c| c.country = event_target_value(&ev))
                        on:blur=move |ev: web_sys::FocusEvent| {
                            if !leaving_for_primary(&ev) {
                                pay.touch(Field::Country);
                            }
                        }
                    >
                        <option value="">{cx.text(Msg::ChooseOption)}</option>
                        {countries(cx.locale).into_iter().map(|(code, name)| view! { <option value=code>{name}</option> }).collect_view()}
                    </select>
                    <p class="sv-error" id=format!("{}-error", country_id.clone())>{move || country_error.get().map(|m| cx.text(m))}</p>
                </div>
            </Show>
            <Show when=move || pay.card.with(|c| required.with(|r| payment::asks_postal_code(c, r)))>
                <TextField
                    id=id(Field::PostalCode) label=cx.text(Msg::PostalCode) name="postal-code" autocomplete="postal-code"
                    value=value(|c| c.postal_code.clone()) on_input=set(|c, v| c.postal_code = v)
                    // Shown as the chosen country writes it once the payer moves on (`sw1a1aa` → `SW1A 1AA`).
                    on_blur=Callback::new(move |()| {
                        if let Some(normal) = pay.card.with_untracked(|c| required.with_untracked(|r| payment::postal_code(c, r))) {
                            pay.card.update(|c| c.postal_code = normal);
                        }
                        pay.touch(Field::PostalCode);
                    })
                    error=error(Field::PostalCode)
                />
            </Show>
        </div>
    }
}
