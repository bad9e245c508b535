//! Countries for the billing address: every ISO 3166-1 alpha-2 code, which of them have no
//! postal codes, and the country a locale implies. Pure; the names come from the browser's
//! `Intl.DisplayNames` in the payer's language.

/// Every officially assigned ISO 3166-1 alpha-2 code (249).
pub const CODES: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD", "BE", "BF", "BG",
    "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI",
    "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH",
    "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ",
    "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT",
    "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS",
    "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU",
    "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG",
    "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK",
    "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU",
    "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// Countries and territories with no postal code system in use (the set address forms
/// commonly use, e.g. the Unicode CLDR / Google address data): the field is not asked there.
const WITHOUT_POSTAL_CODES: &[&str] = &[
    "AE", "AG", "AO", "AQ", "AW", "BF", "BI", "BJ", "BO", "BQ", "BS", "BV", "BW", "BZ", "CD", "CF", "CG", "CI", "CK", "CM", "CW", "DJ",
    "DM", "ER", "FJ", "GA", "GD", "GH", "GM", "GQ", "GY", "HK", "HM", "JM", "KI", "KM", "KN", "KP", "LY", "ML", "MO", "MR", "NR", "NU",
    "QA", "RW", "SB", "SC", "SL", "SR", "SS", "ST", "SX", "SY", "TD", "TF", "TG", "TK", "TL", "TO", "TV", "UG", "VU", "YE", "ZW",
];

/// `code` is an assigned ISO 3166-1 alpha-2 code.
pub fn is_code(code: &str) -> bool {
    CODES.contains(&code)
}

/// Whether an address in `code` has a postal code. An unknown or empty country: yes (ask).
pub fn has_postal_codes(code: &str) -> bool {
    !WITHOUT_POSTAL_CODES.contains(&code)
}

/// The country a BCP 47 locale names in its region subtag (`en-GB` → GB, `pt-BR` → BR,
/// `zh-Hant-TW` → TW), if it is one; a bare language (`ja`) or a UN region (`es-419`) names none.
pub fn from_locale(tag: &str) -> Option<&'static str> {
    tag.split(['-', '_']).skip(1).find(|s| s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic())).and_then(|region| {
        let upper = region.to_ascii_uppercase();
        CODES.iter().find(|c| **c == upper).copied()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_assigned_code_once_sorted() {
        assert_eq!(CODES.len(), 249);
        assert!(CODES.windows(2).all(|w| matches!(w, [a, b] if a < b)), "sorted, no duplicates");
        for c in ["PL", "IN", "BR", "CN", "US", "AX", "SS"] {
            assert!(is_code(c), "{c}");
        }
        assert!(!is_code("XK"), "not ISO 3166-1 assigned");
        assert!(!is_code("UK"));
    }

    #[test]
    fn postal_codes_where_they_exist() {
        for c in ["US", "GB", "DE", "PL", "IN", "BR", "CN", "JP", ""] {
            assert!(has_postal_codes(c), "{c}");
        }
        for c in ["AE", "HK", "QA", "JM"] {
            assert!(!has_postal_codes(c), "{c}");
        }
        assert!(WITHOUT_POSTAL_CODES.iter().all(|c| is_code(c)));
    }

    #[test]
    fn a_locale_implies_its_country() {
        assert_eq!(from_locale("en-GB"), Some("GB"));
        assert_eq!(from_locale("pt-BR"), Some("BR"));
        assert_eq!(from_locale("de-at"), Some("AT"));
        assert_eq!(from_locale("zh-Hant-TW"), Some("TW"));
        assert_eq!(from_locale("ja"), None);
        assert_eq!(from_locale("es-419"), None);
        assert_eq!(from_locale("en-ZZ"), None);
    }
}
