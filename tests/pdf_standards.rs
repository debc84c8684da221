//! End-to-end tests of the PDF standards: every answer exports under every standard svar offers,
//! the default is PDF/UA-1 with PDF/A-3b (PDF/UA-1 alone for an undated answer), impossible
//! choices are refused, and the PDF's own structure tree has the tags a screen reader needs.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

mod common;

use common::{crate_root, svar};
use lopdf::{Dictionary, Document, Object};
use predicates::prelude::*;

/// Every value `--pdf-standard` accepts on its own, and whether it is a PDF/A level.
const STANDARDS: [(&str, bool); 13] = [
    ("ua-1", false),
    ("a-2b", true),
    ("a-2u", true),
    ("a-2a", true),
    ("a-3b", true),
    ("a-3u", true),
    ("a-3a", true),
    ("a-4", true),
    ("a-4f", true),
    ("a-4e", true),
    ("1.7", false),
    ("2.0", false),
    ("none", false),
];

/// The structure tags an answer's PDF must contain: quotes, tables and paragraphs, which every
/// answer tested here has.
const REQUIRED_TAGS: [&str; 6] = ["BlockQuote", "Table", "TH", "TD", "Caption", "P"];

/// The tags of a list, which an answer with one must contain (the reference answer has none:
/// its lines of figures are paragraphs, as in the published answer).
const LIST_TAGS: [&str; 2] = ["L", "LI"];

/// Every answer file in data/ plus the fixture with every optional field, relative to the crate.
fn answer_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(crate_root().join("data"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .map(|path| path.strip_prefix(crate_root()).unwrap().to_path_buf())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "data/ has no answer files");
    files.extend(
        [
            "tests/fixtures/complete.json",
            "tests/fixtures/enclosure.json",
            "tests/fixtures/markdown.json",
            "tests/fixtures/logo/answer.json",
        ]
        .map(PathBuf::from),
    );
    files
}

/// Whether the answer file gives a date, which PDF/A needs.
fn is_dated(file: &Path) -> bool {
    let text = std::fs::read_to_string(crate_root().join(file)).unwrap();
    let answer: serde_json::Value = serde_json::from_str(&text).unwrap();
    answer.get("date").is_some_and(|date| !date.is_null())
}

fn example() -> &'static str {
    "data/beu-287-2019.json"
}

fn complete() -> &'static str {
    "tests/fixtures/complete.json"
}

/// The refusal for a PDF/A standard and an answer without a date.
fn needs_date_message(file: &Path, standard: &str) -> String {
    let title = format!("PDF/A-{}", &standard["a-".len()..]);
    format!(
        "fejl: {}: {title} kræver en dato, men svarfilen har ingen \"date\". Angiv \"date\", \
         eller vælg en standard uden PDF/A (fx --pdf-standard ua-1).\n",
        file.display()
    )
}

/// Renders `file` into `pdf` with the given `--pdf-standard` values (none: the default).
fn render(file: &str, pdf: &Path, standards: &[&str]) -> assert_cmd::assert::Assert {
    let mut command = svar();
    command.args(["render", "-o"]).arg(pdf);
    for standard in standards {
        command.args(["--pdf-standard", standard]);
    }
    command.arg(file).assert()
}

/// What the tests read from a PDF with a PDF parser.
struct PdfFacts {
    /// The `/Lang` of the catalog.
    lang: String,
    /// The `/Title` of the document information dictionary (PDF 2.0 keeps it in XMP only).
    info_title: Option<String>,
    /// The XMP metadata packet.
    xmp: String,
    /// `/ViewerPreferences /DisplayDocTitle`.
    display_doc_title: bool,
    /// Whether the catalog has a `/StructTreeRoot`.
    tagged: bool,
    /// Every structure type in the structure tree.
    tags: BTreeSet<String>,
    /// For every `Table` element, the types of its direct children and of all its descendants.
    tables: Vec<(BTreeSet<String>, BTreeSet<String>)>,
    /// The names in the catalog's `/Names /EmbeddedFiles` tree.
    attached: Vec<String>,
}

fn read_pdf(path: &Path) -> PdfFacts {
    let document = Document::load(path).unwrap();
    let catalog = document.catalog().unwrap();
    let text = |dictionary: &Dictionary, key: &[u8]| {
        lopdf::decode_text_string(dictionary.get(key).unwrap()).unwrap()
    };
    let info_title = document
        .trailer
        .get(b"Info")
        .ok()
        .map(|info| document.dereference(info).unwrap().1.as_dict().unwrap())
        .and_then(|info| info.get(b"Title").ok())
        .map(|title| lopdf::decode_text_string(title).unwrap());
    let metadata = document
        .dereference(catalog.get(b"Metadata").unwrap())
        .unwrap()
        .1
        .as_stream()
        .unwrap();
    let xmp = metadata
        .decompressed_content()
        .unwrap_or_else(|_| metadata.content.clone());
    let display_doc_title = catalog
        .get(b"ViewerPreferences")
        .ok()
        .and_then(|preferences| document.dereference(preferences).ok())
        .and_then(|(_, preferences)| preferences.as_dict().ok())
        .and_then(|preferences| preferences.get(b"DisplayDocTitle").ok())
        .and_then(|flag| flag.as_bool().ok())
        .unwrap_or(false);
    let mut facts = PdfFacts {
        lang: text(catalog, b"Lang"),
        info_title,
        xmp: String::from_utf8(xmp).unwrap(),
        display_doc_title,
        tagged: false,
        tags: BTreeSet::new(),
        tables: Vec::new(),
        attached: attached_files(&document, catalog),
    };
    if let Ok(root) = catalog.get(b"StructTreeRoot") {
        facts.tagged = true;
        let root = document.dereference(root).unwrap().1.as_dict().unwrap();
        if let Ok(kids) = root.get(b"K") {
            for element in struct_elements(&document, kids) {
                walk(&document, element, &mut facts);
            }
        }
    }
    facts
}

