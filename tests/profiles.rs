//! Ministry profiles: every shipped profile gives its letterhead, and a profile's logo must be
//! an image beside it.

mod common;

use std::path::Path;

use common::{crate_root, fixture, pdf_text, render_to, svar};

/// Writes the complete fixture into `folder`, naming `profile`, with `ministries/` copied from
/// `ministries`; returns the answer's path.
fn answer_with_profile(folder: &Path, ministries: &Path, profile: &str) -> std::path::PathBuf {
    let target = folder.join("ministries");
    std::fs::create_dir_all(&target).unwrap();
    for entry in std::fs::read_dir(ministries).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, target.join(path.file_name().unwrap())).unwrap();
    }
    let mut answer: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("complete.json")).unwrap()).unwrap();
    answer["ministry"]["profile"] = profile.into();
    let file = folder.join("svar.json");
    std::fs::write(&file, serde_json::to_string_pretty(&answer).unwrap()).unwrap();
    file
}

/// Renders `answer` into `pdf`, which must work.
fn render(answer: &Path, pdf: &Path) {
    render_to(answer, pdf);
}

#[test]
fn every_shipped_profile_prints_its_address_and_contact_lines() {
    let ministries = crate_root().join("data/ministries");
    let mut profiles: Vec<_> = std::fs::read_dir(&ministries)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    profiles.sort();
    assert!(profiles.len() >= 5, "{profiles:?}");
    for profile in profiles {
        let letterhead: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&profile).unwrap()).unwrap();
        let folder = tempfile::tempdir().unwrap();
        let id = profile.file_stem().unwrap().to_str().unwrap();
        let answer = answer_with_profile(folder.path(), &ministries, id);
        let pdf = folder.path().join("svar.pdf");
        render(&answer, &pdf);
        let text = pdf_text(&pdf);
        for line in letterhead["address"].as_array().unwrap() {
            assert!(
                text.contains(line.as_str().unwrap()),
                "{id}: {line} in {text}"
            );
        }
        // Each after the profile's own label for it, or svar's (none for web and e-mail).
        let labels = [
            ("phone", Some("Telefon")),
            ("fax", Some("Telefax")),
            ("web", None),
            ("email", None),
            ("cvr", Some("CVR-nr.")),
            ("ean", Some("EAN")),
        ];
        for (key, label) in labels {
            if let Some(value) = letterhead[key].as_str() {
                let printed = match letterhead["labels"][key].as_str().or(label) {
                    Some(label) => format!(" {label} {value} "),
                    None => format!(" {value} "),
                };
                assert!(text.contains(&printed), "{id}: {printed} in {text}");
            }
        }
    }
}

#[test]
fn the_shipped_profiles_are_built_in_and_one_beside_the_answer_takes_their_place() {
    // A clerk drafting in a folder of their own has no ministries/ folder: each shipped
    // profile gives the same PDF as the file copied beside the answer.
    let ministries = crate_root().join("data/ministries");
    let empty = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&ministries).unwrap() {
        let path = entry.unwrap().path();
        let id = path.file_stem().unwrap().to_str().unwrap();
        let (beside, alone) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let with_file = answer_with_profile(beside.path(), &ministries, id);
        let without = answer_with_profile(alone.path(), empty.path(), id);
        std::fs::remove_dir(alone.path().join("ministries")).unwrap();
        let (expected, found) = (beside.path().join("a.pdf"), alone.path().join("b.pdf"));
        render(&with_file, &expected);
        render(&without, &found);
        assert!(
            std::fs::read(&expected).unwrap() == std::fs::read(&found).unwrap(),
            "{id}: the PDFs differ"
        );
    }
    // The logo fixture's own Justitsministeriet profile, with a logo, is read, not the
    // shipped one: the PDF carries it and its logo.
    let folder = tempfile::tempdir().unwrap();
    let answer = answer_with_logo(folder.path());
    let pdf = folder.path().join("svar.pdf");
    render(&answer, &pdf);
    let attached = std::process::Command::new("pdfdetach")
        .arg("-list")
        .arg(&pdf)
        .output()
        .unwrap();
    let attached = String::from_utf8_lossy(&attached.stdout);
    assert!(attached.contains("ministries/eksempel.svg"), "{attached}");
}

