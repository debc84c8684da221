//! Image files an answer brings besides its text (its ministry's logo, its figures): read as
//! Typst will read them, so that a file Typst would refuse later in English, naming only its
//! own path, is told at `svar check`, in Danish, by the one who named it.

use std::path::Path;

/// What is wrong with an image file; the caller words it for the file it is (a logo, a figure).
#[derive(Debug)]
pub(super) enum Flaw {
    /// The content is not the kind its name says (a PNG saved as `.svg`); why, if known.
    Invalid(Option<String>),
    /// A PNG or JPEG of more pixels than [`MAX_PIXELS`].
    TooLarge {
        /// Its width in pixels.
        width: u32,
        /// Its height in pixels.
        height: u32,
    },
    /// An SVG with neither a `viewBox` nor both a `width` and a `height`.
    NoSize,
    /// An SVG that links to an image in another file (the first it names).
    Linked(String),
}

/// The largest PNG or JPEG svar decodes, in pixels: a logo is a few hundred pixels across and
/// a chart a couple of thousand, while a small file can declare 40,000 × 40,000 and take
/// gigabytes to decode.
pub(super) const MAX_PIXELS: u64 = 25_000_000;

/// Whether `name` ends in an extension of an image Typst draws: SVG, PNG or JPEG.
pub(super) fn is_image_name(name: &Path) -> bool {
    matches!(extension(name).as_str(), "svg" | "png" | "jpg" | "jpeg")
}

/// The kind of image `path` names by its extension, as a clerk knows it: "PNG", "SVG", "JPEG".
pub(super) fn kind(path: &Path) -> &'static str {
    match extension(path).as_str() {
        "png" => "PNG",
        "svg" => "SVG",
        _ => "JPEG",
    }
}

/// A name's extension in lower case.
fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

/// Refuses image `bytes` whose content is not the image `path`'s name says, or that Typst
/// could not draw: a damaged file, one too large to decode, an SVG without a size or that links
/// to other files.
pub(super) fn check(bytes: &[u8], path: &Path) -> Result<(), Flaw> {
    let kind = kind(path);
    let fits = match kind {
        "PNG" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "SVG" => std::str::from_utf8(bytes).is_ok_and(|text| text.contains("<svg")),
        _ => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
    };
    let invalid = |why: &str| Flaw::Invalid(Some(why.to_string()));
    if !fits {
        return Err(Flaw::Invalid(None));
    }
    if kind == "SVG" {
        return check_svg(bytes);
    }
    let (width, height) = image_size(bytes).map_err(invalid)?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Flaw::TooLarge { width, height });
    }
    // Bounded by the size just checked, the whole image is decoded, as Typst will: a file cut
    // short or damaged inside has a sound header.
    decode(bytes).map_err(invalid)
}

/// Refuses an SVG that usvg, as Typst, cannot draw, that has no size of its own, or that
/// links an image in another file.
fn check_svg(bytes: &[u8]) -> Result<(), Flaw> {
    let linked = drawable_svg(bytes).map_err(|why| Flaw::Invalid(Some(why)))?;
    if !has_size(bytes) {
        return Err(Flaw::NoSize);
    }
    match linked.into_iter().next() {
        None => Ok(()),
        Some(image) => Err(Flaw::Linked(image)),
    }
}

/// Whether an SVG that usvg can read gives its size: a `viewBox`, or both `width` and
/// `height` in units other than percent. Without, usvg sizes it by the bounding box of what it
/// draws, from the origin, so a circle around the origin prints as a quarter circle.
fn has_size(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return true;
    };
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    // What usvg read but this cannot, usvg has judged; it is no missing size.
    let Ok(document) = roxmltree::Document::parse_with_options(text, options) else {
        return true;
    };
    let svg = document.root_element();
    let given = |name: &str| {
        svg.attribute(name)
            .map(str::trim)
            .is_some_and(|value| !value.is_empty() && !value.ends_with('%'))
    };
    given("viewBox") || (given("width") && given("height"))
}

