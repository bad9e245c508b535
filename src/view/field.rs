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
/// e.g. group card digits); `on_delete`, when given, does the same for a deletion (so that
/// backspace can cross what formatting inserted). The caret stays with what was typed.
#[component]
pub fn TextField(
    id: String,
    #[prop(into)] label: Signal<&'static str>,
    name: &'static str,
    autocomplete: &'static str,
    #[prop(default = "text")] inputmode: &'static str,
    #[prop(optional)] ltr: bool,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String, String>,
    #[prop(optional)] on_delete: Option<Callback<String, String>>,
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
        let deleting = ev.dyn_ref::<web_sys::InputEvent>().is_some_and(|e| e.input_type().starts_with("delete"));
        let caret = el.selection_start().ok().flatten().map_or(raw.len(), |c| c as usize);
        let shown = match on_delete {
            Some(keep) if deleting => keep.run(raw.clone()),
            _ => on_input.run(raw.clone()),
        };
        if shown != raw {
            el.set_value(&shown);
            let pos = crate::digits::caret_after(&raw, caret, &shown) as u32;
            let _ = el.set_selection_range(pos, pos);
        }
    };
    view! {
        <div class="sv-field" class:sv-field--invalid=move || error.get().is_some()>
            <label class="sv-label" for=id.clone()>{move || label.get()}</label>
            <input
                node_ref=node
                class="sv-input"
                id=id
                name=name
                type="text"
                autocomplete=autocomplete
                inputmode=inputmode
                dir=if ltr { "ltr" } else { "auto" }
                spellcheck="false"
                prop:value=move || value.get()
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=move || error.get().map(|_| described.clone())
                on:input=input
                on:blur=move |ev: web_sys::FocusEvent| {
                    // `try_`: a field removed while focused (a re-render) blurs after its view is gone.
                    if !leaving_for_primary(&ev) {
                        on_blur.try_run(());
                    }
                }
            />
            <p class="sv-error" id=error_id>{move || error.get().map(|m| cx.text(m))}</p>
        </div>
    }
}
