//! US bank account (ACH) and billing address rules. Pure.

/// An ABA routing number: nine digits whose weighted sum (3, 7, 1, …) is a multiple of 10.
pub fn routing_ok(s: &str) -> bool {
    let d: Vec<u32> = s.bytes().filter(u8::is_ascii_digit).map(|b| u32::from(b - b'0')).collect();
    if d.len() != 9 || s.len() != 9 {
        return false;
    }
    let sum: u32 = d.iter().zip([3, 7, 1].iter().cycle()).map(|(x, w)| x * w).sum();
    sum.is_multiple_of(10)
}

/// A US account number: 4 to 17 digits.
pub fn account_ok(s: &str) -> bool {
    (4..=17).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// Postal code rules for the countries we check; others need only be non-blank.
pub fn postal_ok(country: &str, code: &str) -> bool {
    let c = code.trim().to_ascii_uppercase();
    let b = c.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
    match country {
        "US" => {
            (c.len() == 5 && (0..5).all(digit)) || (c.len() == 10 && (0..5).all(digit) && b.get(5) == Some(&b'-') && (6..10).all(digit))
        }
        "CA" => {
            let c: String = c.chars().filter(|ch| *ch != ' ').collect();
            let b = c.as_bytes();
            let at = |i: usize, f: fn(&u8) -> bool| b.get(i).is_some_and(f);
            c.len() == 6
                && [0, 2, 4].iter().all(|&i| at(i, u8::is_ascii_alphabetic))
                && [1, 3, 5].iter().all(|&i| at(i, u8::is_ascii_digit))
        }
        "GB" => {
            // outward code (A9, A99, AA9, AA99, A9A, AA9A) + space + inward code (9AA)
            let Some((out, inward)) = c.split_once(' ') else { return false };
            let ib = inward.as_bytes();
            let inward_ok = matches!(ib, [a, b, c] if a.is_ascii_digit() && b.is_ascii_alphabetic() && c.is_ascii_alphabetic());
            let ob = out.as_bytes();
            let out_ok = (2..=4).contains(&ob.len())
                && ob.first().is_some_and(u8::is_ascii_alphabetic)
                && ob.iter().all(u8::is_ascii_alphanumeric)
                && ob.iter().skip(1).any(u8::is_ascii_digit);
            inward_ok && out_ok
        }
        _ => !c.is_empty() && c.len() <= 12 && (0..c.len()).all(|i| digit(i) || letter(i) || matches!(b.get(i), Some(b' ' | b'-'))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aba_checksum() {
        for ok in ["011000015", "021000021", "111000025", "122105155", "110000000"] {
            assert!(routing_ok(ok), "{ok}");
        }
        for bad in ["011000016", "02100002", "0210000211", "02100002a", ""] {
            assert!(!routing_ok(bad), "{bad}");
        }
    }

    #[test]
    fn account_numbers() {
        assert!(account_ok("000123456789"));
        assert!(!account_ok("123"));
        assert!(!account_ok("123456789012345678"));
        assert!(!account_ok("12345x"));
    }

    #[test]
    fn postal_codes() {
        assert!(postal_ok("US", "94103") && postal_ok("US", "94103-1234"));
        assert!(!postal_ok("US", "9410") && !postal_ok("US", "94103-12"));
        assert!(postal_ok("CA", "K1A 0B1") && postal_ok("CA", "k1a0b1"));
        assert!(!postal_ok("CA", "K1A 0B") && !postal_ok("CA", "11A 0B1"));
        assert!(postal_ok("GB", "SW1A 1AA") && postal_ok("GB", "M1 1AE") && postal_ok("GB", "ec1a 1bb"));
        assert!(!postal_ok("GB", "SW1A1AA") && !postal_ok("GB", "1W1A 1AA"));
        assert!(postal_ok("DE", "10115") && !postal_ok("DE", ""));
    }
}