/// The names of the files attached to the document (a flat name tree, as Typst writes it).
fn attached_files(document: &Document, catalog: &Dictionary) -> Vec<String> {
    let Ok(names) = catalog.get(b"Names") else {
        return Vec::new();
    };
    let names = document.dereference(names).unwrap().1.as_dict().unwrap();
    let Ok(files) = names.get(b"EmbeddedFiles") else {
        return Vec::new();
    };
    let files = document.dereference(files).unwrap().1.as_dict().unwrap();
    let entries = document
        .dereference(files.get(b"Names").unwrap())
        .unwrap()
        .1;
    entries
        .as_array()
        .unwrap()
        .iter()
        .step_by(2)
        .map(|name| lopdf::decode_text_string(name).unwrap())
        .collect()
}

/// The structure elements among the kids `object` (a reference, dictionary or array); marked
/// content ids and content references are left out.
fn struct_elements<'a>(document: &'a Document, object: &'a Object) -> Vec<&'a Dictionary> {
    let object = document.dereference(object).unwrap().1;
    match object {
        Object::Array(items) => items
            .iter()
            .flat_map(|item| struct_elements(document, item))
            .collect(),
        Object::Dictionary(dictionary) if dictionary.has(b"S") => vec![dictionary],
        _ => Vec::new(),
    }
}

fn structure_type(element: &Dictionary) -> String {
    String::from_utf8(element.get(b"S").unwrap().as_name().unwrap().to_vec()).unwrap()
}

/// Collects the types of `element` and everything below it; returns them.
fn walk(document: &Document, element: &Dictionary, facts: &mut PdfFacts) -> BTreeSet<String> {
    let kind = structure_type(element);
    let children = element
        .get(b"K")
        .map(|kids| struct_elements(document, kids))
        .unwrap_or_default();
    let mut below = BTreeSet::new();
    let mut direct = BTreeSet::new();
    for child in children {
        direct.insert(structure_type(child));
        below.extend(walk(document, child, facts));
    }
    if kind == "Table" {
        facts.tables.push((direct, below.clone()));
    }
    facts.tags.insert(kind.clone());
    below.insert(kind);
    below
}

fn xmp_has(facts: &PdfFacts, element: &str) -> bool {
    facts.xmp.contains(element)
}

#[test]
fn every_answer_exports_under_every_standard_and_pdfa_needs_a_date() {
    let folder = tempfile::tempdir().unwrap();
    for file in answer_files() {
        let dated = is_dated(&file);
        for (standard, archival) in STANDARDS {
            let pdf = folder.path().join(format!("{standard}.pdf"));
            let assert = render(file.to_str().unwrap(), &pdf, &[standard]);
            if archival && !dated {
                assert
                    .code(1)
                    .stdout("")
                    .stderr(predicate::str::contains(needs_date_message(
                        &file, standard,
                    )));
                assert!(!pdf.exists(), "{}: {standard} wrote a PDF", file.display());
                continue;
            }
            assert
                .success()
                .stderr(predicate::str::contains("fejl").not())
                .stderr(predicate::str::contains("har ingen dato").not());
            let bytes = std::fs::read(&pdf).unwrap();
            let version = if standard.starts_with("a-4") || standard == "2.0" {
                "%PDF-2.0"
            } else {
                "%PDF-1.7"
            };
            assert!(
                bytes.starts_with(version.as_bytes()),
                "{} under {standard} is not {version}",
                file.display()
            );
            let facts = read_pdf(&pdf);
            assert!(
                facts.tagged,
                "{} under {standard} is untagged",
                file.display()
            );
            assert_eq!(
                xmp_has(&facts, "<pdfuaid:part>1</pdfuaid:part>"),
                standard == "ua-1",
                "{} under {standard}: PDF/UA identification",
                file.display()
            );
            let part = standard.strip_prefix("a-").map(|level| &level[..1]);
            assert_eq!(
                xmp_has(&facts, "<pdfaid:part>"),
                part.is_some(),
                "{} under {standard}: PDF/A identification",
                file.display()
            );
            if let Some(part) = part {
                let element = format!("<pdfaid:part>{part}</pdfaid:part>");
                assert!(
                    xmp_has(&facts, &element),
                    "{} lacks {element}",
                    file.display()
                );
            }
            // PDF/A-2 and plain PDF/A-4 forbid attached files; every other standard carries
            // the answer file.
            let forbids_attachments = standard.starts_with("a-2") || standard == "a-4";
            assert_eq!(
                facts.attached.contains(&"svar.json".to_string()),
                !forbids_attachments,
                "{} under {standard}: attached files {:?}",
                file.display(),
                facts.attached
            );
            std::fs::remove_file(&pdf).unwrap();
        }
    }
}

