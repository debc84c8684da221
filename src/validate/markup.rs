//! Inline formatting: footnotes that exist and are used, links to the web or e-mail only.

use std::ops::Range;

use super::{Counted, Problem};
use crate::json_path::JsonPath;
use crate::model::{Answer, Markup};

/// Inline formatting: every footnote referred to exists and is used, none has its own, every
/// link goes to the web or an e-mail address; footnotes without Markdown would never print.
pub(super) fn check_markup(
    answer: &Answer,
    prose: &[(JsonPath, &str)],
    problems: &mut Vec<Problem>,
) {
    use crate::markup::{Located, Reference, inspect};
    let footnotes = JsonPath::root().key("footnotes");
    if answer.markup == Markup::Plain {
        check_unprinted_line_breaks(prose, problems);
        if !answer.footnotes.is_empty() {
            problems.push(Problem::warning(
                footnotes,
                "fodnoter sættes kun, når teksterne læses som markdown",
                Some("sæt \"markup\": \"markdown\", og henvis til fodnoterne med [^navn]".into()),
            ));
        }
        return;
    }
    let mut used = std::collections::BTreeSet::new();
    for (path, text) in prose {
        let inspection = inspect(text);
        check_nesting(path, inspection.nesting, problems);
        for Located { reference, at } in inspection.references {
            if matches!(reference, Reference::Footnote(_)) {
                check_after_figure(text, path, at.clone(), problems);
            }
            let problem = match reference {
                Reference::Footnote(label) if answer.footnotes.contains_key(&label) => {
                    used.insert(label);
                    None
                }
                Reference::Footnote(label) => Some(
                    Problem::error(
                        path.clone(),
                        format!("fodnoten [^{label}] findes ikke"),
                        Some(format!(
                            "tilføj den under \"footnotes\": {{\"{label}\": \"…\"}}"
                        )),
                    )
                    .counting(Counted::Footnotes),
                ),
                Reference::Link(target) => link_problem(path, &target),
            };
            problems.extend(problem.map(|problem| problem.at_part(at)));
        }
    }
    for (label, text) in &answer.footnotes {
        let path = footnotes.key(label);
        let inspection = inspect(text);
        check_nesting(&path, inspection.nesting, problems);
        if !used.contains(label) {
            let warning = Problem::warning(
                path.clone(),
                format!("fodnoten [^{label}] bruges ikke"),
                Some(format!(
                    "henvis til den i teksten med [^{label}], eller fjern den"
                )),
            );
            problems.push(warning.counting(Counted::References));
        }
        for Located { reference, at } in inspection.references {
            let problem = match reference {
                Reference::Footnote(inner) => Some(Problem::error(
                    path.clone(),
                    format!("en fodnote kan ikke selv have en fodnote ([^{inner}])"),
                    Some(
                        "skriv teksten ind i fodnoten, eller flyt henvisningen ud i svaret".into(),
                    ),
                )),
                Reference::Link(target) => link_problem(&path, &target),
            };
            problems.extend(problem.map(|problem| problem.at_part(at)));
        }
    }
}

/// Warns of a line break (`\n`) inside a prose text of an answer read as plain text, once per
/// text, at its first: it prints as a space, so a question's sub-questions "a) …\nb) …" would
/// run on in one line, though the question must be printed as asked. With Markdown it prints.
/// Line breaks at either end print nothing either way.
fn check_unprinted_line_breaks(prose: &[(JsonPath, &str)], problems: &mut Vec<Problem>) {
    for (path, text) in prose {
        let start = text.len() - text.trim_start().len();
        let Some(at) = text.trim().find('\n').map(|at| start + at) else {
            continue;
        };
        problems.push(
            Problem::warning(
                path.clone(),
                "linjeskiftet i teksten sættes som et mellemrum",
                Some(
                    "skriv \"markup\": \"markdown\" i svarfilen, hvis linjeskift skal sættes, \
                     eller skriv et mellemrum i stedet"
                        .into(),
                ),
            )
            .at_part(Some(at..at + 1)),
        );
    }
}

