//! Digits as payers type, paste or autofill them: ASCII, Arabic-Indic, extended
//! Arabic-Indic and full-width digits all read as ASCII. Pure.

/// `c` as an ASCII digit, from any of the scripts above; `None` for anything else.
pub fn ascii_digit(c: char) -> Option<char> {
    let from = |zero: char| char::from_digit(c as u32 - zero as u32, 10);
    match c {
        '0'..='9' => Some(c),
        '\u{0660}'..='\u{0669}' => from('\u{0660}'),
        '\u{06F0}'..='\u{06F9}' => from('\u{06F0}'),
        '\u{FF10}'..='\u{FF19}' => from('\u{FF10}'),
        _ => None,
    }
}

/// Only the digits of `input`, as ASCII, at most `max` of them.
pub fn only(input: &str, max: usize) -> String {
    input.chars().filter_map(ascii_digit).take(max).collect()
}

/// The runs of digits in `input` (as ASCII), and whether anything but digits follows the first.
pub fn runs(input: &str) -> (Vec<String>, bool) {
    let mut runs: Vec<String> = Vec::new();
    let mut in_run = false;
    let mut after_first = false;
    for c in input.chars() {
        match ascii_digit(c) {
            Some(d) => {
                if !in_run {
                    runs.push(String::new());
                }
                if let Some(run) = runs.last_mut() {
                    run.push(d);
                }
                in_run = true;
            }
            None => {
                after_first |= runs.len() == 1;
                in_run = false;
            }
        }
    }
    (runs, after_first)
}

/// Where the caret goes in `shown` when the payer's caret was at UTF-16 offset `caret` in
/// `raw`: at the end when nothing typed came after it; after as many digits as were before
/// it when digits were only regrouped or cut; and with as many digits after it as before
/// when formatting inserted some (a month's leading zero).
pub fn caret_after(raw: &str, caret: usize, shown: &str) -> usize {
    let is_digit = |c: &char| ascii_digit(*c).is_some();
    let utf16_end = |s: &str| s.encode_utf16().count();
    let mut before = 0usize;
    let mut after = 0usize;
    let mut offset = 0usize;
    for c in raw.chars() {
        if is_digit(&c) {
            if offset < caret {
                before += 1;
            } else {
                after += 1;
            }
        }
        offset += c.len_utf16();
    }
    let total = shown.chars().filter(is_digit).count();
    if after == 0 {
        return utf16_end(shown);
    }
    let keep = if total > before + after { total - after } else { before.min(total) };
    let mut seen = 0usize;
    let mut pos = 0usize;
    for c in shown.chars() {
        if seen == keep {
            return pos;
        }
        if is_digit(&c) {
            seen += 1;
        }
        pos += c.len_utf16();
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_reads_as_ascii() {
        assert_eq!(only("１２/３０", 9), "1230");
        assert_eq!(only("١٢/٣٠", 9), "1230");
        assert_eq!(only("۱۲/۳۰", 9), "1230");
        assert_eq!(only("Exp: 12/30 ✓\u{200f}", 9), "1230");
        assert_eq!(only("123456", 4), "1234");
    }

    /// `|` marks the caret, before and after the field reformats.
    #[test]
    fn the_caret_stays_with_what_was_typed() {
        let at = |s: &str| (s.replace('|', ""), s.find('|').unwrap());
        for (before, after) in [
            ("9|", "09|"),                                       // a month padded: after the digit typed, not before it
            ("1/|", "01 / |"),                                   // the separator typed: after it
            ("12 / 2030|", "12 / 30|"),                          // a four-digit year shortened
            ("4242 42424| 4242 4242", "4242 4242 4|424 2424 2"), // a digit typed in the middle
            ("4242 4|242 4242 42421", "4242 4|242 4242 4242"),   // the number full: the last digit cut
            ("0|9 / 27", "0|9 / 27"),
            ("|9 / 27", "0|9 / 27"), // a zero inserted before the caret
        ] {
            let (raw, caret) = at(before);
            let (shown, want) = at(after);
            assert_eq!(caret_after(&raw, caret, &shown), want, "{before} -> {after}");
        }
        assert_eq!(caret_after("１|２", 1, "12"), 1, "a full-width digit is one UTF-16 unit");
    }

    #[test]
    fn runs_and_what_follows_the_first() {
        assert_eq!(runs("12 / 30"), (vec!["12".to_owned(), "30".to_owned()], true));
        assert_eq!(runs("9/"), (vec!["9".to_owned()], true));
        assert_eq!(runs("Exp 9"), (vec!["9".to_owned()], false));
        assert_eq!(runs(""), (vec![], false));
    }
}
