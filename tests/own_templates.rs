//! End-to-end tests of own templates (`--templates DIR`) that go wrong: a mistake in a template
//! is told in Danish at the innermost template and line, a misnamed file is warned about, and
//! `--emit-typst` writes the generated source Typst failed on and names it in the error.

use std::path::{Path, PathBuf};

mod common;

use common::{crate_root, svar};

/// The answer every test renders, as the command line names it (the tests run from the crate
/// root), so the messages are the same on every machine.
const ANSWER: &str = "tests/fixtures/complete.json";

/// A folder of own templates holding `files` (name, text); kept until the test ends.
fn template_folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(folder.path().join(name), text).unwrap();
    }
    folder
}

/// A built-in template's text.
fn builtin(name: &str) -> String {
    svar::render::TemplateSet::builtin()
        .get(name)
        .unwrap()
        .to_string()
}

/// `text` with `from` replaced by `to`, which must occur in it, and the line (from 1) where.
fn replaced(text: &str, from: &str, to: &str) -> (String, usize) {
    let offset = text
        .find(from)
        .unwrap_or_else(|| panic!("{from:?} not found"));
    let line = text[..offset].matches('\n').count() + 1;
    (text.replacen(from, to, 1), line)
}

/// The names of the files in a folder, sorted; none if it does not exist.
fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Renders the answer with the templates in `templates` and `extra` arguments.
fn render(templates: &Path, output: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    render_answer(ANSWER, templates, output, extra)
}

/// Renders `answer` with the templates in `templates` and `extra` arguments.
fn render_answer(
    answer: &str,
    templates: &Path,
    output: &Path,
    extra: &[&str],
) -> assert_cmd::assert::Assert {
    svar()
        .args(["render", answer, "-o"])
        .arg(output)
        .arg("--templates")
        .arg(templates)
        .args(extra)
        .assert()
}

#[test]
fn an_unknown_filter_in_an_included_template_is_blamed_on_that_template_in_danish() {
    let (blocks, line) = replaced(
        &builtin("blocks.typ"),
        "{{ block.text|inline }}",
        "{{ block.text|inline|nosuchfilter }}",
    );
    let templates = template_folder(&[("blocks.typ", &blocks)]);
    let output = tempfile::tempdir().unwrap();
    render(templates.path(), &output.path().join("x.pdf"), &[])
        .code(1)
        .stdout("")
        .stderr(format!(
            "fejl: skabelonen blocks.typ, linje {line}: filteret \"nosuchfilter\" findes ikke; \
             svars egne filtre er string, content, inline, marked, marked_prose og note_pushes\n"
        ));
    assert!(files_in(output.path()).is_empty());
}

#[test]
fn a_misspelt_value_and_a_syntax_error_are_told_in_danish() {
    let cases = [
        (
            "{{ block.txt|inline }}",
            "værdien \"block.txt\" findes ikke; tjek navnet, eller test den først med \
             {% if block.txt is defined %}",
        ),
        (
            "{{ block.text|inline § }}",
            "syntaksfejl: uventet tegn \"§\"",
        ),
        (
            "{{ nosuchfunction(block.text) }}",
            "funktionen \"nosuchfunction\" findes ikke; tjek navnet, eller definér den med \
             {% macro nosuchfunction(…) %} i skabelonen",
        ),
    ];
    for (broken, message) in cases {
        let (blocks, line) = replaced(&builtin("blocks.typ"), "{{ block.text|inline }}", broken);
        let templates = template_folder(&[("blocks.typ", &blocks)]);
        let output = tempfile::tempdir().unwrap();
        render(templates.path(), &output.path().join("x.pdf"), &[])
            .code(1)
            .stderr(format!(
                "fejl: {ANSWER}: skabelonen blocks.typ, linje {line}: {message}\n"
            ));
    }
}