/// The complete fixture in `folder` with the logo fixture's profile and its logo beside it.
fn answer_with_logo(folder: &Path) -> std::path::PathBuf {
    answer_with_profile(folder, &fixture("logo/ministries"), "justitsministeriet")
}

/// What a failing command printed on stderr, after checking its exit code.
fn stderr_of(command: &mut assert_cmd::Command, code: i32) -> String {
    let output = command.assert().code(code).get_output().stderr.clone();
    String::from_utf8(output).unwrap()
}

#[test]
fn a_logo_outside_the_profiles_folder_is_refused_with_a_clear_message() {
    let folder = tempfile::tempdir().unwrap();
    let answer = answer_with_logo(folder.path());
    let profile = folder.path().join("ministries/justitsministeriet.json");
    let text = std::fs::read_to_string(&profile)
        .unwrap()
        .replace("\"eksempel.svg\"", "\"../../etc/passwd.svg\"");
    std::fs::write(&profile, text).unwrap();
    let pdf = folder.path().join("svar.pdf");
    let message = stderr_of(svar().args(["render", "-o"]).arg(&pdf).arg(&answer), 1);
    assert!(
        message.contains("logoet \"../../etc/passwd.svg\" i")
            && message.contains("er ikke en billedfil i mappen ministries/"),
        "{message}"
    );
    assert!(!pdf.exists());
}

#[test]
fn a_logo_with_a_backslash_in_its_name_is_refused_not_a_crash() {
    // One file name on Unix, but no name Typst can read.
    let folder = tempfile::tempdir().unwrap();
    let answer = answer_with_logo(folder.path());
    let ministries = folder.path().join("ministries");
    std::fs::rename(ministries.join("eksempel.svg"), ministries.join("a\\b.svg")).unwrap();
    let profile = ministries.join("justitsministeriet.json");
    let text = std::fs::read_to_string(&profile)
        .unwrap()
        .replace("\"eksempel.svg\"", "\"a\\\\b.svg\"");
    std::fs::write(&profile, text).unwrap();
    let pdf = folder.path().join("svar.pdf");
    let message = stderr_of(svar().args(["render", "-o"]).arg(&pdf).arg(&answer), 1);
    assert!(
        message.contains("logoet \"a\\b.svg\" i")
            && message.contains("har en omvendt skråstreg (\\) i navnet"),
        "{message}"
    );
    assert!(!message.contains("panicked"), "{message}");
    assert!(!pdf.exists());
}

#[test]
fn a_missing_logo_file_is_named() {
    let folder = tempfile::tempdir().unwrap();
    let answer = answer_with_logo(folder.path());
    std::fs::remove_file(folder.path().join("ministries/eksempel.svg")).unwrap();
    let message = stderr_of(svar().arg("check").arg(&answer), 1);
    assert!(message.contains("eksempel.svg kan ikke læses"), "{message}");
}

