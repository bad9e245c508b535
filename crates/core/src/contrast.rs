//! WCAG 2.x contrast: the text colour to put on a merchant's accent colour.
use crate::validate::Rgb;

fn channel(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// Relative luminance, WCAG 2.x definition.
pub fn luminance(c: Rgb) -> f64 {
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

/// Contrast ratio between two colours, 1.0 ..= 21.0.
pub fn ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
pub const BLACK: Rgb = Rgb(0x00, 0x00, 0x00);

/// Black or white, whichever contrasts more with `accent`. For every sRGB colour the
/// better of the two reaches at least 4.58:1, above WCAG AA's 4.5:1 for text.
pub fn ink_on(accent: Rgb) -> Rgb {
    if ratio(accent, WHITE) >= ratio(accent, BLACK) {
        WHITE
    } else {
        BLACK
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_ratios() {
        assert!((ratio(WHITE, BLACK) - 21.0).abs() < 1e-9);
        assert!((ratio(WHITE, WHITE) - 1.0).abs() < 1e-9);
        assert_eq!(ink_on(Rgb(0x63, 0x5b, 0xff)), WHITE);
        assert_eq!(ink_on(Rgb(0xff, 0xd7, 0x00)), BLACK);
    }

    #[test]
    fn every_accent_keeps_aa_text_contrast() {
        let mut worst = f64::MAX;
        for r in (0..=255u16).step_by(3) {
            for g in (0..=255u16).step_by(3) {
                for b in (0..=255u16).step_by(3) {
                    let c = Rgb(r as u8, g as u8, b as u8);
                    worst = worst.min(ratio(c, ink_on(c)));
                }
            }
        }
        assert!(worst >= 4.5, "worst contrast {worst}");
    }
}
