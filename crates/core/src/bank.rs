//! US bank account (ACH) rules. Pure.

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
}
