//! A merchant's appearance over the view's own palettes: one palette per colour scheme, and
//! every text/background pair held to WCAG AA. A pair that falls short goes back to the
//! scheme's defaults (both its variables), with a warning that names it. `style/main.css`
//! holds the same defaults (a test compares them).
use crate::contrast::ratio;
use crate::validate::Rgb;

/// The payer's colour scheme (`prefers-color-scheme`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
}

impl Scheme {
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }

    /// The view's own colours in this scheme, by variable name (without `--sv-`).
    pub fn defaults(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Scheme::Light => LIGHT,
            Scheme::Dark => DARK,
        }
    }

    fn default_of(self, short: &str) -> Option<&'static str> {
        self.defaults().iter().find(|(n, _)| *n == short).map(|(_, v)| *v)
    }
}

const LIGHT: &[(&str, &str)] = &[
    ("bg", "#f4f5f7"),
    ("surface", "#ffffff"),
    ("text", "#1a1d23"),
    ("muted", "#4f5662"),
    ("border", "#d9dde3"),
    ("focus", "#1a56db"),
    ("warn-bg", "#fdecea"),
    ("warn-text", "#8a2c0d"),
    ("ok-bg", "#e6f4ea"),
    ("ok-text", "#1e5631"),
];

const DARK: &[(&str, &str)] = &[
    ("bg", "#0f1114"),
    ("surface", "#1a1d22"),
    ("text", "#eef0f3"),
    ("muted", "#aab1bc"),
    ("border", "#343943"),
    ("focus", "#8ab4ff"),
    ("warn-bg", "#3b1d16"),
    ("warn-text", "#ffb59e"),
    ("ok-bg", "#16301f"),
    ("ok-text", "#a5e3b8"),
];

/// Text and what it sits on, as the stylesheet pairs them (links and focus rings use `focus`).
pub const PAIRS: &[(&str, &str)] = &[
    ("text", "bg"),
    ("text", "surface"),
    ("muted", "bg"),
    ("muted", "surface"),
    ("focus", "bg"),
    ("focus", "surface"),
    ("warn-text", "warn-bg"),
    ("ok-text", "ok-bg"),
];

/// WCAG 2.2 AA for normal text (the warning says it as text: formatting a float would cost
/// the frame's chunk kilobytes).
pub const MIN_RATIO: f64 = 4.5;