#[test]
fn a_bracket_left_open_is_told_once_not_with_every_line_after_it() {
    // An open "(" in style.typ gave "unclosed delimiter" and then "expected comma" for a dozen
    // lines after it, which buried the one mistake to fix.
    let (style, line) = replaced(
        &builtin("style.typ"),
        "  set page(\n",
        "  set page(\n    margin: (2cm,\n",
    );
    let templates = template_folder(&[("style.typ", &style)]);
    let output = tempfile::tempdir().unwrap();
    let assert = render(templates.path(), output.path(), &[]).code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let style_path = templates.path().join("style.typ");
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|text| text.contains(": fejl:"))
        .collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].starts_with(&format!("{}:{line}:", style_path.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "fejl mere i {}, som regel følgefejl af den første: ret den, og sæt igen",
            style_path.display()
        )),
        "{stderr}"
    );
}

#[test]
fn a_misnamed_template_is_warned_about_and_the_answer_still_rendered() {
    let templates = template_folder(&[
        ("Style.typ", &builtin("style.typ")),
        ("stil.typ", ""),
        ("farver.typ", "#let rød = red\n"),
        ("README.md", "Ministeriets skabeloner\n"),
    ]);
    let folder = templates.path().display();
    let output = tempfile::tempdir().unwrap();
    let pdf = output.path().join("x.pdf");
    render(templates.path(), &pdf, &[])
        .success()
        .stderr(format!(
            "advarsel: {folder}/Style.typ erstatter ingen indbygget skabelon (answer.typ, \
             blocks.typ, style.typ), og ingen skabelon importerer den; mente du style.typ?\n\
             advarsel: {folder}/farver.typ erstatter ingen indbygget skabelon (answer.typ, \
             blocks.typ, style.typ), og ingen skabelon importerer den; giv den navnet på den \
             skabelon, den skal erstatte, eller importér den i en af dem\n\
             advarsel: {folder}/stil.typ erstatter ingen indbygget skabelon (answer.typ, \
             blocks.typ, style.typ), og ingen skabelon importerer den; mente du style.typ?\n"
        ));
    assert!(pdf.exists());
}

#[test]
fn a_font_or_an_image_beside_the_templates_is_warned_about_as_not_used() {
    // A designer drops the ministry's typeface and a header logo beside `style.typ`, as Typst
    // users do; svar passed over both without a word and set the PDF in a fallback font
    // (review 33, 6 and 7).
    let templates = template_folder(&[
        ("style.typ", &builtin("style.typ")),
        ("Republic-Regular.otf", "not read"),
        ("hoved-logo.PNG", "not read"),
        ("noter.txt", "Ministeriets skabeloner\n"),
    ]);
    let folder = templates.path().display();
    let output = tempfile::tempdir().unwrap();
    let pdf = output.path().join("x.pdf");
    render(templates.path(), &pdf, &[])
        .success()
        .stderr(format!(
            "advarsel: {folder}/Republic-Regular.otf bruges ikke: svar sætter kun PDF'en med \
             sine indbyggede skrifter, så den bliver ens på alle maskiner (DejaVu Sans Mono, \
             Libertinus Serif, New Computer Modern, New Computer Modern Math); vælg en af dem i \
             style.typ\n\
             advarsel: {folder}/hoved-logo.PNG bruges ikke: skabelonerne kan ikke læse billeder \
             i skabelonmappen; et logo hører til i ministerieprofilen (\"logo\"), som \
             `letterhead` får som `logo`\n"
        ));
    assert!(pdf.exists());
}

#[test]
fn a_template_with_a_backslash_in_its_name_is_refused_before_any_work() {
    // One file name on Unix, but Typst takes the backslash for Windows' path separator.
    let templates = template_folder(&[("farve\\rød.typ", "#let rød = red\n")]);
    let output = tempfile::tempdir().unwrap();
    let pdf = output.path().join("x.pdf");
    render(templates.path(), &pdf, &[]).code(1).stderr(format!(
        "fejl: {}/farve\\rød.typ: en skabelon kan ikke have en omvendt skråstreg (\\) i \
         navnet; omdøb filen\n",
        templates.path().display()
    ));
    assert!(!pdf.exists());
}