/// Whether an SVG can be drawn: usvg, which Typst draws SVGs with, reads it as Typst will, with
/// no files or fonts beside it. Its reason, in its own words, if not; if it can, the images
/// it links to in other files (`xlink:href="crown.png"`), which Typst would look for, and
/// fail to find, in the answer's folder rather than beside the image.
fn drawable_svg(bytes: &[u8]) -> Result<Vec<String>, String> {
    let linked = std::sync::Mutex::new(Vec::new());
    let mut options = usvg::Options::default();
    options.image_href_resolver.resolve_string = Box::new(|href, _| {
        linked
            .lock()
            .map(|mut found| found.push(href.to_string()))
            .ok();
        None
    });
    usvg::Tree::from_data(bytes, &options).map_err(|error| error.to_string())?;
    drop(options);
    Ok(linked.into_inner().unwrap_or_default())
}

/// The width and height of a PNG or JPEG, read from its header alone; why not, in Danish, if
/// not.
fn image_size(bytes: &[u8]) -> Result<(u32, u32), &'static str> {
    reader(bytes)?.into_dimensions().map_err(image_flaw)
}

/// Decodes a PNG or JPEG whole, as Typst will to draw it; why not, in Danish, if not.
fn decode(bytes: &[u8]) -> Result<(), &'static str> {
    reader(bytes)?.decode().map(drop).map_err(image_flaw)
}

/// A reader of the image `bytes`, its format told by its first bytes.
fn reader(bytes: &[u8]) -> Result<image::ImageReader<std::io::Cursor<&[u8]>>, &'static str> {
    image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| "filen kan ikke læses")
}

/// Why the image crate could not read an image, for the clerk: the crate's own messages are
/// English and speak of decoders.
fn image_flaw(error: image::ImageError) -> &'static str {
    use image::ImageError;
    match error {
        ImageError::IoError(error) if error.kind() == std::io::ErrorKind::UnexpectedEof => {
            "filen slutter midt i billedet; den er måske ikke gemt eller kopieret færdig"
        }
        ImageError::Decoding(_) | ImageError::IoError(_) => "billeddataene er beskadigede",
        ImageError::Limits(_) => "billedet er for stort til at blive læst",
        ImageError::Unsupported(_) | ImageError::Parameter(_) | ImageError::Encoding(_) => {
            "billedet er gemt i en udgave af formatet, som ikke kan læses"
        }
    }
}

/// An image's bytes as the PDF carries them: an SVG is text, read by XML's rules, for which a
/// line end is a line end however it is written, and an editor's or Git's choice of line ends
/// must not change the PDF's bytes.
pub(super) fn as_attached(bytes: Vec<u8>, file: &str) -> Vec<u8> {
    match std::str::from_utf8(&bytes) {
        Ok(text) if kind(Path::new(file)) == "SVG" => {
            super::profile::text_as_attached(text).into_bytes()
        }
        _ => bytes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_svg_has_a_size_with_a_view_box_or_a_width_and_a_height() {
        let svg = |attributes: &str| {
            format!(r#"<svg xmlns="http://www.w3.org/2000/svg"{attributes}><circle r="5"/></svg>"#)
        };
        for sized in [
            r#" viewBox="0 0 10 10""#,
            r#" width="10" height="10""#,
            r#" width="10mm" height="4mm""#,
            r#" width="100%" viewBox="0 0 10 10""#,
        ] {
            assert!(has_size(svg(sized).as_bytes()), "{sized}");
        }
        for sizeless in [
            "",
            r#" width="10""#,
            r#" height="10""#,
            r#" width="100%" height="100%""#,
            r#" viewBox="""#,
        ] {
            assert!(!has_size(svg(sizeless).as_bytes()), "{sizeless}");
        }
        // An exported SVG with a doctype (Illustrator writes one) is read too.
        let with_doctype = format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \
             \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n{}",
            svg("")
        );
        assert!(!has_size(with_doctype.as_bytes()));
    }
}
