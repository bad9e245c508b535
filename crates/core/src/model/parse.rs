//! The edge: JSON (text or an already-parsed value) in, a validated [`Config`] and its
//! warnings out. Never panics on any input.
use super::*;
use crate::{sanitize, time, validate};
use serde_json::{Map, Value};
use std::fmt;

/// Why a body could not be read as a config at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// Not JSON text.
    NotJson,
    /// JSON, but not an object.
    NotAnObject,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ConfigError::NotJson => "session config is not JSON",
            ConfigError::NotAnObject => "session config is not a JSON object",
        })
    }
}

/// A field that was dropped or read differently. Names the field, never echoes its value
/// (values may be long, hostile, or personal).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub field: String,
    pub problem: &'static str,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "session config: `{}` {}", self.field, self.problem)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub config: Config,
    pub warnings: Vec<Warning>,
}

/// Parses JSON text. Integers keep every digit (no trip through a JS `Number`).
pub fn parse_json(text: &str) -> Result<Parsed, ConfigError> {
    let value: Value = serde_json::from_str(text).map_err(|_| ConfigError::NotJson)?;
    parse_value(&value)
}

/// Reads a config from an already-parsed JSON value.
pub fn parse_value(value: &Value) -> Result<Parsed, ConfigError> {
    let obj = value.as_object().ok_or(ConfigError::NotAnObject)?;
    let mut r = Reader { warnings: Vec::new() };
    let config = r.config(obj);
    Ok(Parsed { config, warnings: r.warnings })
}

/// Largest integer a JS `Number` holds exactly; a float beyond it has lost digits already.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

struct Reader {
    warnings: Vec<Warning>,
}

impl Reader {
    fn warn(&mut self, field: &str, problem: &'static str) {
        self.warnings.push(Warning { field: field.to_owned(), problem });
    }

