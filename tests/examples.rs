//! For each example in data/, the PDF's extracted text holds its sentences in order.
//!
//! Each example is a real answer; it is rendered with the real `svar` binary and the PDF's text
//! is read with `pdftotext` (words joined by single spaces, Typst's line-end hyphenation undone,
//! see tests/common/mod.rs). The sentences are searched in order, each from the end of the
//! previous match, so text that is present but moved still fails. The PDF's title and author
//! (its document information) are checked too. data/beu-287-2019.json is checked word for word
//! by tests/reference_text.rs and data/ufo-15-2010-11.json by tests/render_command.rs.

use std::path::{Path, PathBuf};

mod common;

use common::{crate_root, pdf_metadata, pdf_text, svar};
use predicates::prelude::*;

/// The examples checked elsewhere (see the module comment).
const CHECKED_ELSEWHERE: &[&str] = &["beu-287-2019.json", "ufo-15-2010-11.json"];

/// The examples this file checks.
const CHECKED_HERE: &[&str] = &[
    "epi-167-2021-22.json",
    "s-1609-2003-04.json",
    "uui-samraad-h-2006-07.json",
    "uui-385-2016-17.json",
    "l-53-27-2020-21.json",
];

/// Renders `data/<name>` (one page) into `folder` and returns the PDF's path.
fn render(name: &str, folder: &Path) -> PathBuf {
    render_pages(name, folder, "(1 side)")
}

/// Renders `data/<name>` into `folder`, checking the page count svar reports, e.g. "(2 sider)".
fn render_pages(name: &str, folder: &Path, pages: &str) -> PathBuf {
    let pdf = folder.join(name).with_extension("pdf");
    svar()
        .arg("render")
        .arg(crate_root().join("data").join(name))
        .arg("-o")
        .arg(&pdf)
        .assert()
        .success()
        .stdout(predicate::str::contains(pages))
        .stderr(predicate::str::contains("Typst advarer").not());
    pdf
}

/// The title and author in the PDF's document information.
fn title_and_author(pdf: &Path) -> (String, String) {
    let (title, author, _, _) = pdf_metadata(pdf);
    (title, author)
}

/// Asserts that `sentences` occur in `text` in this order, none overlapping the one before.
fn assert_in_order(text: &str, sentences: &[&str]) {
    let mut from = 0;
    for sentence in sentences {
        match text[from..].find(sentence) {
            Some(at) => from += at + sentence.len(),
            None => {
                let anywhere = if text.contains(sentence) {
                    "it occurs only before the previous sentence"
                } else {
                    "it does not occur at all"
                };
                panic!("{sentence:?} not found after byte {from} ({anywhere}) in:\n{text}");
            }
        }
    }
}

#[test]
fn interim_answer_from_the_ministry_of_health_reads_in_order() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = render("epi-167-2021-22.json", folder.path());
    let text = pdf_text(&pdf);
    assert_in_order(
        &text,
        &[
            "Folketingets Sundhedsudvalg har den 28. januar 2022 stillet følgende spørgsmål nr. 167 (Alm. del) til sundhedsministeren, som hermed besvares.",
            "Spørgsmålet er stillet efter ønske fra Kirsten Normann Andersen (SF).",
            "Spørgsmål nr. 167:",
            "Svar:",
            "Det har desværre ikke været muligt at besvare spørgsmålet endeligt inden for fristen.",
            "Jeg forventer at kunne besvare spørgsmålet endeligt medio marts 2022.",
            "Med venlig hilsen",
            "Magnus Heunicke / Emilie Gjerløff Werther",
        ],
    );
    // The letterhead of the ministry's profile.
    for line in ["Holbergsgade 6", "sum.dk"] {
        assert!(text.contains(line), "letterhead lacks {line:?}:\n{text}");
    }
    assert_eq!(
        title_and_author(&pdf),
        (
            "Foreløbigt svar på spørgsmål nr. 167 (Alm. del) fra Folketingets Sundhedsudvalg, folketingsåret 2021-22"
                .to_string(),
            "Sundhedsministeriet".to_string()
        )
    );
}

#[test]
fn section_20_answer_from_the_prime_minister_reads_in_order() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = render("s-1609-2003-04.json", folder.path());
    let text = pdf_text(&pdf);
    assert_in_order(
        &text,
        &[
            "Spørgsmål nr. S 1609 fra Søren Søndergaard (EL):",
            "Kan statsministeren udelukke, at de 100-200 granater med gas",
            "Svar:",
            "Justitsministeriet og Økonomi- og Erhvervsministeriet har oplyst følgende, hvilket jeg kan henholde mig til:",
            "Erhvervs- og Boligstyrelsen har oplyst følgende:",
            "Jeg kan i øvrigt henvise til min samtidige besvarelse af spørgsmål nr. S 1581 og S 1582.",
            "Anders Fogh Rasmussen",
        ],
    );
    assert_eq!(
        title_and_author(&pdf),
        (
            "Svar på spørgsmål nr. S 1609 fra Søren Søndergaard (EL), folketingsåret 2003-04"
                .to_string(),
            "Statsministeriet".to_string()
        )
    );
}

#[test]
fn consultation_speaking_note_reads_in_order_and_has_no_answer_heading() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = render("uui-samraad-h-2006-07.json", folder.path());
    let text = pdf_text(&pdf);
    assert_in_order(
        &text,
        &[
            "Talepapir",
            "Det talte ord gælder.",
            "Talepapir til brug for besvarelse af samrådsspørgsmål H i Integrationsudvalget den 14. december 2006.",
            "Samrådsspørgsmål:",
            "I et kommende åbent samråd bedes ministeren",
            "- hvad udsigterne er til, at de kan vende hjem",
            "Jeg kan indledningsvist oplyse, at Rigspolitiet to gange om året gør status",
        ],
    );
    // A speaking note is read aloud at the meeting: it has no "Svar:" heading.
    assert!(!text.contains("Svar:"), "{text}");
    assert_eq!(
        title_and_author(&pdf),
        (
            "Talepapir til samrådsspørgsmål H fra Folketingets Integrationsudvalg, folketingsåret 2006-07".to_string(),
            "Ministeriet for Flygtninge, Indvandrere og Integration".to_string()
        )
    );
}

