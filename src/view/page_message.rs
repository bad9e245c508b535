use super::ctx;
use crate::i18n::Msg;
use crate::model::{Config, ConfigStoreFields};
use crate::sanitize::{self, Node};
use leptos::html::Div;
use leptos::prelude::*;
use reactive_stores::Store;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/pages/sanitizer-loader.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = sanitizeMessage)]
    async fn sanitize_in_module(html: &str) -> Result<JsValue, JsValue>;
}

/// Where `page_message` is sanitised: a function from the merchant's HTML to ammonia's output,
/// or `None` when the sanitiser is unavailable. By default the sanitiser module
/// (`crates/sanitizer`), loaded on first use; component tests provide the library's own
/// `sanitize::sanitize` in its place.
#[derive(Clone)]
pub struct MessageSanitizer(pub Arc<dyn Fn(String) -> Sanitized + Send + Sync>);

/// The sanitiser's answer, when it comes.
pub type Sanitized = Pin<Box<dyn Future<Output = Option<String>>>>;

fn from_module() -> MessageSanitizer {
    MessageSanitizer(Arc::new(|html: String| {
        Box::pin(async move {
            // The module is asked for once the view that shows the message's words is on
            // screen: a request started before the first paint shares the payer's bandwidth
            // with it, and Lighthouse counts it against LCP (issue #14). The pay form comes
            // with the view, so it is here by then; a lazily loaded part (the wallet) is
            // waited for too (10 s at most): the words are already there, the payer's part
            // comes first.
            crate::platform::browser::after_first_paint().await;
            super::parts_arrived(10_000).await;
            let out = sanitize_in_module(&html).await.ok().and_then(|v| v.as_string());
            if out.is_none() {
                crate::platform::browser::warn("session view: the page_message sanitiser could not be loaded");
            }
            out
        })
    }))
}

#[derive(Clone, Debug, PartialEq)]
enum Shown {
    Nothing,
    /// Waiting for the sanitiser: the space it will take, in lines, is kept, and the message's
    /// words are there as plain text meanwhile (`sanitize::preview_text`).
    Waiting(u32, String),
    Tree(Vec<Node>),
    Unavailable,
}

