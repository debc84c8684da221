//! Stage two: an answer becomes Typst markup through the templates.
//!
//! All content passes through one escaping point: the template engine's auto-escape mode for
//! `.typ` templates, whose formatter calls [`crate::escape::markup`]. Templates that need a value
//! inside Typst code use the `string` filter, and `content` for one line of text to print. Prose
//! fields go through the `inline` filter, which is the same escaping unless the answer opts in
//! to inline formatting (`crate::markup`).

mod attachments;
mod context;
mod error;
mod templates;
mod wording;

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

pub(crate) use self::attachments::{ANSWER_ATTACHMENT, as_published};
pub use self::attachments::{Attachment, attachments};
pub(crate) use self::context::hundredths;
pub use self::context::{
    BlockContent, BlockContext, BlockMarks, DocumentContext, FigureContext, FormerCell,
    PanelContext, RedlineSummary, Segment, SegmentKind, TableContext, WordingMarks, caption,
    notes_heading, panel_heading,
};
pub use self::error::RenderError;
use self::error::explained;
pub use self::templates::{
    FolderProblem, TemplateFolderError, TemplateSet, UnusedKind, UnusedTemplateFile,
};
pub use self::wording::expected_text;
use crate::danish::Side;
use crate::escape;
use crate::model::Answer;

/// The name of the auto-escape mode for Typst markup.
const TYPST_ESCAPE: &str = "typst";

/// Typst source generated from the templates, remembering which template line produced each
/// part, so that a Typst error can name the template a clerk or designer has to fix.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The Typst source.
    pub source: String,
    /// The files the source attaches to the PDF, which the compiler must be able to read.
    pub attachments: Vec<Attachment>,
    origins: Vec<Origin>,
}

/// Which template, from which line, produced a range of the generated source.
#[derive(Debug, Clone)]
struct Origin {
    output: std::ops::Range<usize>,
    template: String,
    line: usize,
}

impl Generated {
    /// This source with `text` inserted before each of `offsets` (ascending): the origins of
    /// what follows move along, so that Typst's findings still point into the templates.
    pub(crate) fn with_inserted(&self, offsets: &[usize], text: &str) -> Generated {
        let mut source = String::with_capacity(self.source.len() + offsets.len() * text.len());
        let mut from = 0;
        for &offset in offsets {
            source.push_str(&self.source[from..offset]);
            source.push_str(text);
            from = offset;
        }
        source.push_str(&self.source[from..]);
        let moved = |position: usize| {
            position + text.len() * offsets.iter().filter(|&&offset| offset <= position).count()
        };
        let origins = self
            .origins
            .iter()
            .map(|origin| Origin {
                output: moved(origin.output.start)..moved(origin.output.end),
                ..origin.clone()
            })
            .collect();
        Generated {
            source,
            attachments: self.attachments.clone(),
            origins,
        }
    }

    /// The template file and line (from 1) that produced the byte at `offset` of the source.
    pub fn template_position(&self, offset: usize) -> Option<(&str, usize)> {
        // Macro output is inside the span of the call; the narrowest span is the real origin.
        let origin = self
            .origins
            .iter()
            .filter(|origin| origin.output.contains(&offset))
            .min_by_key(|origin| origin.output.len())?;
        // A literal stretch of template text may span lines; count into it.
        let lines_in = self.source[origin.output.start..offset]
            .matches('\n')
            .count();
        Some((origin.template.as_str(), origin.line + lines_in))
    }
}

/// Renders `answer` to Typst markup with the given templates.
///
/// With `attach_source`, the markup attaches the answer's source JSON, and its ministry's
/// profile and logo, to the PDF.
pub fn typst_source(
    answer: &Answer,
    templates: &TemplateSet,
    attach_source: bool,
) -> Result<Generated, RenderError> {
    let mut context = DocumentContext::new(answer);
    if attach_source {
        context.attachments = attachments(answer);
    }
    typst_source_from(&context, templates)
}

/// Renders an already prepared context (for instance one a redline has marked up).
pub fn typst_source_from(
    context: &DocumentContext,
    templates: &TemplateSet,
) -> Result<Generated, RenderError> {
    let in_danish = |error: minijinja::Error| RenderError::from_engine(&error, templates);
    let template = templates
        .engine(environment)?
        .get_template(templates::ENTRY)
        .map_err(in_danish)?;
    let (source, spans) = template
        .render_with_spans(Value::from(minijinja::value::Serde(&context)))
        .map_err(in_danish)?;
    let origins = spans
        .iter()
        .map(|span| Origin {
            output: span.output_range(),
            template: span.name().to_string(),
            line: span.line(),
        })
        .collect();
    Ok(Generated {
        source,
        attachments: context.attachments.clone(),
        origins,
    })
}

