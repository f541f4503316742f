//! What an uploaded evidence file is, judged by its bytes.

/// The kinds of evidence accepted, judged by the first bytes of the file,
/// never by its name: PDF, PNG, JPEG, and office documents (the zip-based
/// .docx/.xlsx/.pptx/.odt and the older OLE .doc/.xls).
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"\xFF\xD8\xFF") {
        Some("image/jpeg")
    } else if bytes.starts_with(b"PK\x03\x04") {
        // A zip: an office document names its parts near the start.
        let head = &bytes[..bytes.len().min(4096)];
        let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
        if has(b"word/") {
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        } else if has(b"xl/") {
            Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        } else if has(b"ppt/") {
            Some("application/vnd.openxmlformats-officedocument.presentationml.presentation")
        } else if has(b"[Content_Types].xml") || has(b"mimetypeapplication/vnd.oasis") {
            Some("application/octet-stream")
        } else {
            None
        }
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Some("application/msword")
    } else {
        None
    }
}

/// The largest evidence file accepted.
pub const MAX_EVIDENCE: usize = 10 * 1024 * 1024;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_is_judged_by_its_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some("application/pdf"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0..JFIF"), Some("image/jpeg"));
        assert_eq!(
            sniff(b"PK\x03\x04....word/document.xml"),
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        );
        assert_eq!(
            sniff(b"PK\x03\x04....xl/workbook.xml"),
            Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        );
        assert_eq!(sniff(b"PK\x03\x04 just a zip"), None);
        assert_eq!(sniff(b"MZ\x90\x00 an .exe named report.pdf"), None);
        assert_eq!(sniff(b"<html>"), None);
    }
}
