//! The memo PDF: the seed memo's text layer carries every word it prints;
//! what an office configures for its memos (a signature image per person and
//! its own installed Bangla font), set with the CLI and seen in the PDF.
use super::*;

/// A poppler tool's report on `pdf` (`pdfimages -list`, `pdftotext … -`).
fn tool(name: &str, pdf: &std::path::Path) -> String {
    let mut cmd = std::process::Command::new(name);
    match name {
        "pdfimages" => cmd.arg("-list").arg(pdf),
        "pdftotext" => cmd.arg(pdf).arg("-"),
        _ => cmd.arg(pdf),
    };
    let out = cmd
        .output()
        .unwrap_or_else(|_| panic!("{name} (poppler-utils) is installed: run scripts/setup"));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn signatures_and_an_office_font_reach_the_memo() {
    let dir = std::env::temp_dir().join(format!("sidhanto-memo-{}", Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}/memo.db?mode=rwc", dir.display());
    let run = |args: &[&str]| {
        let out = sidhanto(&url, args);
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr),
        )
    };
    assert!(run(&["load-demo"]).0);
    let seed = "../docs/examples/seed-004.json";
    let plain = dir.join("plain.pdf");
    assert!(run(&["render-memo", seed, "-o", plain.to_str().unwrap()]).0);
    assert_eq!(
        tool("pdfimages", &plain).lines().count(),
        2,
        "no images: header lines only"
    );
    assert!(tool("pdffonts", &plain).contains("NotoSerifBengali"));

    let (ok, said) = run(&[
        "set-signature",
        "--office",
        "rangpur-division",
        "--name",
        "মো: হাবিবুর রহমান",
        "tests/fixtures/signature.png",
    ]);
    assert!(ok, "{said}");
    let (ok, said) = run(&[
        "set-signature",
        "--office",
        "rangpur-division",
        "--name",
        "x",
        "Cargo.toml",
    ]);
    assert!(!ok && said.contains("not a PNG"), "{said}");
    let font = "/usr/share/fonts/truetype/noto/NotoSansBengali-Regular.ttf";
    let (ok, said) = run(&["set-memo-font", "--office", "rangpur-division", font]);
    assert!(ok, "{said}");
    let (ok, said) = run(&[
        "set-memo-font",
        "--office",
        "rangpur-division",
        "Cargo.toml",
    ]);
    assert!(!ok && said.contains("not a font"), "{said}");

    // A saved meeting (not a file) carries its people's signatures.
    let (ok, said) = run(&["import", seed]);
    assert!(ok, "{said}");
    let id = said.lines().last().unwrap().trim().to_string();
    let signed = dir.join("signed.pdf");
    assert!(run(&["render-memo", &id, "-o", signed.to_str().unwrap()]).0);
    let images = tool("pdfimages", &signed);
    let pictures = images
        .lines()
        .filter(|l| l.split_whitespace().nth(2) == Some("image"))
        .count();
    assert_eq!(pictures, 1, "one image, the chair's signature:\n{images}");
    assert!(images.contains(" 120    40 "), "{images}");
    let fonts = tool("pdffonts", &signed);
    assert!(
        fonts.contains("NotoSansBengali") && !fonts.contains("NotoSerifBengali"),
        "{fonts}"
    );
    // The text layer is still exact with another font.
    let layer = tool("pdftotext", &signed);
    assert!(layer.contains("সেবা প্রদান প্রতিশ্রুতি (সিটিজেন চার্টার)"));
    if let Ok(keep) = std::env::var("SIDHANTO_KEEP_PDF") {
        std::fs::copy(&signed, format!("{keep}/signed.pdf")).unwrap();
    }
    if let Ok(keep) = std::env::var("SIDHANTO_KEEP_PDF") {
        std::fs::copy(&signed, format!("{keep}/signed.pdf")).unwrap();
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Words as ../shared/tools/bangla-pdf-check counts them: split at spaces
/// and punctuation (a line may break after "/"), dots trimmed.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || ",;:!?()[]{}\"'“”‘’।|/–—-".contains(c))
        .map(|w| w.trim_matches('.').to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

#[tokio::test]
async fn the_seed_memo_pdf_carries_every_word_of_every_field() {
    let app = TestApp::with_demo().await;
    let id = app.meeting_id().await;
    let meeting = startup::services(app.db.clone())
        .meetings
        .for_memo(id)
        .await
        .unwrap();
    let session = app.login("viewer").await;
    let res = app
        .router
        .clone()
        .oneshot(
            Request::get(format!("/meetings/{id}/memo.pdf"))
                .header("host", HOST)
                .header("cookie", &session)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let pdf = res.into_body().collect().await.unwrap().to_bytes();
    assert!(pdf.starts_with(b"%PDF"));
    if let Ok(dir) = std::env::var("SIDHANTO_KEEP_PDF") {
        std::fs::write(format!("{dir}/seed-004.pdf"), &pdf).unwrap();
    }
    let layer = pdftotext(&pdf);
    let got: std::collections::HashSet<String> = words(&layer).into_iter().collect();
    let mut fields = server::memo::printed_texts(&meeting);
    fields.extend([
        "১১ আষাঢ়, ১৪৩০".to_string(),
        "২৫ জুন ২০২৩".into(),
        "২২ জুন, ২০২৩ খ্রি.".into(),
        "সকাল ১০:৩০ টা".into(),
    ]);
    let mut missing = vec![];
    for field in &fields {
        for word in words(field) {
            if !got.contains(&word) {
                missing.push(word);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "words missing from the text layer: {missing:?}"
    );

    let r = app.get(&format!("/meetings/{id}/memo.pdf"), None).await;
    assert_eq!(
        r.location.as_deref(),
        Some(format!("/login?next=%2Fmeetings%2F{id}%2Fmemo.pdf").as_str())
    );
}
