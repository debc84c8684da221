//! Content checks: what JSON syntax and types cannot catch, such as rows that do not fit their
//! columns, totals that do not add up or an answer dated before its question.
//!
//! Each check reports a [`Problem`] at a JSON path; the input stage turns problems into located
//! findings. The question, the blocks and tables, references to enclosures and tables, and inline
//! formatting are checked in modules of their own; this one holds the checks of the answer as a whole.

mod committees;
mod counted;
mod dates;
mod glyphs;
mod headings;
mod layout;
mod markup;
mod near_figures;
mod parties;
pub(crate) mod precision;
mod question;
mod quotes;
mod references;
mod session;
mod tables;

use serde::Serialize;

pub(crate) use self::counted::Counted;
use self::dates::{check_dates, check_status};
use self::glyphs::{check_control_characters, check_glyphs};
use self::layout::check_layout;
pub(crate) use self::layout::{
    Area, figure_column_holding, figure_columns, label_column, label_column_holding,
};
use self::markup::{check_formatting_outside_prose, check_markup};
use self::question::{check_further_questions, check_question, check_question_headings};
use self::quotes::check_quotation_marks;
use self::references::{
    check_enclosure_references, check_figure_references, check_table_references,
};
use self::session::check_session_dates;
use self::tables::{Numbering, check_blocks};
use crate::input::SourcePlace;
use crate::json_path::JsonPath;
use crate::model::{Answer, Askers, Block, Member};

/// The marker `svar new` puts in every field a clerk must fill in.
pub(crate) const PLACEHOLDER: &str = "UDFYLD";

/// The marker `svar new` puts in a field most sent answers have but some do not (the day the
/// question was asked, the case and document numbers, the official who signs): the clerk
/// fills it in or deletes it, and `svar check` says so.
pub(crate) const PLACEHOLDER_OR_DELETE: &str = "UDFYLD eller slet feltet";

/// The error for the text `text` at `path` if it still holds a placeholder of `svar new`,
/// with what to do: fill it in, or for a field an answer may do without, fill it in or
/// delete it. Also told of a placeholder where a date belongs, which the format does not
/// read as a date.
pub(crate) fn unfilled(text: &str, path: &JsonPath) -> Option<Problem> {
    let hint = if text.contains(PLACEHOLDER_OR_DELETE) {
        "erstat teksten med det rigtige indhold, eller slet feltet, hvis svaret ikke skal have det"
            .to_string()
    } else {
        format!("erstat teksten med {PLACEHOLDER} med det rigtige indhold")
    };
    text.contains(PLACEHOLDER)
        .then(|| Problem::error(path.clone(), "feltet er ikke udfyldt", Some(hint)))
}

/// How serious a finding is: errors stop rendering, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The answer cannot be rendered until this is fixed.
    Error,
    /// Probably a mistake, but the answer can be rendered.
    Warning,
}

/// Something wrong with an answer's content, before it is located in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where in the answer.
    pub path: JsonPath,
    /// What is wrong, in Danish.
    pub message: String,
    /// What to do about it, in Danish.
    pub hint: Option<String>,
    /// The part of the text the problem is about, so the report can point at it rather than
    /// at the whole text (an invisible character or a broken link in a long paragraph).
    pub focus: Option<Focus>,
    /// What the report may add to the hint from the file as written, which the checks do not
    /// see.
    pub from_file: Option<FileHint>,
    /// The place in a spreadsheet the problem is about, which `message` begins with (see
    /// [`Problem::in_source`]).
    pub source: Option<SourcePlace>,
    /// What the problem counts across the answer besides the value at its path (every table,
    /// for a reference to "tabel 2"), so that it is not told where a mistake of type took one
    /// of them out of what the checks see.
    pub counting: Option<Counted>,
}

/// Advice only the text of the file can give, added to a problem's hint where it applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileHint {
    /// A row with more cells than columns: a figure written with a Danish decimal comma
    /// (`12,5`) is two cells in JSON, where the comma parts them.
    DecimalComma,
}

/// The part of a text a problem is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Focus {
    /// A character, wherever the text first has it (an invisible character); nowhere when the
    /// value the problem's path leads to does not have it (a character of the ministry's
    /// profile, reported at the answer's `profile`).
    Character(char),
    /// The bytes `start..end` of the text as read (`[^9]`, a link), which the report finds
    /// in the file however the text is written there (with `\u` escapes or not).
    Part(std::ops::Range<usize>),
}