/// Runs pdfdetach (poppler-utils) on `pdf` with `args`, in `folder`; returns what it printed.
fn pdfdetach(folder: &Path, args: &[&str], pdf: &Path) -> String {
    let output = std::process::Command::new("pdfdetach")
        .args(args)
        .arg(pdf)
        .current_dir(folder)
        .output()
        .expect("pdfdetach (poppler-utils) is installed");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_pdf_carries_its_profile_and_logo_so_it_is_compared_and_made_again_anywhere() {
    let made = tempfile::tempdir().unwrap();
    let pdf = common::render_into(&fixture("logo/answer.json"), made.path());
    assert_eq!(
        pdfdetach(made.path(), &["-list"], &pdf),
        "3 embedded files\n1: ministries/eksempel.svg\n2: ministries/justitsministeriet.json\n3: svar.json\n"
    );
    // Far from the ministries/ folder it was made with, the PDF still reads as its answer.
    let elsewhere = tempfile::tempdir().unwrap();
    let moved = elsewhere.path().join("sendt.pdf");
    std::fs::copy(&pdf, &moved).unwrap();
    svar()
        .arg("diff")
        .arg(&moved)
        .arg(fixture("logo/answer.json"))
        .assert()
        .code(0)
        .stdout(predicates::str::starts_with("Ingen forskelle"));
    // Its attachments are the files it was made from: they make the same PDF again.
    let again = tempfile::tempdir().unwrap();
    std::fs::create_dir(again.path().join("ministries")).unwrap();
    pdfdetach(again.path(), &["-saveall"], &moved);
    let remade = common::render_into(&again.path().join("svar.json"), again.path());
    assert!(
        std::fs::read(&remade).unwrap() == std::fs::read(&pdf).unwrap(),
        "the PDF made from its attachments differs from the original"
    );
}

#[test]
fn a_profile_line_with_a_character_no_font_has_is_an_error_at_the_profile() {
    let folder = tempfile::tempdir().unwrap();
    let ministries = folder.path().join("profiler");
    std::fs::create_dir(&ministries).unwrap();
    std::fs::write(
        ministries.join("eget.json"),
        r#"{"name": "Eget Ministerium", "address": ["Slotsholmsgade 10", "王 1216 København K"]}"#,
    )
    .unwrap();
    let answer = answer_with_profile(folder.path(), &ministries, "eget");
    let output = svar().arg("check").arg(&answer).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(
        report.contains(
            "fejl: i profilens address[1]: tegnet \"王\" (U+738B) findes ikke i svars skrifttyper og kan ikke sættes"
        ),
        "{report}"
    );
    assert!(report.contains("ministry.profile"), "{report}");
}

#[test]
fn a_blank_logo_description_or_profile_line_is_an_error_at_check() {
    // A blank description passed PDF/UA's check yet told a screen reader nothing; an empty one
    // passed `check` and failed `render` with Typst's English message.
    for (field, blank) in [
        ("\"description\": \"", " "),
        ("\"description\": \"", ""),
        ("\"address\": [\"", "\u{a0}"),
    ] {
        let folder = tempfile::tempdir().unwrap();
        let answer = answer_with_logo(folder.path());
        let profile = folder.path().join("ministries/justitsministeriet.json");
        let text = std::fs::read_to_string(&profile).unwrap();
        let start = text.find(field).unwrap() + field.len();
        let end = start + text[start..].find('"').unwrap();
        std::fs::write(
            &profile,
            format!("{}{blank}{}", &text[..start], &text[end..]),
        )
        .unwrap();
        let output = svar().arg("check").arg(&answer).output().unwrap();
        let report = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{report}");
        let name = if field.contains("description") {
            "logo.description"
        } else {
            "address[0]"
        };
        assert!(
            report.contains(&format!("fejl: i profilens {name}: teksten er tom")),
            "{report}"
        );
        assert!(
            report.contains(&format!("tip: skriv {name} i profilfilen")),
            "{report}"
        );
    }
}

#[test]
fn a_changed_profile_layout_or_profile_is_a_change_between_two_pdfs() {
    let folder = tempfile::tempdir().unwrap();
    let ministries = crate_root().join("data/ministries");
    let answer = answer_with_profile(folder.path(), &ministries, "justitsministeriet");
    let old = folder.path().join("gammel.pdf");
    let new = folder.path().join("ny.pdf");
    let render = |pdf: &Path| {
        svar()
            .arg("render")
            .arg(&answer)
            .arg("-o")
            .arg(pdf)
            .assert()
            .success();
    };
    render(&old);
    // The ministry moves, and its answers become single letters.
    let profile = folder.path().join("ministries/justitsministeriet.json");
    let text = std::fs::read_to_string(&profile).unwrap();
    let moved = text.replace("Slotsholmsgade 10", "Slotsholmsgade 12");
    assert_ne!(moved, text);
    std::fs::write(&profile, moved).unwrap();
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&answer).unwrap()).unwrap();
    json["layout"] = "letter".into();
    std::fs::write(&answer, json.to_string()).unwrap();
    render(&new);
    let output = svar().arg("diff").arg(&old).arg(&new).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    for change in [
        "\nLayout: følgebrev og svar → ét brev\n",
        "\nBrevpapir, adresse: Slotsholmsgade 10, 1216 København K. → Slotsholmsgade 12, 1216 København K.\n",
        "\n2 ændringer.\n",
    ] {
        assert!(stdout.contains(change), "{change:?} in\n{stdout}");
    }
}