#[test]
fn every_answer_exports_under_the_default() {
    let folder = tempfile::tempdir().unwrap();
    for file in answer_files() {
        let pdf = folder.path().join("default.pdf");
        let assert = render(file.to_str().unwrap(), &pdf, &[]).success();
        let facts = read_pdf(&pdf);
        assert!(xmp_has(&facts, "<pdfuaid:part>1</pdfuaid:part>"));
        if is_dated(&file) {
            assert.stderr(predicate::str::contains("har ingen dato").not());
            assert!(xmp_has(&facts, "<pdfaid:part>3</pdfaid:part>"));
            assert!(xmp_has(
                &facts,
                "<pdfaid:conformance>B</pdfaid:conformance>"
            ));
        } else {
            assert.stderr(predicate::str::contains("har ingen dato"));
            assert!(!xmp_has(&facts, "<pdfaid:part>"));
        }
    }
}

#[test]
fn the_default_for_a_dated_answer_is_pdf_ua_1_with_pdf_a_3b() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("complete.pdf");
    render(complete(), &pdf, &[])
        .success()
        .stdout(predicate::str::contains("(1 side), PDF/UA-1 + PDF/A-3b\n"))
        .stderr(predicate::str::contains("advarsel").not());
    let facts = read_pdf(&pdf);
    assert!(xmp_has(&facts, "<pdfuaid:part>1</pdfuaid:part>"));
    assert!(xmp_has(&facts, "<pdfaid:part>3</pdfaid:part>"));
    assert!(xmp_has(
        &facts,
        "<pdfaid:conformance>B</pdfaid:conformance>"
    ));
    assert!(facts.display_doc_title, "PDF/UA-1 wants the title shown");

    // Asking for the default explicitly gives the same bytes.
    let explicit = folder.path().join("explicit.pdf");
    render(complete(), &explicit, &["ua-1,a-3b"]).success();
    assert!(std::fs::read(&pdf).unwrap() == std::fs::read(&explicit).unwrap());
}

#[test]
fn the_default_for_an_undated_answer_is_pdf_ua_1_alone_with_a_warning() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("example.pdf");
    render(example(), &pdf, &[])
        .success()
        .stdout(predicate::str::contains("(4 sider), PDF/UA-1\n"))
        .stderr(predicate::str::contains(
            "advarsel: data/beu-287-2019.json har ingen dato; PDF/A kræver en dato, så PDF'en \
             overholder kun PDF/UA-1. Angiv \"date\" for at få PDF/A-3b.\n",
        ));
    let facts = read_pdf(&pdf);
    assert!(xmp_has(&facts, "<pdfuaid:part>1</pdfuaid:part>"));
    assert!(!xmp_has(&facts, "<pdfaid:part>"));
    assert!(facts.display_doc_title);
}

#[test]
fn an_explicit_pdf_a_for_an_undated_answer_is_refused_and_keeps_the_earlier_pdf() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("example.pdf");
    render(example(), &pdf, &["ua-1"]).success();
    let before = std::fs::read(&pdf).unwrap();
    render(example(), &pdf, &["ua-1,a-3b"])
        .code(1)
        .stderr(predicate::str::contains(needs_date_message(
            Path::new(example()),
            "a-3b",
        )));
    assert_eq!(std::fs::read(&pdf).unwrap(), before);
}

#[test]
fn impossible_combinations_are_refused_before_anything_is_written() {
    // Standards for different PDF versions say which versions, and what to choose instead,
    // in Danish alone (Typst's English explanation is not passed on).
    let cases: [(&[&str], &str); 6] = [
        (
            &["ua-1,a-4"],
            "fejl: PDF-standarderne ua-1 og a-4 kan ikke kombineres: PDF/UA-1 kræver PDF 1.7, men \
             PDF/A-4 kræver PDF 2.0. Vælg standarder til én PDF-version, fx --pdf-standard \
             ua-1,a-3b (PDF 1.7) eller --pdf-standard a-4 (PDF 2.0).\n",
        ),
        (
            &["2.0", "ua-1"],
            "fejl: PDF-standarderne 2.0 og ua-1 kan ikke kombineres: 2.0 vælger PDF 2.0, men \
             PDF/UA-1 kræver PDF 1.7. Vælg standarder til én PDF-version, fx --pdf-standard ua-1 \
             (PDF 1.7) eller --pdf-standard 2.0 (PDF 2.0).\n",
        ),
        (
            &["a-4,1.7"],
            "fejl: PDF-standarderne a-4 og 1.7 kan ikke kombineres: PDF/A-4 kræver PDF 2.0, men \
             1.7 vælger PDF 1.7. Vælg standarder til én PDF-version, fx --pdf-standard 1.7,a-3b \
             (PDF 1.7) eller --pdf-standard a-4 (PDF 2.0).\n",
        ),
        (
            &["a-2b,a-3b"],
            "fejl: PDF-standarderne a-2b og a-3b kan ikke kombineres: en PDF kan kun overholde én \
             PDF/A-standard\n",
        ),
        (
            &["1.7,2.0"],
            "fejl: PDF-standarderne 1.7 og 2.0 kan ikke kombineres: en PDF har kun én PDF-version\n",
        ),
        (
            &["none", "ua-1"],
            "fejl: PDF-standarden \"none\" (ingen standard) kan ikke kombineres med andre (none og \
             ua-1)\n",
        ),
    ];
    for (standards, message) in cases {
        let folder = tempfile::tempdir().unwrap();
        render(complete(), &folder.path().join("out"), standards)
            .code(1)
            .stdout("")
            .stderr(message);
        assert_eq!(
            std::fs::read_dir(folder.path()).unwrap().count(),
            0,
            "{standards:?} wrote something"
        );
    }
}

