//! New-card rules: brand from the number's prefix, lengths, Luhn, grouping as typed,
//! expiry and security code. Pure: the current month is passed in. Card data handled here
//! is never logged or stored; the functions only compute.
use crate::model::Brand;

/// Brand from the leading digits (IIN ranges); `Brand::Other` when unknown.
pub fn brand_of(digits: &str) -> Brand {
    let prefix = |n: usize| digits.get(..n).and_then(|p| p.parse::<u32>().ok());
    if digits.starts_with('4') {
        Brand::Visa
    } else if matches!(prefix(2), Some(34 | 37)) {
        Brand::Amex
    } else if matches!(prefix(2), Some(51..=55)) || matches!(prefix(4), Some(2221..=2720)) {
        Brand::Mastercard
    } else if digits.starts_with("6011")
        || digits.starts_with("65")
        || matches!(prefix(3), Some(644..=649))
        || matches!(prefix(6), Some(622_126..=622_925))
    {
        Brand::Discover
    } else {
        Brand::Other(String::new())
    }
}

/// Valid lengths of a full number for `brand`.
pub fn lengths(brand: &Brand) -> &'static [usize] {
    match brand {
        Brand::Visa => &[13, 16, 19],
        Brand::Mastercard => &[16],
        Brand::Amex => &[15],
        Brand::Discover => &[16, 17, 18, 19],
        Brand::Other(_) => &[12, 13, 14, 15, 16, 17, 18, 19],
    }
}

pub fn max_length(brand: &Brand) -> usize {
    lengths(brand).iter().copied().max().unwrap_or(19)
}

/// Security code length: 4 for American Express, else 3.
pub fn cvc_length(brand: &Brand) -> usize {
    if *brand == Brand::Amex {
        4
    } else {
        3
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

/// Only the digits of what was typed or pasted, at most `max` of them.
pub fn digits_only(input: &str, max: usize) -> String {
    input.chars().filter(char::is_ascii_digit).take(max).collect()
}

/// Groups digits as printed on the card: Amex 4-6-5, others 4-4-4-4(-3).
pub fn group(digits: &str, brand: &Brand) -> String {
    let sizes: &[usize] = if *brand == Brand::Amex { &[4, 6, 5] } else { &[4, 4, 4, 4, 3] };
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
    /// Fails the Luhn check: a typo.
    Checksum,
    /// Not a month 1-12 / a two-digit year.
    ExpiryFormat,
    ExpiryPast,
    Cvc,
}

/// A full card number: right length for its brand and Luhn-valid.
pub fn check_number(digits: &str) -> Result<Brand, CardError> {
    if digits.is_empty() {
        return Err(CardError::Missing);
    }
    let brand = brand_of(digits);
    if !lengths(&brand).contains(&digits.len()) {
        return Err(CardError::Length);
    }
    if !luhn(digits) {
        return Err(CardError::Checksum);
    }
    Ok(brand)
}

/// Formats typed expiry input as `MM / YY` (a leading 2-9 becomes `0d`).
pub fn format_expiry(input: &str) -> String {
    let mut d = digits_only(input, 4);
    if d.len() == 1 && d.as_bytes().first().is_some_and(|&b| b > b'1') {
        d.insert(0, '0');
    }
    match (d.get(..2), d.get(2..)) {
        (Some(mm), Some(yy)) if !yy.is_empty() => format!("{mm} / {yy}"),
        _ => d,
    }
}

/// `MM / YY` (or `MMYY`, `MM/YY`) → (month, four-digit year), not before `now`.
pub fn check_expiry(input: &str, now_year: u32, now_month: u32) -> Result<(u32, u32), CardError> {
    let d = digits_only(input, 6);
    if d.is_empty() {
        return Err(CardError::Missing);
    }
    if d.len() != 4 {
        return Err(CardError::ExpiryFormat);
    }
    let (mm, yy) = d.split_at_checked(2).ok_or(CardError::ExpiryFormat)?;
    let month: u32 = mm.parse().map_err(|_| CardError::ExpiryFormat)?;
    let year: u32 = 2000 + yy.parse::<u32>().map_err(|_| CardError::ExpiryFormat)?;
    if !(1..=12).contains(&month) {
        return Err(CardError::ExpiryFormat);
    }
    if crate::time::card_expired(month, year, now_year, now_month) {
        return Err(CardError::ExpiryPast);
    }
    Ok((month, year))
}

pub fn check_cvc(cvc: &str, brand: &Brand) -> Result<(), CardError> {
    if cvc.is_empty() {
        Err(CardError::Missing)
    } else if cvc.len() == cvc_length(brand) && cvc.bytes().all(|b| b.is_ascii_digit()) {
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
        assert_eq!(check_number("37828224631000"), Err(CardError::Length), "amex is 15");
        assert_eq!(check_number("55555555555544440"), Err(CardError::Length), "mastercard is 16");
        assert_eq!(check_number(""), Err(CardError::Missing));
        assert!(!luhn("42a2"));
        assert_eq!(brand_of("9999"), Brand::Other(String::new()));
        assert_eq!(brand_of("2221"), Brand::Mastercard);
        assert_eq!(brand_of("2721"), Brand::Other(String::new()));
        assert_eq!(brand_of("622126"), Brand::Discover);
    }

    #[test]
    fn grouping_as_typed() {
        assert_eq!(group("4242424242424242", &Brand::Visa), "4242 4242 4242 4242");
        assert_eq!(group("42424", &Brand::Visa), "4242 4");
        assert_eq!(group("378282246310005", &Brand::Amex), "3782 822463 10005");
        assert_eq!(group("4242424242424242123", &Brand::Visa), "4242 4242 4242 4242 123");
        assert_eq!(digits_only("4242-4242 4242x4242 9999", 16), "4242424242424242");
    }

    #[test]
    fn expiry_this_month_is_valid() {
        assert_eq!(check_expiry("11 / 26", 2026, 11), Ok((11, 2026)));
        assert_eq!(check_expiry("1026", 2026, 11), Err(CardError::ExpiryPast));
        assert_eq!(check_expiry("12/26", 2026, 11), Ok((12, 2026)));
        assert_eq!(check_expiry("01/27", 2026, 12), Ok((1, 2027)));
        assert_eq!(check_expiry("13/27", 2026, 11), Err(CardError::ExpiryFormat));
        assert_eq!(check_expiry("00/27", 2026, 11), Err(CardError::ExpiryFormat));
        assert_eq!(check_expiry("1/2", 2026, 11), Err(CardError::ExpiryFormat));
        assert_eq!(check_expiry("", 2026, 11), Err(CardError::Missing));
        assert_eq!(format_expiry("4"), "04");
        assert_eq!(format_expiry("1"), "1");
        assert_eq!(format_expiry("1227"), "12 / 27");
        assert_eq!(format_expiry("12 / 2"), "12 / 2");
    }

    #[test]
    fn security_code_length_by_brand() {
        assert_eq!(check_cvc("123", &Brand::Visa), Ok(()));
        assert_eq!(check_cvc("1234", &Brand::Visa), Err(CardError::Cvc));
        assert_eq!(check_cvc("1234", &Brand::Amex), Ok(()));
        assert_eq!(check_cvc("123", &Brand::Amex), Err(CardError::Cvc));
        assert_eq!(check_cvc("", &Brand::Visa), Err(CardError::Missing));
    }
}