#[test]
fn a_profile_of_another_ministry_than_the_answer_names_is_a_warning() {
    let folder = tempfile::tempdir().unwrap();
    let ministries = crate_root().join("data/ministries");
    let answer = answer_with_profile(folder.path(), &ministries, "forsvarsministeriet");
    let output = svar().arg("check").arg(&answer).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(
        report.starts_with(
            "advarsel: ministeriet hedder \"Justitsministeriet\", men profilen \"forsvarsministeriet\" er til \"Forsvarsministeriet\"\n"
        ),
        "{report}"
    );
}

#[test]
fn a_logo_that_is_not_the_image_its_name_says_is_an_error_at_check() {
    let folder = tempfile::tempdir().unwrap();
    let answer = answer_with_profile(
        folder.path(),
        &fixture("logo/ministries"),
        "justitsministeriet",
    );
    std::fs::write(
        folder.path().join("ministries/eksempel.svg"),
        "ikke et billede",
    )
    .unwrap();
    let output = svar().arg("check").arg(&answer).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(
        report.starts_with("fejl: logoet ")
            && report.contains("eksempel.svg er ikke en gyldig SVG-fil\n"),
        "{report}"
    );
}

#[test]
fn a_logo_typst_cannot_draw_is_an_error_at_check() {
    // An SVG with no size passed check, then failed render in English with no place.
    let folder = tempfile::tempdir().unwrap();
    let answer = answer_with_logo(folder.path());
    std::fs::write(
        folder.path().join("ministries/eksempel.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"></svg>"#,
    )
    .unwrap();
    let message = stderr_of(svar().arg("check").arg(&answer), 1);
    assert!(
        message.contains("eksempel.svg er ikke en gyldig SVG-fil (SVG has an invalid size)"),
        "{message}"
    );
    assert!(message.contains("sti: ministry.profile"), "{message}");
}

#[test]
fn a_logo_that_links_an_image_in_another_file_is_an_error_at_check() {
    // Review 17, M2: an SVG exported with a linked image passed check, then every render failed
    // in English, sending the clerk to "/crown.png".
    let folder = tempfile::tempdir().unwrap();
    let answer = answer_with_logo(folder.path());
    let ministries = folder.path().join("ministries");
    std::fs::copy(
        fixture("logo/ministries/eksempel.svg"),
        ministries.join("crown.svg"),
    )
    .unwrap();
    std::fs::write(
        ministries.join("eksempel.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="40"><image xlink:href="crown.svg" width="40" height="40"/></svg>"#,
    )
    .unwrap();
    let pdf = folder.path().join("svar.pdf");
    for command in [
        svar().arg("check").arg(&answer),
        svar().arg("render").arg(&answer).arg("-o").arg(&pdf),
    ] {
        let message = stderr_of(command, 1);
        assert!(
            message.starts_with(&format!(
                "fejl: logoet {} henviser til billedet crown.svg i en anden fil, og det kommer ikke med i PDF'en\n",
                ministries.join("eksempel.svg").display()
            )),
            "{message}"
        );
        assert!(
            message.contains("= tip: indlejr billedet i SVG-filen"),
            "{message}"
        );
    }
    assert!(!pdf.exists());
}

#[test]
fn a_logo_cut_short_or_damaged_inside_is_an_error_at_check_and_render_before_typst() {
    // User review: check read only a PNG's header, so a logo cut short (the first 60 bytes of a
    // PNG) or scrambled inside passed, and every render then failed with Typst's English
    // "failed to decode image (unexpected end of file)", naming neither logo nor profile.
    for (logo, why) in [
        (
            "trunc.png",
            "filen slutter midt i billedet; den er måske ikke gemt eller kopieret færdig",
        ),
        ("corrupt.png", "billeddataene er beskadigede"),
    ] {
        let folder = tempfile::tempdir().unwrap();
        let answer = answer_with_logo(folder.path());
        let ministries = folder.path().join("ministries");
        std::fs::copy(
            fixture(&format!("logo/damaged/{logo}")),
            ministries.join(logo),
        )
        .unwrap();
        let profile = ministries.join("justitsministeriet.json");
        let text = std::fs::read_to_string(&profile).unwrap();
        std::fs::write(&profile, text.replace("eksempel.svg", logo)).unwrap();
        let pdf = folder.path().join("svar.pdf");
        for command in [
            svar().arg("check").arg(&answer),
            svar().arg("render").arg(&answer).arg("-o").arg(&pdf),
        ] {
            let message = stderr_of(command, 1);
            assert!(
                message.starts_with(&format!(
                    "fejl: logoet {} er ikke en gyldig PNG-fil ({why})\n",
                    ministries.join(logo).display()
                )),
                "{message}"
            );
            assert!(
                message.contains(&format!(
                    "= tip: gem billedet igen som PNG, eller ret filnavnet i \"logo\" i profilen \
                     {}\n",
                    profile.display()
                )),
                "{message}"
            );
            assert!(!message.contains("Typst"), "{message}");
        }
        assert!(!pdf.exists());
    }
}

#[test]
fn an_svg_logo_without_a_size_is_an_error_at_check() {
    // User review: usvg sizes such an SVG by what it draws, from the origin, so this circle
    // printed as a clipped quarter circle, and check said nothing.
    let folder = tempfile::tempdir().unwrap();
    let answer = answer_with_logo(folder.path());
    let logo = folder.path().join("ministries/eksempel.svg");
    let with_svg = |attributes: &str| {
        let svg =
            format!(r#"<svg xmlns="http://www.w3.org/2000/svg"{attributes}><circle r="5"/></svg>"#);
        std::fs::write(&logo, svg).unwrap();
        svar().arg("check").arg(&answer).output().unwrap()
    };
    for sizeless in ["", r#" width="10""#, r#" width="100%" height="100%""#] {
        let output = with_svg(sizeless);
        let message = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{sizeless}: {message}");
        assert!(
            message.starts_with(&format!(
                "fejl: logoet {} har ingen størrelse: SVG-filen har hverken en viewBox eller \
                 både width og height, så det tegnes i en størrelse gættet ud fra indholdet og \
                 kan blive beskåret\n",
                logo.display()
            )),
            "{sizeless}: {message}"
        );
        assert!(
            message.contains(
                "= tip: tilføj en viewBox med logoets bredde og højde i <svg>-elementet, fx \
                 <svg viewBox=\"0 0 200 80\" …> (i Inkscape: Dokumentegenskaber), eller gem \
                 logoet som PNG\n"
            ),
            "{message}"
        );
    }
    for sized in [r#" viewBox="-5 -5 10 10""#, r#" width="10" height="10""#] {
        let output = with_svg(sized);
        let message = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{sized}: {message}");
    }
}

/// The complete fixture with the Sundhedsministeriet profile given `labels` (JSON), in
/// `folder`; returns the answer's path.
fn answer_with_labels(folder: &Path, labels: serde_json::Value) -> std::path::PathBuf {
    let answer = answer_with_profile(folder, &fixture("ministries"), "sundhedsministeriet");
    let profile = folder.join("ministries/sundhedsministeriet.json");
    let mut letterhead: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&profile).unwrap()).unwrap();
    letterhead["labels"] = labels;
    std::fs::write(&profile, letterhead.to_string()).unwrap();
    answer
}

#[test]
fn a_profile_s_own_labels_head_the_metadata_column() {
    let labels = serde_json::json!({"date": "Dato for svar", "case_number": "J.nr.", "document_number": "Dok.nr."});
    let text = printed_with_labels(labels, &["Dato for svar:", "J.nr.:", "Dok.nr.:", "Kontor:"]);
    assert!(!text.contains("Sagsnr."), "{text}");
}

/// The text of the complete fixture rendered with a profile given `labels` (JSON), after
/// asserting that it prints each of `printed`.
fn printed_with_labels(labels: serde_json::Value, printed: &[&str]) -> String {
    let folder = tempfile::tempdir().unwrap();
    let answer = answer_with_labels(folder.path(), labels);
    let pdf = folder.path().join("svar.pdf");
    render(&answer, &pdf);
    let text = pdf_text(&pdf);
    for line in printed {
        assert!(text.contains(line), "{line:?} missing: {text}");
    }
    text
}

#[test]
fn a_profile_s_own_labels_go_before_its_contact_lines() {
    // Review 17, L3: "Tel.", "Mail" and "Web" as the ministry's letterhead prints them were
    // refused as unknown fields; a contact label may end as the ministry writes it, colon too.
    let labels = serde_json::json!({"phone": "Tel.:", "web": "Web", "fax": "Fax"});
    printed_with_labels(
        labels,
        &["Tel.: +45 7226 9000", "Fax +45 7226 9001", "Web sum.dk"],
    );
}

#[test]
fn a_label_written_with_its_colon_is_an_error_that_says_svar_sets_it() {
    let folder = tempfile::tempdir().unwrap();
    let answer = answer_with_labels(folder.path(), serde_json::json!({"case_number": "J.nr.:"}));
    let output = svar().arg("check").arg(&answer).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "fejl: i profilens labels.case_number: etiketten slutter med kolon",
        "tip: skriv labels.case_number uden kolon i profilfilen; svar sætter kolonet selv",
    ] {
        assert!(stderr.contains(expected), "{expected:?} missing:\n{stderr}");
    }
}

