//! The few browser facilities the view needs, each failing soft: `Intl` formatting
//! (declared here with `catch`, so a bad locale or code can never throw through wasm),
//! the clock, console warnings and the deployer's `<meta>` settings.
pub use session_view_dom::{exact_origin, languages, warn, HeightReporter, Interval, Timeout};

mod look;
pub use look::{follow_scheme, Look};

use crate::money;
use std::future::Future;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type NumberFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<NumberFormat, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn format(this: &NumberFormat, value: &str) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<DateTimeFormat, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn format(this: &DateTimeFormat, date: &js_sys::Date) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type DisplayNames;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<DisplayNames, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// `minor` units of `currency` for the payer's `locale`, e.g. "$49.99", "¥500", "KWD 1.500".
/// The amount reaches `Intl` as an exact decimal string, so no digit is lost beyond 2^53.
/// An unknown code still shows the number and the code; no currency shows the number.
pub fn format_money(minor: i64, currency: Option<&str>, locale: &str) -> String {
    let Some(code) = currency else {
        return money::plain(minor, None);
    };
    // One formatter per (locale, currency), made once: building an `Intl.NumberFormat` costs far
    // more than formatting with it (a 5,000-item order formats 10,000 amounts).
    thread_local! {
        static FORMATTERS: std::cell::RefCell<Vec<(String, String, Option<NumberFormat>)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let decimal = money::decimal_string(minor, money::minor_units(code));
    let formatted = FORMATTERS.with(|cache| {
        let mut cache = cache.try_borrow_mut().ok()?;
        if !cache.iter().any(|(l, c, _)| l == locale && c == code) {
            let digits = JsValue::from(money::minor_units(code));
            let opts = options(&[
                ("style", "currency".into()),
                ("currency", code.into()),
                ("minimumFractionDigits", digits.clone()),
                ("maximumFractionDigits", digits),
            ]);
            let nf = NumberFormat::new(&JsValue::from_str(locale), &opts).ok();
            if cache.len() >= 32 {
                cache.remove(0);
            }
            cache.push((locale.to_owned(), code.to_owned(), nf));
        }
        let (_, _, nf) = cache.iter().find(|(l, c, _)| l == locale && c == code)?;
        nf.as_ref()?.format(&decimal).ok()
    });
    let text = formatted.unwrap_or_else(|| money::plain(minor, Some(code)));
    if crate::i18n::Lang::from_tag(locale).is_some_and(|l| l.dir() == "rtl") {
        money::isolate_latin_symbols(&text)
    } else {
        text
    }
}

/// An amount for the payer ([`format_money`]), or, when there is none, "Amount unavailable"
/// in their language: what the view and the first paint both show.
pub fn money_or_unavailable(minor: Option<i64>, currency: Option<&str>, lang: crate::i18n::Lang, locale: &str) -> String {
    match minor {
        Some(m) => format_money(m, currency, locale),
        None => lang.text(crate::i18n::Msg::AmountUnavailable).to_owned(),
    }
}

/// A date and time for the payer's `locale`, e.g. "24 Nov 2026, 14:30".
pub fn format_datetime(epoch_ms: i64, locale: &str) -> String {
    // The formatter of the last locale asked for, made once: the first paint and the view
    // both show the expiry, and building an `Intl.DateTimeFormat` costs far more than using it.
    thread_local! {
        static FORMATTER: std::cell::RefCell<Option<(String, Option<DateTimeFormat>)>> = const { std::cell::RefCell::new(None) };
    }
    let date = js_sys::Date::new(&JsValue::from_f64(epoch_ms as f64));
    let formatted = FORMATTER.with(|cell| {
        let mut cell = cell.try_borrow_mut().ok()?;
        if cell.as_ref().is_none_or(|(l, _)| l != locale) {
            let opts = options(&[("dateStyle", "medium".into()), ("timeStyle", "short".into())]);
            *cell = Some((locale.to_owned(), DateTimeFormat::new(&JsValue::from_str(locale), &opts).ok()));
        }
        cell.as_ref()?.1.as_ref()?.format(&date).ok()
    });
    formatted.unwrap_or_else(|| date.to_iso_string().into())
}

/// Whether `Intl` takes `locale` (a well-formed tag it may not know still counts).
pub fn intl_accepts(locale: &str) -> bool {
    NumberFormat::new(&JsValue::from_str(locale), &JsValue::UNDEFINED).is_ok()
}

/// `n` of a time unit ("minute", "second") in words for `locale`: "5 minutes", "30 Sekunden",
/// "دقيقة واحدة". `Intl` knows each language's plural forms; the catalogue does not need to.
pub fn format_unit(n: i64, unit: &str, locale: &str) -> String {
    let opts = options(&[("style", "unit".into()), ("unit", unit.into()), ("unitDisplay", "long".into())]);
    NumberFormat::new(&JsValue::from_str(locale), &opts).and_then(|f| f.format(&n.to_string())).unwrap_or_else(|_| format!("{n} {unit}"))
}

/// Countries' names in `locale` (one `Intl.DisplayNames` for all), each `None` where the
/// browser has none.
pub fn region_names(codes: &[&str], locale: &str) -> Vec<Option<String>> {
    let names = DisplayNames::new(&JsValue::from_str(locale), &options(&[("type", "region".into())])).ok();
    codes.iter().map(|c| names.as_ref().and_then(|n| n.of(c).ok()).and_then(|v| v.as_string())).collect()
}

/// Sorts `items` by their names as the payer's language orders them (`Intl.Collator`);
/// by code points where the browser has no collator.
pub fn sort_by_name<T>(items: &mut [(T, String)], locale: &str) {
    let collator = js_sys::Intl::Collator::new(&js_sys::Array::of1(&JsValue::from_str(locale)), &js_sys::Object::new());
    let compare = collator.compare();
    items.sort_by(|a, b| {
        compare
            .call2(&JsValue::NULL, &JsValue::from_str(&a.1), &JsValue::from_str(&b.1))
            .ok()
            .and_then(|v| v.as_f64())
            .map_or_else(|| a.1.cmp(&b.1), |n| n.partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal))
    });
}