impl Problem {
    /// An error at `path`, with no focus within the text: the answer cannot be rendered until it
    /// is fixed. The one constructor for errors, so the other stages build problems alike.
    pub(crate) fn error(path: JsonPath, message: impl Into<String>, hint: Option<String>) -> Self {
        Self {
            severity: Severity::Error,
            path,
            message: message.into(),
            hint,
            focus: None,
            from_file: None,
            source: None,
            counting: None,
        }
    }

    pub(crate) fn warning(
        path: JsonPath,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            path,
            message: message.into(),
            hint,
            focus: None,
            from_file: None,
            source: None,
            counting: None,
        }
    }

    /// The same problem, about the part `focus` of its text.
    pub(crate) fn at(self, focus: Focus) -> Self {
        Self {
            focus: Some(focus),
            ..self
        }
    }

    /// The same problem, with advice from the file as written where `from_file` applies.
    pub(crate) fn with(self, from_file: FileHint) -> Self {
        Self {
            from_file: Some(from_file),
            ..self
        }
    }

    /// The same problem, about the place `source` in a spreadsheet, its message beginning with
    /// that place: the one place the two are paired, so that the text a clerk reads and the
    /// place `--format json` gives cannot disagree.
    pub(crate) fn in_source(self, source: SourcePlace) -> Self {
        Self {
            message: format!("{source}: {}", self.message),
            source: Some(source),
            ..self
        }
    }

    /// The same problem, shown at the place `source` in a file beside the answer (a ministry
    /// profile's mistake, in the profile), whose message names that place in its own words.
    pub(crate) fn shown_in(self, source: SourcePlace) -> Self {
        Self {
            source: Some(source),
            ..self
        }
    }

    /// The same problem, counting `counted` across the answer.
    pub(crate) fn counting(self, counted: Counted) -> Self {
        Self {
            counting: Some(counted),
            ..self
        }
    }

    /// The same problem, about the part `at` of its text where that is known (a reference a
    /// text has, found where lowering its case kept every character's place).
    pub(crate) fn at_part(self, at: Option<std::ops::Range<usize>>) -> Self {
        match at {
            Some(at) => self.at(Focus::Part(at)),
            None => self,
        }
    }
}

/// Checks the content of an answer that has already parsed.
pub(crate) fn check(answer: &Answer) -> Vec<Problem> {
    let mut problems = Vec::new();
    let root = JsonPath::root();
    let value = serde_json::to_value(answer).expect("answers serialise");
    let texts = strings(&value, &root);
    for (path, text) in &texts {
        check_text(text, path, &mut problems);
    }
    check_question(&answer.question, &root.key("question"), &mut problems);
    check_further_questions(answer, &root.key("further_questions"), &mut problems);
    check_dates(answer, &mut problems);
    check_session_dates(answer, &mut problems);
    check_status(answer, &mut problems);
    let blocks = root.key("answer").key("blocks");
    // An interim answer may consist of its standard sentence alone.
    if answer.answer.blocks.is_empty() && answer.status != crate::model::Status::Interim {
        problems.push(Problem::error(
            blocks.clone(),
            "svaret har ingen blokke",
            Some("skriv svaret som afsnit: \"blocks\": [{\"paragraph\": \"…\"}]".into()),
        ));
    }
    let mut numbering = Numbering::default();
    check_blocks(
        &answer.answer.blocks,
        &blocks,
        &mut numbering,
        &mut problems,
    );
    for (index, enclosure) in answer.enclosures.iter().enumerate() {
        let blocks = root.key("enclosures").index(index).key("blocks");
        match (enclosure.separate_file, enclosure.blocks.is_empty()) {
            (false, true) => problems.push(Problem::error(
                blocks.clone(),
                "bilaget er tomt",
                Some(
                    "skriv bilagets \"blocks\", eller sæt \"separate_file\": true, hvis bilaget \
                     sendes som en fil for sig"
                        .into(),
                ),
            )),
            (true, false) => problems.push(Problem::error(
                blocks.clone(),
                "bilaget sendes som en fil for sig og sættes ikke, så dets blokke ville ikke komme med",
                Some("fjern \"blocks\", eller fjern \"separate_file\" for at sætte bilaget i svaret".into()),
            )),
            _ => {}
        }
        if enclosure.separate_file && enclosure.landscape {
            problems.push(Problem::error(
                root.key("enclosures").index(index).key("landscape"),
                "bilaget sendes som en fil for sig og sættes ikke, så det har ingen sider at lægge ned",
                Some("fjern \"landscape\"".into()),
            ));
        }
        check_blocks(&enclosure.blocks, &blocks, &mut numbering, &mut problems);
    }
    let prose = prose(answer);
    let headings = headings(answer);
    let referring: Vec<(JsonPath, &str)> = prose.iter().chain(&headings).cloned().collect();
    check_enclosure_references(answer, &referring, &mut problems);
    check_table_references(answer, &referring, &mut problems);
    check_figure_references(answer, &referring, &mut problems);
    check_question_headings(answer, &headings, &mut problems);
    check_markup(answer, &prose, &mut problems);
    if answer.markup == crate::model::Markup::Markdown {
        for (path, text) in &prose {
            check_character_references(text, path, &mut problems);
        }
        let printed: Vec<(JsonPath, &str)> = texts
            .into_iter()
            .filter(|(path, _)| is_printed(path))
            .collect();
        check_formatting_outside_prose(&printed, &prose, &mut problems);
    }
    check_layout(answer, &mut problems);
    check_metadata_lengths(answer, &mut problems);
    problems
}