#[test]
fn a_profile_sets_the_question_as_a_quotation_or_as_plain_text() {
    // Review 17, L2: Udlændinge- og Integrationsministeriet's letters set the question as plain
    // text under "Spørgsmål nr. 385:", where svar put it in ”…” and indented it.
    let folder = tempfile::tempdir().unwrap();
    let question = "Vil ministeren oplyse, hvor mange sager der er behandlet?";
    for (profile, printed) in [
        (
            "udlaendinge-og-integrationsministeriet",
            question.to_string(),
        ),
        ("justitsministeriet", format!("”{question}”")),
    ] {
        let shipped = crate_root().join("data/ministries");
        let answer = answer_with_profile(folder.path(), &shipped, profile);
        let pdf = folder.path().join(format!("{profile}.pdf"));
        render(&answer, &pdf);
        let text = pdf_text(&pdf);
        assert!(text.contains(&format!(": {printed} Svar:")), "{text}");
        // Quotation marks of its own are warned of only where svar sets its own (review 18).
        let mut quoted: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&answer).unwrap()).unwrap();
        quoted["question"]["text"] = format!("”{question}”").into();
        std::fs::write(&answer, quoted.to_string()).unwrap();
        let output = svar().arg("check").arg(&answer).output().unwrap();
        let report = String::from_utf8(output.stderr).unwrap();
        let warned = report.contains(
            "advarsel: teksten står selv i anførselstegn, men svar sætter spørgsmålet i \
             anførselstegn",
        );
        assert_eq!(warned, printed.starts_with('”'), "{profile}: {report}");
    }
}