/// The merchant's formatted message. There is no HTML sink: the message is sanitised by
/// ammonia in the sanitiser module (`crates/sanitizer` documents the policy), its output read back
/// strictly into a tree of allowed nodes here, and built element by element with
/// `createElement`, `setAttribute` and `createTextNode`, so the browser never parses merchant
/// HTML (no mutation-XSS re-parse, nothing for Trusted Types to guard). The module loads only
/// when there is a message, after the first paint; meanwhile the message's space is reserved
/// and its words are shown as plain text (a text node), so the payer can read it at once.
/// If it cannot load, a calm line says the message could not be shown.
#[component]
pub fn PageMessage(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    let sanitizer = use_context::<MessageSanitizer>().unwrap_or_else(from_module);
    let message = config.page_message();
    let shown = RwSignal::new(Shown::Nothing);
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        generation.update_value(|g| *g = g.wrapping_add(1));
        let Some(html) = message.get() else {
            shown.set(Shown::Nothing);
            return;
        };
        let asked = generation.get_value();
        shown.set(Shown::Waiting(sanitize::estimated_lines(&html), sanitize::preview_text(&html)));
        let answer = (sanitizer.0)(html);
        leptos::task::spawn_local(async move {
            let current = || generation.try_get_value() == Some(asked); // else a newer message came, or the view is gone
            let out = answer.await;
            // The sanitiser's work, reading its output, and building the message's nodes are
            // three tasks, not one: a long message kept the main thread for the sum of them
            // (issue #14: no task over 200 ms at 4x CPU).
            crate::platform::browser::sleep(0).await;
            if !current() {
                return;
            }
            let next = match out {
                Some(s) => Some(sanitize::read_sanitized(&s)).filter(|t| !is_blank(t)).map_or(Shown::Nothing, Shown::Tree),
                None => Shown::Unavailable,
            };
            crate::platform::browser::sleep(0).await;
            if current() {
                let _ = shown.try_set(next);
            }
        });
    });
    let holder = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let Some(el) = holder.get() else { return };
        shown.with(|s| match s {
            // A text sink: the words only, until the formatted message replaces them.
            Shown::Waiting(_, preview) => el.set_text_content(Some(preview)),
            Shown::Tree(nodes) => {
                let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
                el.replace_children_with_node_0();
                for n in nodes {
                    if let Some(node) = build(&doc, n) {
                        let _ = el.append_child(&node);
                    }
                }
            }
            Shown::Nothing | Shown::Unavailable => {}
        });
    });
    let waiting = move || match shown.get() {
        Shown::Waiting(lines, _) => Some(lines),
        _ => None,
    };
    let visible = Memo::new(move |_| shown.with(|s| matches!(s, Shown::Waiting(..) | Shown::Tree(_))));
    let unavailable = Memo::new(move |_| shown.with(|s| *s == Shown::Unavailable));
    // A long message shows its first lines and a "Show more" button (the first paint's too).
    let long = Memo::new(move |_| message.with(|m| m.as_deref().is_some_and(sanitize::collapsed)));
    let expanded = RwSignal::new(false);
    let message_id = cx.id("page-message");
    let controls = message_id.clone();
    // The reserved space while waiting; then, collapsed, the first lines only.
    let shown_lines = move || (!expanded.get()).then(|| waiting().or_else(|| long.get().then_some(sanitize::SHOWN_LINES))).flatten();
    view! {
        <Show when=move || visible.get()>
            <div
                class="sv-message"
                class:sv-message--waiting=move || waiting().is_some()
                class:sv-message--collapsed=move || long.get() && !expanded.get()
                id=message_id.clone()
                aria-busy=move || waiting().map(|_| "true")
                style:min-height=move || waiting().map(|n| format!("calc({n} * 1.5em)"))
                // The preview stays inside the reserved space: nothing below it moves twice.
                style:max-height=move || shown_lines().map(|n| format!("calc({n} * 1.5em)"))
                dir="auto"
                data-testid="page-message"
                node_ref=holder
            ></div>
        </Show>
        <Show when=move || visible.get() && long.get()>
            <button
                type="button"
                class="sv-more"
                aria-expanded=move || if expanded.get() { "true" } else { "false" }
                aria-controls=controls.clone()
                data-testid="page-message-more"
                on:click=move |_| expanded.update(|e| *e = !*e)
            >
                {move || cx.text(if expanded.get() { Msg::ShowLess } else { Msg::ShowMore })}
            </button>
        </Show>
        <Show when=move || unavailable.get()>
            <p class="sv-message sv-message--unavailable" data-testid="page-message-unavailable">{cx.text(Msg::MessageUnavailable)}</p>
        </Show>
    }
}

/// Only whitespace: nothing to show (an empty element still counts as something).
fn is_blank(nodes: &[Node]) -> bool {
    nodes.iter().all(|n| matches!(n, Node::Text(t) if t.trim().is_empty()))
}

/// One DOM node for `n` (and its children).
fn build(doc: &web_sys::Document, n: &Node) -> Option<web_sys::Node> {
    match n {
        Node::Text(t) => Some(doc.create_text_node(t).into()),
        Node::Element { tag, href, children } => {
            let el = doc.create_element(tag).ok()?;
            if *tag == "a" {
                if let Some(h) = href {
                    el.set_attribute("href", h).ok()?;
                }
                el.set_attribute("target", "_blank").ok()?;
                el.set_attribute("rel", "noopener noreferrer").ok()?;
                el.set_attribute("referrerpolicy", "no-referrer").ok()?;
            }
            for c in children {
                if let Some(child) = build(doc, c) {
                    let _ = el.append_child(&child);
                }
            }
            Some(el.into())
        }
    }
}