    /// The value at `key`, or `None` (with a warning for `null`).
    fn get<'a>(&mut self, obj: &'a Map<String, Value>, key: &str, path: &str) -> Option<&'a Value> {
        match obj.get(key) {
            None => None,
            Some(Value::Null) => {
                self.warn(path, "is null; ignored");
                None
            }
            Some(v) => Some(v),
        }
    }

    fn string(&mut self, obj: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        match self.get(obj, key, path)? {
            Value::String(s) => Some(s.clone()),
            _ => {
                self.warn(path, "is not a string; ignored");
                None
            }
        }
    }

    /// A non-blank string, trimmed.
    fn text(&mut self, obj: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        let s = self.string(obj, key, path)?;
        let trimmed = s.trim();
        if trimmed.is_empty() {
            self.warn(path, "is blank; ignored");
            return None;
        }
        Some(trimmed.to_owned())
    }

    fn int(&mut self, obj: &Map<String, Value>, key: &str, path: &str) -> Option<i64> {
        let value = self.get(obj, key, path)?;
        let n = match value {
            Value::Number(n) => n,
            _ => {
                self.warn(path, "is not an integer; ignored");
                return None;
            }
        };
        if let Some(i) = n.as_i64() {
            return Some(i);
        }
        match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() <= MAX_SAFE_INTEGER && n.as_u64().is_none() => Some(f as i64),
            _ => {
                self.warn(path, "is not an integer in range; ignored");
                None
            }
        }
    }

    fn bool(&mut self, obj: &Map<String, Value>, key: &str, path: &str) -> Option<bool> {
        match self.get(obj, key, path)? {
            Value::Bool(b) => Some(*b),
            _ => {
                self.warn(path, "is not a boolean; ignored");
                None
            }
        }
    }

    fn array<'a>(&mut self, obj: &'a Map<String, Value>, key: &str, path: &str) -> Option<&'a [Value]> {
        match self.get(obj, key, path)? {
            Value::Array(items) => Some(items.as_slice()),
            _ => {
                self.warn(path, "is not an array; ignored");
                None
            }
        }
    }

    fn object<'a>(&mut self, value: &'a Value, path: &str) -> Option<&'a Map<String, Value>> {
        match value {
            Value::Object(o) => Some(o),
            _ => {
                self.warn(path, "is not an object; ignored");
                None
            }
        }
    }

    fn wire<E>(&mut self, obj: &Map<String, Value>, key: &str, path: &str) -> Option<E>
    where
        E: Wire,
    {
        let e = E::from_wire(&self.string(obj, key, path)?);
        if !e.is_known() {
            self.warn(path, "has a value this view does not know; handled as unknown");
        }
        Some(e)
    }

    /// A string kept only if `check` accepts it.
    fn checked(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &str,
        check: impl Fn(&str) -> Option<String>,
        problem: &'static str,
    ) -> Option<String> {
        let s = self.string(obj, key, path)?;
        let ok = check(&s);
        if ok.is_none() {
            self.warn(path, problem);
        }
        ok
    }

    fn strings<E: Wire>(&mut self, obj: &Map<String, Value>, key: &str) -> Option<Vec<E>> {
        let items = self.array(obj, key, key)?;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item {
                Value::String(s) => {
                    let e = E::from_wire(s);
                    if !out.contains(&e) {
                        out.push(e);
                    }
                }
                _ => self.warn(&format!("{key}[{i}]"), "is not a string; ignored"),
            }
        }
        Some(out)
    }

    fn config(&mut self, o: &Map<String, Value>) -> Config {
        let branding = match self.get(o, "branding", "branding") {
            Some(v) => match self.object(v, "branding") {
                Some(b) => self.branding(b),
                None => Branding::default(),
            },
            None => Branding::default(),
        };
        let amount = self.int(o, "amount", "amount").and_then(|a| {
            if a < 0 {
                self.warn("amount", "is negative; ignored");
                None
            } else {
                Some(a)
            }
        });
        let line_items = self.list(o, "line_items", Self::line_item);
        let saved_methods = self.list(o, "saved_methods", Self::saved_method);
        let page_message = self.string(o, "page_message", "page_message").and_then(|m| {
            if m.len() > sanitize::MAX_MESSAGE_BYTES {
                self.warn("page_message", "is longer than 256 KiB; ignored");
                None
            } else {
                Some(m)
            }
        });
        let challenge = match o.get("challenge") {
            None | Some(Value::Null) => None, // null means: no challenge
            Some(v) => self.object(v, "challenge").map(|c| self.challenge(c)),
        };
        Config {
            session_id: self.checked(
                o,
                "session_id",
                "session_id",
                |s| validate::session_id(s).map(str::to_owned),
                "is not a cs_ id; ignored",
            ),
            status: self.wire::<Status>(o, "status", "status"),
            scope: self.wire::<Scope>(o, "scope", "scope"),
            amount,
            currency: self.checked(o, "currency", "currency", validate::currency_code, "is not a three-letter code; ignored"),
            description: self.text(o, "description", "description"),
            line_items,
            customer_email: self.checked(o, "customer_email", "customer_email", email, "is not an email address; ignored"),
            layout: self.wire::<Layout>(o, "layout", "layout"),
            allowed_methods: self.strings::<MethodType>(o, "allowed_methods"),
            setup_future_usage: self.wire::<FutureUsage>(o, "setup_future_usage", "setup_future_usage"),
            branding,
            merchant_display_name: self.text(o, "merchant_display_name", "merchant_display_name"),
            required_avs_fields: self.strings::<AvsField>(o, "required_avs_fields").unwrap_or_default(),
            saved_methods,
            expires_at: self.string(o, "expires_at", "expires_at").and_then(|s| {
                let ms = time::parse_rfc3339(&s);
                if ms.is_none() {
                    self.warn("expires_at", "is not an RFC 3339 date-time; ignored");
                }
                ms
            }),
            page_message,
            challenge,
        }
    }

    fn list<T>(&mut self, o: &Map<String, Value>, key: &str, each: fn(&mut Self, &Map<String, Value>, &str) -> T) -> Vec<T> {
        let Some(items) = self.array(o, key, key) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("{key}[{i}]");
            if let Some(obj) = self.object(item, &path) {
                out.push(each(self, obj, &path));
            }
        }
        out
    }

    fn branding(&mut self, b: &Map<String, Value>) -> Branding {
        Branding {
            logo_url: self.checked(b, "logo_url", "branding.logo_url", validate::https_url, "is not an absolute https URL; ignored"),
            accent_color: self.string(b, "accent_color", "branding.accent_color").and_then(|s| {
                let c = validate::Rgb::parse(&s);
                if c.is_none() {
                    self.warn("branding.accent_color", "is not a #rrggbb colour; ignored");
                }
                c
            }),
            merchant_display_name: self.text(b, "merchant_display_name", "branding.merchant_display_name"),
        }
    }

    fn line_item(&mut self, o: &Map<String, Value>, path: &str) -> LineItem {
        let description = self.text(o, "description", &format!("{path}.description"));
        let amount = self.int(o, "amount", &format!("{path}.amount"));
        let quantity = match self.int(o, "quantity", &format!("{path}.quantity")) {
            Some(q) if q >= 1 => q,
            Some(_) => {
                self.warn(&format!("{path}.quantity"), "is below 1; read as 1");
                1
            }
            None => 1,
        };
        if description.is_none() && !o.contains_key("description") {
            self.warn(&format!("{path}.description"), "is missing; shown as a generic item");
        }
        if amount.is_none() && !o.contains_key("amount") {
            self.warn(&format!("{path}.amount"), "is missing; shown as unavailable");
        }
        LineItem { description, amount, quantity }
    }

    fn saved_method(&mut self, o: &Map<String, Value>, path: &str) -> SavedMethod {
        let p = |k: &str| format!("{path}.{k}");
        let kind = self.wire::<MethodType>(o, "type", &p("type")).unwrap_or(MethodType::Other(String::new()));
        let is_card = kind == MethodType::Card;
        let is_ach = kind == MethodType::Ach;
        let only = |r: &mut Self, key: &str, applies: bool, problem: &'static str| {
            let present = o.get(key).is_some_and(|v| !v.is_null());
            if present && !applies {
                r.warn(&p(key), problem);
            }
            applies
        };
        let brand_applies = only(self, "brand", is_card, "is for cards only; ignored");
        let exp_applies =
            only(self, "exp_month", is_card, "is for cards only; ignored") & only(self, "exp_year", is_card, "is for cards only; ignored");
        let bank_applies = only(self, "bank_name", is_ach, "is for bank accounts only; ignored");
        let acct_applies = only(self, "account_type", is_ach, "is for bank accounts only; ignored");
        let exp_month = if exp_applies { self.int(o, "exp_month", &p("exp_month")) } else { None }.and_then(|m| {
            u32::try_from(m).ok().filter(|m| (1..=12).contains(m)).or_else(|| {
                self.warn(&p("exp_month"), "is not a month 1-12; ignored");
                None
            })
        });
        let exp_year = if exp_applies { self.int(o, "exp_year", &p("exp_year")) } else { None }.and_then(|y| {
            u32::try_from(y).ok().filter(|y| (2000..=9999).contains(y)).or_else(|| {
                self.warn(&p("exp_year"), "is not a four-digit year; ignored");
                None
            })
        });
        SavedMethod {
            id: self.checked(o, "id", &p("id"), |s| validate::token(s).map(str::to_owned), "is not a plain token; ignored"),
            brand: if brand_applies { self.wire::<Brand>(o, "brand", &p("brand")) } else { None },
            last4: self.checked(o, "last4", &p("last4"), |s| validate::last4(s).map(str::to_owned), "is not exactly four digits; ignored"),
            exp_month,
            exp_year,
            holder_name: self.text(o, "holder_name", &p("holder_name")),
            bank_name: if bank_applies { self.text(o, "bank_name", &p("bank_name")) } else { None },
            account_type: if acct_applies { self.wire::<AccountType>(o, "account_type", &p("account_type")) } else { None },
            is_default: self.bool(o, "is_default", &p("is_default")).unwrap_or(false),
            kind,
        }
    }

    fn challenge(&mut self, o: &Map<String, Value>) -> Challenge {
        Challenge {
            kind: self.wire::<ChallengeType>(o, "type", "challenge.type").unwrap_or(ChallengeType::Other(String::new())),
            site_key: self.checked(
                o,
                "site_key",
                "challenge.site_key",
                |s| validate::token(s).map(str::to_owned),
                "is not a plain token; ignored",
            ),
            delivery_hint: self.text(o, "delivery_hint", "challenge.delivery_hint"),
            code_sent: self.bool(o, "code_sent", "challenge.code_sent").unwrap_or(false),
        }
    }
}

/// A plausible, displayable email: one `@`, no white space or controls, ≤ 254 bytes.
fn email(s: &str) -> Option<String> {
    let s = s.trim();
    let (local, domain) = s.split_once('@')?;
    let ok = s.len() <= 254
        && !local.is_empty()
        && domain.contains('.')
        && !domain.contains('@')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"".contains(c));
    ok.then(|| s.to_owned())
}
