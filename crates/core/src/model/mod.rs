//! The one typed model of the session config (spec: shared/spec/session-config.md).
//!
//! Everything the view renders comes from a [`Config`] made by [`parse`]: unknown fields are
//! ignored, unknown enum values become an explicit `Unknown`/`Other` case, and a value of the
//! wrong type, a `null` or an invalid value (bad colour, non-https logo, malformed id, …) is
//! dropped with a [`Warning`] naming the field. Only a body that is not a JSON object fails.
mod parse;

pub use parse::{parse_json, parse_value, ConfigError, Parsed, Warning};

/// A string enum on the wire.
pub trait Wire: Sized + PartialEq {
    /// Known values match case-insensitively; anything else is the catch-all variant.
    fn from_wire(s: &str) -> Self;
    /// Whether this is one of the known values.
    fn is_known(&self) -> bool;
}

/// Declares a wire enum: known values match case-insensitively, anything else is kept
/// as the explicit catch-all variant so the view can handle it.
macro_rules! wire_enum {
    ($(#[$doc:meta])* $name:ident, $other:ident { $($variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum $name {
            $($variant,)+
            /// A value this build does not know.
            $other(String),
        }
        impl Wire for $name {
            fn from_wire(s: &str) -> Self {
                $(if s.eq_ignore_ascii_case($wire) { return Self::$variant; })+
                Self::$other(s.chars().take(64).collect())
            }
            fn is_known(&self) -> bool {
                !matches!(self, Self::$other(_))
            }
        }
    };
}

wire_enum!(
    /// Only `Active` can be paid.
    Status, Unknown { Active = "active", Completed = "completed", Expired = "expired" }
);
impl Status {
    /// Whether the page takes payment details in this state: only then does it say how they
    /// travel (the hosted page's footer), in the first paint and the view alike.
    pub fn takes_payment_details(&self) -> bool {
        *self == Status::Active
    }
}

wire_enum!(
    /// What the credential reading the session may do.
    Scope, Unknown { Payment = "payment", Wallet = "wallet" }
);
wire_enum!(Layout, Unknown { Hosted = "hosted", Embedded = "embedded" });
wire_enum!(FutureUsage, Unknown { Off = "off", OnSession = "on_session", OffSession = "off_session" });
wire_enum!(MethodType, Other { Card = "card", Ach = "ach" });
wire_enum!(AvsField, Other {
    Line1 = "line1", Line2 = "line2", City = "city", State = "state", PostalCode = "postal_code", Country = "country",
});
wire_enum!(Brand, Other {
    Visa = "visa", Mastercard = "mastercard", Amex = "amex", Discover = "discover", Jcb = "jcb", Unionpay = "unionpay",
    Diners = "diners", Maestro = "maestro", Elo = "elo", Mir = "mir", Uatp = "uatp",
});
wire_enum!(AccountType, Other { Checking = "checking", Savings = "savings" });
wire_enum!(ChallengeType, Other { Hcaptcha = "hcaptcha", Turnstile = "turnstile", Sms = "sms", Email = "email" });

/// With the `store` feature, a Leptos store: `config.amount()` is a signal of its own, and
/// `patch(new)` notifies only the fields that changed. A field whose type is not a store
/// value is replaced whole when it changes.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store, reactive_stores::Patch))]
pub struct Config {
    /// Validated `^cs_[A-Za-z0-9]+$`.
    pub session_id: Option<String>,
    #[cfg_attr(feature = "store", patch(|old, new| *old = new))]
    pub status: Option<Status>,
    #[cfg_attr(feature = "store", patch(|old, new| *old = new))]
    pub scope: Option<Scope>,
    /// Total charged, minor units, ≥ 0.
    pub amount: Option<i64>,
    /// Upper-case three-letter code.
    pub currency: Option<String>,
    pub description: Option<String>,
    #[cfg_attr(feature = "store", patch(|old, new| *old = new))]
    pub line_items: Vec<LineItem>,
    pub customer_email: Option<String>,
    #[cfg_attr(feature = "store", patch(|old, new| *old = new))]
    pub layout: Option<Layout>,
    /// `None`: absent (every known type allowed); `Some`: exactly the known types listed.
    #[cfg_attr(feature = "store", patch(|old, new| *old = new))]
    pub allowed_methods: Option<Vec<MethodType>>,
    #[cfg_attr(feature = "store", patch(|old, new| *old = new))]
    pub setup_future_usage: Option<FutureUsage>,
    pub branding: Branding,
    /// Top-level name; see [`merchant_name`].
    pub merchant_display_name: Option<String>,
    #[cfg_attr(feature = "store", patch(|old, new| *old = new))]
    pub required_avs_fields: Vec<AvsField>,
    #[cfg_attr(feature = "store", patch(|old, new| *old = new))]
    pub saved_methods: Vec<SavedMethod>,
    /// Milliseconds since the Unix epoch.
    pub expires_at: Option<i64>,
    /// Raw merchant HTML, **unsanitised**: only `sanitize::sanitize` output may reach the DOM.
    pub page_message: Option<String>,
    #[cfg_attr(feature = "store", patch(|old, new| *old = new))]
    pub challenge: Option<Challenge>,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store, reactive_stores::Patch))]
