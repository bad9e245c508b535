//! The `mount(element, options)` options, read and validated on the merchant's page (so a
//! mistake throws from `mount()` at once), and checked again by the frame.
use session_view_core::embedding::{accepted_timeout_ms, theme_variable, Init, DEFAULT_POLL_MS, TIMEOUT_MS};
use session_view_core::validate;
use session_view_dom::{exact_origin, warn};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The options, checked: what the frame is told ([`Init`], its `config` filled in by
/// `mount()` once read), the config object itself, and the merchant side's own `parentOrigin`.
pub struct MountOptions {
    pub init: Init,
    pub config: Option<JsValue>,
    pub parent_origin: Option<String>,
}

fn string(options: &JsValue, key: &str) -> Result<Option<String>, JsError> {
    let v = js_sys::Reflect::get(options, &key.into()).unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| JsError::new(&format!("session view: option `{key}` must be a string")))
}

impl MountOptions {
    pub fn read(options: &JsValue) -> Result<Self, JsError> {
        if !options.is_object() {
            return Err(JsError::new("session view: mount(element, options) needs an options object"));
        }
        let session_id = string(options, "sessionId")?;
        let credential = string(options, "credential")?;
        let api_base = string(options, "apiBase")?;
        if let Some(id) = &session_id {
            // Checked here so a mistake throws from mount(); the frame builds its own endpoint.
            if validate::session_id(id).is_none() {
                return Err(JsError::new("session view: `sessionId` must match ^cs_[A-Za-z0-9]+$"));
            }
            let base = api_base.clone().or_else(|| web_sys::window().and_then(|w| w.location().origin().ok())).unwrap_or_default();
            if validate::api_base(&base).is_none() {
                return Err(JsError::new("session view: `apiBase` must be an absolute http(s) URL"));
            }
        }
        let config = js_sys::Reflect::get(options, &"config".into()).ok().filter(|c| !c.is_undefined() && !c.is_null());
        let poll = js_sys::Reflect::get(options, &"pollInterval".into()).unwrap_or(JsValue::UNDEFINED);
        let poll_ms = match poll.as_f64() {
            Some(ms) if ms.is_finite() && ms >= 0.0 => ms.min(f64::from(u32::MAX)) as u32,
            Some(_) => return Err(JsError::new("session view: `pollInterval` must be a number of ms ≥ 0")),
            None => DEFAULT_POLL_MS,
        };
        let timeout = js_sys::Reflect::get(options, &"timeoutMs".into()).unwrap_or(JsValue::UNDEFINED);
        let timeout_ms = match timeout.as_f64() {
            Some(ms) => accepted_timeout_ms(ms).ok_or_else(|| JsError::new("session view: `timeoutMs` must be between 100 and 120000"))?,
            None => TIMEOUT_MS,
        };
        let handle_confirm = js_sys::Reflect::get(options, &"handleConfirm".into()).map(|v| v.is_truthy()).unwrap_or(false);
        let parent_origin = match string(options, "parentOrigin")? {
            Some(o) => Some(
                exact_origin(&o).ok_or_else(|| JsError::new("session view: `parentOrigin` must be an origin like https://shop.example"))?,
            ),
            None => None,
        };
        let mut appearance = Vec::new();
        let app = js_sys::Reflect::get(options, &"appearance".into()).unwrap_or(JsValue::UNDEFINED);
        if app.is_object() {
            for key in js_sys::Object::keys::<js_sys::Object>(app.unchecked_ref()).iter().filter_map(|k| k.as_string()) {
                let short = key.strip_prefix("--sv-").unwrap_or(&key);
                let name = format!("--sv-{short}");
                let value = js_sys::Reflect::get(&app, &key.as_str().into()).ok().and_then(|v| v.as_string());
                match value {
                    // The frame checks each again with the same rule.
                    Some(v) if theme_variable(&name, &v) => appearance.push((name, v)),
                    _ => warn(&format!(
                        "session view: appearance `{}` ignored (unknown variable or unsafe value)",
                        short.chars().take(40).collect::<String>()
                    )),
                }
            }
        }
        let init = Init {
            session_id,
            credential,
            api_base,
            config: None,
            locale: string(options, "locale")?,
            poll_ms,
            timeout_ms,
            handle_confirm,
            appearance,
        };
        Ok(MountOptions { init, config, parent_origin })
    }

    /// Sets the theme variables on the host element (CSSOM, inherited into the shadow root).
    pub fn apply_appearance(&self, host: &web_sys::Element) {
        if let Some(el) = host.dyn_ref::<web_sys::HtmlElement>() {
            for (name, value) in &self.init.appearance {
                let _ = el.style().set_property(name, value);
            }
        }
    }
}
