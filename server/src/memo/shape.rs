//! Shaping: text → positioned glyphs, one font per script run.
use super::fonts::{FontKey, Fonts};
use rustybuzz::UnicodeBuffer;
use std::cell::RefCell;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// One glyph, positioned relative to the start of its run, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Glyph {
    pub gid: u16,
    pub x: f32,
    pub y: f32,
}

/// Text in one font, shaped.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub font: FontKey,
    pub size: f32,
    pub text: String,
    pub glyphs: Vec<Glyph>,
    pub width: f32,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Bangla,
    Latin,
    Neutral,
}

fn script(c: char) -> Script {
    match c {
        '\u{0980}'..='\u{09FF}' | '\u{200C}' | '\u{200D}' | '\u{0964}' | '\u{0965}' => {
            Script::Bangla
        }
        c if c.is_alphabetic() => Script::Latin,
        _ => Script::Neutral,
    }
}

/// Splits `text` into runs of one script; spaces, digits and punctuation stay
/// with the run around them when its font has them.
fn script_runs(fonts: &Fonts, text: &str) -> Vec<(Script, String)> {
    let mut runs: Vec<(Script, String)> = vec![];
    let first_strong = text
        .chars()
        .map(script)
        .find(|s| *s != Script::Neutral)
        .unwrap_or(Script::Latin);
    for c in text.chars() {
        let s = match script(c) {
            Script::Neutral => {
                let current = runs.last().map(|r| r.0).unwrap_or(first_strong);
                if current == Script::Bangla && !fonts.get(FontKey::Bangla).has_glyph(c) {
                    Script::Latin
                } else {
                    current
                }
            }
            strong => strong,
        };
        match runs.last_mut() {
            Some((rs, buf)) if *rs == s => buf.push(c),
            _ => runs.push((s, c.to_string())),
        }
    }
    runs
}

/// Shapes `text` at `size` points.
pub fn shape(fonts: &Fonts, text: &str, weight: Weight, size: f32) -> Vec<Run> {
    script_runs(fonts, text)
        .into_iter()
        .map(|(script, text)| {
            let font = match (script, weight) {
                (Script::Bangla, Weight::Regular) => FontKey::Bangla,
                (Script::Bangla, Weight::Bold) => FontKey::BanglaBold,
                (_, Weight::Regular) => FontKey::Latin,
                (_, Weight::Bold) => FontKey::LatinBold,
            };
            let face = fonts.get(font);
            let size = match script {
                Script::Bangla => size,
                _ => size * fonts.latin_scale(),
            };
            let mut buffer = UnicodeBuffer::new();
            buffer.push_str(&text);
            buffer.guess_segment_properties();
            let shaped = rustybuzz::shape(&face.face, &[], buffer);
            let scale = size / face.units_per_em;
            let mut pen = 0.0;
            let glyphs = shaped
                .glyph_infos()
                .iter()
                .zip(shaped.glyph_positions())
                .map(|(info, pos)| {
                    let g = Glyph {
                        gid: info.glyph_id as u16,
                        x: pen + pos.x_offset as f32 * scale,
                        y: pos.y_offset as f32 * scale,
                    };
                    pen += pos.x_advance as f32 * scale;
                    g
                })
                .collect();
            Run {
                font,
                size,
                text,
                glyphs,
                width: pen,
            }
        })
        .collect()
}

/// Shapes text and remembers what it shaped. Minutes repeat their words
/// ("সেবা প্রদান প্রতিশ্রুতি") and every piece is followed by a space, so one
/// memo asks for the same shaping thousands of times; one `Shaper` lives for
/// one render.
pub struct Shaper<'f> {
    fonts: &'f Fonts,
    cache: RefCell<HashMap<(String, Weight, u32), Vec<Run>>>,
}