pub struct Branding {
    /// Validated absolute `https:` URL.
    pub logo_url: Option<String>,
    #[cfg_attr(feature = "store", patch(|old, new| *old = new))]
    pub accent_color: Option<crate::validate::Rgb>,
    pub merchant_display_name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LineItem {
    pub description: Option<String>,
    /// Unit amount, minor units (may be negative: a discount).
    pub amount: Option<i64>,
    /// ≥ 1; 1 when absent.
    pub quantity: i64,
}

impl LineItem {
    /// `amount × quantity`; `None` when the amount is missing or the product overflows.
    pub fn total(&self) -> Option<i64> {
        crate::money::line_total(self.amount?, self.quantity)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SavedMethod {
    /// Validated opaque token; a method without one can be shown but never chosen.
    pub id: Option<String>,
    pub kind: MethodType,
    /// Cards only.
    pub brand: Option<Brand>,
    /// Exactly four digits.
    pub last4: Option<String>,
    /// Cards only, 1–12.
    pub exp_month: Option<u32>,
    /// Cards only, four digits.
    pub exp_year: Option<u32>,
    pub holder_name: Option<String>,
    /// ACH only.
    pub bank_name: Option<String>,
    /// ACH only.
    pub account_type: Option<AccountType>,
    pub is_default: bool,
}

impl SavedMethod {
    /// Makes method `id` the only default among `methods`.
    pub fn make_default(methods: &mut [SavedMethod], id: &str) {
        for m in methods {
            m.is_default = m.id.as_deref() == Some(id);
        }
    }

    /// Removes method `id` from `methods`.
    pub fn remove(methods: &mut Vec<SavedMethod>, id: &str) {
        methods.retain(|m| m.id.as_deref() != Some(id));
    }

    /// A card past its expiry month (judged at `now_year`/`now_month`).
    pub fn is_expired(&self, now_year: u32, now_month: u32) -> bool {
        match (self.exp_month, self.exp_year) {
            (Some(m), Some(y)) => crate::time::card_expired(m, y, now_year, now_month),
            _ => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Challenge {
    pub kind: ChallengeType,
    /// Validated plain token.
    pub site_key: Option<String>,
    /// Masked destination, shown as text.
    pub delivery_hint: Option<String>,
    pub code_sent: bool,
}

/// The merchant's name: `branding.merchant_display_name` (`branding`) wins over the top-level
/// one (`top`). A rule on the two fields, so a store's reader can follow just those.
pub fn merchant_name<'a>(branding: &'a Option<String>, top: &'a Option<String>) -> Option<&'a str> {
    branding.as_deref().or(top.as_deref())
}

impl Status {
    /// A config's status: absent is read as active (a partial config still renders); unknown is not.
    pub fn or_active(status: &Option<Status>) -> Status {
        status.clone().unwrap_or(Status::Active)
    }
}

impl MethodType {
    /// Whether a config whose `allowed_methods` is `allowed` lets the payer use this type: an
    /// absent list allows every known type, a present one exactly the known types it lists.
    pub fn allowed_by(&self, allowed: &Option<Vec<MethodType>>) -> bool {
        self.is_known() && allowed.as_ref().is_none_or(|list| list.contains(self))
    }
}

impl Config {
    /// See [`Status::or_active`].
    pub fn status(&self) -> Status {
        Status::or_active(&self.status)
    }

    /// The line items' totals added up; `None` when any is unavailable or the sum overflows.
    pub fn items_sum(&self) -> Option<i64> {
        crate::money::sum(self.line_items.iter().map(LineItem::total))
    }
}

#[cfg(test)]
mod tests;
