//! Typst's findings located and told in Danish: the file, line and column they point at, the
//! template line behind a place in the generated source, and how to name that source.

use std::path::PathBuf;

use typst::diag::{Severity, SourceDiagnostic};
use typst::{World, WorldExt};

use crate::render::Generated;
use crate::world::AnswerWorld;

/// Why Typst could not typeset or export an answer.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.report())]
pub struct CompileError {
    /// Typst's findings, errors first.
    pub diagnostics: Vec<Diagnostic>,
    /// Where the generated source can be read, to name it in the findings that point into it.
    pub generated: GeneratedSource,
}

/// Where the generated Typst source that findings point into can be read. Its name in the
/// compiler (`main.typ`) is svar's own and no file anyone can open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum GeneratedSource {
    /// Only in memory.
    #[default]
    InMemory,
    /// Only in memory, but `--emit-typst` would have written it; the report says so.
    EmitTypstWouldWrite,
    /// Written to this file (`--emit-typst`).
    Written(PathBuf),
}

/// One finding of the compiler, located in the file it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Whether this is an error or only a warning.
    pub is_error: bool,
    /// Where in which file, when the finding points into a file.
    pub position: Option<Position>,
    /// The template file and line that produced the generated source at fault, when the
    /// finding points into the generated source.
    pub template: Option<(String, usize)>,
    /// What Typst says (in English).
    pub message: String,
    /// Typst's hints on how to fix it.
    pub hints: Vec<String>,
}

/// A place in a file Typst read; lines and columns count from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// The template file, or `None` for the generated source.
    pub file: Option<String>,
    /// The line.
    pub line: usize,
    /// The column.
    pub column: usize,
}

impl Diagnostic {
    /// The finding as a line (and its hints), naming the generated source as `generated` says.
    pub(super) fn describe(&self, generated: &GeneratedSource) -> String {
        let mut text = String::new();
        if let Some(position) = &self.position {
            text.push_str(&position.describe(generated));
            text.push_str(": ");
        }
        if let Some((template, line)) = &self.template {
            text.push_str(&format!("(skabelonen {template}, linje {line}) "));
        }
        let severity = if self.is_error { "fejl" } else { "advarsel" };
        text.push_str(&format!("{severity}: {}", message_in_danish(&self.message)));
        for hint in &self.hints {
            // A hint's own lines (Typst lists observed values so) stay under the hint.
            text.push_str(&format!("\n  tip: {}", hint.replace('\n', "\n    ")));
        }
        text
    }

    /// Whether the finding points into the generated source.
    fn is_in_generated_source(&self) -> bool {
        self.position
            .as_ref()
            .is_some_and(|position| position.file.is_none())
    }
}

impl Position {
    /// "style.typ:12:3", "output/x.typ:13:2", or, for source that was not written, "den
    /// genererede Typst-kilde, linje 13, kolonne 2".
    fn describe(&self, generated: &GeneratedSource) -> String {
        let Position { line, column, .. } = self;
        match (&self.file, generated) {
            (Some(file), _) => format!("{file}:{line}:{column}"),
            (None, GeneratedSource::Written(path)) => {
                format!("{}:{line}:{column}", path.display())
            }
            (None, _) => format!("den genererede Typst-kilde, linje {line}, kolonne {column}"),
        }
    }

    /// The file alone: "style.typ", "output/x.typ", or "den genererede Typst-kilde".
    fn file_name(&self, generated: &GeneratedSource) -> String {
        match (&self.file, generated) {
            (Some(file), _) => file.clone(),
            (None, GeneratedSource::Written(path)) => path.display().to_string(),
            (None, _) => "den genererede Typst-kilde".to_string(),
        }
    }
}

/// Typst's messages without values in them, with their Danish.
const FIXED_MESSAGES: [(&str, &str); 5] = [
    (
        "document did not converge within five attempts",
        "sideopsætningen faldt ikke til ro efter fem forsøg, så sideskift og henvisninger til \
         sider kan være forkerte; se efter i PDF'en",
    ),
    (
        "unclosed delimiter",
        "en parentes, klamme eller tuborgklamme er ikke lukket",
    ),
    (
        "condition is always true",
        "betingelsen er altid sand, så løkken slutter aldrig",
    ),
    (
        "loop seems to be infinite",
        "løkken ser ud til at køre uden ende",
    ),
    (
        "maximum function call depth exceeded",
        "for mange funktionskald inden i hinanden; kalder en funktion sig selv uden ende?",
    ),
];

