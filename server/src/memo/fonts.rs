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
    /// Latin text's size beside this Bangla, as a share of the Bangla's.
    latin_scale: f32,
}

/// The Bangla headline's (মাত্রা) height in em, from the top of ব: the
/// height Latin lower case is set against.
fn headline(face: &FontFace) -> Option<f32> {
    let glyph = face.face.glyph_index('ব')?;
    let top = face.face.glyph_bounding_box(glyph)?.y_max;
    (top > 0).then(|| top as f32 / face.units_per_em)
}

/// The shipped font files, in `FontKey` order.
const SHIPPED_FILES: [&[u8]; 4] = [
    include_bytes!("../../fonts/NotoSerifBengali-Regular.ttf"),
    include_bytes!("../../fonts/NotoSerifBengali-Bold.ttf"),
    include_bytes!("../../fonts/NotoSerif-Regular.ttf"),
    include_bytes!("../../fonts/NotoSerif-Bold.ttf"),
];

fn shipped_face(key: FontKey) -> FontFace {
    FontFace::new(SHIPPED_FILES[key.index()]).expect("shipped fonts parse")
}

impl Fonts {
    pub fn shipped() -> Fonts {
        Fonts {
            faces: FontKey::ALL.map(shipped_face),
            latin_scale: 1.0,
        }
    }

    /// The shipped Latin fonts with `bangla` (a TTF/OTF file's bytes) for
    /// Bangla, regular and bold alike: Nikosh and most office fonts have no bold.
    ///
    /// Noto Serif and Noto Serif Bengali are drawn to match at one size;
    /// another Bangla font is larger or smaller on its body (Nikosh is much
    /// smaller), so Latin text is scaled by the ratio of the two Bangla
    /// headlines and English words beside it keep the shipped proportion.
    pub fn with_bangla(bangla: &'static [u8]) -> Option<Fonts> {
        let face = FontFace::new(bangla)?;
        let latin_scale = match (headline(&face), headline(&shipped_face(FontKey::Bangla))) {
            (Some(own), Some(shipped)) => (own / shipped).clamp(0.75, 1.25),
            _ => 1.0,
        };
        Some(Fonts {
            faces: [
                face,
                FontFace::new(bangla)?,
                shipped_face(FontKey::Latin),
                shipped_face(FontKey::LatinBold),
            ],
            latin_scale,
        })
    }

    /// Latin text's size as a share of the Bangla's (1 for the shipped fonts).
    pub fn latin_scale(&self) -> f32 {
        self.latin_scale
    }

    pub fn get(&self, key: FontKey) -> &FontFace {
        &self.faces[key.index()]
    }
}

/// The fonts for an office's memos: the shipped ones, or its own Bangla font
/// installed at `path`. Each font file is read and parsed once per process
/// and kept (an installation configures a handful). A file that cannot be
/// read or parsed is logged and the shipped fonts are used: the memo still prints.
pub fn for_memo(path: &str) -> &'static Fonts {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static LOADED: Mutex<Option<HashMap<String, &'static Fonts>>> = Mutex::new(None);
    if path.is_empty() {
        return &SHIPPED;
    }
    let mut loaded = LOADED.lock().unwrap_or_else(|e| e.into_inner());
    let loaded = loaded.get_or_insert_with(HashMap::new);
    if let Some(fonts) = loaded.get(path) {
        return fonts;
    }
    let fonts = match std::fs::read(path) {
        Ok(bytes) => Fonts::with_bangla(Box::leak(bytes.into_boxed_slice())),
        Err(e) => {
            tracing::error!(path, error = %e, "the office's memo font cannot be read");
            None
        }
    };
    let fonts: &'static Fonts = match fonts {
        Some(f) => Box::leak(Box::new(f)),
        None => {
            tracing::error!(
                path,
                "the office's memo font is not usable; using the shipped one"
            );
            &SHIPPED
        }
    };
    loaded.insert(path.to_string(), fonts);
    fonts
}