/// The longest text a PDF can hold as one string (PDF/A), for its title, author and bookmarks.
const MAX_PDF_STRING: usize = 32767;

/// Checks the texts that make up the PDF's title, author and bookmarks: a longer one would be
/// refused by Typst only at export, in English. Each may take a third of the limit, so that the
/// title they make up together stays within it.
fn check_metadata_lengths(answer: &Answer, problems: &mut Vec<Problem>) {
    let root = JsonPath::root();
    let question = root.key("question");
    let mut texts = vec![(
        root.key("ministry").key("name"),
        answer.ministry.name.as_str(),
    )];
    if let Some(committee) = &answer.question.committee {
        texts.push((
            question.key("committee").key("name"),
            committee.name.as_str(),
        ));
    }
    if let Some(title) = &answer.question.bill_title {
        texts.push((question.key("bill_title"), title.as_str()));
    }
    if let Some(askers) = &answer.question.asked_by {
        for (at, member) in askers_at(askers, &question.key("asked_by")) {
            texts.push((at.key("name"), member.name.as_str()));
        }
    }
    for (index, enclosure) in answer.enclosures.iter().enumerate() {
        texts.push((
            root.key("enclosures").index(index).key("title"),
            enclosure.title.as_str(),
        ));
    }
    texts.extend(headings(answer));
    let most = MAX_PDF_STRING / 3;
    for (path, text) in texts {
        let length = text.chars().count();
        if length > most {
            problems.push(Problem::error(
                path,
                format!(
                    "teksten er {length} tegn lang; den indgår i PDF'ens titel, forfatter eller \
                     bogmærker, som højst kan have {most} tegn herfra"
                ),
                Some("forkort teksten; er det en længere forklaring, så skriv den i svaret".into()),
            ));
        }
    }
}

/// The texts of the questions answered, where they are: the first's, then the further ones'.
pub(crate) fn question_texts(answer: &Answer) -> Vec<(JsonPath, &str)> {
    let further = (answer.further_questions.iter().enumerate()).map(|(index, question)| {
        let path = JsonPath::root().key("further_questions").index(index);
        (path.key("text"), question.text.as_str())
    });
    let first = (
        JsonPath::root().key("question").key("text"),
        answer.question.text.as_str(),
    );
    std::iter::once(first).chain(further).collect()
}

/// The texts a clerk writes as prose, where they are: the question, paragraphs, list items,
/// statement introductions and table notes (the texts inline formatting applies to).
pub(crate) fn prose(answer: &Answer) -> Vec<(JsonPath, &str)> {
    let mut texts = question_texts(answer);
    walk_answer(answer, &mut |block, path| match block {
        Block::Paragraph(text) => texts.push((path.key("paragraph"), text)),
        Block::List(items) | Block::NumberedList(items) => texts.extend(
            (items.iter().enumerate())
                .map(|(item, text)| (path.key(block.key()).index(item), text.as_str())),
        ),
        Block::Statement(statement) => {
            if let Some(introduction) = &statement.introduction {
                texts.push((path.key("statement").key("introduction"), introduction));
            }
        }
        Block::Table(table) => texts.extend(
            (table.notes.iter().enumerate())
                .map(|(note, text)| (path.key("table").key("notes").index(note), text.as_str())),
        ),
        Block::Figure(figure) => texts.extend(
            (figure.notes.iter().enumerate())
                .map(|(note, text)| (path.key("figure").key("notes").index(note), text.as_str())),
        ),
        // Printed as written, as a caption is.
        Block::Heading(_) => {}
    });
    texts
}

