//! What the payer entered for a new method, and what is wrong with it. Pure: each problem is
//! a catalogue message (`i18n::Msg`), put into words by the view.
use crate::bank;
use crate::card::{self, CardError};
use crate::i18n::Msg;
use crate::model::{AvsField, Brand};

/// Every field of the new-method forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Number,
    Expiry,
    Cvc,
    Name,
    Line1,
    Line2,
    City,
    State,
    PostalCode,
    Country,
    Routing,
    Account,
    Holder,
}

/// A new card as typed. `number` holds digits only.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CardInput {
    pub number: String,
    pub expiry: String,
    pub cvc: String,
    pub name: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub country: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct BankInput {
    pub routing: String,
    pub account: String,
    pub checking: bool,
    pub holder: String,
}

pub type Problems = Vec<(Field, Msg)>;

fn card_message(e: CardError, field: Field) -> Msg {
    match (e, field) {
        (CardError::Missing, Field::Number) => Msg::EnterCardNumber,
        (CardError::Length, _) => Msg::CardNumberLength,
        (CardError::Checksum, _) => Msg::CardNumberInvalid,
        (CardError::Missing, Field::Expiry) => Msg::EnterExpiry,
        (CardError::ExpiryFormat, _) => Msg::ExpiryFormat,
        (CardError::ExpiryPast, _) => Msg::CardExpired,
        (CardError::Missing, _) => Msg::EnterSecurityCode,
        (CardError::Cvc, _) => Msg::SecurityCodeLength,
    }
}

/// Whether the form asks for a postal code: the session requires one, and the country chosen
/// (when the session asks for the country) has postal codes at all.
pub fn asks_postal_code(c: &CardInput, required: &[AvsField]) -> bool {
    required.contains(&AvsField::PostalCode) && (!required.contains(&AvsField::Country) || crate::country::has_postal_codes(&c.country))
}

/// The postal code as the chosen country writes it (`SW1A1AA` → `SW1A 1AA`), judged by that
/// country's rule only when the session asks for the country; `None` when it can't be one.
pub fn postal_code(c: &CardInput, required: &[AvsField]) -> Option<String> {
    let country = if required.contains(&AvsField::Country) { c.country.as_str() } else { "" };
    crate::country::postal_code(country, &c.postal_code)
}

/// Problems with a new card, in form order. `required` are the AVS fields the session asks for.
pub fn card_problems(c: &CardInput, required: &[AvsField], now_year: u32, now_month: u32) -> Problems {
    let mut out = Vec::new();
    let brand = match card::check_number(&c.number) {
        Ok(b) => b,
        Err(e) => {
            out.push((Field::Number, card_message(e, Field::Number)));
            card::brand_of(&c.number)
        }
    };
    if let Err(e) = card::check_expiry(&c.expiry, now_year, now_month) {
        out.push((Field::Expiry, card_message(e, Field::Expiry)));
    }
    if let Err(e) = card::check_cvc(&c.cvc, &brand) {
        out.push((Field::Cvc, card_message(e, Field::Cvc)));
    }
    if c.name.trim().is_empty() {
        out.push((Field::Name, Msg::EnterName));
    }
    let needs = |f: AvsField| required.contains(&f);
    let blank = |s: &str| s.trim().is_empty();
    if needs(AvsField::Line1) && blank(&c.line1) {
        out.push((Field::Line1, Msg::EnterStreet));
    }
    if needs(AvsField::Line2) && blank(&c.line2) {
        out.push((Field::Line2, Msg::EnterLine2));
    }
    if needs(AvsField::City) && blank(&c.city) {
        out.push((Field::City, Msg::EnterCity));
    }
    if needs(AvsField::State) && blank(&c.state) {
        out.push((Field::State, Msg::EnterState));
    }
    if needs(AvsField::Country) && blank(&c.country) {
        out.push((Field::Country, Msg::ChooseCountry));
    }
    if asks_postal_code(c, required) {
        if blank(&c.postal_code) {
            out.push((Field::PostalCode, Msg::EnterPostalCode));
        } else if postal_code(c, required).is_none() {
            out.push((Field::PostalCode, Msg::PostalCodeWrong));
        }
    }
    out
}

pub fn bank_problems(b: &BankInput) -> Problems {
    let mut out = Vec::new();
    if b.routing.is_empty() {
        out.push((Field::Routing, Msg::EnterRouting));
    } else if !bank::routing_ok(&b.routing) {
        out.push((Field::Routing, Msg::RoutingInvalid));
    }
    if b.account.is_empty() {
        out.push((Field::Account, Msg::EnterAccount));
    } else if !bank::account_ok(&b.account) {
        out.push((Field::Account, Msg::AccountLength));
    }
    if b.holder.trim().is_empty() {
        out.push((Field::Holder, Msg::EnterHolder));
    }
    out
}

/// The card brand as the payer types (for grouping, code length and the brand mark).
pub fn typed_brand(c: &CardInput) -> Brand {
    card::brand_of(&c.number)
}