/// What Typst's parser expected, in Danish where it is one of the things a half-written line
/// lacks most often ("expected expression" after `12pt +`); otherwise Typst's own word.
fn expected_in_danish(expected: &str) -> &str {
    match expected {
        "expression" => "et udtryk",
        "comma" => "et komma",
        "colon" => "et kolon",
        "semicolon or line break" => "semikolon eller linjeskift",
        "identifier" => "et navn",
        "closing paren" => "en afsluttende parentes",
        "closing bracket" => "en afsluttende klamme",
        "closing brace" => "en afsluttende tuborgklamme",
        other => other,
    }
}

/// The messages of Typst's a template author meets most, in Danish, with Typst's English in
/// parentheses (the words to search for); other messages stay as Typst wrote them.
fn message_in_danish(message: &str) -> String {
    let danish = if let Some(name) = message.strip_prefix("unknown variable: ") {
        format!("ukendt navn: {name}")
    } else if let Some((expected, found)) = message
        .strip_prefix("expected ")
        .and_then(|rest| rest.split_once(", found "))
    {
        format!("forventede {expected}, men fik {found}")
    } else if let Some(expected) = message.strip_prefix("expected ") {
        format!("forventede {} her", expected_in_danish(expected))
    } else if let Some(values) = message.strip_prefix("panicked with: ") {
        format!("stoppede med panic: {values}")
    } else if message == "panicked" {
        "stoppede med panic".to_string()
    } else if let Some((_, danish)) = FIXED_MESSAGES
        .iter()
        .find(|(english, _)| *english == message)
    {
        danish.to_string()
    } else if let Some(family) = message.strip_prefix("unknown font family: ") {
        format!(
            "skrifttypen {family} findes ikke i svar, så Typst bruger en anden; svar har kun sine \
             indbyggede skrifter: {}",
            crate::fonts::family_names()
        )
    } else if let Some(path) = message
        .strip_prefix("file not found (searched at ")
        .and_then(|rest| rest.strip_suffix(')'))
    {
        format!(
            "filen {path} findes ikke blandt de filer, Typst må læse: skabelonerne (*.typ) og \
             svarets egne filer"
        )
    } else if let Some(path) = message
        .strip_prefix("path ")
        .and_then(|rest| rest.strip_suffix(" would escape the project root"))
    {
        format!(
            "stien {} fører uden for skabelonernes mappe; Typst kan kun læse skabelonerne \
             (*.typ) og svarets egne filer",
            path.trim_matches('`')
        )
    } else if let Some(reason) = message
        .strip_prefix("failed to load package (")
        .and_then(|rest| rest.strip_suffix(')'))
    {
        // svar's own words, which the English around them would only repeat.
        return reason.to_string();
    } else {
        return message.to_string();
    };
    format!("{danish} ({message})")
}

/// The findings worth reading: every warning, and the first error in each file. A mistake in
/// a file's syntax (a bracket left open) makes Typst report every line after it too ("expected
/// comma" a dozen times), which would bury the one to fix. Also, for each file with errors
/// left out, its first error's place and how many were left out.
fn first_errors(diagnostics: &[Diagnostic]) -> (Vec<&Diagnostic>, Vec<(&Position, usize)>) {
    let mut shown: Vec<&Diagnostic> = Vec::new();
    let mut following: Vec<(&Position, usize)> = Vec::new();
    for diagnostic in diagnostics {
        let file = diagnostic.position.as_ref().map(|position| &position.file);
        let earlier = following
            .iter_mut()
            .find(|(position, _)| Some(&position.file) == file);
        match (diagnostic.is_error, earlier, &diagnostic.position) {
            (true, Some((_, count)), _) => *count += 1,
            (true, None, Some(position)) => {
                following.push((position, 0));
                shown.push(diagnostic);
            }
            _ => shown.push(diagnostic),
        }
    }
    following.retain(|(_, count)| *count > 0);
    (shown, following)
}