#[test]
fn an_unknown_standard_is_a_usage_error() {
    svar()
        .args(["render", "--pdf-standard", "a-1b", complete()])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "fejl: 'a-1b' er ikke en gyldig værdi for '--pdf-standard <STANDARD>'\n  = tip: mente du 'a-3b'?\n  = tip: mulige værdier: 'ua-1', 'a-2b',",
        ));
}

#[test]
fn the_structure_tree_has_language_title_headings_quotes_tables_and_lists() {
    let folder = tempfile::tempdir().unwrap();
    let titles = [
        (
            example(),
            "Svar på spørgsmål nr. 287 (Alm. del) fra Folketingets Beskæftigelsesudvalg, folketingsåret 2018-19",
            &[][..],
        ),
        (
            complete(),
            "Svar på spørgsmål nr. 15 (Alm. del) fra Folketingets Udvalg for Forretningsordenen, folketingsåret 2010-11",
            &LIST_TAGS[..],
        ),
    ];
    for (file, title, list_tags) in titles {
        let pdf = folder.path().join("answer.pdf");
        render(file, &pdf, &[]).success();
        let facts = read_pdf(&pdf);
        assert!(
            facts.lang.starts_with("da"),
            "{file}: language {}",
            facts.lang
        );
        assert_eq!(
            facts.info_title.as_deref(),
            Some(title),
            "{file}: /Info /Title"
        );
        let dc_title =
            format!("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li>");
        assert!(facts.xmp.contains(&dc_title), "{file}: XMP dc:title");
        assert!(facts.display_doc_title, "{file}: DisplayDocTitle");

        assert!(
            facts.tags.contains("H1") || facts.tags.contains("H"),
            "{file}: no heading among {:?}",
            facts.tags
        );
        for tag in REQUIRED_TAGS.iter().chain(list_tags) {
            assert!(
                facts.tags.contains(*tag),
                "{file}: no {tag} among {:?}",
                facts.tags
            );
        }
        assert!(!facts.tables.is_empty());
        for (children, descendants) in &facts.tables {
            // A table of figures has a header row and a caption; the letterhead's metadata
            // (Dato, Kontor, …) is a table of row headers and values, without either.
            assert!(
                children.contains("Caption") || !descendants.contains("THead"),
                "{file}: a table of figures without caption: {children:?}"
            );
            assert!(
                descendants.contains("TH"),
                "{file}: a table without header cells"
            );
        }
    }
}

#[test]
fn a_pdf_without_standard_is_still_tagged() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("none.pdf");
    render(complete(), &pdf, &["none"])
        .success()
        .stdout(predicate::str::contains("(1 side), ingen PDF-standard\n"));
    let facts = read_pdf(&pdf);
    assert!(facts.tagged);
    assert!(facts.lang.starts_with("da"));
    for tag in REQUIRED_TAGS.iter().chain(&LIST_TAGS) {
        assert!(facts.tags.contains(*tag), "no {tag} among {:?}", facts.tags);
    }
    assert!(!xmp_has(&facts, "<pdfuaid:part>"));
    assert!(!xmp_has(&facts, "<pdfaid:part>"));
}

/// The scopes (`/Scope` in the table attributes) of every TH element below `element`.
fn header_scopes(document: &Document, element: &Dictionary, scopes: &mut Vec<String>) {
    if structure_type(element) == "TH" {
        // /A is one attribute dictionary or an array of them.
        let attributes = element
            .get(b"A")
            .ok()
            .map(|a| document.dereference(a).unwrap().1);
        let dictionaries: Vec<&Dictionary> = match attributes {
            Some(Object::Array(items)) => items
                .iter()
                .filter_map(|item| document.dereference(item).ok()?.1.as_dict().ok())
                .collect(),
            Some(Object::Dictionary(dictionary)) => vec![dictionary],
            _ => Vec::new(),
        };
        let scope = dictionaries
            .iter()
            .find_map(|a| a.get(b"Scope").ok()?.as_name().ok())
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .unwrap_or_default();
        scopes.push(scope);
    }
    let children = element
        .get(b"K")
        .map(|kids| struct_elements(document, kids))
        .unwrap_or_default();
    for child in children {
        header_scopes(document, child, scopes);
    }
}