/// The payment method of a confirm request (or of a method added to the wallet), exactly as
/// the API reads it (see `api`'s module docs): `{"type": "saved", "id"}`, `{"type": "card",
/// "card", "billing_details"}` or `{"type": "us_bank_account", "us_bank_account"}`. Its
/// `Debug` names only the type: card and account numbers never reach a log.
#[derive(Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MethodBody {
    Saved { id: String },
    Card { card: CardBody, billing_details: BillingDetails },
    UsBankAccount { us_bank_account: BankBody },
}

#[derive(Clone, PartialEq, Eq, serde::Serialize)]
pub struct CardBody {
    pub number: String,
    pub exp_month: u32,
    pub exp_year: u32,
    pub cvc: String,
    pub name: String,
}

/// The address fields the payer filled in; the others are `null`.
#[derive(Clone, PartialEq, Eq, serde::Serialize)]
pub struct BillingDetails {
    pub line1: Option<String>,
    pub line2: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
}

#[derive(Clone, PartialEq, Eq, serde::Serialize)]
pub struct BankBody {
    pub routing_number: String,
    pub account_number: String,
    pub account_type: &'static str,
    pub holder_name: String,
}

impl MethodBody {
    /// The method's `type` on the wire.
    pub fn kind(&self) -> &'static str {
        match self {
            MethodBody::Saved { .. } => "saved",
            MethodBody::Card { .. } => "card",
            MethodBody::UsBankAccount { .. } => "us_bank_account",
        }
    }
}

impl std::fmt::Debug for MethodBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MethodBody({})", self.kind()) // never the numbers
    }
}