#[cfg(unix)]
#[test]
fn a_template_that_is_no_file_or_a_link_out_of_its_folder_is_refused_before_any_work() {
    use std::os::unix::fs::symlink;
    // A link to a share that is not mounted, a folder and a link out of the folder: the first
    // two gave the built-in look without a word, the last printed what it led to (review 27,
    // 1 and 2). A link within the folder is followed.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("hemmelig.txt"), "HEMMELIG").unwrap();
    /// Makes the case in the template folder (first), maybe with a file outside (second).
    type Make = fn(&Path, &Path);
    let cases: [(&str, Make, &str); 3] = [
        (
            "style.typ",
            |folder, _| {
                symlink(
                    "/mnt/share-ikke-koblet-til/style.typ",
                    folder.join("style.typ"),
                )
                .unwrap()
            },
            "skabelonen er en genvej til en fil, der ikke findes (er drevet koblet fra?); tjek \
             genvejen, eller kopiér filen ind i mappen",
        ),
        (
            "style.typ",
            |folder, _| std::fs::create_dir(folder.join("style.typ")).unwrap(),
            "skabelonen er ikke en fil; en skabelon (*.typ) skal være en tekstfil",
        ),
        (
            "læk.typ",
            |folder, outside| {
                symlink(outside.join("hemmelig.txt"), folder.join("læk.typ")).unwrap()
            },
            "skabelonen peger uden for skabelonmappen gennem en genvej (symbolsk link); kopiér \
             filen ind i mappen",
        ),
    ];
    for (name, make, message) in cases {
        let templates = tempfile::tempdir().unwrap();
        make(templates.path(), outside.path());
        let output = tempfile::tempdir().unwrap();
        let pdf = output.path().join("x.pdf");
        render(templates.path(), &pdf, &[]).code(1).stderr(format!(
            "fejl: {}/{name}: {message}\n",
            templates.path().display()
        ));
        assert!(!pdf.exists(), "{name}");
    }
    // style.typ a link to this year's look: the file it leads to is used, and not warned of
    // as replacing no template (review 28, 8).
    let builtin_style = std::fs::read_to_string(crate_root().join("templates/style.typ")).unwrap();
    let templates = template_folder(&[("stil-2026.typ", builtin_style.as_str())]);
    symlink("stil-2026.typ", templates.path().join("style.typ")).unwrap();
    let output = tempfile::tempdir().unwrap();
    render(templates.path(), &output.path().join("x.pdf"), &[])
        .success()
        .stderr("");
}

#[test]
fn a_template_imported_by_another_is_not_warned_about() {
    let (style, _) = replaced(
        &builtin("style.typ"),
        "#let letterhead(",
        "#import \"farver.typ\": *\n#let letterhead(",
    );
    let templates = template_folder(&[("style.typ", &style), ("farver.typ", "#let rød = red\n")]);
    let output = tempfile::tempdir().unwrap();
    render(templates.path(), &output.path().join("x.pdf"), &[])
        .success()
        .stderr("");
}

#[test]
fn a_font_svar_does_not_have_is_warned_about_where_the_template_names_it() {
    let (style, line) = replaced(
        &builtin("style.typ"),
        "font: \"Libertinus Serif\"",
        "font: \"Arial\"",
    );
    let column = style
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("\"Arial\"")
        .unwrap()
        + 1;
    let templates = template_folder(&[("style.typ", &style)]);
    let output = tempfile::tempdir().unwrap();
    let pdf = output.path().join("x.pdf");
    render(templates.path(), &pdf, &[])
        .success()
        .stderr(format!(
            "{ANSWER}: Typst advarer:\n{}:{line}:{column}: advarsel: skrifttypen arial findes \
             ikke i svar, så Typst bruger en anden; svar har kun sine indbyggede skrifter: \
             DejaVu Sans Mono, Libertinus Serif, New Computer Modern, New Computer Modern Math \
             (unknown font family: arial)\n",
            templates.path().join("style.typ").display()
        ));
    assert!(pdf.exists());
}