/// The subheadings, where they are: printed as written, and bookmarks in the PDF.
pub(crate) fn headings(answer: &Answer) -> Vec<(JsonPath, &str)> {
    let mut headings = Vec::new();
    walk_answer(answer, &mut |block, path| {
        if let Block::Heading(text) = block {
            headings.push((path.key("heading"), text.as_str()));
        }
    });
    headings
}

/// Calls `visit` with every block of the answer and its enclosures, and of the statements
/// they quote (after the statement), with the block's path: the one walk over all blocks.
pub(crate) fn walk_answer<'a>(answer: &'a Answer, visit: &mut impl FnMut(&'a Block, &JsonPath)) {
    let root = JsonPath::root();
    walk_blocks(
        &answer.answer.blocks,
        &root.key("answer").key("blocks"),
        visit,
    );
    for (index, enclosure) in answer.enclosures.iter().enumerate() {
        let path = root.key("enclosures").index(index).key("blocks");
        walk_blocks(&enclosure.blocks, &path, visit);
    }
}

/// [`walk_answer`] over `blocks`, whose array is at `path`.
fn walk_blocks<'a>(
    blocks: &'a [Block],
    path: &JsonPath,
    visit: &mut impl FnMut(&'a Block, &JsonPath),
) {
    for (index, block) in blocks.iter().enumerate() {
        let path = path.index(index);
        visit(block, &path);
        if let Block::Statement(statement) = block {
            walk_blocks(
                &statement.blocks,
                &path.key("statement").key("blocks"),
                visit,
            );
        }
    }
}

/// Checks the letterhead a ministry profile filled in: its lines are printed like the answer's
/// own texts, and its name should be the ministry the answer names. The findings point at
/// `ministry.profile`, the only place the answer names the profile, and say which of its
/// fields is at fault.
pub(crate) fn check_letterhead(answer: &Answer) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_minister_title(answer, &mut problems);
    dates::check_asked_on_given(answer, &mut problems);
    question::check_question_marks(answer, &mut problems);
    let Some(letterhead) = &answer.ministry.letterhead else {
        return problems;
    };
    let at = JsonPath::root().key("ministry").key("profile");
    if letterhead.name != answer.ministry.name {
        problems.push(Problem::warning(
            JsonPath::root().key("ministry").key("name"),
            format!(
                "ministeriet hedder \"{}\", men profilen \"{}\" er til \"{}\"",
                answer.ministry.name,
                answer.ministry.profile.as_deref().unwrap_or_default(),
                letterhead.name
            ),
            Some("vælg profilen for dette ministerium, eller ret navnet".into()),
        ));
    }
    let value = serde_json::to_value(letterhead).expect("letterheads serialise");
    // All its strings are printed but the logo's file name.
    let texts = strings(&value, &JsonPath::root())
        .into_iter()
        .filter(|(path, _)| path.to_string() != "logo.file");
    for (field, text) in texts {
        let mut found = Vec::new();
        if !has_visible_character(text) {
            // A blank logo description would pass PDF/UA's check yet tell a screen reader
            // nothing; a blank address line prints as a gap in the letterhead.
            found.push(Problem::error(
                at.clone(),
                "teksten er tom",
                Some(format!(
                    "skriv {field} i profilfilen, eller fjern feltet, hvis det er valgfrit"
                )),
            ));
        }
        check_glyphs(text, &at, &mut found);
        let metadata_label = (crate::model::MetadataLabels::METADATA_FIELDS.iter())
            .any(|label| field.to_string() == format!("labels.{label}"));
        if metadata_label && text.trim_end().ends_with(':') {
            found.push(Problem::error(
                at.clone(),
                "etiketten slutter med kolon",
                Some(format!(
                    "skriv {field} uden kolon i profilfilen; svar sætter kolonet selv"
                )),
            ));
        }
        problems.extend(found.into_iter().map(|problem| Problem {
            message: format!("i profilens {field}: {}", problem.message),
            ..problem
        }));
    }
    problems
}

/// Checks the characters a Markdown text gets from character references (`&#x202E;`), which
/// are characters only once Markdown is read: they must pass the checks of characters written
/// out, or a reference could print what no check has seen (a reversed figure, a private-use
/// sign, a glyph no font has).
fn check_character_references(text: &str, path: &JsonPath, problems: &mut Vec<Problem>) {
    if !text.contains("&#") {
        return;
    }
    let referenced: String = crate::markup::printed_text(text)
        .chars()
        .filter(|c| !text.contains(*c))
        .collect();
    check_glyphs(&referenced, path, problems);
    check_control_characters(&referenced, path, problems);
}