/// The payment method to send, or `None` while the new method still has problems. A saved
/// method sends only its id.
pub fn method_body(saved_id: Option<&str>, card: Option<&CardInput>, bank: Option<&BankInput>, now: (u32, u32)) -> Option<MethodBody> {
    if let Some(id) = saved_id {
        return Some(MethodBody::Saved { id: id.to_owned() });
    }
    if let Some(c) = card {
        let (exp_month, exp_year) = card::check_expiry(&c.expiry, now.0, now.1).ok()?;
        card::check_number(&c.number).ok()?;
        let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
        return Some(MethodBody::Card {
            card: CardBody { number: c.number.clone(), exp_month, exp_year, cvc: c.cvc.clone(), name: c.name.trim().to_owned() },
            billing_details: BillingDetails {
                line1: opt(&c.line1),
                line2: opt(&c.line2),
                city: opt(&c.city),
                state: opt(&c.state),
                postal_code: opt(&c.postal_code)
                    .map(|typed| crate::country::postal_code(&c.country, &typed).unwrap_or(typed))
                    .filter(|_| crate::country::has_postal_codes(&c.country)),
                country: opt(&c.country),
            },
        });
    }
    let b = bank?;
    bank_problems(b).is_empty().then(|| MethodBody::UsBankAccount {
        us_bank_account: BankBody {
            routing_number: b.routing.clone(),
            account_number: b.account.clone(),
            account_type: if b.checking { "checking" } else { "savings" },
            holder_name: b.holder.trim().to_owned(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What goes on the wire.
    fn wire(body: Option<MethodBody>) -> serde_json::Value {
        serde_json::to_value(body.expect("a body")).expect("serialisable")
    }

    #[test]
    fn confirm_bodies() {
        let saved = wire(method_body(Some("pm_1"), Some(&good_card()), None, (2026, 11)));
        assert_eq!(saved, serde_json::json!({ "type": "saved", "id": "pm_1" }), "a saved method carries no card data");
        let card = wire(method_body(None, Some(&good_card()), None, (2026, 11)));
        assert_eq!(card["type"], "card");
        assert_eq!(card["card"]["number"], "4242424242424242");
        assert_eq!(card["card"]["exp_month"], 12);
        assert_eq!(card["card"]["exp_year"], 2030);
        assert_eq!(card["billing_details"]["postal_code"], serde_json::Value::Null);
        assert_eq!(method_body(None, Some(&CardInput::default()), None, (2026, 11)), None);
        let bank = BankInput { routing: "021000021".into(), account: "000123456789".into(), checking: false, holder: " Acme ".into() };
        let b = wire(method_body(None, None, Some(&bank), (2026, 11)));
        assert_eq!(b["type"], "us_bank_account");
        assert_eq!(b["us_bank_account"]["account_type"], "savings");
        assert_eq!(b["us_bank_account"]["holder_name"], "Acme");
    }

    #[test]
    fn a_method_body_never_debug_prints_its_numbers() {
        let card = method_body(None, Some(&good_card()), None, (2026, 11)).expect("card");
        assert_eq!(format!("{card:?}"), "MethodBody(card)");
    }

    fn good_card() -> CardInput {
        CardInput {
            number: "4242424242424242".into(),
            expiry: "12 / 30".into(),
            cvc: "123".into(),
            name: "Jo Lee".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_card_has_no_problems() {
        assert!(card_problems(&good_card(), &[], 2026, 11).is_empty());
    }

    #[test]
    fn problems_name_each_field_in_order() {
        let p = card_problems(&CardInput::default(), &[], 2026, 11);
        assert_eq!(p.iter().map(|(f, _)| *f).collect::<Vec<_>>(), vec![Field::Number, Field::Expiry, Field::Cvc, Field::Name]);
        let amex_short_code = CardInput { number: "378282246310005".into(), cvc: "123".into(), ..good_card() };
        assert_eq!(card_problems(&amex_short_code, &[], 2026, 11), vec![(Field::Cvc, Msg::SecurityCodeLength)]);
    }

    #[test]
    fn avs_fields_are_required_exactly_as_asked() {
        let required = [AvsField::PostalCode, AvsField::Country];
        let p = card_problems(&good_card(), &required, 2026, 11);
        assert_eq!(
            p.iter().map(|(f, _)| *f).collect::<Vec<_>>(),
            vec![Field::Country, Field::PostalCode],
            "country first, as the form asks"
        );
        let with = CardInput { postal_code: "SW1A 1AA".into(), country: "GB".into(), ..good_card() };
        assert!(card_problems(&with, &required, 2026, 11).is_empty());
        let wrong = CardInput { postal_code: "SW1A 1AA".into(), country: "US".into(), ..good_card() };
        // A country with no postal codes is not asked for one, and none is sent.
        let hong_kong = CardInput { postal_code: String::new(), country: "HK".into(), ..good_card() };
        assert!(card_problems(&hong_kong, &required, 2026, 1).is_empty());
        assert!(!asks_postal_code(&hong_kong, &required));
        let typed_before = CardInput { postal_code: "12345".into(), ..hong_kong.clone() };
        let body = wire(method_body(None, Some(&typed_before), None, (2026, 1)));
        assert_eq!(body["billing_details"]["postal_code"], serde_json::Value::Null);
        assert_eq!(card_problems(&wrong, &required, 2026, 11)[0].0, Field::PostalCode);
        // Judged by the chosen country's rule, normalised on the wire.
        let compact = CardInput { postal_code: "sw1a1aa".into(), country: "GB".into(), ..good_card() };
        assert!(card_problems(&compact, &required, 2026, 11).is_empty());
        assert_eq!(wire(method_body(None, Some(&compact), None, (2026, 11)))["billing_details"]["postal_code"], "SW1A 1AA");
        let zip9 = CardInput { postal_code: "941031234".into(), country: "US".into(), ..good_card() };
        assert!(card_problems(&zip9, &required, 2026, 11).is_empty());
        assert_eq!(wire(method_body(None, Some(&zip9), None, (2026, 11)))["billing_details"]["postal_code"], "94103-1234");
        assert!(card_problems(&good_card(), &[AvsField::Other("planet".into())], 2026, 11).is_empty());
    }

    #[test]
    fn a_card_without_a_security_code_pays_when_its_brand_has_none() {
        let maestro = CardInput { number: "6759649826438453".into(), cvc: String::new(), ..good_card() };
        assert!(card_problems(&maestro, &[], 2026, 11).is_empty());
        assert_eq!(wire(method_body(None, Some(&maestro), None, (2026, 11)))["card"]["cvc"], "");
        let visa = CardInput { cvc: String::new(), ..good_card() };
        assert_eq!(card_problems(&visa, &[], 2026, 11), vec![(Field::Cvc, Msg::EnterSecurityCode)]);
        let amex_code_typed_first = CardInput { number: "378282246310005".into(), cvc: "1234".into(), ..good_card() };
        assert!(card_problems(&amex_code_typed_first, &[], 2026, 11).is_empty());
    }

    #[test]
    fn the_date_sent_is_the_date_shown() {
        for (typed, month, year) in [("12/2030", 12, 2030), ("9/27", 9, 2027), ("1/28", 1, 2028), ("122030", 12, 2030)] {
            let shown = card::format_expiry(typed);
            let c = CardInput { expiry: shown.clone(), ..good_card() };
            let card = &wire(method_body(None, Some(&c), None, (2026, 11)))["card"];
            assert_eq!((card["exp_month"].as_u64(), card["exp_year"].as_u64()), (Some(month), Some(year)), "{typed} shown as {shown}");
        }
    }

    #[test]
    fn bank_accounts() {
        let ok = BankInput { routing: "021000021".into(), account: "000123456789".into(), checking: true, holder: "Acme LLC".into() };
        assert!(bank_problems(&ok).is_empty());
        let bad = BankInput { routing: "021000022".into(), account: "12".into(), ..ok.clone() };
        assert_eq!(bank_problems(&bad).iter().map(|(f, _)| *f).collect::<Vec<_>>(), vec![Field::Routing, Field::Account]);
    }
}
