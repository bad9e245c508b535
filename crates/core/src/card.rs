//! New-card rules: brand from the number's prefix, lengths, Luhn, grouping as typed,
//! expiry and security code. Pure: the current month is passed in. Card data handled here
//! is never logged or stored; the functions only compute.
use crate::digits;
use crate::model::Brand;

/// Elo's issuer ranges (six-digit prefixes, inclusive), published by the scheme; checked
/// before Visa, Discover and Maestro, whose ranges they sit inside.
const ELO: &[(u32, u32)] = &[
    (401_178, 401_179),
    (431_274, 431_274),
    (438_935, 438_935),
    (451_416, 451_416),
    (457_393, 457_393),
    (457_631, 457_632),
    (504_175, 504_175),
    (506_699, 506_778),
    (509_000, 509_999),
    (627_780, 627_780),
    (636_297, 636_297),
    (636_368, 636_368),
    (650_031, 650_033),
    (650_035, 650_051),
    (650_405, 650_439),
    (650_485, 650_538),
    (650_541, 650_598),
    (650_700, 650_718),
    (650_720, 650_727),
    (650_901, 650_978),
    (651_652, 651_679),
    (655_000, 655_019),
    (655_021, 655_058),
];

/// Brand from the leading digits (IIN ranges); `Brand::Other` when unknown.
pub fn brand_of(digits: &str) -> Brand {
    let prefix = |n: usize| digits.get(..n).and_then(|p| p.parse::<u32>().ok());
    let six = prefix(6);
    if six.is_some_and(|p| ELO.iter().any(|(lo, hi)| (*lo..=*hi).contains(&p))) {
        Brand::Elo
    } else if digits.starts_with('4') {
        Brand::Visa
    } else if matches!(prefix(2), Some(34 | 37)) {
        Brand::Amex
    } else if matches!(prefix(4), Some(2200..=2204)) {
        Brand::Mir
    } else if matches!(prefix(2), Some(51..=55)) || matches!(prefix(4), Some(2221..=2720)) {
        Brand::Mastercard
    } else if digits.starts_with("6011")
        || digits.starts_with("65")
        || matches!(prefix(3), Some(644..=649))
        || matches!(six, Some(622_126..=622_925))
    {
        Brand::Discover
    } else if digits.starts_with("62") || matches!(prefix(4), Some(8100..=8171)) {
        Brand::Unionpay
    } else if matches!(prefix(4), Some(3528..=3589)) {
        Brand::Jcb
    } else if matches!(prefix(3), Some(300..=305)) || matches!(prefix(2), Some(36 | 38 | 39)) || digits.starts_with("3095") {
        Brand::Diners
    } else if matches!(prefix(4), Some(5018 | 5020 | 5038 | 5893 | 6304 | 6703 | 6759 | 6761..=6763)) {
        Brand::Maestro
    } else if digits.starts_with('1') {
        Brand::Uatp
    } else {
        Brand::Other(String::new())
    }
}

/// Valid lengths of a full number for `brand`.
pub fn lengths(brand: &Brand) -> &'static [usize] {
    match brand {
        Brand::Visa => &[13, 16, 18, 19],
        Brand::Mastercard | Brand::Elo => &[16],
        Brand::Amex | Brand::Uatp => &[15],
        Brand::Discover | Brand::Jcb | Brand::Unionpay | Brand::Mir => &[16, 17, 18, 19],
        Brand::Diners => &[14, 15, 16, 17, 18, 19],
        Brand::Maestro | Brand::Other(_) => &[12, 13, 14, 15, 16, 17, 18, 19],
    }
}

pub fn max_length(brand: &Brand) -> usize {
    lengths(brand).iter().copied().max().unwrap_or(19)
}

/// Whether a number of `brand` must pass the Luhn check. UnionPay's rules do not bind its
/// issuers to it, and cards that fail it are in use (card-validator, the card libraries
/// Braintree publishes, skips the check for UnionPay by default for that reason).
fn luhn_required(brand: &Brand) -> bool {
    *brand != Brand::Unionpay
}