/// Warns of a footnote referred to just after a figure (`3.478[^1] sager`): its number, set
/// small and raised, joins the figure in the text that is copied from the PDF, searched or read
/// aloud ("3.4781 sager").
fn check_after_figure(
    text: &str,
    path: &JsonPath,
    at: Option<Range<usize>>,
    problems: &mut Vec<Problem>,
) {
    if at
        .as_ref()
        .is_some_and(|at| text[..at.start].ends_with(|c: char| c.is_ascii_digit()))
    {
        problems.push(
            Problem::warning(
                path.clone(),
                "fodnotens nummer står lige efter et tal og smelter sammen med det, når teksten kopieres eller læses op",
                Some("sæt henvisningen efter det næste ord eller tegn, fx \"3.478 sager[^1]\"".into()),
            )
            .at_part(at),
        );
    }
}

/// Warns of Markdown written where svar prints text as it stands (captions, column headers,
/// cells, names): a clerk who writes `*kursiv*` or `[^kilde]` in a caption would otherwise find
/// the asterisks printed and the footnote missing. `printed` are all printed texts, `prose` the
/// ones read as Markdown; the footnotes are Markdown too.
pub(super) fn check_formatting_outside_prose(
    printed: &[(JsonPath, &str)],
    prose: &[(JsonPath, &str)],
    problems: &mut Vec<Problem>,
) {
    use crate::json_path::Step::Key;
    let footnotes =
        |path: &JsonPath| matches!(path.0.first(), Some(Key(key)) if key == "footnotes");
    // Only a text with one of Markdown's marks can print otherwise as Markdown; most cells of a
    // long table have none, and are not parsed.
    let may_be_markdown = |text: &str| text.contains(['*', '_', '[', '<', '&', '\\', '`']);
    for (path, text) in printed {
        if !may_be_markdown(text) || footnotes(path) || prose.iter().any(|(prose, _)| prose == path)
        {
            continue;
        }
        let formatted = !crate::markup::inspect(text).references.is_empty()
            || crate::markup::printed_text(text) != *text;
        if formatted {
            problems.push(Problem::warning(
                path.clone(),
                "her læses teksten ikke som markdown: tegnene trykkes, som de står",
                Some(
                    "skriv teksten uden *, _, [^…] og […](…); markdown virker i spørgsmålet, \
                     afsnit, punkter, indledninger, tabelnoter og fodnoter"
                        .into(),
                ),
            ));
        }
    }
}

/// The most levels of emphasis, strong and links a text may have inside each other. Typst
/// gives up on a few dozen, in English and pointing into the generated source; no answer needs
/// more than two or three.
const MAX_NESTING: usize = 8;

/// Emphasis, strong and links may not be nested deeper than [`MAX_NESTING`].
fn check_nesting(path: &JsonPath, depth: usize, problems: &mut Vec<Problem>) {
    if depth > MAX_NESTING {
        problems.push(Problem::error(
            path.clone(),
            format!(
                "fremhævninger og links er lagt {depth} niveauer i hinanden; højst \
                 {MAX_NESTING} kan sættes"
            ),
            Some("fjern de overflødige * og _ omkring teksten".into()),
        ));
    }
}

/// The problem with a link to `target`, if it goes anywhere but the web or an e-mail address:
/// a published answer may link to the web or an e-mail address, never to a file.
fn link_problem(path: &JsonPath, target: &str) -> Option<Problem> {
    if !crate::markup::is_allowed_link(target) {
        return Some(Problem::error(
            path.clone(),
            format!("linket går til \"{target}\""),
            Some("et link skal begynde med https://, http:// eller mailto:".into()),
        ));
    }
    // Typst refuses longer addresses, with an English message about the generated source.
    (target.len() > MAX_LINK_BYTES).then(|| {
        Problem::error(
            path.clone(),
            format!(
                "linkets adresse er {} tegn lang, men en PDF kan højst have {MAX_LINK_BYTES}",
                target.chars().count()
            ),
            Some("link til en kortere adresse, fx forsiden af den side, der menes".into()),
        )
    })
}

/// The longest link address Typst writes into a PDF, in bytes.
const MAX_LINK_BYTES: usize = 8000;
