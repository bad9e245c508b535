//! The demo gallery (`trunk serve`): every built-in session, switchable without a backend.
//! `?demo=key` opens one directly.
use crate::demo::{config_json, DEMOS};
use crate::model::parse_json;
use crate::view::{Backend, Problem, ProblemKind, SessionView};
use leptos::prelude::*;

#[component]
pub fn DemoGallery() -> impl IntoView {
    let initial = crate::browser::query_param("demo").filter(|k| DEMOS.iter().any(|(d, _, _)| d == k));
    let selected = RwSignal::new(initial.unwrap_or_else(|| "card".to_owned()));
    let choose = move |key: &'static str| {
        selected.set(key.to_owned());
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("?demo={key}")));
        }
    };
    let shown = move || {
        let key = selected.get();
        match parse_json(&config_json(&key).unwrap_or_default()) {
            Ok(parsed) => {
                crate::browser::log_warnings(&parsed.warnings);
                view! { <SessionView config=reactive_stores::Store::new(parsed.config) backend=Backend::Demo/> }.into_any()
            }
            Err(_) => {
                view! { <Problem kind=ProblemKind::Unreadable on_retry=Callback::new(move |()| selected.set(key.clone()))/> }.into_any()
            }
        }
    };
    view! {
        <nav class="demo-nav" aria-label="Demo sessions">
            <p class="demo-title">"Session view demos"</p>
            <ul>
                {DEMOS.iter().map(|(key, title, _)| {
                    let key: &'static str = key;
                    view! {
                        <li>
                            <button
                                type="button"
                                class="demo-link"
                                data-demo=key
                                aria-pressed=move || (selected.get() == key).to_string()
                                on:click=move |_| choose(key)
                            >
                                {*title}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </nav>
        <div class="demo-stage" class:demo-stage--embedded=move || selected.get() == "embedded">{shown}</div>
    }
}