/// The families of the fonts built into svar, sorted: the only ones a template can name.
impl CompileError {
    fn report(&self) -> String {
        let (shown, following) = first_errors(&self.diagnostics);
        let mut lines: Vec<String> = shown
            .iter()
            .map(|diagnostic| diagnostic.describe(&self.generated))
            .collect();
        for (position, count) in following {
            lines.push(format!(
                "  og {count} fejl mere i {}, som regel følgefejl af den første: ret den, og \
                 sæt igen",
                position.file_name(&self.generated)
            ));
        }
        if self.generated == GeneratedSource::EmitTypstWouldWrite
            && self
                .diagnostics
                .iter()
                .any(Diagnostic::is_in_generated_source)
        {
            lines.push(
                "  tip: med --emit-typst skriver svar den genererede Typst-kilde ved siden af \
                 PDF'en, også når Typst fejler"
                    .to_string(),
            );
        }
        format!("Typst kunne ikke sætte dokumentet:\n{}", lines.join("\n"))
    }

    /// This error naming the generated source as `generated` says.
    pub fn with_generated_source(mut self, generated: GeneratedSource) -> Self {
        self.generated = generated;
        self
    }
}

/// Typst's findings located, each naming the template line behind it where it points into the
/// generated source.
pub(super) fn traced(
    world: &AnswerWorld,
    generated: &Generated,
    diagnostics: &[SourceDiagnostic],
) -> Vec<Diagnostic> {
    diagnostics
        .iter()
        .map(|diagnostic| {
            let mut located = locate(world, diagnostic);
            located.template = template_behind(world, generated, &located);
            located
        })
        .collect()
}

/// The template file and line that produced the place in the generated source `diagnostic`
/// points at.
fn template_behind(
    world: &AnswerWorld,
    generated: &Generated,
    diagnostic: &Diagnostic,
) -> Option<(String, usize)> {
    let Some(Position {
        file: None,
        line,
        column,
    }) = &diagnostic.position
    else {
        return None;
    };
    let offset = world
        .main_source()
        .lines()
        .line_column_to_byte(line - 1, column - 1)?;
    let (template, line) = generated.template_position(offset)?;
    Some((world.templates().shown_name(template), line))
}

/// Typst's findings from PDF export as a [`CompileError`], each located in its file. Export works
/// on the finished document, without the generated source's map back to the templates, so
/// unlike [`traced`] no finding names a template line.
pub(super) fn compile_error(world: &AnswerWorld, diagnostics: &[SourceDiagnostic]) -> CompileError {
    CompileError {
        diagnostics: diagnostics
            .iter()
            .map(|diagnostic| locate(world, diagnostic))
            .collect(),
        generated: GeneratedSource::default(),
    }
}

