//! Where svar may write: a slip on the command line must never overwrite the answer a clerk is
//! working on, and a wrong path is refused before any work, with a Danish message.

mod common;

use common::{fixture, svar};
use predicates::prelude::*;

/// A folder holding a copy of an answer file, `a.json`.
fn folder_with_answer() -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>) {
    let folder = tempfile::tempdir().unwrap();
    let answer = folder.path().join("a.json");
    let bytes = std::fs::read(fixture("complete.json")).unwrap();
    std::fs::write(&answer, &bytes).unwrap();
    (folder, answer, bytes)
}

#[test]
fn a_redline_or_watched_pdf_may_not_replace_the_answer() {
    let (folder, answer, bytes) = folder_with_answer();
    let in_folder = |name: &str| folder.path().join(name);
    std::fs::copy(&answer, in_folder("a.pdf")).unwrap();
    let cases = [
        (
            vec!["diff", "a.json", "a.json", "--redline", "a.json"],
            "fejl: --redline a.json: en PDF skal have et navn, der ender på .pdf\n",
            2,
        ),
        (
            vec!["diff", "a.json", "a.pdf", "--redline", "./a.pdf"],
            "fejl: --redline ./a.pdf: filen ville erstatte a.pdf, som den laves ud fra; vælg et andet navn eller en anden mappe\n",
            2,
        ),
        (
            vec!["watch", "a.json", "-o", "a.json"],
            "fejl: -o a.json: en PDF skal have et navn, der ender på .pdf\n",
            1,
        ),
        (
            vec!["render", "a.json", "-o", "a.json"],
            "fejl: -o a.json er navnet på en svarfil; efter -o står den PDF, der skrives (et navn, der ender på .pdf), eller mappen til PDF'erne. Skal filen sættes, så skriv den uden -o foran\n",
            1,
        ),
        (
            // Through a folder that does not exist yet: still the answer, and nothing created.
            vec!["render", "a.json", "-o", "./nyd/../a.json"],
            "fejl: -o ./nyd/../a.json er navnet på en svarfil; efter -o står den PDF, der skrives (et navn, der ender på .pdf), eller mappen til PDF'erne. Skal filen sættes, så skriv den uden -o foran\n",
            1,
        ),
        (
            // A name pasted with a space: no folder "b.pdf " is made, nor a PDF "b.pdf ".
            vec!["render", "a.json", "-o", "b.pdf "],
            "fejl: -o \"b.pdf \": et navn på stien begynder eller slutter med et mellemrum, måske kopieret med; skriv det uden mellemrummet\n",
            1,
        ),
        (
            vec!["render", "a.json", "-o", "ud /b.pdf"],
            "fejl: -o \"ud /b.pdf\": et navn på stien begynder eller slutter med et mellemrum, måske kopieret med; skriv det uden mellemrummet\n",
            1,
        ),
        (
            vec!["watch", "a.json", "-o", " b.pdf"],
            "fejl: -o \" b.pdf\": et navn på stien begynder eller slutter med et mellemrum, måske kopieret med; skriv det uden mellemrummet\n",
            1,
        ),
        (
            vec!["diff", "a.json", "a.json", "--redline", "ud/r.pdf "],
            "fejl: --redline \"ud/r.pdf \": et navn på stien begynder eller slutter med et mellemrum, måske kopieret med; skriv det uden mellemrummet\n",
            2,
        ),
        (
            // An answer's name that is no file yet: no folder of that name is made for the PDF.
            vec!["render", "a.json", "-o", "b.JSON"],
            "fejl: -o b.JSON er navnet på en svarfil; efter -o står den PDF, der skrives (et navn, der ender på .pdf), eller mappen til PDF'erne. Skal filen sættes, så skriv den uden -o foran\n",
            1,
        ),
        (
            vec!["render", "a.json", "-o", "./nyd/../a.json/x.pdf"],
            "fejl: ./nyd/../a.json/x.pdf: ./nyd/../a.json er en fil, ikke en mappe; vælg en anden mappe\n",
            1,
        ),
        (
            vec!["render", "a.pdf", "-o", "./nyd/../a.pdf"],
            "fejl: ./nyd/../a.pdf: filen ville erstatte a.pdf, som den laves ud fra; vælg et andet navn eller en anden mappe\n",
            1,
        ),
        (
            vec!["render", "a.json", "-o", "a.json/x.pdf"],
            "fejl: a.json/x.pdf: a.json er en fil, ikke en mappe; vælg en anden mappe\n",
            1,
        ),
        (
            vec!["render", "a.pdf", "-o", "a.pdf"],
            "fejl: a.pdf: filen ville erstatte a.pdf, som den laves ud fra; vælg et andet navn eller en anden mappe\n",
            1,
        ),
    ];
    for (args, message, code) in cases {
        svar()
            .current_dir(folder.path())
            .args(&args)
            .assert()
            .code(code)
            .stderr(message);
        assert_eq!(std::fs::read(&answer).unwrap(), bytes, "{args:?}");
        assert_eq!(
            std::fs::read(in_folder("a.pdf")).unwrap(),
            bytes,
            "{args:?}"
        );
    }
    let written: Vec<_> = std::fs::read_dir(folder.path()).unwrap().collect();
    assert_eq!(written.len(), 2, "nothing else was written");
}

