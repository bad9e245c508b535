#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice)]
//! Component tests: mount the view with a config in headless Chromium and assert the DOM
//! the payer gets. Run by `npm test` (wasm-bindgen-test-runner + chromedriver).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use reactive_stores::{Patch, Store};
use session_view::demo::config_json;
use session_view::model::{parse_json, Config};
use session_view::view::{Backend, SessionView};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn config(json: &str) -> Config {
    parse_json(json).expect("a config object").config
}

fn demo(key: &str) -> Config {
    config(&config_json(key).expect("demo exists"))
}

struct Mounted {
    root: HtmlElement,
    _handle: Option<Box<dyn std::any::Any>>,
}

impl Mounted {
    fn q(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).ok().flatten()
    }
    fn text(&self, selector: &str) -> String {
        self.q(selector).and_then(|e| e.text_content()).map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")).unwrap_or_default()
    }
    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).expect("valid selector");
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
    }
    fn all_text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }
}

fn container() -> HtmlElement {
    let doc = web_sys::window().and_then(|w| w.document()).expect("document");
    let div: HtmlElement = doc.create_element("div").expect("div").dyn_into().expect("html element");
    doc.body().expect("body").append_child(&div).expect("append");
    div
}

/// The library's own sanitiser in place of the sanitiser module (which only the release build
/// serves; the e2e tests load it for real), answering on the next tick as the module would.
fn in_process_sanitizer() {
    provide_context(session_view::view::MessageSanitizer(std::sync::Arc::new(|html: String| {
        Box::pin(async move { Some(session_view_sanitizer::sanitize(&html)) }) as session_view::view::Sanitized
    })));
}

/// A new config, as the live controller applies one: `change` made to a copy of the one on
/// screen, patched into the store.
fn change(config: Store<Config>, change: impl FnOnce(&mut Config)) {
    let mut next = config.get_untracked();
    change(&mut next);
    config.patch(next);
}

fn mount_store(config: Store<Config>) -> Mounted {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        in_process_sanitizer();
        view! { <SessionView config backend=Backend::Demo locale="en-US"/> }
    });
    Mounted { root, _handle: Some(Box::new(handle)) }
}

fn mount(config: Config) -> Mounted {
    mount_store(Store::new(config))
}

/// Mounted with the `locale` mount option (`None`: the browser's languages decide).
fn mount_in(config: Config, locale: Option<&str>) -> Mounted {
    let root = container();
    let locale = locale.map(str::to_owned);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        in_process_sanitizer();
        let config = Store::new(config.clone());
        match locale.clone() {
            Some(l) => view! { <SessionView config backend=Backend::Demo locale=l/> }.into_any(),
            None => view! { <SessionView config backend=Backend::Demo/> }.into_any(),
        }
    });
    Mounted { root, _handle: Some(Box::new(handle)) }
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().expect("window").set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().expect("window").set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Until a page_message's answer is shown: it is read and its nodes built in tasks of their
/// own (`page_message.rs`), so a few turns of the event loop.
async fn message_shown() {
    for _ in 0..4 {
        tick().await;
    }
}

#[wasm_bindgen_test]
fn renders_amount_items_total_email_and_expiry() {
    let v = mount(demo("card"));
    assert_eq!(v.text("[data-testid=amount-due]"), "$49.99");
    assert_eq!(v.text(".sv-merchant"), "Larkspur Tea");
    assert_eq!(v.text("h1"), "Pay Larkspur Tea");
    let items = v.all(".sv-item");
    assert_eq!(items.len(), 2);
    let first = items[0].text_content().unwrap_or_default();
    assert!(first.contains("Darjeeling first flush, 100 g") && first.contains("2 × $19.99") && first.contains("$39.98"), "{first}");
    assert!(items[1].text_content().unwrap_or_default().contains("$10.01"));
    assert_eq!(v.text("[data-testid=total]"), "$49.99");
    assert_eq!(v.text(".sv-email"), "Receipt to jordan@example.com");
    assert!(v.text("[data-testid=expiry]").contains("2030"), "{}", v.text("[data-testid=expiry]"));
    assert_eq!(v.text(".sv-description"), "Order #1042 from Larkspur Tea");
    assert!(v.q("footer").is_some(), "hosted layout has page chrome");
}

fn radio(option: &Element) -> web_sys::HtmlInputElement {
    option.query_selector("input[type=radio]").ok().flatten().expect("a radio").dyn_into().expect("input")
}

#[wasm_bindgen_test]
async fn saved_cards_are_a_radio_group_with_default_selected_and_expired_disabled() {
    let v = mount(demo("card"));
    tick().await;
    let options = v.all("[data-testid=method-option]");
    let texts: Vec<String> = options.iter().map(|e| e.text_content().unwrap_or_default()).collect();
    assert_eq!(texts.len(), 5, "four saved cards and a new card: {texts:?}");
    assert!(texts[0].contains("Visa •••• 4242") && texts[0].contains("Default") && texts[0].contains("Expires 12/30"));
    assert!(texts[1].contains("Mastercard •••• 4444") && !texts[1].contains("Default"));
    assert!(texts[2].contains("American Express •••• 0005") && texts[2].contains("Expired: can't be used"));
    assert!(texts[3].contains("JCB •••• 0000"), "a JCB card is named: {}", texts[3]);
    assert_eq!(texts[4], "Use a new card");
    let marks: Vec<String> =
        v.all("[data-testid=method-option] svg.sv-mark").iter().filter_map(|m| m.get_attribute("data-brand")).collect();
    assert_eq!(marks, vec!["visa", "mastercard", "amex", "jcb"], "inline brand marks");
    assert!(!v.all_text().contains("jcb"));
    assert!(radio(&options[0]).checked(), "the default is pre-selected");
    let expired = radio(&options[2]);
    assert!(expired.disabled());
    let reason = expired.get_attribute("aria-describedby").expect("reason tied to the radio");
    assert!(v.q(&format!("#{reason}")).and_then(|r| r.text_content()).unwrap_or_default().contains("Expired"));
    let names: std::collections::HashSet<String> = options.iter().map(|o| radio(o).name()).collect();
    assert_eq!(names.len(), 1, "one group");
    assert!(v.q("fieldset legend").map(|l| l.text_content().unwrap_or_default()) == Some("Payment method".into()));
}

#[wasm_bindgen_test]
async fn bank_accounts_and_consent_that_matches_the_choice() {
    let v = mount(demo("ach")); // off_session; the default saved account is chosen
    tick().await;
    let methods: Vec<String> = v.all("[data-testid=method-option]").iter().map(|e| e.text_content().unwrap_or_default()).collect();
    assert!(methods[0].contains("Checking •••• 6789") && methods[0].contains("First Prairie Bank"), "{methods:?}");
    assert!(methods[1].contains("Savings •••• 1122") && methods[1].contains("Harbor Credit Union"));
    let consent = v.text("[data-testid=save-consent]");
    assert_eq!(
        consent,
        "By paying, you allow Northwind Advisory to charge this payment method later without you being present, as set out in their terms.",
        "a saved method: later charges, not saving"
    );
    choose(&v, "Use a new bank account").await;
    let consent = v.text("[data-testid=save-consent]");
    assert!(
        consent.starts_with("Your payment method will be saved.")
            && consent.contains("Northwind Advisory")
            && consent.contains("without you being present"),
        "{consent}"
    );
}

#[wasm_bindgen_test]
async fn on_session_saving_is_said_for_a_new_method_only() {
    let v = mount(demo("card")); // on_session; the default saved card is chosen
    tick().await;
    assert!(v.q("[data-testid=save-consent]").is_none(), "a saved card is saved already");
    choose(&v, "Use a new card").await;
    assert!(v.text("[data-testid=save-consent]").starts_with("Your payment method will be saved with Larkspur Tea"));
}

#[wasm_bindgen_test]
fn allowed_methods_filter_saved_methods_and_off_says_nothing() {
    let mut c = demo("card");
    c.allowed_methods = Some(vec![session_view::model::MethodType::Ach]);
    c.setup_future_usage = Some(session_view::model::FutureUsage::Off);
    let v = mount(c);
    let options: Vec<String> = v.all("[data-testid=method-option]").iter().map(|e| e.text_content().unwrap_or_default()).collect();
    assert_eq!(options, vec!["Use a new bank account".to_owned()], "saved cards hidden when only ACH is allowed");
    assert!(v.q("[data-testid=allowed-methods]").is_none(), "no summary line repeating the radio group");
    assert!(v.q("[data-testid=save-consent]").is_none());
}