#[test]
fn row_labels_are_row_headers_and_column_headers_are_column_headers() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("example.pdf");
    render(example(), &pdf, &[]).success();
    let document = Document::load(&pdf).unwrap();
    let root = document.catalog().unwrap().get(b"StructTreeRoot").unwrap();
    let root = document.dereference(root).unwrap().1.as_dict().unwrap();
    let mut scopes = Vec::new();
    for element in struct_elements(&document, root.get(b"K").unwrap()) {
        header_scopes(&document, element, &mut scopes);
    }
    let rows = scopes.iter().filter(|scope| *scope == "Row").count();
    let columns = scopes.iter().filter(|scope| *scope == "Column").count();
    // Table 2 has two labelled panels of four rows and a total each; every panel has a header.
    assert_eq!(rows, 10, "{scopes:?}");
    assert!(columns >= 22, "{scopes:?}");
}

/// What `read` finds in every structure element of type `kind` in `document`, in reading order.
fn texts_of_elements(
    document: &Document,
    kind: &str,
    read: fn(&Document, &Dictionary) -> Option<String>,
) -> Vec<String> {
    fn collect(
        document: &Document,
        element: &Dictionary,
        kind: &str,
        read: fn(&Document, &Dictionary) -> Option<String>,
        found: &mut Vec<String>,
    ) {
        if structure_type(element) == kind {
            found.extend(read(document, element));
        }
        if let Ok(kids) = element.get(b"K") {
            for child in struct_elements(document, kids) {
                collect(document, child, kind, read, found);
            }
        }
    }
    let root = document.catalog().unwrap().get(b"StructTreeRoot").unwrap();
    let root = document.dereference(root).unwrap().1.as_dict().unwrap();
    let mut found = Vec::new();
    for element in struct_elements(document, root.get(b"K").unwrap()) {
        collect(document, element, kind, read, &mut found);
    }
    found
}

/// An element's alternative text (`/Alt`).
fn alternative_text(_: &Document, element: &Dictionary) -> Option<String> {
    let alt = element.get(b"Alt").and_then(Object::as_str).ok()?;
    Some(text_string(alt))
}

/// A table's summary, among its attributes (`/A`, one dictionary or several).
fn table_summary(document: &Document, element: &Dictionary) -> Option<String> {
    let attributes = document.dereference(element.get(b"A").ok()?).ok()?.1;
    let dictionaries = match attributes {
        Object::Array(items) => items.iter().collect(),
        single => vec![single],
    };
    dictionaries.into_iter().find_map(|attributes| {
        let attributes = document.dereference(attributes).ok()?.1.as_dict().ok()?;
        let summary = attributes.get(b"Summary").and_then(Object::as_str).ok()?;
        Some(text_string(summary))
    })
}

/// A PDF text string: UTF-16 with a byte-order mark, or else (here) plain ASCII/UTF-8.
fn text_string(bytes: &[u8]) -> String {
    match bytes {
        [0xFE, 0xFF, rest @ ..] => String::from_utf16_lossy(
            &rest
                .chunks(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect::<Vec<_>>(),
        ),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

#[test]
fn a_profiles_logo_is_a_figure_read_out_by_its_description() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("logo.pdf");
    render("tests/fixtures/logo/answer.json", &pdf, &[]).success();
    let document = Document::load(&pdf).unwrap();
    let found = texts_of_elements(&document, "Figure", alternative_text);
    assert_eq!(
        found,
        ["Eksempellogo: en hvid cirkel og en hvid bjælke på blå bund"]
    );
}

/// The structure elements of `pdf` with their texts, one per line and indented by depth, as
/// `pdfinfo -struct-text` (poppler-utils) prints them.
fn structure_text(pdf: &Path) -> String {
    let output = std::process::Command::new("pdfinfo")
        .arg("-struct-text")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) is needed");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The lines of `structure`, and the index of the first that holds `text`.
fn line_holding<'a>(structure: &'a str, text: &str) -> (Vec<&'a str>, usize) {
    let lines: Vec<&str> = structure.lines().collect();
    let at = lines
        .iter()
        .position(|line| line.contains(text))
        .unwrap_or_else(|| panic!("{text:?} is not in the structure:\n{structure}"));
    (lines, at)
}

/// The structure element that holds `text`, and every text it holds: the element's line and
/// the text lines below it, up to the next element.
fn element_holding<'a>(structure: &'a str, text: &str) -> (&'a str, Vec<&'a str>) {
    let (lines, at) = line_holding(structure, text);
    let is_text = |line: &&str| line.trim_start().starts_with('"');
    // An element's attributes ("/Scope /Row") come between its line and its texts.
    let is_attribute = |line: &&str| line.trim_start().starts_with('/');
    let start = (0..at)
        .rev()
        .find(|&index| !is_text(&lines[index]) && !is_attribute(&lines[index]))
        .unwrap();
    let texts = lines[start + 1..]
        .iter()
        .filter(|line| !is_attribute(line))
        .take_while(|line| is_text(line))
        .map(|line| line.trim())
        .collect();
    (lines[start].trim(), texts)
}