/// A device is no folder either: `-o /dev/full` was told "der findes allerede en fil med det
/// navn" when svar tried to make the folder.
#[cfg(target_os = "linux")]
#[test]
fn an_output_folder_that_is_a_device_is_refused_for_what_it_is() {
    let (folder, ..) = folder_with_answer();
    svar()
        .current_dir(folder.path())
        .args(["render", "a.json", "-o", "/dev/full"])
        .assert()
        .code(1)
        .stderr(
            "fejl: -o /dev/full er en fil, ikke en mappe; angiv en mappe, eller et filnavn, der \
             ender på .pdf\n",
        );
    svar()
        .current_dir(folder.path())
        .args(["render", "a.json", "-o", "/dev/full/a.pdf"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "/dev/full er en fil, ikke en mappe; vælg en anden mappe",
        ));
}

#[test]
fn a_new_answer_needs_a_json_name_in_an_existing_folder() {
    let folder = tempfile::tempdir().unwrap();
    for (name, message) in [
        (
            "x.pdf",
            "fejl: x.pdf: en svarfil skal have et navn, der ender på .json\n",
        ),
        (
            "x.json/",
            "fejl: x.json/: en svarfil skal have et navn, der ender på .json\n",
        ),
        (
            "mangler/x.json",
            "fejl: mangler/x.json: mappen mangler findes ikke; opret den først, eller vælg en anden mappe\n",
        ),
    ] {
        svar()
            .current_dir(folder.path())
            .args(["new", name])
            .assert()
            .code(1)
            .stderr(message);
    }
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0);
}

#[test]
fn a_missing_template_folder_is_named_as_a_folder() {
    svar()
        .args(["render", "--templates", "findes-ikke"])
        .arg(fixture("complete.json"))
        .assert()
        .code(1)
        .stderr(predicate::eq(
            "fejl: findes-ikke: skabelonmappen findes ikke; tjek stien efter --templates\n",
        ));
}

#[test]
fn an_emitted_typst_source_may_not_replace_an_own_template() {
    let folder = tempfile::tempdir().unwrap();
    let templates = folder.path().join("skabeloner");
    std::fs::create_dir(&templates).unwrap();
    let style = svar::render::TemplateSet::builtin()
        .get("style.typ")
        .unwrap()
        .to_string();
    std::fs::write(templates.join("style.typ"), &style).unwrap();
    std::fs::copy(fixture("complete.json"), folder.path().join("style.json")).unwrap();
    svar()
        .current_dir(folder.path())
        .args([
            "render",
            "style.json",
            "--emit-typst",
            "--templates",
            "skabeloner",
        ])
        .args(["-o", "skabeloner/style.pdf"])
        .assert()
        .code(1)
        .stderr(
            "fejl: skabeloner/style.typ: filen ville erstatte skabeloner/style.typ, som den laves \
             ud fra; vælg et andet navn eller en anden mappe\n",
        );
    assert_eq!(
        std::fs::read_to_string(templates.join("style.typ")).unwrap(),
        style
    );
}

#[test]
fn page_images_of_an_earlier_comparison_are_removed() {
    let folder = tempfile::tempdir().unwrap();
    let pages = folder.path().join("sider");
    std::fs::create_dir(&pages).unwrap();
    for stale in ["page-001.png", "page-007.png"] {
        std::fs::write(pages.join(stale), b"old").unwrap();
    }
    std::fs::write(pages.join("noter.txt"), b"mine").unwrap();
    let answer = fixture("complete.json");
    svar()
        .arg("diff")
        .arg(&answer)
        .arg(&answer)
        .arg("--pages")
        .arg(&pages)
        .assert()
        .code(0)
        .stdout(predicate::str::ends_with(
            "Siderne ser ens ud; ingen billeder skrevet.\n",
        ));
    let mut left: Vec<_> = std::fs::read_dir(&pages)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(left, ["noter.txt"]);
}