impl<'f> Shaper<'f> {
    pub fn new(fonts: &'f Fonts) -> Shaper<'f> {
        Shaper {
            fonts,
            cache: RefCell::default(),
        }
    }

    pub fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    pub fn shape(&self, text: &str, weight: Weight, size: f32) -> Vec<Run> {
        let key = (text.to_string(), weight, size.to_bits());
        if let Some(runs) = self.cache.borrow().get(&key) {
            return runs.clone();
        }
        let runs = shape(self.fonts, text, weight, size);
        self.cache.borrow_mut().insert(key, runs.clone());
        runs
    }
}

pub fn width(runs: &[Run]) -> f32 {
    runs.iter().map(|r| r.width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::LazyLock;

    static FONTS: LazyLock<Fonts> = LazyLock::new(Fonts::shipped);

    #[test]
    fn bangla_and_latin_get_their_own_fonts() {
        let runs = shape(
            &FONTS,
            "সহকারী কমিশনার (আইসিটি) ICT Officer",
            Weight::Regular,
            12.0,
        );
        let fonts: Vec<_> = runs.iter().map(|r| r.font).collect();
        assert_eq!(fonts, [FontKey::Bangla, FontKey::Latin]);
        assert_eq!(
            runs.iter().map(|r| r.text.as_str()).collect::<String>(),
            "সহকারী কমিশনার (আইসিটি) ICT Officer"
        );
        assert!(
            runs.iter().all(|r| r.glyphs.iter().all(|g| g.gid != 0)),
            "no missing glyphs"
        );
    }

    #[test]
    fn conjuncts_become_fewer_glyphs_than_characters() {
        // ন্ত্র is four code points (ন ্ ত ্ র = 5) shaped into one or two glyphs.
        let runs = shape(&FONTS, "মন্ত্রিপরিষদ", Weight::Regular, 12.0);
        assert_eq!(runs.len(), 1);
        assert!(runs[0].glyphs.len() < "মন্ত্রিপরিষদ".chars().count());
        assert!(runs[0].width > 0.0);
    }

    #[test]
    fn the_pre_base_vowel_sign_is_drawn_before_its_consonant() {
        // "কে": the vowel sign ে is typed after ক but drawn to its left.
        let runs = shape(&FONTS, "কে", Weight::Regular, 12.0);
        let face = FONTS.get(FontKey::Bangla);
        let ka = face.face.glyph_index('ক').unwrap().0;
        let first = runs[0].glyphs[0];
        assert_ne!(first.gid, ka, "the vowel sign comes first");
    }

    #[test]
    fn latin_beside_an_office_bangla_font_keeps_the_shipped_proportion() {
        assert_eq!(
            FONTS.latin_scale(),
            1.0,
            "the shipped pair matches at one size"
        );
        let path = "/usr/share/fonts/truetype/lohit-bengali/Lohit-Bengali.ttf";
        let lohit = std::fs::read(path).expect(
            "Lohit Bengali, a second Bangla font (scripts/setup installs fonts-lohit-beng-bengali)",
        );
        let fonts = Fonts::with_bangla(Box::leak(lohit.into_boxed_slice())).unwrap();
        // Lohit's headline stands at 500/769 em, Noto Serif Bengali's at 622/1000.
        let expected = (500.0 / 769.0) / 0.622;
        assert!(
            (fonts.latin_scale() - expected).abs() < 0.002,
            "{}",
            fonts.latin_scale()
        );
        let runs = shape(&fonts, "ব ICT", Weight::Regular, 10.0);
        assert_eq!(
            runs.iter().map(|r| r.size).collect::<Vec<_>>(),
            [10.0, 10.0 * fonts.latin_scale()]
        );
    }

    #[test]
    fn bold_is_wider_than_regular() {
        let text = "সভার কার্যবিবরণী";
        assert!(
            width(&shape(&FONTS, text, Weight::Bold, 12.0))
                > width(&shape(&FONTS, text, Weight::Regular, 12.0)) * 0.99
        );
    }
}