/// Every string in `value`, with its path under `path`.
fn strings<'a>(value: &'a serde_json::Value, path: &JsonPath) -> Vec<(JsonPath, &'a str)> {
    fn collect<'a>(
        value: &'a serde_json::Value,
        path: &JsonPath,
        found: &mut Vec<(JsonPath, &'a str)>,
    ) {
        match value {
            serde_json::Value::String(text) => found.push((path.clone(), text)),
            serde_json::Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    collect(item, &path.index(index), found);
                }
            }
            serde_json::Value::Object(fields) => {
                for (key, field) in fields {
                    collect(field, &path.key(key), found);
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    collect(value, path, &mut found);
    found
}

/// Every text: not empty, no placeholder from `svar new` left, and only characters svar can
/// print.
fn check_text(text: &str, path: &JsonPath, problems: &mut Vec<Problem>) {
    if let Some(problem) = unfilled(text, path) {
        problems.push(problem);
    } else if !has_visible_character(text) && !is_no_introduction(text, path) {
        let (message, hint) = empty_text(path);
        problems.push(Problem::error(path.clone(), message, Some(hint.into())));
    }
    if is_printed(path) {
        check_glyphs(text, path, problems);
        check_control_characters(text, path, problems);
        check_quotation_marks(text, path, problems);
    }
}

/// Whether `text` at `path` is a statement's introduction written as "" to print none, where
/// the paragraph before the statement already introduces it ("…, der har oplyst følgende:").
fn is_no_introduction(text: &str, path: &JsonPath) -> bool {
    use crate::json_path::Step::Key;
    text.is_empty()
        && matches!(path.0.as_slice(), [.., Key(statement), Key(key)] if statement == "statement" && key == "introduction")
}

/// The message and the advice for an empty text at `path`. A table cell cannot be left out,
/// since a row has one cell per column, so it gets the dash a table prints where it has
/// nothing to show.
fn empty_text(path: &JsonPath) -> (&'static str, &'static str) {
    use crate::json_path::Step::{Index, Key};
    match path.0.as_slice() {
        // A group's heading may be left out, for columns outside any group.
        [.., Key(groups), Index(_), Key(heading)]
            if groups == "column_groups" && heading == "heading" =>
        {
            (
                "kolonnegruppens overskrift er tom",
                "skriv overskriften, eller udelad \"heading\" for kolonner uden fælles \
                 overskrift",
            )
        }
        [.., Key(heading)] if heading == "heading" => (
            "overskriften er tom",
            "skriv overskriften, eller fjern blokken {\"heading\": …}",
        ),
        // PDF/UA requires a description, and a blank one would pass its check yet tell a
        // screen reader nothing of the chart.
        [.., Key(figure), Key(key)] if figure == "figure" && key == "description" => (
            "figuren har ingen beskrivelse (alternativ tekst) til skærmlæsere",
            "skriv i \"description\", hvad figuren viser, fx \"Søjlediagram: antallet af sager \
             steg fra 120 i 2015 til 310 i 2020\"",
        ),
        [.., Key(cells), Index(_)] if cells == "cells" => (
            "cellen er tom",
            "skriv \"-\" i en celle uden indhold; cellen kan ikke udelades, for rækken skal have \
             én celle pr. kolonne",
        ),
        _ => (
            "teksten er tom",
            "skriv teksten, eller fjern feltet, hvis det er valgfrit",
        ),
    }
}

/// Whether anything of `text` shows on the page: spaces and invisible format characters such
/// as U+200B (zero-width space) or U+FEFF, which come along when text is pasted from Word or a
/// web page, print as nothing, so a text of only those is as empty as "".
fn has_visible_character(text: &str) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    text.chars().any(|c| {
        !c.is_whitespace() && !c.is_control() && c.general_category() != GeneralCategory::Format
    })
}

/// Whether the text at `path` is printed; the schema, the profile and a spreadsheet are named
/// by text that only finds files.
fn is_printed(path: &JsonPath) -> bool {
    use crate::json_path::Step::{Index, Key};
    !match path.0.as_slice() {
        [Key(key)] => key == "$schema",
        [Key(parent), Key(key)] => parent == "ministry" && key == "profile",
        [.., Key(panels), Index(_), Key(key)] => panels == "panels" && key == "csv",
        [.., Key(figure), Key(key)] => figure == "figure" && key == "file",
        _ => false,
    }
}

/// The minister's title is how the texts svar writes name the minister ("stillet til
/// justitsministeren"); without it they say "ministeren", which no ministry writes. Known once
/// the profile is read, since its layout decides whether any such text is written.
fn check_minister_title(answer: &Answer, problems: &mut Vec<Problem>) {
    if answer.ministry.minister_title.is_none() && answer.names_the_minister() {
        problems.push(Problem::warning(
            JsonPath::root().key("ministry"),
            "ministerens titel mangler, så svaret skriver \"ministeren\"",
            Some(format!(
                "angiv \"minister_title\" med lille forbogstav, fx \"{}\"",
                suggested_title(&answer.ministry.name)
            )),
        ));
    }
}

/// "justitsministeren" for "Justitsministeriet"; "ministeren for …" is left to the clerk.
fn suggested_title(ministry: &str) -> String {
    crate::danish::minister_title(ministry)
        .filter(|title| !title.contains(' '))
        .unwrap_or_else(|| "justitsministeren".to_string())
}

/// Each member who asked, with the path of its object in the file: `question.asked_by`, or
/// `question.asked_by[1]` where the members are written as a list.
fn askers_at<'a>(
    askers: &'a Askers,
    path: &JsonPath,
) -> impl Iterator<Item = (JsonPath, &'a Member)> {
    askers.written().map(move |(index, member)| match index {
        Some(index) => (path.index(index), member),
        None => (path.clone(), member),
    })
}

