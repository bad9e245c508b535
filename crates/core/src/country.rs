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

/// A postal code as `country` writes it, or `None` when it can't be one there. Case, spaces,
/// hyphens and full-width digits are forgiven: `sw1a1aa` is `SW1A 1AA` in GB, `941031234`
/// is `94103-1234` in the US. Countries without a rule of their own (or none chosen) take
/// any 1-12 letters, digits, spaces or hyphens, trimmed.
pub fn postal_code(country: &str, code: &str) -> Option<String> {
    let typed: String = code.trim().chars().map(|c| crate::digits::ascii_digit(c).unwrap_or(c).to_ascii_uppercase()).collect();
    let compact: String = typed.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    if country == "GB" {
        return uk_postcode(&compact);
    }
    if let Some((_, forms)) = POSTAL_FORMS.iter().find(|(countries, _)| countries.contains(&country)) {
        let (_, at, sep) = forms.iter().find(|(pattern, _, _)| shaped(&compact, pattern))?;
        return match at {
            0 => Some(compact),
            _ => compact.split_at_checked(*at).map(|(a, b)| format!("{a}{sep}{b}")),
        };
    }
    let words = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    let ok = !words.is_empty() && words.len() <= 12 && words.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-');
    ok.then_some(words)
}

/// A postal code's pattern, and where and with what its country writes a separator.
type PostalForm = (&'static str, usize, &'static str);

/// The postal code forms of the countries with a rule of their own (the UK's is
/// [`uk_postcode`]): each a pattern of the code without spaces or hyphens (`9` a digit, `A` a
/// letter, `X` either), and where the country writes a separator (at 0: none).
const POSTAL_FORMS: &[(&[&str], &[PostalForm])] = &[
    (&["US"], &[("99999", 0, ""), ("999999999", 5, "-")]),
    (&["CA"], &[("A9A9A9", 3, " ")]),
    (&["DE", "FR", "IT", "ES", "FI", "MX", "MY", "TH", "TR", "UA", "KR"], &[("99999", 0, "")]),
    (&["AU", "AT", "BE", "CH", "DK", "NO", "NZ", "ZA", "HU", "LU", "PH", "BG"], &[("9999", 0, "")]),
    (&["IN", "CN", "RU", "SG", "VN", "KZ"], &[("999999", 0, "")]),
    (&["NL"], &[("9999AA", 4, " ")]),
    (&["JP"], &[("9999999", 3, "-")]),
    (&["BR"], &[("99999999", 5, "-")]),
    (&["PL"], &[("99999", 2, "-")]),
    (&["SE", "CZ", "SK", "GR"], &[("99999", 3, " ")]),
    (&["PT"], &[("9999999", 4, "-")]),
    (&["IE"], &[("AXXXXXX", 3, " ")]),
];

/// Whether `code` has exactly the shape of `pattern` (see [`POSTAL_FORMS`]).
fn shaped(code: &str, pattern: &str) -> bool {
    code.len() == pattern.len()
        && code.bytes().zip(pattern.bytes()).all(|(c, p)| match p {
            b'9' => c.is_ascii_digit(),
            b'A' => c.is_ascii_uppercase(),
            _ => c.is_ascii_digit() || c.is_ascii_uppercase(),
        })
}

/// A UK postcode: an outward code (A9, A99, AA9, AA99, A9A, AA9A; or GIR) and an inward code
/// (9AA), written with one space between.
fn uk_postcode(compact: &str) -> Option<String> {
    let (outward, inward) = compact.split_at_checked(compact.len().checked_sub(3)?)?;
    let inward_ok = matches!(inward.as_bytes(), [d, a, b] if d.is_ascii_digit() && a.is_ascii_uppercase() && b.is_ascii_uppercase());
    let ob = outward.as_bytes();
    let outward_ok = (2..=4).contains(&ob.len())
        && ob.first().is_some_and(u8::is_ascii_uppercase)
        && ob.iter().all(u8::is_ascii_alphanumeric)
        && (ob.iter().any(u8::is_ascii_digit) || outward == "GIR");
    (inward_ok && outward_ok).then(|| format!("{outward} {inward}"))
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

    /// Postal codes as payers type them → as the country writes them (`None`: can't be one).
    #[test]
    fn postal_codes_as_payers_type_them() {
        let table: &[(&str, &str, Option<&str>)] = &[
            ("US", "94103", Some("94103")),
            ("US", "94103-1234", Some("94103-1234")),
            ("US", "941031234", Some("94103-1234")),
            ("US", "94103 1234", Some("94103-1234")),
            ("US", " ９４１０３ ", Some("94103")),
            ("US", "9410", None),
            ("US", "94103-12", None),
            ("US", "SW1A 1AA", None),
            ("CA", "K1A 0B1", Some("K1A 0B1")),
            ("CA", "k1a0b1", Some("K1A 0B1")),
            ("CA", "K1A 0B", None),
            ("CA", "11A 0B1", None),
            ("GB", "SW1A 1AA", Some("SW1A 1AA")),
            ("GB", "SW1A1AA", Some("SW1A 1AA")),
            ("GB", "sw1a  1aa", Some("SW1A 1AA")),
            ("GB", "M1 1AE", Some("M1 1AE")),
            ("GB", "ec1a 1bb", Some("EC1A 1BB")),
            ("GB", "GIR 0AA", Some("GIR 0AA")),
            ("GB", "1W1A 1AA", None),
            ("GB", "SW1A", None),
            ("GB", "", None),
            ("DE", "10115", Some("10115")),
            ("DE", "1011", None),
            ("NL", "1012ab", Some("1012 AB")),
            ("JP", "1000001", Some("100-0001")),
            ("JP", "100-0001", Some("100-0001")),
            ("BR", "01310100", Some("01310-100")),
            ("PL", "00950", Some("00-950")),
            ("SE", "11455", Some("114 55")),
            ("IE", "a65f4e2", Some("A65 F4E2")),
            ("AU", "2000", Some("2000")),
            ("IN", "110001", Some("110001")),
            ("PE", "lima 01", Some("LIMA 01")),
            ("", "  12345  ", Some("12345")),
            ("", "", None),
            ("", "<script>", None),
            ("", "1234567890123", None),
        ];
        for (country, typed, want) in table {
            assert_eq!(postal_code(country, typed).as_deref(), *want, "{country} {typed:?}");
            if let Some(shown) = want {
                assert_eq!(postal_code(country, shown).as_deref(), Some(*shown), "{country}: {shown:?} stays");
            }
        }
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