/// The examples whose source shows no date, so their PDFs conform to PDF/UA-1 alone, which
/// `svar check` warns of as `svar render` does.
const UNDATED: &[&str] = &["beu-287-2019.json"];

#[test]
fn every_example_is_checked_somewhere_and_is_valid_without_warnings_but_that_of_no_date() {
    let names = common::json_files("data");
    let mut known: Vec<&str> = CHECKED_HERE
        .iter()
        .chain(CHECKED_ELSEWHERE)
        .copied()
        .collect();
    known.sort();
    assert_eq!(
        names, known,
        "a new example in data/ needs its sentences checked here"
    );
    for name in names {
        let (warnings, stderr) = if UNDATED.contains(&name.as_str()) {
            (
                "1 advarsel",
                format!("advarsel: data/{name} har ingen dato; PDF/A kræver"),
            )
        } else {
            ("0 advarsler", String::new())
        };
        svar()
            .arg("check")
            .arg(format!("data/{name}"))
            .assert()
            .code(0)
            .stdout(predicate::str::contains(format!(
                "data/{name}: i orden (0 fejl, {warnings})"
            )))
            .stderr(predicate::str::starts_with(stderr));
    }
}

#[test]
fn letter_from_the_immigration_ministry_with_two_small_tables_reads_in_order() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = render("uui-385-2016-17.json", folder.path());
    let text = pdf_text(&pdf);
    assert_in_order(
        &text,
        &[
            "Udlændinge- og Integrationsministeriet",
            "Slotsholmsgade 10",
            "CVR-nr. 36977191",
            "Udlændinge- og Integrationsudvalget har den 20. januar 2017 stillet følgende spørgsmål nr. 385 (alm. del) efter ønske fra Martin Henriksen (DF) til udlændinge- og integrationsministeren, som hermed besvares.",
            "Spørgsmål nr. 385:",
            "Vil ministeren oplyse, hvor mange afviste asylansøgere, der i 2016 er sendt ud af hhv. Danmark, Norge og Sverige opdelt på de enkelte lande?",
            "Svar:",
            "Rigspolitiet har oplyst, at der i 2016 blev udsendt 491 afviste asylansøgere af Danmark.",
            "Fordelingen på de tre største nationaliteter fremgår nedenfor:",
            "Nationalitet Rusland Afghanistan Albanien Øvrige I alt",
            "Kategori: Afviste asylansøgere Frafald af ansøgning om asyl Afslag på asylbehandling Dublin-forordningen I alt",
            "Til sammenligning blev der i 2015 udsendt 1.616 personer på asylområdet.",
            "Tallene for 2016 er foreløbige, og der kan forekomme efterregistreringer.",
            // The last whole sentence of the source, which breaks off in the next.
            "Ovenstående opgørelser er baseret på oplysninger fra politiets sagsstyringssystem (POLSAS).",
        ],
    );
    // pdftotext reads a table's figure column after its labels (the second one after the
    // page's text), so the figures are checked as columns.
    assert!(text.contains("Antal 73 36 36 346 491"), "{text}");
    assert!(text.contains("Antal 491 771 63 1.649 2.974"), "{text}");
    assert!(!text.contains("Tabel"), "{text}");
}

#[test]
fn cover_letter_on_a_bill_question_reads_in_order() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_pages("l-53-27-2020-21.json", folder.path(), "(2 sider)");
    let text = pdf_text(&pdf);
    assert_in_order(
        &text,
        &[
            "Sagsbeh.:",
            "Nanna Therkelsen",
            "Folketinget Udvalget for Forretningsordenen Christiansborg 1240 København K",
            "Hermed sendes besvarelse af spørgsmål nr. 27 vedrørende forslag til lov om undersøgelse af visse forhold vedrørende Forsvarets Efterretningstjeneste (L 53), som Folketingets Udvalg for Forretningsordenen har stillet til justitsministeren den 9. november 2020.",
            "Spørgsmålet er stillet efter ønske fra ikkemedlem af udvalget (MFU) Eva Flyvholm (EL).",
            "Nick Hækkerup / Henrik Skovgaard-Petersen",
            "jm@jm.dk",
            "Spørgsmål nr. 27 fra Folketingets Udvalg for Forretningsordenen vedrørende forslag til lov om undersøgelse af visse forhold vedrørende Forsvarets Efterretningstjeneste (L 53)",
            "Er det ministerens holdning, at spionage er okay, når bare det er amerikanerne, der står for det?",
            "Svar:",
            "Som forsvarsministeren også har tilkendegivet ved besvarelsen af bl.a. spørgsmål nr. 138 (Alm. del) FOU af 30. september 2020, vil regeringen ikke gå ind i spekulationer.",
            "Efterretningsmæssige forhold drøftes i det relevante folketingsudvalg. Det er de spilleregler, vi har aftalt i vores demokrati.",
        ],
    );
    assert_eq!(
        title_and_author(&pdf),
        (
            "Svar på spørgsmål nr. 27 fra Folketingets Udvalg for Forretningsordenen vedrørende forslag til lov om undersøgelse af visse forhold vedrørende Forsvarets Efterretningstjeneste (L 53), folketingsåret 2020-21".to_string(),
            "Justitsministeriet".to_string()
        )
    );
}