#[cfg(test)]
mod tests {
    use super::question::{is_bill, is_session};
    use super::*;

    /// A small answer that passes every check (Justitsministeriet, question 1 from the Legal
    /// Affairs Committee, one paragraph), with `fields` in place of its own: an object is
    /// merged into the answer's object of the same name, anything else replaces it.
    fn answer(fields: serde_json::Value) -> Answer {
        let mut answer = serde_json::json!({
            "ministry": {"name": "Justitsministeriet", "minister_title": "justitsministeren"},
            "question": {"number": 1, "session": "2018-19", "text": "?",
                "committee": {"name": "Folketingets Retsudvalg", "abbreviation": "REU"}},
            "answer": {"blocks": [{"paragraph": "Svar."}]}
        });
        for (key, value) in fields.as_object().expect("fields are an object") {
            match (answer.get_mut(key), value) {
                (Some(serde_json::Value::Object(own)), serde_json::Value::Object(given)) => {
                    own.extend(given.clone());
                }
                _ => answer[key] = value.clone(),
            }
        }
        serde_json::from_value(answer).unwrap()
    }

    /// The messages of `check`.
    fn messages(answer: &Answer) -> Vec<String> {
        check(answer).into_iter().map(|p| p.message).collect()
    }

    #[test]
    fn an_impossible_expected_date_is_an_error_and_a_period_is_not() {
        let messages = |expected: &str| {
            messages(&answer(serde_json::json!({
                "status": "interim",
                "final_answer_expected": expected,
            })))
        };
        assert_eq!(
            messages("2022-13-01"),
            ["\"2022-13-01\" er ikke en gyldig dato"]
        );
        assert!(messages("medio marts 2022").is_empty());
        assert!(messages("2022-03-15").is_empty());
    }

    #[test]
    fn the_final_answer_is_not_expected_before_the_interim_answer_or_the_question() {
        let messages = |expected: &str| {
            messages(&answer(serde_json::json!({
                "status": "interim",
                "date": "2022-02-26",
                "final_answer_expected": expected,
                "question": {"asked_on": "2022-02-01", "session": "2021-22"},
            })))
        };
        assert!(messages("2022-03-15").is_empty());
        assert_eq!(
            messages("2022-02-10"),
            [
                "det endelige svar forventes 10. februar 2022, før det foreløbige svar \
              (26. februar 2022)"
            ]
        );
        assert_eq!(
            messages("2022-01-15"),
            [
                "det endelige svar forventes 15. januar 2022, før det foreløbige svar \
              (26. februar 2022)"
            ]
        );
    }

    #[test]
    fn a_missing_minister_title_is_a_warning_with_the_title_to_write() {
        let answer = answer(serde_json::json!({
            "layout": "cover_letter",
            "ministry": {"name": "Skatteministeriet", "minister_title": null},
        }));
        let problems = check_letterhead(&answer);
        let problem = problems
            .iter()
            .find(|problem| problem.path.to_string() == "ministry")
            .expect("a warning at the ministry");
        assert_eq!(problem.severity, Severity::Warning);
        assert_eq!(
            problem.hint.as_deref(),
            Some("angiv \"minister_title\" med lille forbogstav, fx \"skatteministeren\"")
        );
        assert_eq!(suggested_title("Ministeriet for Børn"), "justitsministeren");
        // An answer alone names no minister: nothing to warn about.
        let alone = Answer {
            layout: Some(crate::model::Layout::Answer),
            ..answer
        };
        assert!(check_letterhead(&alone).is_empty());
    }