#[test]
fn page_images_may_not_replace_a_profile_logo() {
    let folder = tempfile::tempdir().unwrap();
    let ministries = folder.path().join("ministries");
    std::fs::create_dir(&ministries).unwrap();
    let logo = ministries.join("a-1.png");
    // A logo named like the image of page 1 of a.pdf (a 1×1 PNG).
    let png = [
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, b'I', b'H', b'D', b'R', 0,
        0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0x0D, b'I', b'D',
        b'A', b'T', 0x78, 0xDA, 0x63, 0xFC, 0xCF, 0xC0, 0x50, 0x0F, 0, 0x04, 0x85, 0x01, 0x80,
        0x84, 0xA9, 0x8C, 0x21, 0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82,
    ];
    std::fs::write(&logo, png).unwrap();
    std::fs::write(
        ministries.join("eget.json"),
        r#"{"name": "Justitsministeriet", "address": ["Slotsholmsgade 10"],
            "logo": {"file": "a-1.png", "description": "Logo"}}"#,
    )
    .unwrap();
    let mut answer: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("complete.json")).unwrap()).unwrap();
    answer["ministry"]["profile"] = "eget".into();
    std::fs::write(folder.path().join("a.json"), answer.to_string()).unwrap();
    svar()
        .current_dir(folder.path())
        .args(["render", "a.json", "-o", "ministries", "--png"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "ministries/a-1.png: filen ville erstatte ministries/a-1.png, som den laves ud fra",
        ));
    assert_eq!(std::fs::read(&logo).unwrap(), png, "the logo is untouched");
    assert!(!ministries.join("a.pdf").exists(), "nothing was written");
}

#[test]
fn a_page_image_folder_through_a_file_is_refused_before_typesetting() {
    let (folder, _, _) = folder_with_answer();
    svar()
        .current_dir(folder.path())
        .args(["diff", "a.json", "a.json", "--pages", "a.json/sider"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "fejl: --pages a.json/sider/page-001.png: a.json er en fil, ikke en mappe; vælg en anden mappe\n",
        );
}

/// `-o a.pdf/` ends in a separator, so it names a folder, as `-o folder/` does: the PDF is
/// `a.pdf/a.pdf`. It was taken for the file `a.pdf` and refused as a path through a file.
#[test]
fn an_output_ending_in_a_separator_is_a_folder_even_if_named_like_a_pdf() {
    let (folder, ..) = folder_with_answer();
    svar()
        .current_dir(folder.path())
        .args(["render", "a.json", "-o", "a.pdf/"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("a.json → a.pdf/a.pdf (1 side)"));
    assert!(folder.path().join("a.pdf").join("a.pdf").is_file());
    // Where one PDF is meant, a folder is refused as not named *.pdf.
    svar()
        .current_dir(folder.path())
        .args(["watch", "a.json", "-o", "b.pdf/"])
        .assert()
        .code(1)
        .stderr("fejl: -o b.pdf/: en PDF skal have et navn, der ender på .pdf\n");
}

/// An answer named twice is rendered once, however it is spelled: `a.json ./a.json` was
/// refused as two answers writing one PDF, while `a.json a.json` rendered once.
#[test]
fn an_answer_named_twice_is_rendered_once_however_it_is_spelled() {
    let (folder, ..) = folder_with_answer();
    let folder_path = folder.path().to_str().unwrap();
    let absolute = format!("{folder_path}/a.json");
    for twice in [
        ["a.json", "a.json"],
        ["a.json", "./a.json"],
        ["a.json", absolute.as_str()],
    ] {
        svar()
            .current_dir(folder.path())
            .arg("render")
            .args(twice)
            .args(["-o", "twice"])
            .assert()
            .success()
            .stdout(predicate::str::starts_with("a.json → twice/a.pdf (1 side)"))
            .stdout(predicate::str::contains("svar sat").not());
        // Also to one named PDF: it is one answer, not two for one PDF.
        svar()
            .current_dir(folder.path())
            .arg("render")
            .args(twice)
            .args(["-o", "one.pdf"])
            .assert()
            .success()
            .stdout(predicate::str::starts_with("a.json → one.pdf (1 side)"));
    }
}

#[cfg(unix)]
#[test]
fn a_pdf_made_read_only_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("låst.pdf");
    std::fs::write(&pdf, b"the locked final PDF").unwrap();
    std::fs::set_permissions(&pdf, std::fs::Permissions::from_mode(0o444)).unwrap();
    svar()
        .args(["render", "data/beu-287-2019.json", "-o"])
        .arg(&pdf)
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "låst.pdf: kan ikke skrives: adgang nægtet: filen eller mappen er skrivebeskyttet; \
             fjern skrivebeskyttelsen, eller vælg en anden fil eller mappe\n",
        ));
    assert_eq!(std::fs::read(&pdf).unwrap(), b"the locked final PDF");
    let mode = std::fs::metadata(&pdf).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
}