/// The security code a brand prints: its length, and whether a card may have none.
/// Maestro: Mastercard's rules leave CVC2 to the issuer, and many Maestro and Bancontact
/// (a Maestro range) cards carry none. UATP cards carry no security code at all.
pub fn code_rule(brand: &Brand) -> (usize, bool) {
    match brand {
        Brand::Amex => (4, false),
        Brand::Maestro | Brand::Uatp => (3, true),
        _ => (3, false),
    }
}

/// Security code length: 4 for American Express, else 3.
pub fn cvc_length(brand: &Brand) -> usize {
    code_rule(brand).0
}

/// Whether a card of `brand` may be paid with no security code.
pub fn cvc_optional(brand: &Brand) -> bool {
    code_rule(brand).1
}

/// How many digits the code field keeps while the payer types: the brand's length once the
/// number says which brand it is, 4 until then (a code may be typed before the number).
pub fn cvc_typing_max(number: &str) -> usize {
    match brand_of(number) {
        Brand::Other(_) => 4,
        b => cvc_length(&b),
    }
}

/// The Luhn checksum over ASCII digits.
pub fn luhn(digits: &str) -> bool {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                if d * 2 > 9 {
                    d * 2 - 9
                } else {
                    d * 2
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Only the digits of what was typed or pasted (full-width and Arabic-Indic digits read as
/// ASCII), at most `max` of them.
pub fn digits_only(input: &str, max: usize) -> String {
    digits::only(input, max)
}

/// Groups digits as printed on the card: Amex 4-6-5, UATP 4-5-6, others 4-4-4-4(-3).
pub fn group(digits: &str, brand: &Brand) -> String {
    let sizes: &[usize] = match brand {
        Brand::Amex => &[4, 6, 5],
        Brand::Uatp => &[4, 5, 6],
        _ => &[4, 4, 4, 4, 3],
    };
    let mut out = String::with_capacity(digits.len() + 4);
    let mut chars = digits.chars().peekable();
    for &size in sizes {
        if chars.peek().is_none() {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(chars.by_ref().take(size));
    }
    out.extend(chars); // anything past the last group (never for a valid number)
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardError {
    Missing,
    /// Too short or too long for the brand.
    Length,
    /// Fails the Luhn check (a typo), or cannot be a card at all (all zeros).
    Checksum,
    /// Not a month 1-12 and a year of two or four digits, or more than 20 years ahead.
    ExpiryFormat,
    ExpiryPast,
    Cvc,
}

/// A full card number: right length for its brand, Luhn-valid where the brand uses it, and
/// not all zeros.
pub fn check_number(digits: &str) -> Result<Brand, CardError> {
    if digits.is_empty() {
        return Err(CardError::Missing);
    }
    let brand = brand_of(digits);
    if !lengths(&brand).contains(&digits.len()) {
        return Err(CardError::Length);
    }
    if digits.bytes().all(|b| b == b'0') || (luhn_required(&brand) && !luhn(digits)) {
        return Err(CardError::Checksum);
    }
    Ok(brand)
}

/// The furthest a card's expiry may lie ahead; a date past it is a typing slip.
pub const EXPIRY_YEARS_AHEAD: u32 = 20;

/// The month and year digits the payer means, however they typed, pasted or autofilled
/// them: `MM/YY`, `MM/YYYY`, `M/YY`, `M/YYYY`, `YYYY-MM`, with `/`, `-`, spaces or nothing
/// between; a lone month digit 2-9 (or 1 then 3-9) is that month. At most 8 digits.
fn expiry_parts(input: &str) -> Option<(String, String, bool)> {
    let (mut runs, separated) = digits::runs(input);
    let mut budget = 8usize;
    for run in &mut runs {
        run.truncate(budget);
        budget -= run.len();
    }
    runs.retain(|r| !r.is_empty());
    let first = runs.first()?.clone();
    let pad = |m: String| if m.len() == 1 && m != "0" { format!("0{m}") } else { m };
    let (month, year) = match runs.get(1) {
        // `2030-12`, as a month input or a date picker writes it.
        Some(second) if first.len() == 4 && first.starts_with("20") && second.len() <= 2 => (pad(second.clone()), first),
        Some(_) if first.len() <= 2 => (pad(first), runs.get(1..).unwrap_or_default().concat()),
        _ if runs.len() == 1 && separated && first.len() <= 2 => (pad(first), String::new()),
        _ => {
            // One run of digits: `MMYY`, `MMYYYY`, or a month being typed.
            let d = runs.concat();
            let lead = d.chars().next()?;
            let lone_month = ('2'..='9').contains(&lead) || (d.len() == 2 && lead == '1' && d.chars().nth(1).is_some_and(|c| c > '2'));
            if lone_month {
                (format!("0{lead}"), d.get(1..)?.to_owned())
            } else {
                let (m, y) = d.split_at_checked(2.min(d.len()))?;
                (m.to_owned(), y.to_owned())
            }
        }
    };
    let year = if year.len() == 4 && year.starts_with("20") { year.get(2..)?.to_owned() } else { year };
    Some((month, year, separated))
}

/// What the expiry field shows for what was typed, pasted or autofilled: `MM / YY` (a
/// four-digit year 20YY shows as YY), `MM / ` once a separator follows a whole month, and a
/// lone month as typed so far. Formatting what it shows again changes nothing.
pub fn format_expiry(input: &str) -> String {
    match expiry_parts(input) {
        None => String::new(),
        Some((month, year, _)) if !year.is_empty() => format!("{month} / {year}"),
        Some((month, _, open)) if open && month.len() == 2 => format!("{month} / "),
        Some((month, _, _)) => month,
    }
}

/// The expiry the field shows, read exactly as [`format_expiry`] shows it → (month,
/// four-digit year): a month 1-12, a year of two or four digits, not before `now`, and at
/// most [`EXPIRY_YEARS_AHEAD`] years ahead.
pub fn check_expiry(input: &str, now_year: u32, now_month: u32) -> Result<(u32, u32), CardError> {
    let Some((mm, yy, _)) = expiry_parts(input) else { return Err(CardError::Missing) };
    let month: u32 = mm.parse().map_err(|_| CardError::ExpiryFormat)?;
    let year: u32 = match yy.len() {
        2 => 2000 + yy.parse::<u32>().map_err(|_| CardError::ExpiryFormat)?,
        4 => yy.parse().map_err(|_| CardError::ExpiryFormat)?,
        _ => return Err(CardError::ExpiryFormat),
    };
    if mm.len() != 2 || !(1..=12).contains(&month) || year > now_year + EXPIRY_YEARS_AHEAD {
        return Err(CardError::ExpiryFormat);
    }
    if crate::time::card_expired(month, year, now_year, now_month) {
        return Err(CardError::ExpiryPast);
    }
    Ok((month, year))
}

/// The code as typed, judged against the brand the number has now.
pub fn check_cvc(cvc: &str, brand: &Brand) -> Result<(), CardError> {
    let (length, optional) = code_rule(brand);
    if cvc.is_empty() {
        if optional {
            Ok(())
        } else {
            Err(CardError::Missing)
        }
    } else if cvc.len() == length && cvc.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(CardError::Cvc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Public test numbers published by the networks and processors.
    const CARDS: &[(&str, Brand)] = &[
        ("4242424242424242", Brand::Visa),
        ("4000056655665556", Brand::Visa),
        ("4012888888881881", Brand::Visa),
        ("4222222222222", Brand::Visa),
        ("4242424242424242428", Brand::Visa),
        ("424242424242424242", Brand::Visa), // Visa issues 18 digits too
        ("5555555555554444", Brand::Mastercard),
        ("5105105105105100", Brand::Mastercard),
        ("2223003122003222", Brand::Mastercard),
        ("2720992720992729", Brand::Mastercard), // top of the 2-series range
        ("378282246310005", Brand::Amex),
        ("371449635398431", Brand::Amex),
        ("6011111111111117", Brand::Discover),
        ("6011000990139424", Brand::Discover),
        ("6445644564456445", Brand::Discover),
        ("6500000000000002", Brand::Discover),
        ("3566002020360505", Brand::Jcb),
        ("3530111333300000", Brand::Jcb),
        ("30569309025904", Brand::Diners),
        ("38520000023237", Brand::Diners),
        ("3056930009020004", Brand::Diners),
        ("6200000000000005", Brand::Unionpay),
        ("6205500000000000004", Brand::Unionpay),
        ("6759649826438453", Brand::Maestro),
        ("6703444444444449", Brand::Maestro), // Bancontact
        ("2200000000000004", Brand::Mir),
        ("5066991111111118", Brand::Elo),
        ("6362970000457013", Brand::Elo),
        ("135410014004955", Brand::Uatp),
    ];

    #[test]
    fn test_cards_pass_with_their_brand() {
        for (number, brand) in CARDS {
            assert_eq!(check_number(number), Ok(brand.clone()), "{number}");
        }
    }

    #[test]
    fn typos_and_lengths_fail() {
        assert_eq!(check_number("4242424242424241"), Err(CardError::Checksum));
        assert_eq!(check_number("424242424242424"), Err(CardError::Length));
        assert_eq!(check_number("42424242424242424"), Err(CardError::Length), "Visa has no 17");
        assert_eq!(check_number("37828224631000"), Err(CardError::Length), "amex is 15");
        assert_eq!(check_number("55555555555544440"), Err(CardError::Length), "mastercard is 16");
        assert_eq!(check_number("0000000000000000"), Err(CardError::Checksum), "all zeros passes Luhn but is no card");
        assert_eq!(check_number("6200000000000006"), Ok(Brand::Unionpay), "UnionPay without the Luhn check");
        assert_eq!(check_number("620000000000"), Err(CardError::Length));
        assert_eq!(check_number(""), Err(CardError::Missing));
        assert!(!luhn("42a2"));
        assert_eq!(brand_of("9999"), Brand::Other(String::new()));
        assert_eq!(brand_of("2221"), Brand::Mastercard);
        assert_eq!(brand_of("2721"), Brand::Other(String::new()));
        assert_eq!(brand_of("622126"), Brand::Discover, "co-branded Discover range");
        assert_eq!(brand_of("4011780000000000"), Brand::Elo);
        assert_eq!(brand_of("401177"), Brand::Visa);
    }

    #[test]
    fn grouping_as_typed() {
        assert_eq!(group("4242424242424242", &Brand::Visa), "4242 4242 4242 4242");
        assert_eq!(group("42424", &Brand::Visa), "4242 4");
        assert_eq!(group("378282246310005", &Brand::Amex), "3782 822463 10005");
        assert_eq!(group("4242424242424242123", &Brand::Visa), "4242 4242 4242 4242 123");
        assert_eq!(group("135410014004955", &Brand::Uatp), "1354 10014 004955");
        assert_eq!(digits_only("4242-4242 4242x4242 9999", 16), "4242424242424242");
        assert_eq!(digits_only("４２４２ ４２４２", 19), "42424242", "full-width digits are digits");
    }

    /// Every way a payer types, pastes or autofills an expiry: what the field shows, and
    /// what it means on 2026-11 (the month of, the same as sent).
    #[test]
    fn expiry_as_payers_enter_it() {
        type Want = Result<(u32, u32), CardError>;
        let table: &[(&str, &str, Want)] = &[
            ("12/30", "12 / 30", Ok((12, 2030))),
            ("12 / 30", "12 / 30", Ok((12, 2030))),
            ("1230", "12 / 30", Ok((12, 2030))),
            ("12-30", "12 / 30", Ok((12, 2030))),
            ("12/2030", "12 / 30", Ok((12, 2030))),
            ("12 / 2030", "12 / 30", Ok((12, 2030))),
            ("122030", "12 / 30", Ok((12, 2030))),
            ("12-2030", "12 / 30", Ok((12, 2030))),
            ("1/28", "01 / 28", Ok((1, 2028))),
            ("1 / 28", "01 / 28", Ok((1, 2028))),
            ("1/2028", "01 / 28", Ok((1, 2028))),
            ("9/27", "09 / 27", Ok((9, 2027))),
            ("927", "09 / 27", Ok((9, 2027))),
            ("5/28", "05 / 28", Ok((5, 2028))),
            ("3/27", "03 / 27", Ok((3, 2027))),
            ("6/31", "06 / 31", Ok((6, 2031))),
            ("2030-12", "12 / 30", Ok((12, 2030))),
            ("１２/３０", "12 / 30", Ok((12, 2030))),
            ("Exp: 12/30", "12 / 30", Ok((12, 2030))),
            ("\u{200f}12/30 💳", "12 / 30", Ok((12, 2030))),
            ("11 / 26", "11 / 26", Ok((11, 2026))),
            ("10/26", "10 / 26", Err(CardError::ExpiryPast)),
            ("12/1999", "12 / 1999", Err(CardError::ExpiryPast)),
            ("12/20", "12 / 20", Err(CardError::ExpiryPast)),
            ("12/47", "12 / 47", Err(CardError::ExpiryFormat)), // more than 20 years ahead
            ("12/46", "12 / 46", Ok((12, 2046))),
            ("13/27", "13 / 27", Err(CardError::ExpiryFormat)),
            ("00/27", "00 / 27", Err(CardError::ExpiryFormat)),
            ("12 / 2", "12 / 2", Err(CardError::ExpiryFormat)),
            ("12 / 203", "12 / 203", Err(CardError::ExpiryFormat)),
            ("12/", "12 / ", Err(CardError::ExpiryFormat)),
            ("12", "12", Err(CardError::ExpiryFormat)),
            ("9", "09", Err(CardError::ExpiryFormat)),
            ("1", "1", Err(CardError::ExpiryFormat)),
            ("13", "01 / 3", Err(CardError::ExpiryFormat)),
            ("abc", "", Err(CardError::Missing)),
            ("", "", Err(CardError::Missing)),
        ];
        for (typed, shown, want) in table {
            assert_eq!(format_expiry(typed), *shown, "{typed:?} shows");
            assert_eq!(format_expiry(shown), *shown, "{shown:?} shows as itself");
            assert_eq!(check_expiry(typed, 2026, 11), *want, "{typed:?} means");
            assert_eq!(check_expiry(shown, 2026, 11), *want, "{shown:?} means the same");
        }
    }

    /// Key by key, the field showing what the previous keys made (the view reformats each
    /// insertion; a deletion is kept as it is).
    #[test]
    fn expiry_typed_key_by_key() {
        for (keys, shown) in [("9/27", "09 / 27"), ("1/28", "01 / 28"), ("12/2030", "12 / 30"), ("122030", "12 / 30"), ("0927", "09 / 27")]
        {
            let mut field = String::new();
            for key in keys.chars() {
                field.push(key);
                field = format_expiry(&field);
            }
            assert_eq!(field, shown, "{keys}");
        }
    }

    #[test]
    fn security_code_length_by_brand() {
        assert_eq!(check_cvc("123", &Brand::Visa), Ok(()));
        assert_eq!(check_cvc("1234", &Brand::Visa), Err(CardError::Cvc));
        assert_eq!(check_cvc("1234", &Brand::Amex), Ok(()));
        assert_eq!(check_cvc("123", &Brand::Amex), Err(CardError::Cvc));
        assert_eq!(check_cvc("", &Brand::Visa), Err(CardError::Missing));
        assert_eq!(check_cvc("", &Brand::Maestro), Ok(()), "Maestro may have no code");
        assert_eq!(check_cvc("", &Brand::Uatp), Ok(()));
        assert_eq!(check_cvc("12", &Brand::Maestro), Err(CardError::Cvc));
        assert_eq!(cvc_typing_max(""), 4, "a code typed before the number keeps 4 digits");
        assert_eq!(cvc_typing_max("37"), 4);
        assert_eq!(cvc_typing_max("42"), 3);
    }
}
