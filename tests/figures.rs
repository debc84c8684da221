//! Figures, driving the real binary: a `figure` block prints its image (a PNG or an SVG beside
//! the answer) under its caption "Figur N: …", with its notes, tagged with its description;
//! the PDF carries the images, so two PDFs can be compared; a figure's mistakes are told by
//! `svar check` (snapshots under tests/fixtures/invalid/figure-*.json) and its changes by
//! `svar diff` (tests/fixtures/diff/figure-changed).
//!
//! tests/fixtures/figures/figures.json has a PNG figure in the answer and an SVG figure in a
//! statement, both numbered.

use std::path::Path;

mod common;

use common::{fixture, pdf_text, render_into, svar};
use predicates::prelude::*;

/// The images `pdfimages -list` (poppler-utils) finds in a PDF: one line each, "page num type
/// width height …".
fn images(pdf: &Path) -> Vec<Vec<String>> {
    let output = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(pdf)
        .output()
        .expect("pdfimages (poppler-utils) is needed");
    let listing = String::from_utf8(output.stdout).unwrap();
    listing
        .lines()
        .skip(2)
        .map(|line| line.split_whitespace().map(str::to_string).collect())
        .collect()
}

#[test]
fn figures_print_under_their_captions_with_their_notes() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("figures/figures.json"), folder.path());
    let text = pdf_text(&pdf);
    let caption = text
        .find("Figur 1: Udviklingen i antal sager 2015-2020")
        .unwrap();
    let source = text.find("Kilde:").unwrap();
    assert!(caption < source, "{text}");
    assert!(
        text.contains("Figur 2: Sager fordelt på politikredse"),
        "{text}"
    );
    // The SVG is drawn as vectors; the PNG is the one raster image, as large as its pixels.
    let images = images(&pdf);
    assert_eq!(images.len(), 1, "{images:?}");
    assert_eq!(images[0][..5], ["1", "0", "image", "60", "40"]);
}

#[test]
fn a_figure_is_no_wider_than_the_line() {
    // A chart of 3000 × 600 pixels (a PNG of one colour, a few hundred bytes): at its own size
    // it would run 3000 points across the page; it is set as wide as the text instead.
    let folder = tempfile::tempdir().unwrap();
    let answer = folder.path().join("svar.json");
    let text = std::fs::read_to_string(fixture("figures/figures.json")).unwrap();
    std::fs::write(&answer, text.replace("figur1.png", "bred.png")).unwrap();
    std::fs::copy(
        fixture("figures/figur2.svg"),
        folder.path().join("figur2.svg"),
    )
    .unwrap();
    let mut png = std::io::Cursor::new(Vec::new());
    image::GrayImage::from_pixel(3000, 600, image::Luma([128]))
        .write_to(&mut png, image::ImageFormat::Png)
        .unwrap();
    std::fs::write(folder.path().join("bred.png"), png.into_inner()).unwrap();
    let pdf = render_into(&answer, folder.path());
    let images = images(&pdf);
    // x-ppi: 3000 pixels over the line's 453.5 points (16 cm) is 476 pixels an inch.
    let ppi: f64 = images[0][12].parse().unwrap();
    assert!((470.0..480.0).contains(&ppi), "{images:?}");
}

#[test]
fn the_pdf_carries_the_images_so_two_pdfs_can_be_compared() {
    let folder = tempfile::tempdir().unwrap();
    let old = render_into(&fixture("diff/figure-changed/old.json"), folder.path());
    let old = std::fs::rename(&old, folder.path().join("old.pdf"))
        .map(|()| folder.path().join("old.pdf"))
        .unwrap();
    let new = render_into(&fixture("diff/figure-changed/new.json"), folder.path());
    svar()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "Figur 1, billedet: figur1.png (indhold 961d320b45521beb) → figur1-ny.png (indhold \
             2e9e7857b5955905)",
        ));
}

#[test]
fn a_redline_marks_a_changed_caption() {
    let folder = tempfile::tempdir().unwrap();
    let redline = folder.path().join("redline.pdf");
    svar()
        .arg("diff")
        .arg(fixture("diff/figure-changed/old.json"))
        .arg(fixture("diff/figure-changed/new.json"))
        .arg("--redline")
        .arg(&redline)
        .assert()
        .code(1);
    let text = pdf_text(&redline);
    // The old caption's year struck, the new one's inserted, "Figur 1: " kept.
    assert!(
        text.contains("Figur 1: Udviklingen i antal sager 2015-2020 2015-2021"),
        "{text}"
    );
}

#[test]
fn a_statement_ending_with_a_figure_hangs_its_closing_mark_after_the_image() {
    // The closing ” of a statement that ends with a figure stood alone on a line of its own
    // under the image, at the statement's left edge.
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("figures/figures.json"), folder.path());
    let words = common::words_of(&pdf);
    let caption = words
        .iter()
        .filter(|word| word.text == "Figur")
        .nth(1)
        .unwrap();
    let closing = words.iter().find(|word| word.text == "”").unwrap();
    assert!(
        closing.left > caption.left + 100.0,
        "{} against {}",
        closing.left,
        caption.left
    );
    // At the image's foot: the next line of text is the paragraph after the statement.
    let next = words.iter().find(|word| word.text == "Jeg").unwrap();
    assert!(
        next.top - closing.bottom < 30.0,
        "{} against {}",
        next.top,
        closing.bottom
    );
}