#[cfg(unix)]
#[test]
fn a_read_only_pdf_that_is_current_is_no_error_and_keeps_its_time() {
    // Review 31, 7: rendering an unchanged answer over its locked PDF failed, and warned that
    // the PDF was from an earlier version of the answer.
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("låst.pdf");
    let render = || {
        svar()
            .args(["render", "data/beu-287-2019.json", "-o"])
            .arg(&pdf)
            .assert()
    };
    render().success();
    std::fs::set_permissions(&pdf, std::fs::Permissions::from_mode(0o444)).unwrap();
    let written = std::fs::metadata(&pdf).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    render()
        .success()
        .stdout(predicates::str::contains("låst.pdf (4 sider)"))
        .stderr(predicates::str::contains("tidligere udgave").not());
    assert_eq!(
        std::fs::metadata(&pdf).unwrap().modified().unwrap(),
        written
    );
}

/// A folder holding the spreadsheet fixture as `name` (`tal.pdf`, `sider/page-001.png`) and
/// `a.json`, the spreadsheet answer reading its panel from it; the spreadsheet's bytes.
fn answer_reading_sheet_named(name: &str) -> (tempfile::TempDir, Vec<u8>) {
    let folder = tempfile::tempdir().unwrap();
    let sheet = std::fs::read(fixture("sager.csv")).unwrap();
    let path = folder.path().join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, &sheet).unwrap();
    let text = std::fs::read_to_string(fixture("spreadsheet.json")).unwrap();
    let answer = text.replace("\"sager.csv\"", &format!("\"{name}\""));
    assert_ne!(answer, text);
    std::fs::write(folder.path().join("a.json"), answer).unwrap();
    (folder, sheet)
}

#[test]
fn a_pdf_may_not_replace_a_spreadsheet_the_answer_reads() {
    // Review 17, L10: a spreadsheet named tal.pdf was overwritten by `-o tal.pdf`, and the
    // answer could no longer be read.
    let (folder, sheet) = answer_reading_sheet_named("tal.pdf");
    svar()
        .current_dir(folder.path())
        .args(["render", "a.json", "-o", "./tal.pdf"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "./tal.pdf: filen ville erstatte tal.pdf, som den laves ud fra",
        ));
    assert_eq!(std::fs::read(folder.path().join("tal.pdf")).unwrap(), sheet);
}

#[test]
fn page_images_and_a_source_an_earlier_render_left_are_named_when_they_no_longer_show_the_pdf() {
    // Review 17, L1: another answer's x.typ and x-1.png stayed beside the new x.pdf unnamed.
    let folder = tempfile::tempdir().unwrap();
    let render = |answer: &str, extra: &[&str]| {
        let output = svar()
            .current_dir(folder.path())
            .arg("render")
            .arg(fixture(answer))
            .args(["-o", "x.pdf"])
            .args(extra)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stderr).unwrap()
    };
    assert_eq!(render("enclosure.json", &["--png", "--emit-typst"]), "");
    let images: Vec<std::path::PathBuf> = (1..=2)
        .map(|page| folder.path().join(format!("x-{page}.png")))
        .collect();
    assert!(images.iter().all(|image| image.exists()));
    // The same answer again: its images and source still show the PDF.
    assert_eq!(render("enclosure.json", &[]), "");
    assert_eq!(
        render("complete.json", &[]),
        "advarsel: x.typ, x-1.png og x-2.png er fra en tidligere kørsel og viser ikke den nye \
         PDF; lav dem igen med --emit-typst og --png, eller slet dem\n"
    );
    // Nothing is removed that the clerk did not ask svar to make.
    assert!(images.iter().all(|image| image.exists()));
    // With the source made anew, the images alone are named.
    assert_eq!(
        render("joint-letter.json", &["--emit-typst"]),
        "advarsel: x-1.png og x-2.png er fra en tidligere kørsel og viser ikke den nye PDF; lav \
         dem igen med --png, eller slet dem\n"
    );
}