#[test]
fn layout_that_never_settles_is_warned_about_and_the_pdf_still_written() {
    // Each layout pass sets the state to one more than the last pass ended with.
    let (style, _) = replaced(
        &builtin("style.typ"),
        "set par(justify: true",
        "let runaway = state(\"runaway\", 0)\n  \
         context runaway.update(runaway.final() + 1)\n  set par(justify: true",
    );
    let templates = template_folder(&[("style.typ", &style)]);
    let output = tempfile::tempdir().unwrap();
    let pdf = output.path().join("x.pdf");
    let assert = render(templates.path(), &pdf, &[]).success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.starts_with(&format!(
            "{ANSWER}: Typst advarer:\nadvarsel: sideopsætningen faldt ikke til ro efter fem \
             forsøg, så sideskift og henvisninger til sider kan være forkerte; se efter i PDF'en \
             (document did not converge within five attempts)\n"
        )),
        "{stderr}"
    );
    // Typst's list of the values it saw stays under its hint.
    assert!(stderr.contains("\n    - run 1: `0`\n"), "{stderr}");
    assert!(pdf.exists());
}

/// A folder whose `style.typ` lacks `letterhead`, and the lines the Typst error points at: in
/// the generated source, and in `answer.typ`, which wrote the call.
fn style_without_letterhead() -> (tempfile::TempDir, usize) {
    let (style, _) = replaced(&builtin("style.typ"), "#let letterhead(", "#let brevhoved(");
    let answer = builtin("answer.typ");
    let template_line = answer
        .lines()
        .position(|line| line.starts_with("#letterhead("))
        .unwrap()
        + 1;
    (template_folder(&[("style.typ", &style)]), template_line)
}

/// The line (from 1) of the generated source where the letterhead is called.
fn letterhead_line(source: &str) -> usize {
    source
        .lines()
        .position(|line| line.starts_with("#letterhead("))
        .unwrap()
        + 1
}

#[test]
fn emit_typst_writes_the_source_typst_failed_on_and_names_it_in_the_error() {
    let (templates, template_line) = style_without_letterhead();
    let output = tempfile::tempdir().unwrap();
    let pdf = output.path().join("svar.pdf");
    // An earlier PDF of the answer stays as it was: a failed render replaces nothing.
    std::fs::write(&pdf, b"earlier").unwrap();
    let assert = render(templates.path(), &pdf, &["--emit-typst"]).code(1);
    let typ: PathBuf = output.path().join("svar.typ");
    let source = std::fs::read_to_string(&typ).expect("the generated source is written");
    let line = letterhead_line(&source);
    assert.stdout("").stderr(format!(
        "fejl: {ANSWER}: Typst kunne ikke sætte dokumentet:\n\
         {}:{line}:2: (skabelonen answer.typ, linje {template_line}) fejl: ukendt navn: \
         letterhead (unknown variable: letterhead)\n\
         advarsel: {} er fra en tidligere udgave af svaret og er ikke opdateret; ret fejlen og \
         sæt svaret igen, før PDF'en sendes\n",
        typ.display(),
        pdf.display()
    ));
    assert_eq!(std::fs::read(&pdf).unwrap(), b"earlier");
    assert_eq!(files_in(output.path()), ["svar.pdf", "svar.typ"]);
}

#[test]
fn without_emit_typst_the_error_names_the_generated_source_and_the_option() {
    let (templates, template_line) = style_without_letterhead();
    let output = tempfile::tempdir().unwrap();
    let out = output.path().join("ud");
    // The built-in templates generate the same source (only style.typ differs), to know its line.
    let generated = tempfile::tempdir().unwrap();
    svar()
        .args(["render", ANSWER, "--emit-typst", "-o"])
        .arg(generated.path())
        .assert()
        .success();
    let source = std::fs::read_to_string(generated.path().join("complete.typ")).unwrap();
    let line = letterhead_line(&source);
    render(templates.path(), &out, &[])
        .code(1)
        .stdout("")
        .stderr(format!(
            "fejl: {ANSWER}: Typst kunne ikke sætte dokumentet:\n\
             den genererede Typst-kilde, linje {line}, kolonne 2: (skabelonen answer.typ, linje \
             {template_line}) fejl: ukendt navn: letterhead (unknown variable: letterhead)\n  \
             tip: med --emit-typst skriver svar den genererede Typst-kilde ved siden af PDF'en, \
             også når Typst fejler\n"
        ));
    assert!(!out.exists());
}

