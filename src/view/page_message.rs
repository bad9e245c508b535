use crate::model::Config;
use crate::sanitize::{self, Node};
use leptos::html::Div;
use leptos::prelude::*;

/// The merchant's formatted message. There is no HTML sink: the message is sanitised by
/// ammonia (`sanitize.rs` documents the policy), read back into a tree of allowed nodes in
/// Rust, and built here element by element with `createElement`, `setAttribute` and
/// `createTextNode`, so the browser never parses merchant HTML (no mutation-XSS re-parse,
/// nothing for Trusted Types to guard).
#[component]
pub fn PageMessage(config: Signal<Config>) -> impl IntoView {
    let message = Memo::new(move |_| config.with(|c| c.page_message.clone()));
    let tree = Memo::new(move |_| message.get().map(|m| sanitize::message_tree(&m)).filter(|t| !is_blank(t)));
    let holder = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let (Some(el), Some(nodes)) = (holder.get(), tree.get()) else { return };
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        el.replace_children_with_node_0();
        for n in &nodes {
            if let Some(node) = build(&doc, n) {
                let _ = el.append_child(&node);
            }
        }
    });
    move || tree.with(Option::is_some).then(|| view! { <div class="sv-message" dir="auto" data-testid="page-message" node_ref=holder></div> })
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