#[test]
fn a_cover_letters_parts_are_paragraphs_and_the_metadata_labels_head_their_rows() {
    // Text alone in a block is tagged as a bare span, and the signature and the ministry's
    // address ran together into one for a screen reader.
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("ufo.pdf");
    render("data/ufo-15-2010-11.json", &pdf, &[]).success();
    let structure = structure_text(&pdf);
    for text in [
        "Folketinget",
        "Lars Barfoed / Ole Hasselgaard",
        "Slotsholmsgade 10",
    ] {
        let (element, _) = element_holding(&structure, text);
        assert_eq!(element, "P (block)", "{text:?} in:\n{structure}");
    }
    let (_, signature) = element_holding(&structure, "Lars Barfoed / Ole Hasselgaard");
    assert_eq!(signature, ["\"Lars Barfoed / Ole Hasselgaard\""]);
    let (_, address) = element_holding(&structure, "Slotsholmsgade 10");
    assert_eq!(
        address.first(),
        Some(&"\"Justitsministeriet\""),
        "{address:?}"
    );
    // The letterhead's metadata: each label heads its row, so it is read with its value.
    let (label, _) = element_holding(&structure, "\"Kontor:\"");
    assert!(label.starts_with("TH "), "{label} in:\n{structure}");
    assert!(structure.contains("/Scope /Row"), "{structure}");
    // The department stands over the metadata as a paragraph of its own, unlabelled, as in
    // the published letter (review 6, item 6: it had no field).
    let (department, texts) = element_holding(&structure, "\"Lovafdelingen\"");
    assert_eq!(
        (department, texts),
        ("P (block)", vec!["\"Lovafdelingen\""])
    );
    let page = common::pdf_page_text(&pdf, 1);
    assert!(
        page.contains("Justitsministeriet Lovafdelingen Dato:"),
        "{page}"
    );
}

#[test]
fn the_titles_of_a_correction_and_a_speaking_note_are_headings() {
    // They were bare spans, which a screen reader cannot go to.
    let folder = tempfile::tempdir().unwrap();
    for (answer, title) in [
        ("tests/fixtures/correction.json", "Berigtigelse"),
        ("tests/fixtures/consultation.json", "Talepapir"),
    ] {
        let pdf = folder.path().join(format!("{title}.pdf"));
        render(answer, &pdf, &[]).success();
        let structure = structure_text(&pdf);
        // pdfinfo names a heading by its text: `H1 "Berigtigelse" (block)`.
        let heading = format!("H1 \"{title}\" (block)");
        assert!(
            structure.lines().any(|line| line.trim() == heading),
            "{heading} is not in:\n{structure}"
        );
    }
    let structure = structure_text(&folder.path().join("Talepapir.pdf"));
    let (element, _) = element_holding(&structure, "\"Det talte ord gælder.\"");
    assert_eq!(element, "P (block)", "{structure}");
}

/// The elements that enclose the line holding `text`, innermost first, by indentation.
fn enclosing_elements<'a>(structure: &'a str, text: &str) -> Vec<&'a str> {
    let (lines, at) = line_holding(structure, text);
    elements_enclosing_line(&lines, at)
}

/// The elements that enclose `lines[at]`, innermost first, by indentation.
fn elements_enclosing_line<'a>(lines: &[&'a str], at: usize) -> Vec<&'a str> {
    let indent = |line: &str| line.len() - line.trim_start().len();
    let mut depth = indent(lines[at]);
    let mut found = Vec::new();
    for line in lines[..at].iter().rev() {
        let trimmed = line.trim_start();
        if indent(line) < depth && !trimmed.starts_with('"') && !trimmed.starts_with('/') {
            found.push(trimmed.trim_end());
            depth = indent(line);
        }
    }
    found
}

#[test]
fn the_caption_of_a_table_with_panels_belongs_to_a_table() {
    // The caption of a table whose panels have headings was tagged in a plain Div around the
    // panels, tied to none of their tables for a screen reader.
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("beu.pdf");
    render("data/beu-287-2019.json", &pdf, &[]).success();
    let structure = structure_text(&pdf);
    for caption in [
        "Tabel 1: Sigtelser for menneskehandel",
        "Tabel 2: Henlæggelser og afgørelser for menneskehandel",
    ] {
        let enclosing = enclosing_elements(&structure, caption);
        let caption_at = enclosing
            .iter()
            .position(|element| *element == "Caption")
            .unwrap_or_else(|| panic!("{caption:?} is in no Caption: {enclosing:?}"));
        assert!(
            enclosing[caption_at + 1].starts_with("Table"),
            "{caption:?}: {enclosing:?}"
        );
    }
}

#[test]
fn the_quotation_marks_svar_sets_on_a_table_are_not_read_as_its_text() {
    // A statement's mark in a header cell was read out with every figure of its column
    // ("”Område"), its closing marks with the last figure ("3.707”””"), and an opening one
    // before the table's name ("”Tabel 1: …"); the statement is tagged as a quotation
    // (review 29, 3).
    let folder = tempfile::tempdir().unwrap();
    for name in [
        "statements-closing-after-a-table",
        "statement-opening-with-a-table",
        "statements-with-uncaptioned-tables",
    ] {
        let pdf = folder.path().join(format!("{name}.pdf"));
        render(&format!("tests/fixtures/quotations/{name}.json"), &pdf, &[]).success();
        let structure = structure_text(&pdf);
        let lines: Vec<&str> = structure.lines().collect();
        let mut read_marks = 0;
        for at in (0..lines.len()).filter(|&at| lines[at].contains('”')) {
            read_marks += 1;
            let enclosing = elements_enclosing_line(&lines, at);
            assert!(
                !enclosing.iter().any(|element| ["TH", "TD", "Caption"]
                    .iter()
                    .any(|part| element.starts_with(part))),
                "{name}: {:?} is read in {enclosing:?}",
                lines[at]
            );
        }
        // The marks around the question and the statements' paragraphs are read.
        assert!(read_marks > 0, "{name}:\n{structure}");
    }
}

