//! The fonts a memo uses: Noto Serif Bengali for Bangla and Noto Serif for
//! Latin text, regular and bold, shipped in `server/fonts/` (SIL OFL 1.1).
use rustybuzz::Face;

/// Which of the four faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FontKey {
    Bangla,
    BanglaBold,
    Latin,
    LatinBold,
}

impl FontKey {
    pub const ALL: [FontKey; 4] = [
        FontKey::Bangla,
        FontKey::BanglaBold,
        FontKey::Latin,
        FontKey::LatinBold,
    ];

    pub fn index(self) -> usize {
        self as usize
    }
}

pub struct FontFace {
    pub face: Face<'static>,
    /// printpdf's parse of the same bytes, for embedding.
    pub pdf: printpdf::ParsedFont,
    pub units_per_em: f32,
}

impl FontFace {
    pub fn new(bytes: &'static [u8]) -> Option<FontFace> {
        let face = Face::from_slice(bytes, 0)?;
        let units_per_em = face.units_per_em() as f32;
        let pdf = printpdf::ParsedFont::from_bytes(bytes, 0, &mut Vec::new())?;
        Some(FontFace {
            face,
            pdf,
            units_per_em,
        })
    }

    pub fn has_glyph(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }
}

/// The shipped fonts, parsed once per process.
pub static SHIPPED: std::sync::LazyLock<Fonts> = std::sync::LazyLock::new(Fonts::shipped);

/// Parsed once per process (see `SHIPPED`) and shared.
pub struct Fonts {
    faces: [FontFace; 4],
}

impl Fonts {
    pub fn shipped() -> Fonts {
        let face = |bytes: &'static [u8]| FontFace::new(bytes).expect("shipped fonts parse");
        Fonts {
            faces: [
                face(include_bytes!("../../fonts/NotoSerifBengali-Regular.ttf")),
                face(include_bytes!("../../fonts/NotoSerifBengali-Bold.ttf")),
                face(include_bytes!("../../fonts/NotoSerif-Regular.ttf")),
                face(include_bytes!("../../fonts/NotoSerif-Bold.ttf")),
            ],
        }
    }

    pub fn get(&self, key: FontKey) -> &FontFace {
        &self.faces[key.index()]
    }
}