/// Milliseconds since the epoch (never `Instant::now()`: it panics on wasm32).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Current UTC (year, month 1-12), for card expiry.
pub fn now_year_month() -> (u32, u32) {
    let d = js_sys::Date::new_0();
    (d.get_utc_full_year(), d.get_utc_month() + 1)
}

/// What boot.js left on `window` for the module under `Symbol.for('session-view.{name}')`:
/// the early config request, the early chunks, the frame's init message.
pub fn from_boot(name: &str) -> Option<JsValue> {
    let window: JsValue = web_sys::window()?.into();
    js_sys::Reflect::get(&window, &js_sys::Symbol::for_(&format!("session-view.{name}"))).ok().filter(|v| !v.is_undefined())
}

/// Content of `<meta name="{name}">` in the page, set by whoever deploys it.
pub fn meta(name: &str) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let el = doc.query_selector(&format!("meta[name=\"{name}\"]")).ok()??;
    el.get_attribute("content")
}

/// The API base of this deployment: the deployer's `<meta name="session-view-api-base">`,
/// else the page's own origin. Never taken from the URL or from another window.
pub fn deployment_api_base() -> String {
    meta("session-view-api-base")
        .filter(|b| !b.trim().is_empty())
        .or_else(|| web_sys::window().and_then(|w| w.location().origin().ok()))
        .unwrap_or_default()
}

/// Runs `f` once after `ms`, and cannot be cancelled (its closure is freed when it has run).
pub fn after(ms: i32, f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
    }
}