/// A Typst error in an own template names that file with its folder, as the author gave it
/// (`mine/style.typ:184:62`): a bare "style.typ" could as well be the built-in file.
#[test]
fn a_typst_error_in_an_own_template_names_its_folder() {
    let (style, line) = replaced(
        &builtin("style.typ"),
        "block(width: 100%, body)",
        "block(width: 100%, nosuchthing)",
    );
    let templates = template_folder(&[("style.typ", &style)]);
    let output = tempfile::tempdir().unwrap();
    let expected = format!("{}:{line}:", templates.path().join("style.typ").display());
    render(templates.path(), &output.path().join("x.pdf"), &[])
        .code(1)
        .stderr(predicates::str::contains(format!(
            "{expected}62: fejl: ukendt navn: nosuchthing"
        )));
}

#[test]
fn own_templates_that_give_no_date_are_blamed_not_the_dated_answer() {
    // The warning said the answer had no date, though it had one and the template dropped it.
    let folder = tempfile::tempdir().unwrap();
    let templates = folder.path().join("mine");
    std::fs::create_dir(&templates).unwrap();
    let answer_typ = std::fs::read_to_string(crate_root().join("templates/answer.typ")).unwrap();
    let dated =
        "  date: datetime(year: {{ date.year }}, month: {{ date.month }}, day: {{ date.day }}),";
    assert!(answer_typ.contains(dated));
    std::fs::write(
        templates.join("answer.typ"),
        answer_typ.replace(dated, "  date: none,"),
    )
    .unwrap();
    let output = svar()
        .args(["render", "tests/fixtures/complete.json", "--templates"])
        .arg(&templates)
        .arg("-o")
        .arg(folder.path().join("x.pdf"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "advarsel: skabelonerne giver PDF'en af tests/fixtures/complete.json ingen dato"
        ),
        "{stderr}"
    );
}

#[test]
fn a_template_reaching_outside_its_folder_or_for_a_package_is_told_so_in_danish() {
    // "/etc/passwd findes ikke" read as if the file were missing; a path out of the folder got
    // Typst's English with a tip about the typst CLI's `--root`; a package import asked for
    // "/typst.toml".
    for (line, expected) in [
        (
            "#read(\"/etc/passwd\")",
            "fejl: filen /etc/passwd findes ikke blandt de filer, Typst må læse: skabelonerne",
        ),
        (
            "#image(\"../../x.png\")",
            "fejl: stien \"../../x.png\" fører uden for skabelonernes mappe",
        ),
        (
            "#import \"@preview/cetz:0.3.0\"",
            "fejl: svar henter ingen Typst-pakker (@preview/cetz:0.3.0); en skabelon kan kun \
             bruge Typst selv og filerne i skabelonernes mappe\n",
        ),
    ] {
        let style = format!("{}\n{line}\n", builtin("style.typ"));
        let templates = template_folder(&[("style.typ", &style)]);
        let output = tempfile::tempdir().unwrap();
        let assert = render(templates.path(), &output.path().join("x.pdf"), &[]).code(1);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        assert!(stderr.contains(expected), "{expected:?} missing:\n{stderr}");
        assert!(!stderr.contains("--root"), "{stderr}");
    }
}

#[test]
fn a_misspelt_filter_is_refused_before_any_answer_even_one_that_never_reaches_it() {
    // The engine finds an unknown filter only on a line an answer reaches: a template tried on
    // an answer without a numbered table passed, and failed later in a batch.
    let (blocks, line) = replaced(
        &builtin("blocks.typ"),
        "block.caption|content",
        "block.caption|contnet",
    );
    let templates = template_folder(&[("blocks.typ", &blocks)]);
    let output = tempfile::tempdir().unwrap();
    render_answer(
        "data/epi-167-2021-22.json",
        templates.path(),
        output.path(),
        &[],
    )
    .code(1)
    .stderr(predicates::str::contains(format!(
        "fejl: skabelonen blocks.typ, linje {line}: filteret \"contnet\" findes ikke; mente \
             du content?"
    )));
    assert!(files_in(output.path()).is_empty());
}
