//! Page images of layout changes (`svar diff --pages`): only the pages that look different are
//! written, old and new side by side, with red boxes where they differ.

use std::path::Path;

use svar::diff::pages::{PIXELS_PER_POINT, PageDifference, compare_pages, write_differences};
use svar::render::TemplateSet;
use svar::{Typeset, typeset};
use tiny_skia::Pixmap;

/// The complete fixture typeset with `templates`.
fn complete(templates: &TemplateSet) -> Typeset {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/complete.json");
    let answer = svar::input::load(&path).unwrap().answer;
    typeset(&answer, templates).unwrap()
}

/// The built-in templates with `from` replaced by `to` in style.typ.
fn restyled(from: &str, to: &str) -> TemplateSet {
    let builtin = TemplateSet::builtin();
    let style = builtin.get("style.typ").unwrap();
    assert_eq!(style.matches(from).count(), 1, "{from:?} in style.typ");
    builtin
        .clone()
        .with_file("style.typ", &style.replacen(from, to, 1))
}

/// The page's width in pixels at the resolution of the images.
fn page_width(document: &Typeset, index: usize) -> u32 {
    document
        .page_pixmap(index, PIXELS_PER_POINT)
        .unwrap()
        .width()
}

/// The pixels of an image that are the boxes' red.
fn red_pixels(image: &Pixmap) -> Vec<(u32, u32)> {
    let width = image.width();
    image
        .data()
        .chunks_exact(4)
        .enumerate()
        .filter(|(_, rgba)| is_red(rgba))
        .map(|(index, _)| (index as u32 % width, index as u32 / width))
        .collect()
}

/// Whether an RGBA pixel is the boxes' red.
fn is_red(rgba: &[u8]) -> bool {
    rgba[0] > 200 && rgba[1] < 40 && rgba[2] < 40
}

/// The difference's image, decoded.
fn decoded(difference: &PageDifference) -> Pixmap {
    Pixmap::decode_png(difference.png()).unwrap()
}

#[test]
fn identical_documents_give_no_images() {
    let templates = TemplateSet::builtin();
    let differences = compare_pages(&complete(&templates), &complete(&templates));
    assert!(differences.is_empty());
    let folder = tempfile::tempdir().unwrap();
    let written = write_differences(&differences, folder.path()).unwrap();
    assert!(written.is_empty());
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0);
}

#[test]
fn a_template_change_gives_an_image_of_the_changed_page_with_the_change_boxed() {
    let old = complete(&TemplateSet::builtin());
    // The ministry's name in the letterhead no longer bold: same height, so nothing else moves.
    let new = complete(&restyled(
        r#"text(weight: "bold", ministry)"#,
        r#"text(weight: "regular", ministry)"#,
    ));
    let differences = compare_pages(&old, &new);
    assert_eq!(
        differences
            .iter()
            .map(PageDifference::page)
            .collect::<Vec<_>>(),
        [1]
    );
    let difference = &differences[0];
    assert!(difference.in_old() && difference.in_new());

    let width = page_width(&old, 0);
    let image = decoded(difference);
    assert!(image.width() > 2 * width && image.width() < 2 * width + 60);
    // The letterhead sits in the top quarter of the page, and so does every box.
    let quarter = image.height() / 4;
    assert!(!difference.regions().is_empty());
    assert!(
        difference
            .regions()
            .iter()
            .all(|r| r.y + r.height < quarter)
    );
    let red = red_pixels(&image);
    assert!(red.iter().any(|&(x, _)| x < width), "a box on the old page");
    assert!(red.iter().any(|&(x, _)| x > width), "a box on the new page");
    assert!(
        red.iter().all(|&(_, y)| y < quarter),
        "boxes only at the letterhead"
    );

    let folder = tempfile::tempdir().unwrap();
    let written = write_differences(&differences, folder.path()).unwrap();
    assert_eq!(written, [folder.path().join("page-001.png")]);
    assert_eq!(std::fs::read(&written[0]).unwrap(), difference.png());
}

#[test]
fn a_page_only_the_new_document_has_is_shown_beside_a_blank_page() {
    let old = complete(&TemplateSet::builtin());
    let new = complete(&restyled(
        "  body\n}",
        "  body\n  pagebreak()\n  [Bilag]\n}",
    ));
    assert_eq!(new.page_count(), old.page_count() + 1);
    let differences = compare_pages(&old, &new);
    let last = differences.last().unwrap();
    assert_eq!(last.page(), new.page_count());
    assert!(!last.in_old() && last.in_new());
    let image = decoded(last);
    let width = page_width(&new, new.page_count() - 1);
    assert!(image.width() > 2 * width && image.width() < 2 * width + 60);
    // The old side is blank white, the new side boxes its content.
    let old_side = image
        .data()
        .chunks_exact(4)
        .enumerate()
        .filter(|(index, _)| (*index as u32 % image.width()) < width);
    assert!(
        old_side
            .clone()
            .all(|(_, rgba)| rgba == [255, 255, 255, 255] || is_red(rgba))
    );
    assert!(red_pixels(&image).iter().any(|&(x, _)| x > width));

    let folder = tempfile::tempdir().unwrap();
    let written = write_differences(&differences, folder.path()).unwrap();
    let name = format!("page-{:03}.png", new.page_count());
    assert_eq!(written.last().unwrap(), &folder.path().join(name));
}

#[test]
fn the_same_documents_give_the_same_image_bytes() {
    let templates = restyled(
        "margin: page-margin,",
        "margin: (top: 3cm, rest: page-margin),",
    );
    let first = compare_pages(&complete(&TemplateSet::builtin()), &complete(&templates));
    let second = compare_pages(&complete(&TemplateSet::builtin()), &complete(&templates));
    assert!(!first.is_empty());
    assert_eq!(first, second);
}