/// A merchant's variables applied over `scheme`'s defaults: the `(name, value)` pairs to set
/// (names with `--sv-`), and one warning per pair that fell short of [`MIN_RATIO`] (both of
/// its variables are then left to the defaults). `resolve(value, under)` gives a colour as
/// sRGB, composited over `under` (a value with alpha); `None` when it cannot be read, which
/// counts as falling short. Non-colour variables (font, radius) pass through.
pub fn apply(
    scheme: Scheme,
    chosen: &[(String, String)],
    resolve: impl Fn(&str, Rgb) -> Option<Rgb>,
) -> (Vec<(String, String)>, Vec<String>) {
    let short = |name: &str| name.strip_prefix("--sv-").unwrap_or(name).to_owned();
    let mut kept: Vec<(String, String)> = chosen.iter().map(|(n, v)| (short(n), v.clone())).collect();
    let mut warnings = Vec::new();
    let value = |kept: &[(String, String)], n: &str| -> Option<String> {
        kept.iter().rev().find(|(k, _)| k == n).map(|(_, v)| v.clone()).or_else(|| scheme.default_of(n).map(str::to_owned))
    };
    let page = scheme.default_of("bg").and_then(Rgb::parse).unwrap_or(crate::contrast::WHITE);
    for (fg, bg) in PAIRS {
        let set = |n: &str| kept.iter().any(|(k, _)| k == n);
        if !set(fg) && !set(bg) {
            continue; // our own pairs are held to AA by a test
        }
        let (Some(fg_value), Some(bg_value)) = (value(&kept, fg), value(&kept, bg)) else { continue };
        let under = resolve(&bg_value, page);
        let over = under.and_then(|b| resolve(&fg_value, b));
        let passes = matches!((over, under), (Some(f), Some(b)) if ratio(f, b) >= MIN_RATIO);
        if !passes {
            let shown = match (over, under) {
                (Some(f), Some(b)) => {
                    // In tenths, without float formatting (kilobytes in the frame's chunk).
                    let tenths = (ratio(f, b) * 10.0).round() as u32;
                    format!("{}.{}:1", tenths / 10, tenths % 10)
                }
                _ => "unreadable".to_owned(),
            };
            warnings.push(format!(
                "appearance --sv-{fg} on --sv-{bg} ({fg_value} on {bg_value}) has contrast {shown} in the {} scheme, below 4.5:1 (WCAG AA); the view's own colours are used for that pair",
                scheme.name()
            ));
            kept.retain(|(k, _)| k != fg && k != bg);
        }
    }
    (kept.into_iter().map(|(n, v)| (format!("--sv-{n}"), v)).collect(), warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(v: &str, _under: Rgb) -> Option<Rgb> {
        Rgb::parse(v)
    }
    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn our_own_palettes_meet_aa_on_every_pair() {
        for scheme in [Scheme::Light, Scheme::Dark] {
            for (fg, bg) in PAIRS {
                let c = |n| Rgb::parse(scheme.default_of(n).unwrap()).unwrap();
                assert!(ratio(c(fg), c(bg)) >= MIN_RATIO, "{scheme:?} {fg} on {bg}");
            }
        }
    }

    #[test]
    fn a_light_only_background_keeps_dark_mode_readable() {
        let chosen = pairs(&[("--sv-bg", "#ffffff"), ("--sv-radius", "4px")]);
        let (light, warned) = apply(Scheme::Light, &chosen, hex);
        assert_eq!(light, pairs(&[("--sv-bg", "#ffffff"), ("--sv-radius", "4px")]));
        assert!(warned.is_empty(), "{warned:?}");
        let (dark, warned) = apply(Scheme::Dark, &chosen, hex);
        assert_eq!(dark, pairs(&[("--sv-radius", "4px")]), "white behind dark mode's light text goes back to ours");
        assert_eq!(warned.len(), 1);
        assert!(warned[0].contains("--sv-text on --sv-bg") && warned[0].contains("dark"), "{}", warned[0]);
    }

    #[test]
    fn a_failing_pair_falls_back_whole_and_a_passing_one_stays() {
        let chosen =
            pairs(&[("--sv-warn-text", "#ffcccc"), ("--sv-warn-bg", "#ffffff"), ("--sv-ok-text", "#003300"), ("--sv-ok-bg", "#ccffcc")]);
        let (kept, warned) = apply(Scheme::Light, &chosen, hex);
        assert_eq!(kept, pairs(&[("--sv-ok-text", "#003300"), ("--sv-ok-bg", "#ccffcc")]));
        assert_eq!(warned.len(), 1);
        assert!(warned[0].contains("--sv-warn-text on --sv-warn-bg") && warned[0].contains("1.4:1"), "{}", warned[0]);
    }

    #[test]
    fn a_colour_that_cannot_be_read_falls_short() {
        let (kept, warned) = apply(Scheme::Light, &pairs(&[("--sv-text", "oklch(0.3 0.1 200)")]), hex);
        assert!(kept.is_empty());
        assert!(warned.iter().all(|w| w.contains("unreadable")) && !warned.is_empty());
    }

    #[test]
    fn the_stylesheet_holds_the_same_defaults() {
        let css = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../style/main.css")).unwrap();
        let dark_at = css.find("@media (prefers-color-scheme: dark)").unwrap();
        let (light_css, dark_css) = css.split_at(dark_at);
        let dark_css = &dark_css[..dark_css.find("\n}\n").unwrap()];
        for (scheme, text) in [(Scheme::Light, light_css), (Scheme::Dark, dark_css)] {
            for (n, v) in scheme.defaults() {
                assert!(text.contains(&format!("--sv-{n}: {v};")), "{scheme:?} --sv-{n}: {v} is not in style/main.css");
            }
        }
    }
}