#[test]
fn a_profile_s_quoting_and_contact_labels_are_changes_between_two_answers() {
    // Review 18: with only quoted_question changed, diff said "Ingen forskelle" though the
    // question printed otherwise.
    let folders = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let shipped = crate_root().join("data/ministries");
    let id = "udlaendinge-og-integrationsministeriet";
    let answers = folders
        .each_ref()
        .map(|folder| answer_with_profile(folder.path(), &shipped, id));
    let profile = folders[1].path().join(format!("ministries/{id}.json"));
    let mut letterhead: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&profile).unwrap()).unwrap();
    letterhead["quoted_question"] = true.into();
    letterhead["labels"]["phone"] = "Telefon".into();
    std::fs::write(&profile, letterhead.to_string()).unwrap();
    let output = svar()
        .args(["diff", "--no-color"])
        .args(&answers)
        .output()
        .unwrap();
    let report = String::from_utf8(output.stdout).unwrap();
    assert!(
        report.contains(
            "\nBrevpapir, spørgsmålet i ”…”: nej → ja\nBrevpapir, kontaktetiketter: Tel., \
             Telefax, Web, (ingen), CVR-nr., EAN → Telefon, Telefax, Web, (ingen), CVR-nr., EAN\n"
        ),
        "{report}"
    );
}

