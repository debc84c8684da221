//! Figures: the image file a `figure` block names, read from the answer's folder (or from the
//! PDF that carries the answer) into the block, checked as Typst will read it.
//!
//! The file is kept to the answer's folder as a spreadsheet is, and checked as a ministry's
//! logo is: a mistake is a finding at the block's `"file"`, in Danish, rather than Typst's
//! English error about a path of its own when the PDF is made.

use std::path::Path;

use super::SideFiles;
use super::confine;
use super::image::{self, Flaw};
use crate::json_path::JsonPath;
use crate::model::{Answer, Block, Illustration};
use crate::validate::Problem;

/// How messages name a figure's image file.
const IMAGE_FILE: confine::Named = confine::Named {
    noun: "billedfilen",
    pronoun: "den",
    example: "figur-1.png",
    unreadable_hint: "læg billedfilen i svarfilens mappe, eller ret \"file\"",
};

/// Reads the image of every figure in the answer, its statements and its enclosures into the
/// figure; what went wrong, at each figure's `"file"`.
pub(super) fn resolve(answer: &mut Answer, side_files: SideFiles<'_>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let root = JsonPath::root();
    let mut read = |figure: &mut Illustration, path: &JsonPath| {
        if let Err((message, hint)) = read_into(figure, side_files) {
            problems.push(Problem::error(path.key("file"), message, Some(hint)));
        }
    };
    visit(
        &mut answer.answer.blocks,
        &root.key("answer").key("blocks"),
        &mut read,
    );
    for (index, enclosure) in answer.enclosures.iter_mut().enumerate() {
        let path = root.key("enclosures").index(index).key("blocks");
        visit(&mut enclosure.blocks, &path, &mut read);
    }
    problems
}

/// Calls `read` with every figure in `blocks` (at `path`) and in their statements, and the
/// figure's path.
fn visit(
    blocks: &mut [Block],
    path: &JsonPath,
    read: &mut impl FnMut(&mut Illustration, &JsonPath),
) {
    for (index, block) in blocks.iter_mut().enumerate() {
        let path = path.index(index);
        match block {
            Block::Figure(figure) => read(figure, &path.key("figure")),
            Block::Statement(statement) => visit(
                &mut statement.blocks,
                &path.key("statement").key("blocks"),
                read,
            ),
            _ => {}
        }
    }
}

/// Reads the image `figure` names into it, or says why it cannot be.
fn read_into(figure: &mut Illustration, side_files: SideFiles<'_>) -> Result<(), (String, String)> {
    let name = figure.file.clone();
    check_name(&name)?;
    let bytes = match side_files {
        SideFiles::Beside(answer) => {
            let folder = super::answer_folder(answer);
            confine::read_named(&folder, &name, &IMAGE_FILE)?
        }
        SideFiles::Attached(find) => find(&figure.attached_name()).ok_or_else(|| {
            (
                format!("billedfilen \"{name}\" er ikke vedhæftet PDF'en"),
                "PDF'en er lavet af en ældre svar eller er ændret; sammenlign svarfilerne (JSON) \
                 i stedet"
                    .to_string(),
            )
        })?,
    };
    image::check(&bytes, Path::new(&name)).map_err(|flaw| told(flaw, &name))?;
    figure.bytes = image::as_attached(bytes, &name).into();
    Ok(())
}

/// Refuses a name that is no image file Typst can read: one with a backslash, which Typst
/// takes for Windows' path separator, or without the extension of a PNG, JPEG or SVG.
fn check_name(name: &str) -> Result<(), (String, String)> {
    if name.contains('\\') {
        return Err((
            format!("billedfilen \"{name}\" har en omvendt skråstreg (\\) i navnet"),
            "skriv mapper med almindelig skråstreg (/), fx \"figurer/figur-1.png\", og omdøb \
             en fil med \\ i navnet"
                .into(),
        ));
    }
    if !name.trim().is_empty() && !image::is_image_name(Path::new(name)) {
        return Err((
            format!("\"{name}\" er ikke en PNG-, JPEG- eller SVG-fil"),
            "gem figuren som PNG (eller SVG fra et tegneprogram) og skriv filens navn, fx \
             \"figur-1.png\"; et diagram fra Excel kan gemmes som billede med højreklik → Gem \
             som billede"
                .into(),
        ));
    }
    Ok(())
}

/// What is wrong with a figure's image file `name`, as a message and a hint.
fn told(flaw: Flaw, name: &str) -> (String, String) {
    let kind = image::kind(Path::new(name));
    match flaw {
        Flaw::Invalid(why) => (
            format!(
                "billedfilen \"{name}\" er ikke en gyldig {kind}-fil{}",
                why.map(|why| format!(" ({why})")).unwrap_or_default()
            ),
            format!("gem billedet igen som {kind}, eller ret filnavnet i \"file\""),
        ),
        Flaw::TooLarge { width, height } => (
            format!(
                "billedfilen \"{name}\" er for stor: {width} × {height} punkter, men højst {} \
                 millioner",
                image::MAX_PIXELS / 1_000_000
            ),
            "gem figuren i en mindre opløsning; 2.000 punkter i bredden er rigeligt til en \
             side"
                .into(),
        ),
        Flaw::NoSize => (
            format!(
                "billedfilen \"{name}\" har ingen størrelse: SVG-filen har hverken en viewBox \
                 eller både width og height, så figuren kan blive beskåret"
            ),
            "tilføj en viewBox med figurens bredde og højde i <svg>-elementet, fx <svg \
             viewBox=\"0 0 600 400\" …>, eller gem figuren som PNG"
                .into(),
        ),
        Flaw::Linked(image) => (
            format!(
                "billedfilen \"{name}\" henviser til billedet {image} i en anden fil, og det \
                 kommer ikke med i PDF'en"
            ),
            "indlejr billedet i SVG-filen (i Inkscape: Filer → Indlejr billeder), eller gem \
             figuren som PNG"
                .into(),
        ),
    }
}