/// The name templates call [`string_filter`] by (`{{ value|string }}`).
const STRING_FILTER: &str = "string";
/// The name templates call [`content_filter`] by (`{{ value|content }}`).
const CONTENT_FILTER: &str = "content";
/// The name templates call [`inline_filter`] by (`{{ text|inline }}`).
const INLINE_FILTER: &str = "inline";
/// The name templates call [`marked_filter`] by (`{{ runs|marked }}`).
const MARKED_FILTER: &str = "marked";
/// The name templates call [`marked_prose_filter`] by (`{{ runs|marked_prose }}`).
const MARKED_PROSE_FILTER: &str = "marked_prose";

/// The name templates call [`note_pushes_filter`] by (`{{ text|note_pushes }}`).
const NOTE_PUSHES_FILTER: &str = "note_pushes";

/// svar's own filters, by the names templates call them; also what a misspelt filter's
/// "mente du …?" chooses among. Each is registered by its named const, so reordering this list
/// cannot swap two filters.
pub(super) const FILTERS: [&str; 6] = [
    STRING_FILTER,
    CONTENT_FILTER,
    INLINE_FILTER,
    MARKED_FILTER,
    MARKED_PROSE_FILTER,
    NOTE_PUSHES_FILTER,
];

/// Sets up the template engine: strict about missing values, escaping for Typst in `.typ` files.
fn environment(templates: &TemplateSet) -> Result<Environment<'static>, RenderError> {
    let mut environment = Environment::new();
    environment.set_undefined_behavior(UndefinedBehavior::Strict);
    // Only so that a missing value's error names the expression (`block.txt`); it costs
    // nothing until a template uses a value that is not there.
    environment.set_debug(true);
    environment.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .expect("the default delimiters are valid"),
    );
    environment.set_auto_escape_callback(|name| {
        if name.ends_with(".typ") {
            AutoEscape::Custom(TYPST_ESCAPE.into())
        } else {
            AutoEscape::None
        }
    });
    environment.set_formatter(format_value);
    environment.add_filter(STRING_FILTER, string_filter);
    environment.add_filter(CONTENT_FILTER, content_filter);
    environment.add_filter(INLINE_FILTER, inline_filter);
    environment.add_filter(MARKED_FILTER, marked_filter);
    environment.add_filter(MARKED_PROSE_FILTER, marked_prose_filter);
    environment.add_filter(NOTE_PUSHES_FILTER, note_pushes_filter);
    for (name, source) in templates.files() {
        environment
            .add_template_owned(name.to_string(), source.to_string())
            .map_err(|error| RenderError::from_engine(&error, templates))?;
    }
    Ok(environment)
}