/// Resolves after `ms` (at once, if the page has no window).
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms.min(i32::MAX as u32) as i32);
        } else {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// `fut`'s outcome if it comes within `ms`, else `None` (and `fut` goes on: it can be awaited
/// again).
pub async fn within<F: Future>(mut fut: std::pin::Pin<&mut F>, ms: u32) -> Option<F::Output> {
    let mut timer = std::pin::pin!(sleep(ms));
    std::future::poll_fn(|task| match fut.as_mut().poll(task) {
        std::task::Poll::Ready(out) => std::task::Poll::Ready(Some(out)),
        std::task::Poll::Pending => timer.as_mut().poll(task).map(|()| None),
    })
    .await
}

/// Resolves once what the view has just rendered is on screen and the document's first
/// contentful paint has been reported (at once, if the page has no window). A download started
/// before then shares the payer's bandwidth with the first paint, and Lighthouse counts it
/// against LCP (issue #14). Two animation frames are not enough: the browser reports a frame
/// as painted only once it is presented, a frame or two later (measured: requests at 243 ms
/// against a first paint at 258 ms). So it waits for the report, one frame at a time, for at
/// most half a second (an engine without paint timing, a paint that never comes).
pub async fn after_first_paint() {
    let painted =
        || web_sys::window().and_then(|w| w.performance()).is_none_or(|p| p.get_entries_by_name("first-contentful-paint").length() > 0);
    for frame in 0..32 {
        if frame >= 2 && painted() {
            return;
        }
        let next = js_sys::Promise::new(&mut |resolve, _| {
            let asked = web_sys::window().is_some_and(|w| w.request_animation_frame(&resolve).is_ok());
            if !asked {
                let _ = resolve.call0(&JsValue::NULL);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(next).await;
    }
}

/// An event listener on `window` that owns its closure: dropping it removes the listener
/// and frees the closure at once.
pub struct WindowListener {
    event: &'static str,
    callback: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

impl WindowListener {
    pub fn new(event: &'static str, f: impl FnMut(web_sys::Event) + 'static) -> Option<Self> {
        use wasm_bindgen::JsCast;
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(f);
        web_sys::window()?.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref()).ok()?;
        Some(WindowListener { event, callback })
    }
}

impl Drop for WindowListener {
    fn drop(&mut self) {
        use wasm_bindgen::JsCast;
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback(self.event, self.callback.as_ref().unchecked_ref());
        }
    }
}

/// Keeps `value` alive until the current reactive owner is cleaned up, then drops it.
pub fn drop_on_cleanup<T: 'static>(value: T) {
    let cell = send_wrapper::SendWrapper::new(std::cell::Cell::new(Some(value)));
    leptos::prelude::on_cleanup(move || drop(cell.take()));
}

/// Trusted Types, for pages that enforce them (`require-trusted-types-for 'script'`). One
/// policy, created once per page: `default`, what the browser consults when a plain string
/// reaches an HTML sink. The only such strings in this module are Leptos's: a fully static
/// element of a `view!` is built from a compile-time HTML string through a `<template>`. The
/// policy lets a string through only if it is markup of the view's own static vocabulary
/// (`sanitize::is_inert_markup`); merchant HTML never takes this path (`page_message` is
/// built node by node). A page that already has a `default` policy keeps its own. No script
/// URL is ever made here: the captcha providers' scripts run in the captcha frame.
///
/// A strict CSP then needs `trusted-types default`.
pub fn install_trusted_types() {
    POLICY.with(|_| ());
}

thread_local! {
    static POLICY: Option<JsValue> = make_policy();
}

fn make_policy() -> Option<JsValue> {
    let window: JsValue = web_sys::window()?.into();
    let tt = js_sys::Reflect::get(&window, &"trustedTypes".into()).ok().filter(|t| t.is_object())?;
    let create: js_sys::Function = js_sys::Reflect::get(&tt, &"createPolicy".into()).ok()?.dyn_into().ok()?;
    if js_sys::Reflect::get(&tt, &"defaultPolicy".into()).ok().is_some_and(|d| d.is_object()) {
        return None;
    }
    let rules = js_sys::Object::new();
    let html = wasm_bindgen::closure::Closure::<dyn Fn(String) -> Result<String, JsValue>>::new(|html: String| {
        if crate::sanitize::is_inert_markup(&html) {
            Ok(html)
        } else {
            // Only the view's own static markup comes here; its start helps whoever extends the view.
            let start: String = html.chars().take(80).collect();
            Err(JsValue::from_str(&format!("session-view: HTML refused by the default Trusted Types policy: {start}")))
        }
    });
    js_sys::Reflect::set(&rules, &"createHTML".into(), html.as_ref()).ok()?;
    html.forget(); // the policy lives as long as the page
    create.call2(&tt, &"default".into(), &rules).ok()
}

/// Query parameter `name` of the current page URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// Logs the config's warnings (field names only, never values).
pub fn log_warnings(warnings: &[crate::model::Warning]) {
    for w in warnings {
        warn(&w.to_string());
    }
}
