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
        }
    }

    /// The shipped Latin fonts with `bangla` (a TTF/OTF file's bytes) for
    /// Bangla, regular and bold alike: Nikosh and most office fonts have no bold.
    pub fn with_bangla(bangla: &'static [u8]) -> Option<Fonts> {
        Some(Fonts {
            faces: [
                FontFace::new(bangla)?,
                FontFace::new(bangla)?,
                shipped_face(FontKey::Latin),
                shipped_face(FontKey::LatinBold),
            ],
        })
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