/// Prints a value into a template: escaped as Typst markup in `.typ` templates, with Danish
/// no-break spaces (`danish::keep_together`).
fn format_value(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    match state.auto_escape() {
        AutoEscape::Custom(mode) if mode == TYPST_ESCAPE && !value.is_safe() => {
            defined(state, value)?;
            if value.is_none() {
                return Err(explained(
                    minijinja::ErrorKind::InvalidOperation,
                    "skabelonen skriver en værdi, som svarfilen ikke har; test den med {% if … %} først",
                ));
            }
            // svar's own sentences ("som blev besvaret den 20. oktober 2026") keep dates and
            // numbers on one line as the clerk's texts do.
            let text = value.to_string();
            out.write_str(&escape::markup(&crate::danish::keep_together(&text)))
                .map_err(|_| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write"))
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// Refuses an undefined `value` with the engine's own error, which names the expression: the
/// context has every field of an answer (a missing optional one is `none`), so a name it does
/// not have is a template's typo, not an absent value.
fn defined(state: &minijinja::State, value: &Value) -> Result<(), minijinja::Error> {
    minijinja::value::StringInput::new(state, value).map(|_| ())
}

/// `{{ value|string }}`: a Typst string literal, for values used inside Typst code; `none`
/// becomes Typst's `none`.
fn string_filter(state: &minijinja::State, value: &Value) -> Result<Value, minijinja::Error> {
    defined(state, value)?;
    if value.is_none() {
        return Ok(Value::from_safe_string("none".into()));
    }
    Ok(Value::from_safe_string(escape::string_literal(
        &value.to_string(),
    )))
}

/// `{{ text|inline }}`: prose as Typst markup. Literal text, unless the answer sets
/// `"markup": "markdown"`; then emphasis, links, footnotes and line breaks become Typst calls.
fn inline_filter(state: &mut minijinja::State, value: &Value) -> Result<Value, minijinja::Error> {
    defined(state, value)?;
    if value.is_none() {
        return Err(explained(
            minijinja::ErrorKind::InvalidOperation,
            "skabelonen giver filteret inline en tekst, som svarfilen ikke har; test den med \
             {% if … %} først",
        ));
    }
    // Spaces before or after a text, pasted along with it, would print between it and the
    // quotation marks around a question or statement; a one-line text is trimmed as well
    // (`escape::text_literal`). No-break spaces keep "§ 216" and "12. juni" on one line.
    let value = value.to_string();
    let text = crate::danish::keep_together(value.trim());
    if !is_markdown(state) {
        return Ok(Value::from_safe_string(escape::markup(&text)));
    }
    let footnotes = footnotes(state)?;
    Ok(Value::from_safe_string(crate::markup::to_typst(
        &text, footnotes,
    )))
}

/// `{{ text|note_pushes }}`: for each footnote the text sets (it refers to it first), a
/// `push-to-note` (answer.typ) before the block that prints it, each followed by a blank line.
/// Typst moves a line to the next page with its footnote only where the line stands in the
/// page's own flow; in a statement or a list the footnote went over alone, and "¹" stood on a
/// page without its note (review 24, 2). Nothing for a text without footnotes.
fn note_pushes_filter(
    state: &mut minijinja::State,
    value: &Value,
) -> Result<Value, minijinja::Error> {
    defined(state, value)?;
    if !is_markdown(state) || value.is_none() {
        return Ok(Value::from_safe_string(String::new()));
    }
    let text = value.to_string();
    let pushes: String = footnotes(state)?
        .first_printed_by(&text)
        .iter()
        .map(|name| format!("#push-to-note({name})\n\n"))
        .collect();
    Ok(Value::from_safe_string(pushes))
}

/// The footnotes of the document being rendered: one set per document, so a footnote referred
/// to again keeps its number.
fn footnotes<'s>(
    state: &'s mut minijinja::State,
) -> Result<&'s mut crate::markup::Footnotes, minijinja::Error> {
    if state.get_extension::<crate::markup::Footnotes>().is_none() {
        let texts = state
            .lookup("footnotes")
            .map(|notes| footnote_map(&notes))
            .unwrap_or_default();
        let marked = state
            .lookup("footnote_marks")
            .map(|marks| footnote_marks(&marks))
            .transpose()?
            .unwrap_or_default();
        state.get_or_insert_extension(crate::markup::Footnotes::new(texts).marked(marked));
    }
    Ok(state
        .get_extension_mut::<crate::markup::Footnotes>()
        .expect("inserted above"))
}

/// The answer's footnotes, from the template context.
fn footnote_map(notes: &Value) -> std::collections::BTreeMap<String, String> {
    notes
        .try_iter()
        .into_iter()
        .flatten()
        .filter_map(|label| {
            let text = notes.get_item(&label).ok()?;
            Some((label.to_string(), text.to_string()))
        })
        .collect()
}

/// A redline's marked footnotes, from the template context: each as the Typst markup of its
/// runs.
fn footnote_marks(
    marks: &Value,
) -> Result<std::collections::BTreeMap<String, String>, minijinja::Error> {
    marks
        .try_iter()?
        .map(|label| Ok((label.to_string(), marked_markup(&marks.get_item(&label)?)?)))
        .collect()
}

/// `{{ runs|marked }}`: a redline's runs of text (each with `kind` and `text`) as Typst markup:
/// inserted text in `ins`, deleted text in `del` (both from style.typ), kept text as it is;
/// every run literal, as written, so that every changed character is visible, with Danish
/// no-break spaces (`danish::keep_together`) as other printed texts have them.
fn marked_filter(state: &minijinja::State, value: &Value) -> Result<Value, minijinja::Error> {
    defined(state, value)?;
    Ok(Value::from_safe_string(marked_markup(value)?))
}

/// `{{ runs|marked_prose }}`: a redline's runs of a prose text (one `|inline` prints
/// otherwise), as `|marked` prints them; in a Markdown answer the footnotes the new text refers
/// to are set after it, since the runs print its references as written: each keeps its number,
/// and so does every footnote after it.
fn marked_prose_filter(
    state: &mut minijinja::State,
    value: &Value,
) -> Result<Value, minijinja::Error> {
    defined(state, value)?;
    let mut markup = marked_markup(value)?;
    if is_markdown(state) {
        let new_text = runs_of_new_text(value)?;
        markup.push_str(&footnotes(state)?.referred_to_by(&new_text));
    }
    Ok(Value::from_safe_string(markup))
}

/// The text of a redline's runs as the new answer has it: all but the deleted runs.
fn runs_of_new_text(runs: &Value) -> Result<String, minijinja::Error> {
    let mut text = String::new();
    for run in runs.try_iter()? {
        if run.get_attr("kind")?.as_str() != Some("deleted") {
            text.push_str(&run.get_attr("text")?.to_string());
        }
    }
    Ok(text)
}

/// Whether the answer being rendered is written in Markdown.
fn is_markdown(state: &minijinja::State) -> bool {
    state
        .lookup("markup")
        .is_some_and(|markup| markup.as_str() == Some("markdown"))
}

/// The text a redline's run of `kind` belongs to.
fn side(kind: Option<&str>) -> Side {
    match kind {
        Some("inserted") => Side::New,
        Some("deleted") => Side::Old,
        _ => Side::Both,
    }
}

fn marked_markup(runs: &Value) -> Result<String, minijinja::Error> {
    let runs = runs
        .try_iter()?
        .map(|run| Ok((run.get_attr("kind")?, run.get_attr("text")?.to_string())))
        .collect::<Result<Vec<_>, minijinja::Error>>()?;
    let kinds: Vec<Option<&str>> = runs.iter().map(|(kind, _)| kind.as_str()).collect();
    // The space a redline puts between a word struck through and the word inserted for it
    // ("september november") is neither answer's text: it is left out of both when deciding
    // where lines must not break, and it does not break either.
    let between = |index: usize| {
        runs[index].1 == " "
            && index > 0
            && kinds[index - 1] == Some("deleted")
            && kinds.get(index + 1) == Some(&Some("inserted"))
    };
    // Decided on the runs as they print one after another: "§ " kept before "216" inserted must
    // not break either.
    let sided: Vec<(Side, &str)> = (0..runs.len())
        .filter(|&index| !between(index))
        .map(|index| (side(kinds[index]), runs[index].1.as_str()))
        .collect();
    let mut kept = crate::danish::keep_runs_together(&sided).into_iter();
    let mut out = String::new();
    for (index, kind) in kinds.iter().enumerate() {
        if between(index) {
            out.push('\u{a0}');
            continue;
        }
        let run = kept.next().expect("a kept run for each run not between");
        let text = escape::markup_with_months(&run.text, &run.months);
        match kind {
            Some("inserted") => out.push_str(&format!("#ins[{}]", unseen_shown(&text))),
            Some("deleted") => out.push_str(&format!("#del[{}]", unseen_shown(&text))),
            _ => out.push_str(&text),
        }
    }
    Ok(out)
}

/// A changed run's soft hyphens shown as "¬", the mark word processors show for one, and its
/// invisible characters ([`crate::invisible`]) as "◌", the dotted circle Unicode shows for a
/// character that has no look of its own (as `svar check` shows them in the file's line): a
/// soft hyphen prints nothing unless the word breaks there, and a zero-width space nothing at
/// all, so one typed into a word or taken out, a change of where the word may break or of what
/// a search finds, would otherwise be marked by an underline or a stroke as wide as nothing.
fn unseen_shown(markup: &str) -> String {
    markup
        .chars()
        .map(|c| match c {
            '\u{ad}' => '¬',
            c if crate::invisible::name(c).is_some() => '◌',
            c => c,
        })
        .collect()
}

/// `{{ value|content }}`: one line of literal text to print, as a Typst string (which Typst
/// prints wherever content is expected), with Danish no-break spaces (`danish::keep_together`);
/// `none` becomes Typst's `none`.
fn content_filter(state: &minijinja::State, value: &Value) -> Result<Value, minijinja::Error> {
    defined(state, value)?;
    if value.is_none() {
        return Ok(Value::from_safe_string("none".into()));
    }
    Ok(Value::from_safe_string(escape::text_literal(
        &crate::danish::keep_together(&value.to_string()),
    )))
}
