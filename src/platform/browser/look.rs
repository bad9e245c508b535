//! A merchant's appearance on an element, for the payer's colour scheme: each scheme's
//! variables held to AA by the core (`theme::apply`, colours read by the browser through a
//! 1×1 canvas, so every CSS colour syntax counts), and applied again when the scheme changes.
use crate::embedding::THEME_VARIABLES;
use crate::theme::{self, Scheme};
use crate::validate::Rgb;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A look in force: dropping it stops following the scheme (the variables stay).
pub struct Look {
    query: web_sys::MediaQueryList,
    callback: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Look {
    fn drop(&mut self) {
        let _ = self.query.remove_event_listener_with_callback("change", self.callback.as_ref().unchecked_ref());
    }
}

/// Sets on `target` the merchant's variables for the payer's colour scheme, now and on every
/// change: `light`, and `dark` (else `light` again). Each variable is checked by its kind
/// (`embedding::theme_variable`), each pair by contrast; what is refused or left to the
/// view's colours gets a console warning, and the warnings are returned too.
pub fn follow_scheme(
    target: web_sys::HtmlElement,
    light: &[(String, String)],
    dark: Option<&[(String, String)]>,
) -> (Option<Look>, Vec<String>) {
    let mut said = Vec::new();
    let mut checked = |list: &[(String, String)]| -> Palette {
        let (ok, refused): (Palette, Palette) = list.iter().cloned().partition(|(n, v)| crate::embedding::theme_variable(n, v));
        for (name, _) in refused {
            let name: String = name.chars().take(40).collect();
            said.push(format!("appearance {name} ignored (not a value of its kind)"));
        }
        ok
    };
    let light = checked(light);
    let dark = dark.map_or_else(|| light.clone(), checked);
    let palettes = Rc::new((theme_for(Scheme::Light, &light, &mut said), theme_for(Scheme::Dark, &dark, &mut said)));
    for w in &said {
        session_view_dom::warn(&format!("session view: {w}"));
    }
    (follow(target, palettes), said)
}

/// `chosen` over `scheme`'s defaults, each pair held to AA; what fell back is added to `said`.
fn theme_for(scheme: Scheme, chosen: &[(String, String)], said: &mut Vec<String>) -> Palette {
    let (kept, warnings) = theme::apply(scheme, chosen, resolve);
    said.extend(warnings);
    kept
}

/// `--sv-*` names and values to set.
type Palette = Vec<(String, String)>;

fn follow(target: web_sys::HtmlElement, palettes: Rc<(Palette, Palette)>) -> Option<Look> {
    let query = web_sys::window()?.match_media("(prefers-color-scheme: dark)").ok()??;
    let paint = move |dark: bool| {
        let style = target.style();
        for name in THEME_VARIABLES {
            let _ = style.remove_property(&format!("--sv-{name}"));
        }
        for (name, value) in if dark { &palettes.1 } else { &palettes.0 } {
            let _ = style.set_property(name, value);
        }
    };
    paint(query.matches());
    let callback = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        if let Some(q) = e.target() {
            paint(q.unchecked_into::<web_sys::MediaQueryList>().matches());
        }
    });
    query.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref()).ok()?;
    Some(Look { query, callback })
}

/// `value` as sRGB, drawn over `under`: what the payer's screen shows. `None` without a canvas.
/// Properties and `getContext` are reached through `Reflect`, and casts are unchecked: each
/// binding would be an import in the page's first paint.
fn resolve(value: &str, under: Rgb) -> Option<Rgb> {
    use js_sys::{Function, Reflect};
    let canvas: JsValue = web_sys::window()?.document()?.create_element("canvas").ok()?.into();
    let get_context: Function = Reflect::get(&canvas, &"getContext".into()).ok()?.unchecked_into();
    let ctx: web_sys::CanvasRenderingContext2d = get_context.call1(&canvas, &"2d".into()).ok()?.unchecked_into();
    for fill in [under.to_css().as_str(), value] {
        // A value the browser cannot read leaves the fill as it was (`under`).
        Reflect::set(&ctx, &"fillStyle".into(), &fill.into()).ok()?;
        ctx.fill_rect(0.0, 0.0, 1.0, 1.0);
    }
    let image: JsValue = ctx.get_image_data(0.0, 0.0, 1.0, 1.0).ok()?.into();
    let data = Reflect::get(&image, &"data".into()).ok()?;
    let channel = |i: u32| Reflect::get(&data, &i.into()).ok().and_then(|v| v.as_f64()).map(|v| v as u8);
    Some(Rgb(channel(0)?, channel(1)?, channel(2)?))
}