/// Finds the file, line and column a diagnostic points at.
fn locate(world: &AnswerWorld, diagnostic: &SourceDiagnostic) -> Diagnostic {
    let position = diagnostic.span.id().and_then(|id| {
        let source = world.source(id).ok()?;
        let range = world.range(diagnostic.span)?;
        let (line, column) = source.lines().byte_to_line_column(range.start)?;
        let file = (id != world.main()).then(|| {
            world
                .templates()
                .shown_name(id.get().vpath().get_without_slash())
        });
        Some(Position {
            file,
            line: line + 1,
            column: column + 1,
        })
    });
    Diagnostic {
        is_error: diagnostic.severity == Severity::Error,
        position,
        template: None,
        message: diagnostic.message.to_string(),
        hints: diagnostic
            .hints
            .iter()
            .map(|hint| hint.v.to_string())
            // The typst CLI's option, which svar has not: its templates' folder is the root.
            .filter(|hint| !hint.contains("`--root`"))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_typst_messages_are_told_in_danish_with_the_english_kept() {
        assert_eq!(
            message_in_danish("unknown variable: letterhead"),
            "ukendt navn: letterhead (unknown variable: letterhead)"
        );
        assert_eq!(
            message_in_danish("expected content, found integer"),
            "forventede content, men fik integer (expected content, found integer)"
        );
        assert_eq!(
            message_in_danish("panicked with: intet logo"),
            "stoppede med panic: intet logo (panicked with: intet logo)"
        );
        assert_eq!(
            message_in_danish("file not found (searched at /logo.png)"),
            "filen /logo.png findes ikke blandt de filer, Typst må læse: skabelonerne (*.typ) og \
             svarets egne filer (file not found (searched at /logo.png))"
        );
        assert_eq!(
            message_in_danish("unclosed delimiter"),
            "en parentes, klamme eller tuborgklamme er ikke lukket (unclosed delimiter)"
        );
        assert_eq!(
            message_in_danish("condition is always true"),
            "betingelsen er altid sand, så løkken slutter aldrig (condition is always true)"
        );
        assert_eq!(
            message_in_danish("expected expression"),
            "forventede et udtryk her (expected expression)"
        );
        assert_eq!(
            message_in_danish("expected block or content"),
            "forventede block or content her (expected block or content)"
        );
        assert_eq!(
            message_in_danish("unexpected argument"),
            "unexpected argument"
        );
    }

    #[test]
    fn only_the_first_error_of_a_file_is_shown_and_the_others_counted() {
        let at = |file: Option<&str>, line| Position {
            file: file.map(str::to_string),
            line,
            column: 1,
        };
        let finding = |is_error, position, message: &str| Diagnostic {
            is_error,
            position: Some(position),
            template: None,
            message: message.into(),
            hints: Vec::new(),
        };
        let error = CompileError {
            diagnostics: vec![
                finding(true, at(Some("mine/style.typ"), 31), "unclosed delimiter"),
                finding(true, at(Some("mine/style.typ"), 32), "expected comma"),
                finding(true, at(Some("mine/style.typ"), 33), "expected comma"),
                finding(true, at(None, 4), "unknown variable: x"),
                finding(false, at(Some("mine/style.typ"), 40), "unused"),
            ],
            generated: GeneratedSource::InMemory,
        };
        assert_eq!(
            error.to_string(),
            "Typst kunne ikke sætte dokumentet:\n\
             mine/style.typ:31:1: fejl: en parentes, klamme eller tuborgklamme er ikke lukket \
             (unclosed delimiter)\n\
             den genererede Typst-kilde, linje 4, kolonne 1: fejl: ukendt navn: x (unknown \
             variable: x)\n\
             mine/style.typ:40:1: advarsel: unused\n  \
             og 2 fejl mere i mine/style.typ, som regel følgefejl af den første: ret den, og sæt \
             igen"
        );
    }

    #[test]
    fn the_generated_source_is_named_as_the_user_can_find_it() {
        let diagnostic = Diagnostic {
            is_error: true,
            position: Some(Position {
                file: None,
                line: 13,
                column: 2,
            }),
            template: Some(("answer.typ".into(), 17)),
            message: "unknown variable: letterhead".into(),
            hints: Vec::new(),
        };
        let error = |generated| CompileError {
            diagnostics: vec![diagnostic.clone()],
            generated,
        };
        assert_eq!(
            error(GeneratedSource::Written("ud/svar.typ".into())).to_string(),
            "Typst kunne ikke sætte dokumentet:\nud/svar.typ:13:2: (skabelonen answer.typ, linje \
             17) fejl: ukendt navn: letterhead (unknown variable: letterhead)"
        );
        assert_eq!(
            error(GeneratedSource::InMemory).to_string(),
            "Typst kunne ikke sætte dokumentet:\nden genererede Typst-kilde, linje 13, kolonne 2: \
             (skabelonen answer.typ, linje 17) fejl: ukendt navn: letterhead (unknown variable: \
             letterhead)"
        );
        assert!(
            error(GeneratedSource::EmitTypstWouldWrite)
                .to_string()
                .ends_with(
                    "\n  tip: med --emit-typst skriver svar den genererede Typst-kilde ved \
                            siden af PDF'en, også når Typst fejler"
                )
        );
    }
}
