//! The demo gallery (`trunk serve`): every built-in session, switchable without a backend.
//! `?demo=key` opens one directly. Its theming playground applies an appearance as the frame
//! does (per colour scheme, each pair held to AA) and says on the page which pairs fell back.
use crate::demo::{config_json, DEMOS};
use crate::model::parse_json;
use crate::view::{Backend, Problem, ProblemKind, SessionView};
use leptos::prelude::*;

/// Appearance presets: a name, the light scheme's variables, and the dark one's (`None`: the
/// same as light, as a flat `appearance` is).
type Preset = (&'static str, &'static [(&'static str, &'static str)], Option<&'static [(&'static str, &'static str)]>);
const PRESETS: &[Preset] = &[
    ("The view's own", &[], Some(&[])),
    (
        "Warm paper",
        &[("bg", "#f7f1e6"), ("surface", "#fffdf8"), ("text", "#2b2118"), ("muted", "#5e5043"), ("focus", "#8a3b00"), ("radius", "4px")],
        Some(&[
            ("bg", "#1b1611"),
            ("surface", "#26201a"),
            ("text", "#f3ece2"),
            ("muted", "#c9bcad"),
            ("focus", "#ffb27a"),
            ("radius", "4px"),
        ]),
    ),
    ("Square and serif", &[("radius", "0"), ("font", "Georgia, serif")], None),
    ("Light only (dark mode falls back)", &[("bg", "#ffffff"), ("surface", "#ffffff")], None),
];
/// The variables the playground's fields edit (in both schemes; the fields show the light one's).
const EDITABLE: &[&str] = &["bg", "surface", "text", "muted", "focus", "radius"];

/// The theming playground: presets, a field per variable, and what fell back, said on the page.
#[component]
fn ThemePlayground(stage: NodeRef<leptos::html::Div>) -> impl IntoView {
    let preset = RwSignal::new(0usize);
    let light = RwSignal::new(Vec::<(String, String)>::new());
    let dark = RwSignal::new(Some(Vec::<(String, String)>::new()));
    let said = RwSignal::new(Vec::<String>::new());
    let own = |list: &[(&str, &str)]| list.iter().map(|(n, v)| (format!("--sv-{n}"), (*v).to_owned())).collect::<Vec<_>>();
    let pick = move |i: usize| {
        if let Some((_, l, d)) = PRESETS.get(i) {
            preset.set(i);
            light.set(own(l));
            dark.set(d.map(own));
        }
    };
    let look = StoredValue::new_local(None::<crate::platform::browser::Look>);
    // The stage's style is outside the view: set it whenever the chosen look changes.
    Effect::new(move |_| {
        let (l, d) = (light.get(), dark.get());
        let Some(el) = stage.get() else { return };
        look.set_value(None);
        let (kept, notes) = crate::platform::browser::follow_scheme(el.into(), &l, d.as_deref());
        look.set_value(kept);
        said.set(notes);
    });
    let value = move |name: &'static str| {
        move || light.with(|l| l.iter().find(|(n, _)| n.strip_prefix("--sv-") == Some(name)).map(|(_, v)| v.clone()).unwrap_or_default())
    };
    // A field sets its variable in both schemes.
    let edit = move |name: &'static str, v: String| {
        let set = |l: &mut Vec<(String, String)>| {
            l.retain(|(n, _)| n.strip_prefix("--sv-") != Some(name));
            if !v.trim().is_empty() {
                l.push((format!("--sv-{name}"), v.clone()));
            }
        };
        light.update(set);
        dark.update(|d| d.iter_mut().for_each(set));
    };
    view! {
        <details>
            <summary>"Theming playground"</summary>
            <div role="group" aria-label="Presets">
                {PRESETS.iter().enumerate().map(|(i, (name, _, _))| view! {
                    <button type="button" class="demo-link" aria-pressed=move || (preset.get() == i).to_string() on:click=move |_| pick(i)>
                        {*name}
                    </button>
                }).collect_view()}
            </div>
            {EDITABLE.iter().map(|name| {
                let name: &'static str = name;
                let id = format!("demo-var-{name}");
                view! {
                    <p>
                        <label for=id.clone()>{format!("--sv-{name}")}</label>" "
                        <input id=id type="text" spellcheck="false" prop:value=value(name)
                            on:change=move |ev| edit(name, event_target_value(&ev))/>
                    </p>
                }
            }).collect_view()}
            <p>"A preset may give dark mode its own values; a field sets both. Switch your system's colour scheme to see each."</p>
            <div role="status" aria-label="What fell back">
                <ul class="demo-said">{move || said.get().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
            </div>
        </details>
    }
}

#[component]
pub fn DemoGallery() -> impl IntoView {
    let initial = crate::platform::browser::query_param("demo").filter(|k| DEMOS.iter().any(|(d, _, _)| d == k));
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
                crate::platform::browser::log_warnings(&parsed.warnings);
                view! { <SessionView config=reactive_stores::Store::new(parsed.config) backend=Backend::Demo/> }.into_any()
            }
            Err(_) => {
                view! { <Problem kind=ProblemKind::Unreadable on_retry=Callback::new(move |()| selected.set(key.clone()))/> }.into_any()
            }
        }
    };
    let stage = NodeRef::<leptos::html::Div>::new();
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
            <ThemePlayground stage/>
        </nav>
        <div class="demo-stage" node_ref=stage class:demo-stage--embedded=move || selected.get() == "embedded">{shown}</div>
    }
}