    #[test]
    fn a_control_character_in_a_printed_text_is_a_warning_at_the_character() {
        let mut problems = Vec::new();
        let path = JsonPath::root().key("ministry").key("office");
        check_text("Stats\u{0}retskontoret", &path, &mut problems);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity, Severity::Warning);
        assert_eq!(
            problems[0].message,
            "teksten har styretegnet U+0000, som ikke sættes"
        );
        assert_eq!(problems[0].focus, Some(Focus::Character('\u{0}')));
        problems.clear();
        check_text("To linjer\r\nog\ttabulator", &path, &mut problems);
        assert!(problems.is_empty());
    }

    #[test]
    fn a_correction_corrects_an_answer_given_between_the_question_and_itself() {
        let messages = |corrected: &str| {
            messages(&answer(serde_json::json!({
                "status": "correction",
                "date": "2011-04-11",
                "corrects_answer_of": corrected,
                "question": {"asked_on": "2011-03-01", "session": "2010-11"},
            })))
        };
        assert!(messages("2011-04-01").is_empty());
        assert!(messages("2011-04-11").is_empty());
        assert_eq!(
            messages("2011-04-12"),
            ["det berigtigede svar er dateret efter berigtigelsen"]
        );
        assert_eq!(
            messages("2011-02-01"),
            ["det berigtigede svar er dateret før spørgsmålet blev stillet"]
        );
    }

    #[test]
    fn an_answer_after_its_deadline_is_warned_of_unless_late_by_nature() {
        let messages = |date: &str, fields: serde_json::Value| {
            let mut all = serde_json::json!({
                "date": date,
                "question": {"asked_on": "2026-11-04", "deadline": "2026-11-25",
                    "session": "2026-27"},
            });
            all.as_object_mut()
                .unwrap()
                .extend(fields.as_object().unwrap().clone());
            messages(&answer(all))
        };
        let none = serde_json::json!({});
        assert!(messages("2026-11-25", none.clone()).is_empty());
        assert_eq!(
            messages("2026-12-10", none),
            ["svaret er dateret 10. december 2026, efter fristen 25. november 2026"]
        );
        let interim =
            serde_json::json!({"status": "interim", "final_answer_expected": "2027-01-15"});
        assert_eq!(messages("2026-11-26", interim).len(), 1);
        let after_interim = serde_json::json!({"follows_interim_answer_of": "2026-11-24"});
        assert!(messages("2026-12-10", after_interim).is_empty());
        let correction =
            serde_json::json!({"status": "correction", "corrects_answer_of": "2026-11-20"});
        assert!(messages("2026-12-10", correction).is_empty());
    }

    #[test]
    fn an_answer_long_after_its_question_or_a_note_after_its_samraad_is_warned_of() {
        let messages = |date: &str, question: serde_json::Value| {
            let mut fields = serde_json::json!({"session": "2010-11", "asked_on": "2011-04-07"});
            fields
                .as_object_mut()
                .unwrap()
                .extend(question.as_object().unwrap().clone());
            messages(&answer(
                serde_json::json!({"date": date, "question": fields}),
            ))
        };
        let none = serde_json::json!({});
        // The session 2010-11 ended when 2011-12 opened on 4 October 2011.
        assert!(messages("2011-11-03", none.clone()).is_empty());
        assert_eq!(
            messages("2011-11-04", none.clone()),
            [
                "svaret er dateret 4. november 2011, mere end en måned efter at folketingsåret 2010-11 sluttede"
            ]
        );
        // A deadline set after the session's end is kept.
        let deadline = serde_json::json!({"deadline": "2011-12-01"});
        assert!(messages("2011-11-20", deadline).is_empty());
        // Asked outside its session (an error of its own), the year after asking still counts.
        let outside = serde_json::json!({"asked_on": "2009-05-01"});
        assert_eq!(
            messages("2010-11-20", outside)[0],
            "svaret er dateret 20. november 2010, mere end et år efter at spørgsmålet blev stillet (1. maj 2009)"
        );
        let samraad = serde_json::json!({"kind": "consultation", "letters": "A", "number": null,
            "asked_on": null, "meeting_on": "2011-04-07"});
        assert!(messages("2011-04-07", samraad.clone()).is_empty());
        assert_eq!(
            messages("2011-04-08", samraad),
            ["talepapiret er dateret 8. april 2011, efter samrådet 7. april 2011"]
        );
        // A correction may come long after.
        let correction = serde_json::json!({"status": "correction",
            "corrects_answer_of": "2011-04-20"});
        let mut fields = correction.as_object().unwrap().clone();
        fields.insert("date".into(), "2012-06-01".into());
        fields.insert(
            "question".into(),
            serde_json::json!({"session": "2010-11", "asked_on": "2011-04-07"}),
        );
        assert!(messages_of(serde_json::Value::Object(fields)).is_empty());
    }

    /// The messages of `check` of the small answer with `fields`.
    fn messages_of(fields: serde_json::Value) -> Vec<String> {
        messages(&answer(fields))
    }

    #[test]
    fn a_line_break_in_a_plain_text_is_warned_of_once_and_in_markdown_not() {
        let with = |markup: &str| {
            messages(&answer(serde_json::json!({
                "markup": markup,
                "question": {"text": "Vil ministeren oplyse:\na) x,\nb) y?\n"},
                "answer": {"blocks": [{"heading": "To\nlinjer"}, {"paragraph": "Svar.\n"}]},
            })))
        };
        assert_eq!(
            with("plain"),
            ["linjeskiftet i teksten sættes som et mellemrum"]
        );
        assert!(with("markdown").is_empty());
    }

    #[test]
    fn an_interim_answer_comes_between_the_question_and_the_final_answer() {
        let messages = |interim: &str, status: &str| {
            messages(&answer(serde_json::json!({
                "status": status,
                "date": "2018-08-31",
                "follows_interim_answer_of": interim,
                "question": {"asked_on": "2018-07-12", "session": "2017-18"},
            })))
        };
        assert!(messages("2018-08-09", "final").is_empty());
        assert_eq!(
            messages("2018-08-31", "final"),
            [
                "det foreløbige svar (31. august 2018) skal være dateret før det endelige svar \
                 (31. august 2018)"
            ]
        );
        assert_eq!(
            messages("2018-09-03", "final"),
            [
                "det foreløbige svar (3. september 2018) skal være dateret før det endelige svar \
                 (31. august 2018)"
            ]
        );
        assert_eq!(
            messages("2018-07-01", "final"),
            ["det foreløbige svar er dateret før spørgsmålet blev stillet"]
        );
        assert_eq!(
            messages("2018-08-09", "interim"),
            [
                "et foreløbigt svar bør sige, hvornår det endelige svar kommer",
                "\"follows_interim_answer_of\" hører kun til et endeligt svar"
            ]
        );
    }

    #[test]
    fn an_enclosure_naming_itself_is_not_a_reference() {
        let mut answer = answer(serde_json::json!({
            "enclosures": [{"title": "T", "blocks": [{"paragraph": "Bilag 1 viser tallene."}]}]
        }));
        let unreferenced = |answer: &Answer| {
            check(answer)
                .iter()
                .any(|problem| problem.message == "bilag 1 nævnes ikke i svaret")
        };
        assert!(unreferenced(&answer));
        answer.answer.blocks = vec![Block::Paragraph("Se bilag 1.".into())];
        assert!(!unreferenced(&answer));
    }

    #[test]
    fn a_footnote_cannot_have_its_own() {
        let answer = answer(serde_json::json!({
            "markup": "markdown",
            "answer": {"blocks": [{"paragraph": "Svar.[^1] Igen.[^2]"}]},
            "footnotes": {"1": "Første.", "2": "Se også [^1]."}
        }));
        let problems = check(&answer);
        let nested: Vec<_> = problems
            .iter()
            .filter(|problem| problem.message.starts_with("en fodnote kan ikke"))
            .collect();
        assert_eq!(nested.len(), 1, "{problems:?}");
        assert_eq!(nested[0].path, JsonPath::root().key("footnotes").key("2"));
    }

    #[test]
    fn recognises_series_and_sessions() {
        assert!(is_bill("L 58") && is_bill("B 12") && is_bill("L 58 A"));
        assert!(!is_bill("Alm del") && !is_bill("L") && !is_bill("L 5x"));
        assert!(
            is_session("2018-19") && is_session("2022-23 (2. samling)") && is_session("1999-00")
        );
        assert!(!is_session("2018-20") && !is_session("2018/19") && !is_session("18-19"));
    }
}