#[wasm_bindgen_test]
fn currencies_follow_their_minor_units() {
    assert_eq!(mount(demo("jpy")).text("[data-testid=amount-due]"), "¥3,300");
    let kwd = mount(demo("kwd")).text("[data-testid=amount-due]");
    assert!(kwd.contains("12.345") && kwd.contains("KWD"), "{kwd}");
    let odd = mount(config(r#"{"amount": 1000, "currency": "zzz"}"#)).text("[data-testid=amount-due]");
    assert!(odd.contains("10.00") && odd.contains("ZZZ"), "{odd}");
    let none = mount(config(r#"{"amount": 1000}"#)).text("[data-testid=amount-due]");
    assert_eq!(none, "10.00");
}

#[wasm_bindgen_test]
fn amounts_beyond_2_pow_53_keep_every_digit() {
    let v = mount(config(r#"{"amount": 9007199254740993, "currency": "usd"}"#));
    assert_eq!(v.text("[data-testid=amount-due]"), "$90,071,992,547,409.93");
}

#[wasm_bindgen_test]
fn amount_is_the_total_even_when_items_disagree_and_overflow_is_unavailable() {
    let v = mount(config(
        r#"{"amount": 5000, "currency": "usd", "line_items": [
            {"description": "A", "amount": 4999},
            {"description": "Huge", "amount": 9223372036854775807, "quantity": 2}]}"#,
    ));
    assert_eq!(v.text("[data-testid=total]"), "$50.00");
    assert_eq!(v.text("[data-testid=amount-due]"), "$50.00");
    let huge = v.all(".sv-item")[1].text_content().unwrap_or_default();
    assert!(huge.contains("Amount unavailable"), "{huge}");
}

#[wasm_bindgen_test]
fn branding_sets_accent_and_contrasting_ink() {
    let v = mount(demo("hcaptcha")); // #ffd166, a light accent: dark ink
    let root: HtmlElement = v.q(".sv").expect("root").dyn_into().expect("html");
    assert_eq!(root.style().get_property_value("--sv-accent").ok().as_deref(), Some("#ffd166"));
    assert_eq!(root.style().get_property_value("--sv-on-accent").ok().as_deref(), Some("#000000"));
    let v = mount(demo("card")); // dark green: white ink
    let root: HtmlElement = v.q(".sv").expect("root").dyn_into().expect("html");
    assert_eq!(root.style().get_property_value("--sv-on-accent").ok().as_deref(), Some("#ffffff"));
}

#[wasm_bindgen_test]
fn logo_only_from_a_validated_https_url() {
    let v = mount(config(r#"{"branding": {"logo_url": "https://cdn.example.com/l.png", "merchant_display_name": "M"}}"#));
    let img = v.q("img.sv-logo").expect("logo");
    assert_eq!(img.get_attribute("src").as_deref(), Some("https://cdn.example.com/l.png"));
    assert_eq!(img.get_attribute("alt").as_deref(), Some(""));
    assert_eq!(img.get_attribute("referrerpolicy").as_deref(), Some("no-referrer"));
    for bad in ["javascript:alert(1)", "http://cdn.example.com/l.png", "data:image/png;base64,AA", "/l.png"] {
        let v = mount(config(&format!(r#"{{"branding": {{"logo_url": "{bad}"}}}}"#)));
        assert!(v.q("img").is_none(), "{bad}");
    }
}

#[wasm_bindgen_test]
async fn hostile_strings_render_as_text_only() {
    let v = mount(demo("hostile"));
    message_shown().await; // the page message is built once mounted
    for tag in ["script", "img", "iframe", "form", "i", "svg:not(.sv-mark)"] {
        assert!(v.all(tag).is_empty(), "<{tag}> reached the DOM");
    }
    // the only inputs are the view's own: method radios, the card form, the one-time code field
    for input in v.all("input:not([data-testid=code-input])") {
        let in_form = input.closest("[data-testid=card-form]").ok().flatten().is_some();
        let radio = input.get_attribute("type").as_deref() == Some("radio") && input.closest(".sv-choice").ok().flatten().is_some();
        assert!(in_form || radio, "an input of unknown origin: {}", input.outer_html());
    }
    for el in v.all("*") {
        let names = el.get_attribute_names();
        for i in 0..names.length() {
            let name = names.get(i).as_string().unwrap_or_default();
            assert!(!name.starts_with("on"), "handler attribute {name}");
            let value = el.get_attribute(&name).unwrap_or_default();
            assert!(!value.to_ascii_lowercase().contains("javascript:"), "{name}={value}");
        }
    }
    let text = v.all_text();
    assert!(text.contains("<img src=x onerror=alert('description')>"), "description shown as text");
    assert!(text.contains("<script>alert('item')</script>"));
    let root: HtmlElement = v.q(".sv").expect("root").dyn_into().expect("html");
    assert_eq!(root.style().get_property_value("--sv-accent").ok().as_deref(), Some(""), "invalid accent never reaches CSS");
    // bidi controls in names and descriptions are isolated
    assert!(v.q(".sv-merchant bdi").is_some());
    assert_eq!(v.q(".sv-description").and_then(|e| e.get_attribute("dir")).as_deref(), Some("auto"));
    // the page message's javascript: link lost its href; iframe and form are gone
    let link = v.q("[data-testid=page-message] a").expect("link text kept");
    assert_eq!(link.get_attribute("href"), None);
}

#[wasm_bindgen_test]
async fn page_message_is_sanitised_by_the_policy() {
    let v = mount(demo("message"));
    message_shown().await;
    let msg = v.q("[data-testid=page-message]").expect("message");
    assert!(v.q("[data-testid=page-message] strong").is_some());
    assert!(v.q("[data-testid=page-message] h3").is_some());
    assert!(v.all("[data-testid=page-message] script, [data-testid=page-message] img").is_empty());
    for a in v.all("[data-testid=page-message] a") {
        assert_eq!(a.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
        assert_eq!(a.get_attribute("target").as_deref(), Some("_blank"));
        assert_eq!(a.get_attribute("onclick"), None);
        let href = a.get_attribute("href").unwrap_or_default();
        assert!(href.starts_with("https:") || href.starts_with("mailto:"), "{href}");
    }
    assert!(msg.text_content().unwrap_or_default().contains("non-refundable"));
}

#[wasm_bindgen_test]
fn status_views() {
    let done = mount(demo("completed"));
    assert!(done.text("[data-testid=completed]").contains("Payment complete"));
    assert!(done.text("[data-testid=completed]").contains("You paid $49.99 to Larkspur Tea."));
    assert!(done.q("[data-testid=amount-due]").is_none());
    let expired = mount(demo("expired"));
    assert!(expired.text("[data-testid=expired]").contains("ask Larkspur Tea for a new payment link"));
    assert!(expired.q("[data-testid=amount-due]").is_none());
    let unknown = mount(config(r#"{"status": "paused", "amount": 100, "currency": "usd"}"#));
    assert!(unknown.q("[data-testid=unavailable]").is_some());
    assert!(unknown.q("[data-testid=amount-due]").is_none());
    for (v, name) in [(&done, "completed"), (&expired, "expired"), (&unknown, "unavailable")] {
        assert!(!v.all_text().contains("sent encrypted"), "{name}: no payment details are taken, none said to be sent");
    }
    assert!(mount(demo("card")).all_text().contains("sent encrypted"), "said where they are");
}

#[wasm_bindgen_test]
fn wallet_scope_lists_methods_without_a_total() {
    let v = mount(demo("wallet"));
    assert_eq!(v.text("h1"), "Your saved payment methods");
    assert_eq!(v.all("[data-testid=saved-method]").len(), 3);
    assert!(v.q("[data-testid=amount-due]").is_none() && v.q("[data-testid=total]").is_none());
}

#[wasm_bindgen_test]
fn embedded_layout_drops_page_chrome() {
    let v = mount(demo("embedded"));
    assert!(v.q(".sv.sv--embedded").is_some());
    assert!(v.q("footer").is_none());
    assert!(v.q(".sv-header--compact").is_some());
}

#[wasm_bindgen_test]
fn challenges_are_announced_with_masked_hints() {
    let sms = mount(demo("sms"));
    let c = sms.q("[data-testid=challenge]").expect("challenge");
    assert_eq!(c.get_attribute("data-kind").as_deref(), Some("sms"));
    let live = sms.q("[data-testid=code-message]").and_then(|m| m.get_attribute("role"));
    assert_eq!(live.as_deref(), Some("status"), "what happens to the code is announced");
    assert!(sms.text("[data-testid=challenge]").contains("We sent a code by text message to --1234."));
    let email = mount(demo("email"));
    assert!(email.text("[data-testid=challenge]").contains("We'll send a code by email to j***@example.com."));
    assert_eq!(
        mount(demo("turnstile")).q("[data-testid=challenge]").and_then(|c| c.get_attribute("data-kind")).as_deref(),
        Some("turnstile")
    );
    let unknown = mount(config(r#"{"challenge": {"type": "retina"}}"#));
    assert!(unknown.text("[data-testid=challenge]").contains("Extra verification needed"));
}

#[wasm_bindgen_test]
fn partial_published_example_renders() {
    let v = mount(demo("partial"));
    assert_eq!(v.text("[data-testid=amount-due]"), "Amount unavailable");
    assert!(v.text(".sv-item").contains("Item"));
    assert!(v.text(".sv-item").contains("Amount unavailable"));
    let options = v.all("[data-testid=method-option]");
    assert_eq!(options.len(), 3, "a saved card without an id (shown, not selectable), a new card, a new bank account");
    assert!(radio(&options[0]).disabled());
    assert!(v.q("[data-testid=challenge][data-kind=hcaptcha]").is_some());
}

fn set_input(v: &Mounted, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = v.q(selector).expect(selector).dyn_into().expect("input");
    input.set_value(value);
    let _ = input.dispatch_event(&web_sys::Event::new("input").expect("event"));
}

fn blur(v: &Mounted, selector: &str) {
    let _ = v.q(selector).expect(selector).dispatch_event(&web_sys::Event::new("blur").expect("event"));
}

async fn choose(v: &Mounted, title: &str) {
    let option =
        v.all("[data-testid=method-option]").into_iter().find(|o| o.text_content().unwrap_or_default().contains(title)).expect(title);
    radio(&option).click();
    tick().await;
}

/// The billing country select's options: (code, name), the placeholder left out.
fn country_options(v: &Mounted) -> Vec<(String, String)> {
    v.all("[data-testid=card-form] select[autocomplete=country] option")
        .iter()
        .filter_map(|o| o.get_attribute("value").filter(|c| !c.is_empty()).map(|c| (c, o.text_content().unwrap_or_default())))
        .collect()
}

fn select_value(v: &Mounted, selector: &str) -> String {
    v.q(selector).and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn every_country_in_the_payers_language_sorted_as_they_sort_and_theirs_chosen() {
    let v = mount_in(demo("card"), Some("fr-FR")); // requires postal_code and country
    choose(&v, "Utiliser une nouvelle carte").await;
    let options = country_options(&v);
    assert_eq!(options.len(), 249, "every ISO 3166-1 country");
    for code in ["PL", "IN", "BR", "CN", "FR", "US", "AX", "SS"] {
        assert!(options.iter().any(|(c, _)| c == code), "{code} offered");
    }
    let at = |name: &str| options.iter().position(|(_, n)| n == name).unwrap_or_else(|| panic!("{name} in {options:?}"));
    assert!(at("Égypte") < at("Espagne") && at("Espagne") < at("Zimbabwe"), "French collation: É sorts with E, not after Z");
    assert_eq!(select_value(&v, "select[autocomplete=country]"), "FR", "the payer's locale picks their country");
    let en = mount_in(demo("card"), Some("en-GB"));
    choose(&en, "Use a new card").await;
    assert_eq!(select_value(&en, "select[autocomplete=country]"), "GB");
    let ja = mount_in(demo("card"), Some("ja"));
    choose(&ja, "新しいカードを使う").await;
    assert_eq!(select_value(&ja, "select[autocomplete=country]"), "", "a bare language names no country: the payer chooses");
}

#[wasm_bindgen_test]
async fn a_country_without_postal_codes_does_not_ask_for_one() {
    let v = mount_in(demo("card"), Some("en-US"));
    choose(&v, "Use a new card").await;
    assert!(v.q("input[autocomplete=postal-code]").is_some(), "the US has postal codes");
    let select: web_sys::HtmlSelectElement = v.q("select[autocomplete=country]").expect("country").dyn_into().expect("select");
    select.set_value("HK");
    let _ = select.dispatch_event(&web_sys::Event::new("change").expect("event"));
    tick().await;
    assert!(v.q("input[autocomplete=postal-code]").is_none(), "Hong Kong has none: not asked");
    select.set_value("PL");
    let _ = select.dispatch_event(&web_sys::Event::new("change").expect("event"));
    tick().await;
    assert!(v.q("input[autocomplete=postal-code]").is_some(), "Poland has: asked again");
}

#[wasm_bindgen_test]
async fn new_card_form_asks_exactly_the_required_billing_fields_with_autofill_names() {
    let v = mount(demo("card")); // requires postal_code and country
    choose(&v, "Use a new card").await;
    let form = v.q("[data-testid=card-form]").expect("card form");
    let autocompletes: Vec<String> = v
        .all("[data-testid=card-form] input, [data-testid=card-form] select")
        .iter()
        .filter_map(|e| e.get_attribute("autocomplete"))
        .collect();
    assert_eq!(autocompletes, vec!["cc-number", "cc-exp", "cc-csc", "cc-name", "country", "postal-code"], "country first");
    for label in v.all("[data-testid=card-form] label") {
        let target = label.get_attribute("for").expect("label for");
        assert!(form.query_selector(&format!("#{target}")).ok().flatten().is_some(), "label {target} points at its field");
    }
    assert_eq!(
        v.q("[data-testid=card-form] input[autocomplete=cc-number]").and_then(|e| e.get_attribute("inputmode")).as_deref(),
        Some("numeric")
    );
}

#[wasm_bindgen_test]
async fn card_number_is_grouped_as_typed_and_problems_show_when_the_field_is_left() {
    let v = mount(demo("card"));
    choose(&v, "Use a new card").await;
    let number = "[data-testid=card-form] input[autocomplete=cc-number]";
    set_input(&v, number, "3782822463");
    tick().await;
    let input: web_sys::HtmlInputElement = v.q(number).expect("number").dyn_into().expect("input");
    assert_eq!(input.value(), "3782 822463", "amex grouping 4-6-5");
    assert!(v.text("[data-testid=typed-brand]").ends_with("American Express"));
    assert_eq!(v.q("[data-testid=typed-brand] svg").and_then(|m| m.get_attribute("data-brand")).as_deref(), Some("amex"));
    assert_eq!(input.get_attribute("aria-invalid"), None, "no message while typing");
    blur(&v, number);
    tick().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = input.get_attribute("aria-describedby").expect("error tied to field");
    assert_eq!(v.text(&format!("#{described}")), "This card number is too short or too long.");
    set_input(&v, number, "4242 4242 4242 4241");
    tick().await;
    assert_eq!(v.text(&format!("#{described}")), "This card number isn't valid. Check it for typos.");
    set_input(&v, number, "4242424242424242");
    tick().await;
    assert_eq!(input.value(), "4242 4242 4242 4242");
    assert_eq!(input.get_attribute("aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn every_card_brand_has_its_name_and_mark_new_and_saved() {
    let brands = [
        ("jcb", "JCB", "3566002020360505"),
        ("unionpay", "UnionPay", "6200000000000005"),
        ("diners", "Diners Club", "30569309025904"),
        ("maestro", "Maestro", "6759649826438453"),
        ("elo", "Elo", "5066991111111118"),
        ("mir", "Mir", "2200000000000004"),
        ("uatp", "UATP", "135410014004955"),
        ("troy", "Card", "9792000000000001"),
    ];
    let saved: Vec<String> = brands
        .iter()
        .enumerate()
        .map(|(i, (wire, _, _))| {
            format!(r#"{{"id": "pm_{i}", "type": "card", "brand": "{wire}", "last4": "000{i}", "exp_month": 5, "exp_year": 2031}}"#)
        })
        .collect();
    let v = mount(config(&format!(r#"{{"amount": 500, "currency": "usd", "saved_methods": [{}]}}"#, saved.join(","))));
    tick().await;
    let options = v.all("[data-testid=method-option]");
    for (i, (wire, name, number)) in brands.iter().enumerate() {
        let title = options[i].query_selector(".sv-saved-title").ok().flatten().and_then(|t| t.text_content()).unwrap_or_default();
        assert_eq!(title, format!("{name} •••• 000{i}"), "saved {wire}");
        let mark = options[i].query_selector("svg.sv-mark").ok().flatten().and_then(|m| m.get_attribute("data-brand"));
        let want = if *wire == "troy" { "generic" } else { wire };
        assert_eq!(mark.as_deref(), Some(want), "saved {wire}: an unknown brand is drawn generically");
        // The masked number never wraps inside.
        assert!(options[i]
            .query_selector(".sv-nowrap")
            .ok()
            .flatten()
            .is_some_and(|n| n.text_content().unwrap_or_default() == format!("•••• 000{i}")));
        if *wire == "troy" {
            continue;
        }
        let n = mount(demo("card"));
        choose(&n, "Use a new card").await;
        set_input(&n, "[data-testid=card-form] input[autocomplete=cc-number]", number);
        tick().await;
        assert!(n.text("[data-testid=typed-brand]").ends_with(name), "typed {wire}");
        assert_eq!(
            n.q("[data-testid=typed-brand] svg").and_then(|m| m.get_attribute("data-brand")).as_deref(),
            Some(*wire),
            "typed {wire}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_security_code_is_optional_only_where_the_brand_may_have_none() {
    let v = mount(demo("card"));
    choose(&v, "Use a new card").await;
    let label = || v.text("label[for$=cvc]");
    assert_eq!(label(), "Security code");
    let number = "[data-testid=card-form] input[autocomplete=cc-number]";
    let code = "[data-testid=card-form] input[autocomplete=cc-csc]";
    // A code typed before the number keeps four digits until the brand is known.
    set_input(&v, code, "1234");
    tick().await;
    let code_input: web_sys::HtmlInputElement = v.q(code).expect("code").dyn_into().expect("input");
    assert_eq!(code_input.value(), "1234");
    set_input(&v, number, "6759649826438453");
    tick().await;
    assert_eq!(label(), "Security code (optional)", "Maestro cards may have no code");
    set_input(&v, number, "4242424242424242");
    tick().await;
    assert_eq!(label(), "Security code");
}

#[wasm_bindgen_test]
async fn the_expiry_field_shows_the_date_it_means_and_the_postal_code_its_country_form() {
    let v = mount(demo("card"));
    choose(&v, "Use a new card").await;
    let expiry = "[data-testid=card-form] input[autocomplete=cc-exp]";
    let input: web_sys::HtmlInputElement = v.q(expiry).expect("expiry").dyn_into().expect("input");
    for (typed, shown) in [("12/2030", "12 / 30"), ("9/27", "09 / 27"), ("１２/３０", "12 / 30"), ("Exp: 1/28", "01 / 28")] {
        set_input(&v, expiry, typed);
        tick().await;
        assert_eq!(input.value(), shown, "{typed}");
    }
    assert_eq!(input.max_length(), -1, "no length limit cuts a pasted or autofilled date");
    let postal = "[data-testid=card-form] input[autocomplete=postal-code]";
    let select: web_sys::HtmlSelectElement = v.q("select[autocomplete=country]").expect("country").dyn_into().expect("select");
    select.set_value("GB");
    let _ = select.dispatch_event(&web_sys::Event::new("change").expect("event"));
    tick().await;
    set_input(&v, postal, "sw1a1aa");
    blur(&v, postal);
    tick().await;
    let postal_input: web_sys::HtmlInputElement = v.q(postal).expect("postal").dyn_into().expect("input");
    assert_eq!(postal_input.value(), "SW1A 1AA", "shown as the country writes it on leaving the field");
    assert_eq!(postal_input.get_attribute("aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn bank_form_checks_the_routing_number() {
    let v = mount(demo("ach"));
    choose(&v, "Use a new bank account").await;
    let routing = "[data-testid=bank-form] input[name=routing-number]";
    set_input(&v, routing, "021000022");
    blur(&v, routing);
    tick().await;
    assert!(v.text("[data-testid=bank-form]").contains("This routing number isn't valid."));
    set_input(&v, routing, "021000021");
    tick().await;
    assert!(!v.text("[data-testid=bank-form]").contains("routing number isn't valid"));
}

#[wasm_bindgen_test]
async fn what_the_payer_typed_survives_a_new_config() {
    let cfg = Store::new(demo("card"));
    let v = mount_store(cfg);
    choose(&v, "Use a new card").await;
    set_input(&v, "[data-testid=card-form] input[autocomplete=cc-number]", "4242 4242");
    set_input(&v, "[data-testid=card-form] input[autocomplete=cc-name]", "Jo Lee");
    tick().await;
    change(cfg, |c| {
        c.amount = Some(6500);
        c.line_items.push(session_view::model::LineItem { description: Some("Gift wrap".into()), amount: Some(1501), quantity: 1 });
    });
    tick().await;
    assert_eq!(v.text("[data-testid=amount-due]"), "$65.00");
    let value = |sel: &str| v.q(sel).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default();
    assert_eq!(value("[data-testid=card-form] input[autocomplete=cc-number]"), "4242 4242");
    assert_eq!(value("[data-testid=card-form] input[autocomplete=cc-name]"), "Jo Lee");
    assert!(v.text("[data-testid=total-change]").contains("The total changed from $49.99 to $65.00."));
}

#[wasm_bindgen_test]
async fn amount_change_updates_in_place_without_recreating_rows() {
    let cfg = Store::new(demo("card"));
    let v = mount_store(cfg);
    let row_before = v.all(".sv-item")[0].clone();
    change(cfg, |c| c.amount = Some(5999));
    tick().await;
    assert_eq!(v.text("[data-testid=amount-due]"), "$59.99");
    assert_eq!(v.text("[data-testid=total]"), "$59.99");
    assert!(row_before.is_same_node(Some(&v.all(".sv-item")[0])), "line item row was re-created");
    // One item changes: its row shows the change, the other row stays the same node.
    let second_before = v.all(".sv-item")[1].clone();
    change(cfg, |c| {
        if let Some(item) = c.line_items.get_mut(1) {
            item.quantity = 3;
        }
    });
    tick().await;
    assert!(row_before.is_same_node(Some(&v.all(".sv-item")[0])), "an unchanged row stays");
    assert!(!second_before.is_same_node(Some(&v.all(".sv-item")[1])), "the changed row is rebuilt");
    assert!(v.all(".sv-item")[1].text_content().unwrap_or_default().contains("3 × $10.01"), "{:?}", v.all(".sv-item")[1].text_content());
    change(cfg, |c| c.status = Some(session_view::model::Status::Completed));
    tick().await;
    assert!(v.q("[data-testid=completed]").is_some());
}

#[wasm_bindgen_test]
fn unmount_removes_everything() {
    let mut v = mount(demo("card"));
    assert!(v.root.child_element_count() > 0);
    v._handle = None;
    assert_eq!(v.root.child_element_count(), 0);
}

#[wasm_bindgen_test]
fn two_instances_get_distinct_ids() {
    let a = mount(demo("card"));
    let b = mount(demo("card"));
    let id_a = a.q("h1").and_then(|h| h.get_attribute("id")).expect("id");
    let id_b = b.q("h1").and_then(|h| h.get_attribute("id")).expect("id");
    assert_ne!(id_a, id_b);
}

fn confirm_button(v: &Mounted) -> web_sys::HtmlElement {
    v.q("[data-testid=confirm]").expect("confirm button").dyn_into().expect("button")
}

#[wasm_bindgen_test]
async fn confirm_carries_the_total_and_opens_with_a_usable_default_method() {
    let v = mount(demo("card"));
    tick().await;
    let button = confirm_button(&v);
    assert_eq!(button.text_content().as_deref(), Some("Pay $49.99"));
    assert_eq!(button.get_attribute("aria-disabled"), None);
    button.click();
    tick().await;
    assert_eq!(v.text("[data-testid=confirm-status]"), "This is a demo: nothing was sent or charged.");
}

#[wasm_bindgen_test]
async fn an_incomplete_new_card_blocks_confirm_and_pressing_it_focuses_the_first_problem() {
    let v = mount_in(demo("card"), Some("en-US")); // the country comes chosen: US
    choose(&v, "Use a new card").await;
    let button = confirm_button(&v);
    assert_eq!(button.get_attribute("aria-disabled").as_deref(), Some("true"));
    button.click();
    tick().await;
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element()).expect("focus");
    assert_eq!(active.get_attribute("autocomplete").as_deref(), Some("cc-number"), "focus on the first invalid field");
    assert_eq!(v.all("[data-testid=card-form] [aria-invalid=true]").len(), 5, "every problem shown on submit (all but the country)");
    assert_eq!(v.text("[data-testid=confirm-status]"), "Check the highlighted details.");
}

// --- Fraud challenges -------------------------------------------------------------------

/// Loads `v`'s captcha frame with the real captcha page's script, the provider's test stand-in
/// in place of its official script, and a driver: the frame's `load` gives the view a fresh
/// port, as a served captcha.html would. Returns the frame's window, for [`stand_in`].
async fn captcha_frame(v: &Mounted, provider: &str) -> web_sys::Window {
    until("the captcha frame", || v.q("[data-testid=captcha-frame]").is_some()).await;
    let frame: web_sys::HtmlIFrameElement = v.q("[data-testid=captcha-frame]").expect("frame").dyn_into().expect("iframe");
    let script = |js: &str| format!("<script>{js}</script>");
    let html = [
        r#"<!doctype html><html><body><div id="widget"></div>"#.to_owned(),
        script(&format!("window.__captchaStandInProvider = '{provider}';")),
        script(include_str!("stand-ins/captcha.js")),
        script(include_str!("../src/pages/captcha-contract.js")),
        script(include_str!("../src/pages/captcha.js")),
        // The test's hooks: `[provider, hook]` presses one; every message is answered with the calls so far.
        script("addEventListener('message', e => { if (Array.isArray(e.data)) { const [p, h] = e.data; __captchaStandIn[p][h](); } if (!e.ports.length) parent.postMessage({ calls: JSON.stringify(__captchaStandIn.calls) }, '*'); });"),
        "</body></html>".to_owned(),
    ]
    .concat();
    // The test server has no captcha.html: once that first load is over (an init posted to a
    // frame mid-navigation would reach the next page), the frame is given this one.
    sleep_ms(300).await;
    frame.set_src(&format!("data:text/html;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&html))));
    for _ in 0..100 {
        if v.q("[data-testid=captcha][data-state=shown]").is_some() {
            return frame.content_window().expect("the frame's window");
        }
        sleep_ms(20).await;
    }
    panic!("the widget was not shown: {}", v.text("[data-testid=captcha]"));
}

/// Presses a stand-in hook in the captcha frame, e.g. `stand_in(&w, "hcaptcha", "solve")`.
async fn stand_in(frame: &web_sys::Window, provider: &str, hook: &str) {
    frame.post_message(&js_sys::Array::of2(&provider.into(), &hook.into()), "*").expect("post");
    for _ in 0..5 {
        tick().await;
    }
}

thread_local! {
    static CALLS: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The stand-in's record of API calls in the captcha frame, as (fn, sitekey or id, theme).
async fn stand_in_calls(frame: &web_sys::Window) -> Vec<(String, String, String)> {
    let on_message = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
        if let Some(calls) = js_sys::Reflect::get(&e.data(), &"calls".into()).ok().and_then(|c| c.as_string()) {
            CALLS.with(|c| *c.borrow_mut() = calls);
        }
    });
    let window = web_sys::window().expect("window");
    window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref()).expect("listen");
    CALLS.with(|c| c.borrow_mut().clear());
    frame.post_message(&"report".into(), "*").expect("post");
    until("the calls reported", || CALLS.with(|c| !c.borrow().is_empty())).await;
    window.remove_event_listener_with_callback("message", on_message.as_ref().unchecked_ref()).expect("unlisten");
    let calls: js_sys::Array = js_sys::JSON::parse(&CALLS.with(|c| c.borrow().clone())).expect("json").dyn_into().expect("array");
    let s = |c: &JsValue, k: &str| js_sys::Reflect::get(c, &k.into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    calls.iter().map(|c| (s(&c, "fn"), if s(&c, "fn") == "render" { s(&c, "sitekey") } else { s(&c, "id") }, s(&c, "theme"))).collect()
}

/// Waits (a few ticks at most) until `f` holds.
async fn until(what: &str, f: impl Fn() -> bool) {
    for _ in 0..200 {
        if f() {
            return;
        }
        tick().await;
    }
    panic!("timed out waiting for {what}");
}

const SAVED_CARD: &str = r#""amount": 500, "currency": "usd", "saved_methods": [{"id": "pm_1", "type": "card", "brand": "visa", "last4": "4242", "is_default": true}]"#;

fn gate_open(v: &Mounted) -> bool {
    confirm_button(v).get_attribute("aria-disabled").is_none()
}

#[wasm_bindgen_test]
async fn hcaptcha_gates_confirm_through_solved_expired_and_error() {
    let key = "10000000-ffff-ffff-ffff-000000000001";
    let v = mount(config(&format!(r#"{{{SAVED_CARD}, "challenge": {{"type": "hcaptcha", "site_key": "{key}"}}}}"#)));
    let sandbox = v.q("[data-testid=captcha-frame]").and_then(|f| f.get_attribute("sandbox"));
    assert_eq!(sandbox.as_deref(), Some("allow-scripts allow-popups allow-popups-to-escape-sandbox"), "of this origin: an opaque one");
    let frame = captcha_frame(&v, "hcaptcha").await;
    assert!(!gate_open(&v));
    assert_eq!(v.text("[data-testid=confirm-status]"), "Complete the security check first.");
    assert_eq!(v.text("[data-testid=captcha-status]"), "Complete the hCaptcha check to continue.");
    let renders: Vec<_> = stand_in_calls(&frame).await.into_iter().filter(|c| c.0 == "render" && c.1 == key).collect();
    assert_eq!(renders.last().map(|c| c.2.as_str()), Some("light"), "theme follows the view (light here)");

    stand_in(&frame, "hcaptcha", "solve").await;
    assert_eq!(v.text("[data-testid=captcha-status]"), "Security check complete.");
    assert!(gate_open(&v), "solved: the payer may confirm");

    let resets = stand_in_calls(&frame).await.iter().filter(|c| c.0 == "reset").count();
    stand_in(&frame, "hcaptcha", "expire").await;
    assert!(!gate_open(&v), "an expired token is no token");
    assert_eq!(v.text("[data-testid=captcha-status]"), "The security check expired. Please complete it again.");
    assert_eq!(stand_in_calls(&frame).await.iter().filter(|c| c.0 == "reset").count(), resets + 1, "the widget asks again");

    stand_in(&frame, "hcaptcha", "solve").await;
    assert!(gate_open(&v));
    stand_in(&frame, "hcaptcha", "timeout").await; // chalexpired-callback
    assert!(!gate_open(&v));

    stand_in(&frame, "hcaptcha", "error").await;
    assert_eq!(v.text("[data-testid=captcha-status]"), "The security check ran into a problem. Try again.");
    assert!(v.q("[data-testid=captcha-frame]").is_none(), "the failed frame is gone");
    let retry: HtmlElement = v.q("[data-testid=captcha-retry]").expect("a retry button, never a blank box").dyn_into().expect("button");
    retry.click();
    let again = captcha_frame(&v, "hcaptcha").await;
    assert_eq!(v.all("[data-testid=captcha-frame]").len(), 1, "one new frame");
    stand_in(&again, "hcaptcha", "solve").await;
    assert!(gate_open(&v));
}

#[wasm_bindgen_test]
async fn turnstile_gates_confirm_and_its_failing_test_key_shows_a_way_forward() {
    let v = mount(config(&format!(r#"{{{SAVED_CARD}, "challenge": {{"type": "turnstile", "site_key": "1x00000000000000000000AA"}}}}"#)));
    let frame = captcha_frame(&v, "turnstile").await;
    assert!(!gate_open(&v));
    stand_in(&frame, "turnstile", "solve").await;
    assert!(gate_open(&v));
    stand_in(&frame, "turnstile", "timeout").await; // timeout-callback
    assert!(!gate_open(&v));
    assert_eq!(v.text("[data-testid=captcha-status]"), "The security check expired. Please complete it again.");

    let failing =
        mount(config(&format!(r#"{{{SAVED_CARD}, "challenge": {{"type": "turnstile", "site_key": "2x00000000000000000000AB"}}}}"#)));
    let frame = captcha_frame(&failing, "turnstile").await;
    stand_in(&frame, "turnstile", "solve").await; // this test key reports an error instead
    assert!(!gate_open(&failing));
    assert!(failing.q("[data-testid=captcha-retry]").is_some());
}

#[wasm_bindgen_test]
async fn a_message_outside_the_captcha_port_is_not_heard() {
    let v = mount(config(&format!(
        r#"{{{SAVED_CARD}, "challenge": {{"type": "hcaptcha", "site_key": "10000000-ffff-ffff-ffff-000000000001"}}}}"#
    )));
    until("the captcha frame", || v.q("[data-testid=captcha-frame]").is_some()).await;
    let frame: web_sys::HtmlIFrameElement = v.q("[data-testid=captcha-frame]").expect("frame").dyn_into().expect("iframe");
    // A page that answers nothing, and then one that says things no captcha page says.
    frame.set_src("data:text/html,<p>nothing</p>");
    for _ in 0..5 {
        tick().await;
    }
    let window = frame.content_window().expect("window");
    let _ = window.post_message(&"\"shown\"".into(), "*");
    tick().await;
    assert_eq!(
        v.q("[data-testid=captcha]").and_then(|c| c.get_attribute("data-state")).as_deref(),
        Some("loading"),
        "nothing on the port, nothing heard"
    );
    assert!(!gate_open(&v));
}

#[wasm_bindgen_test]
async fn a_captcha_without_a_valid_site_key_says_so_and_renders_nothing() {
    let v = mount(config(&format!(r#"{{{SAVED_CARD}, "challenge": {{"type": "hcaptcha", "site_key": "bad key <x>"}}}}"#)));
    tick().await;
    tick().await;
    assert!(v.text("[data-testid=captcha-status]").contains("isn't set up correctly"));
    assert!(!gate_open(&v));
    assert!(v.q("[data-testid=captcha-frame]").is_none(), "no frame, nothing handed to a provider");
}

fn type_into(input: &web_sys::HtmlInputElement, value: &str) {
    input.set_value(value);
    let ev = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .expect("event");
    input.dispatch_event(&ev).expect("dispatch");
}

#[wasm_bindgen_test]
async fn an_sms_code_is_sent_checked_and_pasted_with_a_cooldown() {
    let v = mount(config(&format!(r#"{{{SAVED_CARD}, "challenge": {{"type": "sms", "delivery_hint": "--1234", "code_sent": false}}}}"#)));
    tick().await;
    assert!(v.text("[data-testid=challenge]").contains("We'll send a code by text message to --1234."));
    assert!(v.q("[data-testid=code-input]").is_none(), "no code field before a code was sent");
    let send: HtmlElement = v.q("[data-testid=code-send]").expect("send").dyn_into().expect("button");
    assert_eq!(send.text_content().as_deref(), Some("Send code"));
    send.click();
    tick().await;
    assert!(v.text("[data-testid=code-message]").starts_with("We sent a code by text message"));
    let send: HtmlElement = v.q("[data-testid=code-send]").expect("resend").dyn_into().expect("button");
    assert_eq!(send.text_content().as_deref(), Some("Send a new code in 0:30"), "a visible cooldown");
    assert_eq!(send.get_attribute("aria-disabled").as_deref(), Some("true"));

    let input: web_sys::HtmlInputElement = v.q("[data-testid=code-input]").expect("code field").dyn_into().expect("input");
    assert_eq!(input.get_attribute("autocomplete").as_deref(), Some("one-time-code"));
    assert_eq!(input.get_attribute("inputmode").as_deref(), Some("numeric"));
    assert_eq!(input.type_(), "text");
    let label = v.q(&format!("label[for='{}']", input.id())).and_then(|l| l.text_content());
    assert_eq!(label.as_deref(), Some("Verification code"));

    // Pressing Pay while the code is pending goes to the code field.
    confirm_button(&v).click();
    tick().await;
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element()).expect("focus");
    assert_eq!(active.id(), input.id());

    type_into(&input, "000000");
    let verify: HtmlElement = v.q("[data-testid=code-verify]").expect("verify").dyn_into().expect("button");
    verify.click();
    tick().await;
    assert_eq!(v.text("[data-testid=code-message]"), "That code isn't right. Check it and try again. Attempts left: 2.");
    assert_eq!(input.value(), "", "a wrong code is cleared");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(v.q("[data-testid=code-message].sv-code-message--error").is_some(), "the message in the error colour, as the field");
    assert!(!gate_open(&v));

    type_into(&input, "Your Fellside code is 123 456. It expires in 10 minutes.");
    tick().await;
    assert_eq!(input.value(), "123456", "a pasted message becomes the code");
    assert_eq!(input.max_length(), -1, "no length limit cuts the paste before the code");
    verify.click();
    tick().await;
    assert_eq!(v.text("[data-testid=code-message]"), "Verified. You can now pay.");
    assert!(v.q("[data-testid=code-input]").is_none());
    assert!(gate_open(&v), "a verified code opens the gate");
}

#[wasm_bindgen_test]
async fn an_email_code_too_short_is_not_sent_and_three_wrong_codes_lock() {
    let v = mount(config(&format!(
        r#"{{{SAVED_CARD}, "challenge": {{"type": "email", "delivery_hint": "j***@example.com", "code_sent": true}}}}"#
    )));
    tick().await;
    let input: web_sys::HtmlInputElement =
        v.q("[data-testid=code-input]").expect("code field at once: it was sent").dyn_into().expect("input");
    let verify: HtmlElement = v.q("[data-testid=code-verify]").expect("verify").dyn_into().expect("button");
    type_into(&input, "12");
    verify.click();
    tick().await;
    assert_eq!(v.text("[data-testid=code-message]"), "Enter the code from the email (4 to 10 digits).");
    for _ in 0..3 {
        type_into(&input, "999999");
        verify.click();
        tick().await;
    }
    assert!(v.text("[data-testid=code-message]").starts_with("Too many wrong codes."));
    assert!(input.disabled());
    assert!(!gate_open(&v));
}

#[wasm_bindgen_test]
async fn a_challenge_added_by_a_live_update_blocks_confirm_from_then_on() {
    let cfg = Store::new(config(&format!("{{{SAVED_CARD}}}")));
    let v = mount_store(cfg);
    tick().await;
    assert!(gate_open(&v));
    change(cfg, |c| {
        *c = config(&format!(r#"{{{SAVED_CARD}, "challenge": {{"type": "sms", "delivery_hint": "--1234", "code_sent": true}}}}"#))
    });
    tick().await;
    assert!(!gate_open(&v));
    assert_eq!(v.text("[data-testid=confirm-status]"), "Complete the security check first.");
    // Satisfy it, then the server swaps it for another kind: the old answer no longer counts.
    let input: web_sys::HtmlInputElement = v.q("[data-testid=code-input]").expect("code field").dyn_into().expect("input");
    type_into(&input, "123456");
    let verify: HtmlElement = v.q("[data-testid=code-verify]").expect("verify").dyn_into().expect("button");
    verify.click();
    tick().await;
    assert!(gate_open(&v));
    change(cfg, |c| *c = config(&format!(r#"{{{SAVED_CARD}, "challenge": {{"type": "email", "code_sent": true}}}}"#)));
    tick().await;
    assert!(!gate_open(&v));
}

#[wasm_bindgen_test]
async fn a_changed_total_must_be_seen_before_confirming() {
    let cfg = Store::new(demo("card"));
    let v = mount_store(cfg);
    tick().await;
    change(cfg, |c| c.amount = Some(7000));
    tick().await;
    let button = confirm_button(&v);
    assert_eq!(button.text_content().as_deref(), Some("Pay $70.00"));
    assert_eq!(button.get_attribute("aria-disabled").as_deref(), Some("true"));
    assert_eq!(v.text("[data-testid=confirm-status]"), "The total changed. Check the new total, then confirm.");
    // The live region announces the sentence alone; the button is beside it, not in it.
    assert_eq!(v.text("[data-testid=total-change]"), "The total changed from $49.99 to $70.00.");
    assert!(v.q("[data-testid=total-change] button").is_none());
    let ok: web_sys::HtmlElement = v
        .all(".sv-change button")
        .into_iter()
        .find(|b| b.text_content().as_deref() == Some("OK, got it"))
        .expect("OK")
        .dyn_into()
        .expect("button");
    ok.click();
    tick().await;
    assert_eq!(button.get_attribute("aria-disabled"), None);
}

#[wasm_bindgen_test]
fn the_payer_reads_their_language_with_amounts_and_dates_from_intl() {
    let de = mount_in(demo("card"), Some("de-DE"));
    let root = de.q(".sv").expect("root");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("de"));
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(de.text("h1"), "An Larkspur Tea zahlen");
    assert_eq!(de.text("[data-testid=amount-due]"), "49,99 $", "German number format from Intl");
    assert_eq!(de.text("[data-testid=confirm]"), "49,99 $ bezahlen");
    assert_eq!(de.text(".sv-email"), "Beleg an jordan@example.com");
    assert!(de.text("[data-testid=expiry]").starts_with("Zahlbar bis "), "{}", de.text("[data-testid=expiry]"));
    assert_eq!(de.text("legend"), "Zahlungsart");

    let ja = mount_in(demo("card"), Some("ja"));
    assert_eq!(ja.text("h1"), "Larkspur Tea へのお支払い", "the merchant's name where Japanese puts it");
    assert_eq!(ja.text("[data-testid=confirm]"), "$49.99 を支払う");

    let pt = mount_in(demo("card"), Some("pt-PT"));
    assert_eq!(pt.text("[data-testid=confirm]"), "Pagar 49,99 US$", "pt-PT reads the Brazilian catalogue, with Portuguese numbers");
}

#[wasm_bindgen_test]
async fn arabic_is_right_to_left_while_card_numbers_and_codes_stay_left_to_right() {
    let v = mount_in(demo("card"), Some("ar"));
    let root = v.q(".sv").expect("root");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(root.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(v.text("legend"), "طريقة الدفع");
    assert!(v.text("[data-testid=confirm]").starts_with("ادفع "), "{}", v.text("[data-testid=confirm]"));
    // The layout mirrors: the amount column sits on the left of a row.
    let amount = v.q(".sv-item-amount").expect("amount").get_bounding_client_rect();
    let name = v.q(".sv-item-name").expect("name").get_bounding_client_rect();
    assert!(amount.left() < name.left(), "amount {} is left of the name {}", amount.left(), name.left());
    // What must read left to right does, whatever the page direction.
    let new_card = v.all("[data-testid=method-option] input").into_iter().last().expect("new card");
    new_card.dyn_ref::<HtmlElement>().expect("input").click();
    tick().await;
    let number = v.q("input[autocomplete=cc-number]").expect("card number field");
    assert_eq!(number.get_attribute("dir").as_deref(), Some("ltr"));
    let style = web_sys::window().expect("w").get_computed_style(&number).expect("style").expect("computed");
    assert_eq!(style.get_property_value("direction").as_deref(), Ok("ltr"));
    assert_eq!(v.q("input[autocomplete=cc-exp]").and_then(|e| e.get_attribute("dir")).as_deref(), Some("ltr"));
    assert_eq!(v.q("input[autocomplete=cc-csc]").and_then(|e| e.get_attribute("dir")).as_deref(), Some("ltr"));
}

#[wasm_bindgen_test]
fn a_language_without_a_catalogue_falls_back_to_the_browser_then_english() {
    // The runner's headless Chromium asks for en-US: a mount option with no catalogue (or a
    // tag that is not one) is passed over, and the browser's language decides.
    let browser = session_view::platform::browser::languages();
    assert_eq!(
        session_view::i18n::negotiate(browser.iter().map(String::as_str)).0,
        session_view::i18n::Lang::En,
        "the runner's browser is English: {browser:?}"
    );
    for asked in ["zh-CN", "\"><img src=x>", ""] {
        let v = mount_in(demo("card"), Some(asked));
        assert_eq!(v.q(".sv").and_then(|r| r.get_attribute("lang")).as_deref(), Some("en"), "{asked}");
        assert_eq!(v.text("h1"), "Pay Larkspur Tea", "{asked}");
    }
    let en = mount_in(demo("card"), Some("en-GB"));
    assert_eq!(en.text("[data-testid=amount-due]"), "US$49.99", "en-GB keeps its own number format");
}

#[wasm_bindgen_test]
async fn the_message_keeps_its_place_while_the_sanitiser_loads_and_says_so_if_it_cannot() {
    // A sanitiser that answers only when told: the message's space is reserved meanwhile.
    let (tx, rx) = futures_channel();
    let root = container();
    let rx = std::rc::Rc::new(std::cell::RefCell::new(Some(rx)));
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let rx = send_wrapper::SendWrapper::new(rx.clone());
        provide_context(session_view::view::MessageSanitizer(std::sync::Arc::new(move |_html: String| {
            let rx = rx.borrow_mut().take();
            Box::pin(async move {
                match rx {
                    Some(rx) => rx.await.ok().flatten(),
                    None => None,
                }
            }) as session_view::view::Sanitized
        })));
        view! { <SessionView config=Store::new(demo("message")) backend=Backend::Demo locale="en"/> }
    });
    let v = Mounted { root, _handle: None };
    tick().await;
    let waiting: HtmlElement = v.q("[data-testid=page-message]").expect("the place is kept").dyn_into().expect("html");
    assert_eq!(waiting.get_attribute("aria-busy").as_deref(), Some("true"));
    let reserved = waiting.style().get_property_value("min-height").unwrap_or_default();
    assert!(reserved.ends_with("em)") || reserved.ends_with("em"), "space reserved: {reserved:?}");
    assert!(waiting.get_bounding_client_rect().height() > 40.0, "the demo message is several lines");
    // Its words can be read at once, as text only (no element from the merchant's HTML).
    let words = waiting.text_content().unwrap_or_default();
    assert!(words.starts_with("Before you pay Seats are non-refundable but transferable ."), "the preview: {words:?}");
    assert_eq!(waiting.child_element_count(), 0, "plain text until the sanitiser has answered");
    assert!(v.q("[data-testid=amount-due]").is_some(), "the rest of the view did not wait");
    // The module could not be loaded: a calm line, and the rest of the view still works.
    let _ = tx.send(None);
    message_shown().await;
    assert!(v.q("[data-testid=page-message]").is_none());
    assert_eq!(v.text("[data-testid=page-message-unavailable]"), "The merchant's message couldn't be shown.");
    assert!(v.q("[data-testid=confirm]").is_some());
}

#[wasm_bindgen_test]
async fn a_long_message_shows_its_first_lines_and_a_button_for_the_rest() {
    let long = format!(r#"{{{SAVED_CARD}, "page_message": "{}"}}"#, "<p>Line of the merchant's terms.</p>".repeat(12));
    let v = mount(config(&long));
    message_shown().await;
    let message: HtmlElement = v.q("[data-testid=page-message]").expect("message").dyn_into().expect("html");
    let more: HtmlElement = v.q("[data-testid=page-message-more]").expect("a Show more button").dyn_into().expect("html");
    assert_eq!(more.text_content().as_deref(), Some("Show more"));
    assert_eq!(more.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(more.get_attribute("aria-controls"), message.get_attribute("id"), "names what it opens");
    let collapsed = message.get_bounding_client_rect().height();
    assert!(message.scroll_height() as f64 > collapsed + 10.0, "the rest is hidden: {} vs {collapsed}", message.scroll_height());
    more.click();
    tick().await;
    assert_eq!(more.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(more.text_content().as_deref(), Some("Show less"));
    assert!(message.get_bounding_client_rect().height() > collapsed + 10.0, "opened");
    let short = mount(config(&format!(r#"{{{SAVED_CARD}, "page_message": "<p>Thanks!</p>"}}"#)));
    message_shown().await;
    assert!(short.q("[data-testid=page-message-more]").is_none(), "a short message has no button");
}

#[wasm_bindgen_test]
async fn a_message_changed_while_it_is_sanitised_never_shows_the_older_answer() {
    // Each call to the sanitiser waits for its own answer, given by the test.
    let answers = std::rc::Rc::new(std::cell::RefCell::new(Vec::<OneShotSender>::new()));
    let cfg = Store::new(Config { page_message: Some("<p>Old <b>terms</b></p>".into()), ..demo("card") });
    let root = container();
    let calls = answers.clone();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let calls = send_wrapper::SendWrapper::new(calls);
        provide_context(session_view::view::MessageSanitizer(std::sync::Arc::new(move |_html: String| {
            let (tx, rx) = futures_channel();
            calls.borrow_mut().push(tx);
            Box::pin(async move { rx.await.ok().flatten() }) as session_view::view::Sanitized
        })));
        view! { <SessionView config=cfg backend=Backend::Demo locale="en"/> }
    });
    let v = Mounted { root, _handle: None };
    tick().await;
    assert_eq!(v.text("[data-testid=page-message]"), "Old terms");
    // The merchant changes the message before the first answer arrives.
    change(cfg, |c| c.page_message = Some("<p>New <i>terms</i></p>".into()));
    tick().await;
    assert_eq!(v.text("[data-testid=page-message]"), "New terms", "the new message's words at once");
    // The old message's answer arrives: it is not shown, and the new message is sanitised.
    let first = answers.borrow_mut().remove(0);
    let _ = first.send(Some("<p>Old <b>terms</b></p>".into()));
    message_shown().await;
    let message = v.q("[data-testid=page-message]").expect("the message's place");
    assert_eq!(message.text_content().as_deref(), Some("New terms"), "never the old message's answer");
    assert_eq!(message.child_element_count(), 0, "still waiting for the new answer");
    assert_eq!(answers.borrow().len(), 1, "the new message went to the sanitiser");
    let second = answers.borrow_mut().remove(0);
    let _ = second.send(Some("<p>New <i>terms</i></p>".into()));
    message_shown().await;
    assert!(v.q("[data-testid=page-message] i").is_some(), "the new message, formatted");
    assert!(v.q("[data-testid=page-message] b").is_none());
}

/// A one-shot channel from std parts (no extra crate).
fn futures_channel() -> (OneShotSender, OneShotReceiver) {
    let slot = std::rc::Rc::new(std::cell::RefCell::new((None::<Option<String>>, None::<std::task::Waker>)));
    (OneShotSender(slot.clone()), OneShotReceiver(slot))
}
type Slot = std::rc::Rc<std::cell::RefCell<(Option<Option<String>>, Option<std::task::Waker>)>>;
struct OneShotSender(Slot);
struct OneShotReceiver(Slot);
impl OneShotSender {
    fn send(self, v: Option<String>) -> Result<(), ()> {
        let mut s = self.0.borrow_mut();
        s.0 = Some(v);
        if let Some(w) = s.1.take() {
            w.wake();
        }
        Ok(())
    }
}
impl std::future::Future for OneShotReceiver {
    type Output = Result<Option<String>, ()>;
    fn poll(self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<Self::Output> {
        let mut s = self.0.borrow_mut();
        match s.0.take() {
            Some(v) => std::task::Poll::Ready(Ok(v)),
            None => {
                s.1 = Some(cx.waker().clone());
                std::task::Poll::Pending
            }
        }
    }
}

thread_local! {
    /// Whether the test parts' "chunk" may arrive.
    static PART_RELEASED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A lazily loaded part whose chunk arrives once the test releases it.
async fn part_held_back() -> Result<AnyView, session_view::platform::chunk::ChunkFailed> {
    while !PART_RELEASED.with(std::cell::Cell::get) {
        tick().await;
    }
    Ok(view! { <p data-testid="held-part">"arrived"</p> }.into_any())
}

fn mount_held_part() -> Mounted {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        provide_context(session_view::view::ViewCtx::for_view(Some("en-US".into())));
        session_view::view::lazy_part("held", part_held_back)
    });
    Mounted { root, _handle: Some(Box::new(handle)) }
}

#[wasm_bindgen_test]
async fn what_waits_for_the_parts_waits_until_they_have_arrived_or_for_its_limit() {
    use session_view::view::parts_arrived;
    // Nothing on its way: at once.
    let before = js_sys::Date::now();
    parts_arrived(60_000).await;
    assert!(js_sys::Date::now() - before < 1_000.0, "no part on its way: no wait");

    PART_RELEASED.with(|r| r.set(false));
    let v = mount_held_part();
    let done = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = done.clone();
    wasm_bindgen_futures::spawn_local(async move {
        parts_arrived(60_000).await;
        flag.set(true);
    });
    for _ in 0..5 {
        tick().await;
    }
    assert!(v.q("[data-testid=held-part]").is_none() && !done.get(), "a part on its way holds what waits for it");
    PART_RELEASED.with(|r| r.set(true));
    for _ in 0..5 {
        tick().await;
    }
    assert_eq!(v.text("[data-testid=held-part]"), "arrived");
    assert!(done.get(), "its chunk arrived: what waited goes on");

    // A part that never arrives holds it back no longer than its limit.
    PART_RELEASED.with(|r| r.set(false));
    let w = mount_held_part();
    let before = js_sys::Date::now();
    parts_arrived(150).await;
    let waited = js_sys::Date::now() - before;
    assert!(w.q("[data-testid=held-part]").is_none(), "the part is still on its way");
    assert!((140.0..5_000.0).contains(&waited), "waited {waited} ms for a part that hangs, at most 150");
    PART_RELEASED.with(|r| r.set(true));
}

/// The tree under `node` as text, for comparing two renderers: tags, attributes sorted (class
/// words sorted, ids without their view's `svN-` prefix), text; comments left out, and so is
/// what the lazily loaded parts add (the pay form in the payment section, the wallet), which
/// no first paint has.
fn shape(node: &web_sys::Node, out: &mut String) {
    use std::fmt::Write;
    match node.node_type() {
        web_sys::Node::TEXT_NODE => out.push_str(&node.text_content().unwrap_or_default()),
        web_sys::Node::ELEMENT_NODE => {
            let el: &Element = node.unchecked_ref();
            let tag = el.tag_name().to_lowercase();
            let mut attrs: Vec<(String, String)> = el
                .get_attribute_names()
                .iter()
                .filter_map(|n| n.as_string())
                .map(|n| {
                    let v = el.get_attribute(&n).unwrap_or_default();
                    let v = match n.as_str() {
                        "class" => {
                            let mut words: Vec<&str> = v.split_whitespace().collect();
                            words.sort_unstable();
                            words.join(" ")
                        }
                        "id" | "aria-labelledby" | "aria-controls" => v.split_once('-').map_or(v.clone(), |(_, name)| name.to_owned()),
                        _ => v,
                    };
                    (n, v)
                })
                .collect();
            attrs.sort();
            let _ = write!(out, "<{tag}");
            for (n, v) in attrs {
                let _ = write!(out, " {n}=\"{v}\"");
            }
            out.push('>');
            let payment = el.class_list().contains("sv-payment");
            let children = node.child_nodes();
            for i in 0..children.length() {
                let Some(child) = children.item(i) else { continue };
                let lazy = child.dyn_ref::<Element>().is_some_and(|c| {
                    c.class_list().contains("sv-wallet")
                        || (payment
                            && !(c.tag_name() == "H2"
                                || c.get_attribute("data-testid").as_deref() == Some("challenge-announce")
                                || c.class_list().contains("sv-challenge--code")))
                });
                if !lazy {
                    shape(&child, out);
                }
            }
            let _ = write!(out, "</{tag}>");
        }
        _ => {}
    }
}

fn shape_of(node: &web_sys::Node) -> String {
    let mut out = String::new();
    shape(node, &mut out);
    out
}

/// The main module's first paint (`session_view::first_paint`, no Leptos) draws what the Leptos view
/// draws first, state by state and in both directions of writing: the view replaces it in one
/// frame, so any difference would move the page under the payer (issue #14).
#[wasm_bindgen_test]
async fn first_paint_is_the_views_markup() {
    let now = js_sys::Date::now() as i64;
    let mut cases: Vec<(String, Config, &str)> = session_view::demo::DEMOS
        .iter()
        .filter(|(key, _, _)| *key != "broken")
        .map(|(key, _, _)| ((*key).to_owned(), demo(key), "en-US"))
        .collect();
    for key in ["card", "sms", "completed", "expired", "message"] {
        cases.push((format!("{key} in Arabic"), demo(key), "ar"));
    }
    let mut soon = demo("card");
    soon.expires_at = Some(now + 150_000); // the countdown shows
    cases.push(("countdown".into(), soon, "en-US"));
    let mut over = demo("card");
    over.expires_at = Some(now - 1_000); // expired by the clock, before the server says so
    cases.push(("expired by the clock".into(), over, "en-US"));
    let mut email = demo("email");
    if let Some(c) = email.challenge.as_mut() {
        c.code_sent = !c.code_sent;
        c.delivery_hint = None;
    }
    cases.push(("email, other words".into(), email, "en-US"));
    let doc = web_sys::window().and_then(|w| w.document()).expect("document");
    for (name, config, locale) in cases {
        let view_root = container();
        let cfg = config.clone();
        let handle = leptos::mount::mount_to(view_root.clone(), move || {
            // A sanitiser that never answers: the message stays at its words, as in a first paint.
            provide_context(session_view::view::MessageSanitizer(std::sync::Arc::new(|_: String| {
                Box::pin(std::future::pending()) as session_view::view::Sanitized
            })));
            view! { <SessionView config=Store::new(cfg.clone()) backend=Backend::Demo locale=locale.to_owned()/> }
        });
        tick().await;
        let cx = session_view::view::ViewCtx::new(Some(locale.to_owned()));
        let words = session_view::first_paint::Words { lang: cx.lang, locale: cx.locale, prefix: "svP" };
        let clock = session_view::first_paint::Clock { now_ms: js_sys::Date::now() as i64, skew_ms: 0 };
        let painted = session_view::first_paint::session(&doc, words, &config, clock).expect("painted");
        let view = view_root.first_element_child().expect("the view's root");
        assert_eq!(shape_of(&painted), shape_of(&view), "{name}: the first paint differs from the view");
        drop(handle);
        view_root.remove();
    }
    // The skeleton while the config is on its way: the live view's, loading.
    for locale in ["en-US", "ar"] {
        let view_root = container();
        let handle = leptos::mount::mount_to(view_root.clone(), move || {
            provide_context(session_view::view::ViewCtx::new(Some(locale.to_owned())));
            let ctl = session_view::session::Controller::new(session_view::session::LiveOptions {
                endpoint: None,
                initial: None,
                first_attempt: None,
                poll_ms: 0,
                timeout_ms: 1000,
                embedder_confirms: false,
                settle_wait_ms: 120_000,
                pay_button: true,
                on_event: None,
            });
            view! { <session_view::session::LiveView ctl/> }
        });
        let cx = session_view::view::ViewCtx::new(Some(locale.to_owned()));
        let words = session_view::first_paint::Words { lang: cx.lang, locale: cx.locale, prefix: "svP" };
        let painted = session_view::first_paint::loading(&doc, words).expect("painted");
        let view = view_root.first_element_child().expect("the view's root");
        assert_eq!(shape_of(&painted), shape_of(&view), "loading ({locale}): the first paint differs from the view");
        drop(handle);
        view_root.remove();
    }
    // The problems the first paint draws alone (no retry can mend them): the view's panel.
    use session_view::problem::ProblemKind;
    for kind in [ProblemKind::InvalidLink, ProblemKind::NotAuthorized, ProblemKind::NotFound, ProblemKind::Gone] {
        for locale in ["en-US", "ar"] {
            let view_root = container();
            let handle = leptos::mount::mount_to(view_root.clone(), move || {
                provide_context(session_view::view::ViewCtx::new(Some(locale.to_owned())));
                view! { <session_view::view::Problem kind/> }
            });
            let cx = session_view::view::ViewCtx::new(Some(locale.to_owned()));
            let words = session_view::first_paint::Words { lang: cx.lang, locale: cx.locale, prefix: "svP" };
            let painted = session_view::first_paint::problem(&doc, words, kind).expect("painted");
            let view = view_root.first_element_child().expect("the view's root");
            assert_eq!(shape_of(&painted), shape_of(&view), "{kind:?} ({locale}): the first paint differs from the view");
            drop(handle);
            view_root.remove();
        }
    }
}