#[test]
fn a_redline_may_not_replace_a_spreadsheet_either_answer_reads() {
    // Review 18, H1: `svar diff --redline tal.pdf` replaced the spreadsheet tal.pdf that
    // `svar render` refuses to replace.
    let (folder, sheet) = answer_reading_sheet_named("tal.pdf");
    std::fs::copy(fixture("spreadsheet.json"), folder.path().join("b.json")).unwrap();
    std::fs::copy(fixture("sager.csv"), folder.path().join("sager.csv")).unwrap();
    svar()
        .current_dir(folder.path())
        .args(["diff", "b.json", "a.json", "--redline", "tal.pdf"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "--redline tal.pdf: filen ville erstatte tal.pdf, som den laves ud fra",
        ));
    assert_eq!(std::fs::read(folder.path().join("tal.pdf")).unwrap(), sheet);
}

#[test]
fn a_page_image_of_a_comparison_may_not_replace_a_spreadsheet_and_is_refused_before_the_report() {
    // Review 19: `svar diff --pages` printed its whole report before refusing to replace a
    // spreadsheet named like a page image.
    let (folder, sheet) = answer_reading_sheet_named("sider/page-001.png");
    let text = std::fs::read_to_string(folder.path().join("a.json")).unwrap();
    let edited = text.replace("Rigspolitiet", "Rigsadvokaten");
    std::fs::write(folder.path().join("b.json"), edited).unwrap();
    svar()
        .current_dir(folder.path())
        .args(["diff", "a.json", "b.json", "--pages", "sider"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "--pages sider/page-001.png: filen ville erstatte sider/page-001.png",
        ));
    assert_eq!(
        std::fs::read(folder.path().join("sider/page-001.png")).unwrap(),
        sheet
    );
}

#[test]
fn a_pdf_name_that_is_a_folder_says_how_to_write_into_it() {
    let (folder, answer, _) = folder_with_answer();
    std::fs::create_dir(folder.path().join("ud.pdf")).unwrap();
    svar()
        .current_dir(folder.path())
        .args(["render", "a.json", "-o", "ud.pdf"])
        .assert()
        .code(1)
        .stderr(format!(
            "fejl: {}: ud.pdf: kan ikke skrives: det er en mappe, ikke en fil; skriv en skråstreg \
             efter navnet (fx -o ud.pdf/) for at skrive i mappen, eller vælg et andet navn\n",
            answer.file_name().unwrap().to_string_lossy()
        ));
    assert!(
        folder
            .path()
            .join("ud.pdf")
            .read_dir()
            .unwrap()
            .next()
            .is_none()
    );
}

#[test]
fn only_the_last_missing_folder_of_an_output_path_is_made() {
    // Review 33, 12: `-o /nonexistent/mnt/share/x.pdf` made the whole path, so with a share
    // not mounted, or a drive path mistyped, the PDFs landed on the local disk unseen.
    let (folder, ..) = folder_with_answer();
    let refused = |option: &str, path: &str| {
        format!(
            "fejl: {option}{path}: mappen drev findes ikke, og svar opretter kun den sidste mappe \
             på stien; opret mappen først, eller ret stien\n"
        )
    };
    let cases = [
        (
            vec!["render", "a.json", "-o", "drev/delt/a.pdf"],
            refused("", "drev/delt/a.pdf"),
            1,
        ),
        (
            vec!["render", "a.json", "-o", "drev/delt/"],
            refused("", "drev/delt/a.pdf"),
            1,
        ),
        (
            vec!["watch", "a.json", "-o", "drev/delt/a.pdf"],
            refused("-o ", "drev/delt/a.pdf"),
            1,
        ),
        (
            vec!["diff", "a.json", "a.json", "--redline", "drev/delt/r.pdf"],
            refused("--redline ", "drev/delt/r.pdf"),
            2,
        ),
        (
            vec!["diff", "a.json", "a.json", "--pages", "drev/delt/sider"],
            refused("--pages ", "drev/delt/sider/page-001.png"),
            2,
        ),
    ];
    for (args, message, code) in cases {
        svar()
            .current_dir(folder.path())
            .args(&args)
            .assert()
            .code(code)
            .stderr(message);
        assert!(!folder.path().join("drev").exists(), "{args:?}");
    }
    // The last folder alone is made, as `mkdir` makes it.
    svar()
        .current_dir(folder.path())
        .args(["render", "a.json", "-o", "ny/a.pdf"])
        .assert()
        .success();
    assert!(folder.path().join("ny/a.pdf").is_file());
}