#[test]
fn a_later_panel_of_a_table_names_the_table_it_continues() {
    // A screen reader moving from table to table met "B. Antal personer sigtet" alone: the
    // table's number and caption stand only over its first panel (review 29, 5).
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("beu.pdf");
    render("data/beu-287-2019.json", &pdf, &[]).success();
    let document = Document::load(&pdf).unwrap();
    assert_eq!(
        texts_of_elements(&document, "Table", table_summary),
        [
            "Fortsættelse af tabel 1: Sigtelser for menneskehandel",
            "Fortsættelse af tabel 2: Henlæggelser og afgørelser for menneskehandel",
        ]
    );
}

/// Whether the structure element `element` holds any content: marked content on a page, an
/// annotation or an element below it that does.
fn has_content(document: &Document, element: &Dictionary) -> bool {
    let Ok(kids) = element.get(b"K") else {
        return false;
    };
    let kids = match document.dereference(kids).unwrap().1 {
        Object::Array(items) => items.clone(),
        kid => vec![kid.clone()],
    };
    kids.iter()
        .any(|kid| match document.dereference(kid).unwrap().1 {
            Object::Integer(_) => true,
            Object::Dictionary(kid) if kid.has(b"S") => has_content(document, kid),
            Object::Dictionary(kid) => kid.has(b"Type"),
            _ => false,
        })
}

/// The types of the structure elements of `pdf` that hold nothing, in reading order.
fn empty_elements(pdf: &Path) -> Vec<String> {
    fn visit(document: &Document, element: &Dictionary, found: &mut Vec<String>) {
        if !has_content(document, element) {
            found.push(structure_type(element));
        }
        if let Ok(kids) = element.get(b"K") {
            for child in struct_elements(document, kids) {
                visit(document, child, found);
            }
        }
    }
    let document = Document::load(pdf).unwrap();
    let root = document.catalog().unwrap().get(b"StructTreeRoot").unwrap();
    let root = document.dereference(root).unwrap().1.as_dict().unwrap();
    let mut found = Vec::new();
    for element in struct_elements(&document, root.get(b"K").unwrap()) {
        visit(&document, element, &mut found);
    }
    found
}

#[test]
fn no_structure_element_is_empty_but_a_blank_data_cell() {
    // A screen reader announces an empty heading, label or group as something with nothing in
    // it: the letterhead of an undated answer had an empty column, the enclosure list empty
    // list labels, and a panel without a heading over its row labels an empty column header.
    let folder = tempfile::tempdir().unwrap();
    let no_label_header = folder.path().join("no-label-header.json");
    let complete_text = std::fs::read_to_string(crate_root().join(complete())).unwrap();
    let label_header = r#""label_header": "Type","#;
    assert!(complete_text.contains(label_header));
    std::fs::write(&no_label_header, complete_text.replace(label_header, "")).unwrap();
    let mut files: Vec<PathBuf> = answer_files()
        .into_iter()
        .map(|file| crate_root().join(file))
        .collect();
    files.push(crate_root().join("tests/fixtures/enclosure.json"));
    files.push(no_label_header);
    for file in files {
        let pdf = folder.path().join("answer.pdf");
        render(file.to_str().unwrap(), &pdf, &[]).success();
        let empty = empty_elements(&pdf);
        assert!(
            empty.iter().all(|kind| kind == "TD"),
            "{}: empty {empty:?}",
            file.display()
        );
    }
}

#[test]
fn the_sections_under_a_documents_title_are_its_subheadings() {
    let folder = tempfile::tempdir().unwrap();
    for (file, levels) in [
        // "Spørgsmål nr. 287 …:" and "Svar:", with no title above them.
        (example(), &["H1", "H1"][..]),
        // "Talepapir", then "Samrådsspørgsmål AÆ:" under it.
        ("tests/fixtures/consultation.json", &["H1", "H2"][..]),
        // "Berigtigelse", then "Spørgsmål nr. 167:" and "Svar:" under it.
        (
            "tests/fixtures/correction-letter.json",
            &["H1", "H2", "H2"][..],
        ),
        // Subheadings in a statement and the answer under "Svar:", and in an enclosure under
        // its title.
        (
            "tests/fixtures/headings/headings.json",
            &["H1", "H1", "H2", "H2", "H2", "H1", "H2"][..],
        ),
        // "Berigtigelse" over the question and "Svar:"; the enclosure is a title of its own,
        // its heading under it (it was H3 under H1, which PDF/UA refused).
        (
            "tests/fixtures/headings/correction-with-enclosure.json",
            &["H1", "H2", "H2", "H1", "H2"][..],
        ),
        // A speaking note has no "Svar:": its sections stand beside "Samrådsspørgsmål:".
        (
            "tests/fixtures/headings/speaking-note.json",
            &["H1", "H2", "H2", "H1", "H2"][..],
        ),
    ] {
        let pdf = folder.path().join("answer.pdf");
        render(file, &pdf, &[]).success();
        let found: Vec<String> = structure_text(&pdf)
            .lines()
            .filter_map(|line| line.trim_start().split(' ').next())
            .filter(|tag| tag.len() == 2 && tag.starts_with('H'))
            .map(str::to_string)
            .collect();
        assert_eq!(found, levels, "{file}");
    }
}