#[test]
fn a_profile_that_gives_only_its_name_and_address_changes_nothing_else_between_two_answers() {
    // Review 30: what a profile leaves out is svar's default, and prints as an answer without
    // a profile does: its switches and labels are no change ("Brevpapir, \"Med venlig
    // hilsen\": (ingen) → nej").
    let folder = tempfile::tempdir().unwrap();
    let ministries = folder.path().join("ministries");
    std::fs::create_dir_all(&ministries).unwrap();
    std::fs::write(
        ministries.join("enkel.json"),
        r#"{"name": "Justitsministeriet", "address": ["Slotsholmsgade 10", "1216 København K"]}"#,
    )
    .unwrap();
    let without = fixture("complete.json");
    let mut answer: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&without).unwrap()).unwrap();
    answer["ministry"]["profile"] = "enkel".into();
    let with = folder.path().join("svar.json");
    std::fs::write(&with, answer.to_string()).unwrap();
    let output = svar()
        .args(["diff", "--no-color"])
        .arg(&without)
        .arg(&with)
        .output()
        .unwrap();
    let report = String::from_utf8(output.stdout).unwrap();
    let (_, changes) = report.split_once(":\n\n").unwrap();
    assert_eq!(
        changes,
        "Ministeriets profil: (ingen) → enkel\n\
         Brevpapir, navn: (ingen) → Justitsministeriet\n\
         Brevpapir, adresse: (ingen) → Slotsholmsgade 10, 1216 København K\n\n\
         3 ændringer.\n"
    );
}

#[test]
fn a_profile_mistake_is_shown_in_the_profile_and_an_answer_field_told_where_it_belongs() {
    // Review 33, 11: `department` in a profile was shown at the answer's `"profile"`, with the
    // profile's fields as the tip, not that it belongs in the answer's `ministry`.
    let folder = tempfile::tempdir().unwrap();
    answer_with_profile(folder.path(), &crate_root().join("data/ministries"), "kefm");
    let profile = "{\n  \"name\": \"Klimaministeriet\",\n  \"department\": \"Departementet\",\n  \
                   \"address\": [\"Holmens Kanal 20\"]\n}\n";
    std::fs::write(folder.path().join("ministries/kefm.json"), profile).unwrap();
    let answer = std::fs::read_to_string(folder.path().join("svar.json")).unwrap();
    let line = 1 + answer[..answer.find("\"profile\"").unwrap()]
        .matches('\n')
        .count();
    svar()
        .current_dir(folder.path())
        .args(["check", "svar.json"])
        .assert()
        .code(1)
        .stderr(format!(
            "fejl: ministerieprofilen ministries/kefm.json er ugyldig i linje 3, kolonne 3: \
             ukendt felt `department`\n  \
             ┌─ ministries/kefm.json:3:3\n  \
             │\n\
             3 │   \"department\": \"Departementet\",\n  \
             │   ^^^^^^^^^^^^\n  \
             │\n  \
             = sti i svarfilen: ministry.profile (svar.json, linje {line})\n  \
             = tip: `department` hører til i objektet `ministry` i svarfilen, ikke i \
             ministerieprofilen: flyt feltet dertil\n\n"
        ));
    let output = svar()
        .current_dir(folder.path())
        .args(["check", "--format", "json", "svar.json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let finding = &report["files"][0]["findings"][0];
    assert_eq!(finding["path"], "ministry.profile");
    assert_eq!(
        finding["source"],
        serde_json::json!({
            "file": "ministries/kefm.json",
            "resolved": "ministries/kefm.json",
            "line": 3,
            "column": 3,
        })
    );
}
