use super::*;
use std::collections::BTreeMap;

fn placeholders(s: &str) -> BTreeMap<&str, usize> {
    let mut out = BTreeMap::new();
    for p in parts(s) {
        if let Part::Arg(a) = p {
            *out.entry(a).or_insert(0) += 1;
        }
    }
    out
}

/// The messages that may read the same as English in a language (a word both share).
const SAME_AS_ENGLISH: &[(Lang, Msg)] =
    &[(Lang::Es, Msg::Total), (Lang::Fr, Msg::Total), (Lang::PtBr, Msg::Total), (Lang::PtBr, Msg::Item)];

#[test]
fn every_catalogue_has_every_message_with_the_same_placeholders() {
    // A missing key does not compile (each catalogue is one exhaustive `match`); this checks
    // what the compiler cannot: the text itself.
    assert!(Msg::ALL.len() > 150, "the catalogue lost messages: {}", Msg::ALL.len());
    let mut problems = Vec::new();
    for &lang in &Lang::ALL {
        for &m in Msg::ALL {
            let en = m.english();
            let text = lang.text(m);
            if text.trim().is_empty() {
                problems.push(format!("{lang:?} {m:?}: empty"));
            }
            if placeholders(text) != placeholders(en) {
                problems.push(format!("{lang:?} {m:?}: placeholders {:?}, English has {:?}", placeholders(text), placeholders(en)));
            }
            if lang != Lang::En && text == en && !SAME_AS_ENGLISH.contains(&(lang, m)) {
                problems.push(format!("{lang:?} {m:?}: still in English ({en:?})"));
            }
            if text.contains('{') != en.contains('{') || text.matches('{').count() != text.matches('}').count() {
                problems.push(format!("{lang:?} {m:?}: unbalanced braces"));
            }
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_check_would_catch_a_placeholder_a_translation_lost() {
    // The comparison the test above makes, on a known-bad pair.
    assert_ne!(placeholders("Pagar"), placeholders(Msg::PayAmount.english()));
    assert_ne!(placeholders("{amount} {amount}"), placeholders("{amount}"));
    assert_eq!(placeholders("Pagar {amount}"), placeholders(Msg::PayAmount.english()));
}

#[test]
fn every_message_is_used_and_no_other_source_file_speaks_english_to_the_payer() {
    // Each `Msg` is named somewhere outside the catalogue (a dead key is a string nobody
    // translates for nothing).
    let mut source = String::new();
    // The core's sources and the view's (the workspace root's `src/`).
    let mut stack = vec![
        std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../src")),
    ];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() && !path.ends_with("i18n") {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                source.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    let unused: Vec<_> = Msg::ALL
        .iter()
        .filter(|m| {
            let name = format!("{m:?}");
            !source.match_indices(&name).any(|(i, _)| {
                let before = source.get(..i).unwrap_or_default();
                let after = source.get(i + name.len()..).unwrap_or_default();
                before.ends_with("Msg::") && !after.starts_with(|c: char| c.is_alphanumeric() || c == '_')
            })
        })
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

#[test]
fn the_language_comes_from_the_first_tag_with_a_catalogue() {
    assert_eq!(negotiate(["fr-CA", "en"]), (Lang::Fr, Some("fr-CA")));
    assert_eq!(negotiate(["zh-CN", "de-AT", "en"]), (Lang::De, Some("de-AT")), "the browser's second choice");
    assert_eq!(negotiate(["pt-PT"]).0, Lang::PtBr);
    assert_eq!(negotiate(["PT-br"]).0, Lang::PtBr, "any case");
    assert_eq!(negotiate(["pt_BR", "de"]).0, Lang::De, "not a BCP 47 tag: skipped");
    assert_eq!(negotiate(["ar-EG"]), (Lang::Ar, Some("ar-EG")));
    assert_eq!(negotiate(["zh", "ko"]), (Lang::En, None), "none bundled: English");
    assert_eq!(negotiate(Vec::<&str>::new()), (Lang::En, None));
    assert_eq!(negotiate(["ja\"><script>", "es"]), (Lang::Es, Some("es")), "a tag that is not a tag is skipped");
    let browser = ["de-AT".to_owned(), "en".to_owned()];
    assert_eq!(wanted(Some("ja"), &browser), Lang::Ja, "the mount option first");
    assert_eq!(wanted(None, &browser), Lang::De, "then the browser's languages");
    assert_eq!(wanted(Some("zh"), &browser), Lang::De, "an option without a catalogue falls through");
    assert_eq!(Lang::Ar.dir(), "rtl");
    assert!(Lang::ALL.iter().filter(|l| l.dir() == "rtl").count() == 1);
    for l in Lang::ALL {
        assert_eq!(Lang::from_tag(l.tag()), Some(l), "{l:?} round-trips");
        assert!(is_tag(l.tag()));
    }
}

#[test]
fn only_well_formed_language_tags_pass() {
    for good in ["en", "pt-BR", "zh-Hant-TW", "de-DE-u-co-phonebk", "ast"] {
        assert!(is_tag(good), "{good}");
    }
    for bad in ["", "e", "english", "en-", "en--US", "en US", "1a", "en_US", "ja\"", &"a".repeat(40)] {
        assert!(!is_tag(bad), "{bad}");
    }
}

#[test]
fn placeholders_split_and_fill() {
    assert_eq!(parts("Pay {amount} now"), vec![Part::Text("Pay "), Part::Arg("amount"), Part::Text(" now")]);
    assert_eq!(parts("{a}{b}"), vec![Part::Arg("a"), Part::Arg("b")]);
    assert_eq!(parts("no args"), vec![Part::Text("no args")]);
    assert_eq!(parts("open { only"), vec![Part::Text("open { only")]);
    assert_eq!(parts(""), vec![]);
    assert_eq!(fill("Pagar {amount}", &[("amount", "49,99 €")]), "Pagar 49,99 €");
    assert_eq!(fill("{x} and {y}", &[("x", "1")]), "1 and {y}", "an unknown name stays visible, never panics");
    assert_eq!(fill("ادفع {amount}", &[("amount", "{amount}")]), "ادفع {amount}", "a value is not expanded again");
}

#[test]
fn the_merchant_modules_texts_are_the_catalogues() {
    for lang in Lang::ALL {
        let t = lang.frame_texts();
        assert_eq!(
            [t.checkout, t.unreachable_title, t.unreachable_body, t.try_again],
            [Msg::Checkout, Msg::UnreachableTitle, Msg::UnreachableBody, Msg::TryAgain].map(|m| lang.text(m)),
            "{lang:?}"
        );
    }
    assert_ne!(Lang::De.frame_texts(), Lang::En.frame_texts());
}