#[test]
fn a_numbered_list_is_tagged_as_a_list_numbered_in_decimals_with_its_labels() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("numbered.pdf");
    render("tests/fixtures/lists/numbered.json", &pdf, &[]).success();
    let structure = structure_text(&pdf);
    let (lines, first) = line_holding(&structure, "ansøgeren har fast bopæl her i landet,");
    let list: Vec<&str> = lines[first - 5..first + 10]
        .iter()
        .map(|line| line.trim())
        .collect();
    assert_eq!(
        list,
        [
            "/ListNumbering /Decimal",
            "LI (block)",
            "Lbl (block)",
            "\"1)\"",
            "LBody (block)",
            "\"ansøgeren har fast bopæl her i landet,\"",
            "LI (block)",
            "Lbl (block)",
            "\"2)\"",
            "LBody (block)",
            "\"ansøgeren ikke har forfalden gæld til det offentlige, og\"",
            "LI (block)",
            "Lbl (block)",
            "\"3)\"",
            "LBody (block)",
        ],
        "{structure}"
    );
}

/// The bookmarks of `pdf`: each one's level and title.
fn bookmarks(pdf: &Path) -> Vec<(usize, String)> {
    let toc = Document::load(pdf).unwrap().get_toc().unwrap();
    (toc.toc.into_iter())
        .map(|entry| (entry.level, entry.title))
        .collect()
}

#[test]
fn subheadings_are_bookmarks_under_svar_without_the_quotation_mark_before_them() {
    // A statement that begins with a heading opens its quotation before it ("”Organisering"),
    // but the bookmark is the heading's own text. "Svar:" and the question's heading print
    // their colon, and their bookmarks read without it (review 6, item 15).
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("headings.pdf");
    render("tests/fixtures/headings/headings.json", &pdf, &[]).success();
    assert_eq!(
        bookmarks(&pdf),
        [
            // svar's own sentences keep "nr. 412" and "Bilag 1" together (no-break spaces).
            (
                1,
                "Spørgsmål nr.\u{a0}412 (Alm.\u{a0}del) fra Folketingets Retsudvalg".into(),
            ),
            (1, "Svar".into()),
            (2, "Organisering".into()),
            (2, "Ressourcer".into()),
            (2, "Ministerens bemærkninger".into()),
            (
                1,
                "Bilag\u{a0}1: Sager om menneskehandel fordelt på politikredse".into()
            ),
            (2, "Sager i 2026".into()),
        ]
    );
    let text = common::pdf_text(&pdf);
    assert!(text.contains("”Organisering"), "{text}");
    assert!(text.contains("Retsudvalg: ”"), "{text}");
    assert!(text.contains(" Svar: "), "{text}");
    // A screen reader's heading is the printed one, colon and all.
    let structure = structure_text(&pdf);
    let (heading, texts) = element_holding(&structure, "\"Svar:\"");
    assert!(heading.trim_start().starts_with("H1"), "{heading}");
    assert_eq!(texts, ["\"Svar:\""]);
}

#[test]
fn a_cover_letter_has_a_bookmark_but_no_heading_to_see_or_hear() {
    // The outline began on page 2, with the question: the cover letter had no bookmark
    // (review 6, item 15).
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("følgebrev.pdf");
    render("data/ufo-15-2010-11.json", &pdf, &[]).success();
    let titles: Vec<String> = bookmarks(&pdf)
        .into_iter()
        .map(|(_, title)| title)
        .collect();
    assert_eq!(titles[0], "Følgebrev");
    assert_eq!(
        titles[1..],
        [
            "Spørgsmål nr.\u{a0}15 (Alm.\u{a0}del) fra Folketingets Udvalg for Forretningsordenen",
            "Svar"
        ]
    );
    let page = |title: &str| {
        let toc = Document::load(&pdf).unwrap().get_toc().unwrap();
        toc.toc
            .into_iter()
            .find(|entry| entry.title == title)
            .unwrap()
            .page
    };
    assert_eq!((page("Følgebrev"), page("Svar")), (1, 2));
    // It shows the page from its top, letterhead and all (review 14, F7: it scrolled past it).
    let document = Document::load(&pdf).unwrap();
    let outlines = document.catalog().unwrap().get(b"Outlines").unwrap();
    let outlines = document.dereference(outlines).unwrap().1.as_dict().unwrap();
    let first = document
        .dereference(outlines.get(b"First").unwrap())
        .unwrap()
        .1;
    let destination = first.as_dict().unwrap().get(b"Dest").unwrap();
    let destination = document
        .dereference(destination)
        .unwrap()
        .1
        .as_array()
        .unwrap();
    let top = destination[3].as_float().unwrap();
    assert!(
        top > 841.89 - 72.0,
        "the bookmark shows the page from {top} pt"
    );
    // The letter reads as it is printed: no heading on the page, none in its tags.
    assert!(!common::pdf_text(&pdf).contains("Følgebrev"));
    assert!(!structure_text(&pdf).contains("Følgebrev"));
}
