use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether focus is moving to the primary button. Its press shows every problem anyway;
/// showing this field's message first would push the button down between mousedown and
/// mouseup, and the click would miss.
pub fn leaving_for_primary(ev: &web_sys::FocusEvent) -> bool {
    ev.related_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|e| e.class_list().contains("sv-button--primary"))
}

/// A labelled text input whose problem, once shown, is tied to it for screen readers.
/// `on_input` gets the raw value and returns what the field should show (it may reformat,
/// e.g. group card digits); the caret stays after the same number of digits.
#[component]
pub fn TextField(
    id: String,
    label: &'static str,
    name: &'static str,
    autocomplete: &'static str,
    #[prop(default = "text")] inputmode: &'static str,
    #[prop(optional)] ltr: bool,
    #[prop(optional)] maxlength: Option<u32>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String, String>,
    on_blur: Callback<()>,
    #[prop(into)] error: Signal<Option<crate::i18n::Msg>>,
) -> impl IntoView {
    let cx = super::ctx();
    let node = NodeRef::<leptos::html::Input>::new();
    // When the view goes away, the field forgets what was typed: a script that kept a
    // reference to the element finds it empty (card number and code included).
    on_cleanup(move || {
        if let Some(el) = node.try_get_untracked().flatten() {
            el.set_value("");
        }
    });
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    let input = move |ev: web_sys::Event| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let raw = el.value();
        let caret = el.selection_start().ok().flatten().unwrap_or(raw.len() as u32) as usize;
        let digits_before = raw.chars().take(caret).filter(char::is_ascii_digit).count();
        let shown = on_input.run(raw.clone());
        if shown != raw {
            el.set_value(&shown);
            // Put the caret back after the same number of digits.
            let mut seen = 0;
            let pos = shown
                .char_indices()
                .find_map(|(i, c)| {
                    if seen == digits_before {
                        return Some(i);
                    }
                    if c.is_ascii_digit() {
                        seen += 1;
                    }
                    None
                })
                .unwrap_or(shown.len()) as u32;
            let _ = el.set_selection_range(pos, pos);
        }
    };
    view! {
        <div class="sv-field" class:sv-field--invalid=move || error.get().is_some()>
            <label class="sv-label" for=id.clone()>{label}</label>
            <input
                node_ref=node
                class="sv-input"
                id=id
                name=name
                type="text"
                autocomplete=autocomplete
                inputmode=inputmode
                dir=if ltr { "ltr" } else { "auto" }
                maxlength=maxlength
                spellcheck="false"
                prop:value=move || value.get()
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=move || error.get().map(|_| described.clone())
                on:input=input
                on:blur=move |ev: web_sys::FocusEvent| {
                    if !leaving_for_primary(&ev) {
                        on_blur.run(());
                    }
                }
            />
            <p class="sv-error" id=error_id>{move || error.get().map(|m| cx.text(m))}</p>
        </div>
    }
}
