//! Content checks: what JSON syntax and types cannot catch, such as rows that do not fit their
//! columns, totals that do not add up or an answer dated before its question.
//!
//! Each check reports a [`Problem`] at a JSON path; the input stage turns problems into located
//! findings.

mod committees;

use chrono::NaiveDate;

pub use self::committees::{COMMITTEES, full_name, is_name_of};
use crate::input::diagnostic::{JsonPath, Severity};
use crate::model::{
    Answer, Block, Cell, Committee, Expected, Markup, Panel, Question, QuestionKind, Row, Table,
};

/// The marker `svar new` puts in every field a clerk must fill in.
pub const PLACEHOLDER: &str = "UDFYLD";

/// Something wrong with an answer's content, before it is located in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where in the answer.
    pub path: JsonPath,
    /// What is wrong, in Danish.
    pub message: String,
    /// What to do about it, in Danish.
    pub hint: Option<String>,
}

impl Problem {
    pub(crate) fn error(path: JsonPath, message: impl Into<String>, hint: Option<String>) -> Self {
        Self {
            severity: Severity::Error,
            path,
            message: message.into(),
            hint,
        }
    }

    fn warning(path: JsonPath, message: impl Into<String>, hint: Option<String>) -> Self {
        Self {
            severity: Severity::Warning,
            path,
            message: message.into(),
            hint,
        }
    }
}

/// Checks the content of an answer that has already parsed.
pub fn check(answer: &Answer) -> Vec<Problem> {
    let mut problems = Vec::new();
    let root = JsonPath::root();
    check_texts(
        &serde_json::to_value(answer).expect("answers serialise"),
        &root,
        &mut problems,
    );
    check_question(&answer.question, &root.key("question"), &mut problems);
    check_dates(answer, &mut problems);
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
    let mut next_table = 1;
    check_blocks(
        &answer.answer.blocks,
        &blocks,
        &mut next_table,
        &mut problems,
    );
    for (index, enclosure) in answer.enclosures.iter().enumerate() {
        let blocks = root.key("enclosures").index(index).key("blocks");
        if enclosure.blocks.is_empty() {
            problems.push(Problem::error(blocks.clone(), "bilaget er tomt", None));
        }
        check_blocks(&enclosure.blocks, &blocks, &mut next_table, &mut problems);
    }
    let prose = prose(answer);
    check_enclosure_references(answer, &prose, &mut problems);
    check_markup(answer, &prose, &mut problems);
    problems
}

/// The texts a clerk writes as prose, where they are: the question, paragraphs, list items,
/// statement introductions and table notes (the texts inline formatting applies to).
fn prose(answer: &Answer) -> Vec<(JsonPath, &str)> {
    let root = JsonPath::root();
    let mut texts = vec![(
        root.key("question").key("text"),
        answer.question.text.as_str(),
    )];
    prose_of_blocks(
        &answer.answer.blocks,
        &root.key("answer").key("blocks"),
        &mut texts,
    );
    for (index, enclosure) in answer.enclosures.iter().enumerate() {
        let path = root.key("enclosures").index(index).key("blocks");
        prose_of_blocks(&enclosure.blocks, &path, &mut texts);
    }
    texts
}

fn prose_of_blocks<'a>(blocks: &'a [Block], path: &JsonPath, texts: &mut Vec<(JsonPath, &'a str)>) {
    for (index, block) in blocks.iter().enumerate() {
        let path = path.index(index);
        match block {
            Block::Paragraph(text) => texts.push((path.key("paragraph"), text)),
            Block::List(items) => texts.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(item, text)| (path.key("list").index(item), text.as_str())),
            ),
            Block::Statement(statement) => {
                let path = path.key("statement");
                if let Some(introduction) = &statement.introduction {
                    texts.push((path.key("introduction"), introduction));
                }
                prose_of_blocks(&statement.blocks, &path.key("blocks"), texts);
            }
            Block::Table(table) => {
                texts.extend(table.notes.iter().enumerate().map(|(note, text)| {
                    (path.key("table").key("notes").index(note), text.as_str())
                }))
            }
        }
    }
}

/// Every enclosure is referred to ("jf. bilag 2"), and the text refers to no enclosure that
/// is not there.
fn check_enclosure_references(
    answer: &Answer,
    prose: &[(JsonPath, &str)],
    problems: &mut Vec<Problem>,
) {
    let count = answer.enclosures.len();
    let mut mentioned = vec![false; count];
    for (path, text) in prose {
        // An enclosure naming itself ("Bilag 1 viser …") does not refer the reader to it.
        let inside = enclosure_of(path);
        for number in enclosure_mentions(text) {
            match mentioned.get_mut(number.wrapping_sub(1)) {
                Some(_) if inside == Some(number - 1) => {}
                Some(seen) => *seen = true,
                None => problems.push(Problem::warning(
                    path.clone(),
                    format!("teksten henviser til bilag {number}, men svaret har {count} bilag"),
                    Some("tilføj bilaget under \"enclosures\", eller ret henvisningen".into()),
                )),
            }
        }
    }
    for (index, seen) in mentioned.iter().enumerate() {
        if !seen {
            problems.push(Problem::warning(
                JsonPath::root().key("enclosures").index(index),
                format!("bilag {} nævnes ikke i svaret", index + 1),
                Some(format!(
                    "henvis til det i teksten, fx \"jf. bilag {}\"",
                    index + 1
                )),
            ));
        }
    }
}

/// The enclosure (from 0) a text at `path` belongs to, if it is in one.
fn enclosure_of(path: &JsonPath) -> Option<usize> {
    use crate::input::diagnostic::Segment;
    match path.0.as_slice() {
        [Segment::Key(key), Segment::Index(index), ..] if key == "enclosures" => Some(*index),
        _ => None,
    }
}

/// The numbers of the enclosures a text mentions: "bilag 1", "Bilag 2", "bilag 1 og 2",
/// "bilag 1-3", with any kind of space (a no-break space too).
fn enclosure_mentions(text: &str) -> Vec<usize> {
    let lower = text.to_lowercase();
    let mut numbers = Vec::new();
    for (at, word) in lower.match_indices("bilag") {
        if lower[..at].ends_with(char::is_alphanumeric) {
            continue;
        }
        let rest = &lower[at + word.len()..];
        if !rest.starts_with(char::is_whitespace) {
            continue;
        }
        numbers.extend(numbers_in(rest));
    }
    numbers
}

/// The numbers at the start of `text`: "1", "1 og 2", "1, 2 og 3", "1-3" (a range).
fn numbers_in(text: &str) -> Vec<usize> {
    let mut numbers: Vec<usize> = Vec::new();
    let mut rest = text.trim_start();
    let mut range_from = None;
    loop {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let Ok(number) = digits.parse::<usize>() else {
            break;
        };
        match range_from.take() {
            Some(from) if from < number && number - from <= 100 => {
                numbers.extend(from + 1..=number)
            }
            _ => numbers.push(number),
        }
        rest = &rest[digits.len()..];
        let after = rest.trim_start();
        if let Some(next) = after.strip_prefix(['-', '–']) {
            range_from = Some(number);
            rest = next.trim_start();
        } else if let Some(next) = after.strip_prefix(',').or_else(|| after.strip_prefix("og")) {
            rest = next.trim_start();
        } else {
            break;
        }
    }
    numbers
}

/// Inline formatting: every footnote referred to exists and is used, none has its own, every
/// link goes to the web or an e-mail address; footnotes without Markdown would never print.
fn check_markup(answer: &Answer, prose: &[(JsonPath, &str)], problems: &mut Vec<Problem>) {
    use crate::markup::{Reference, references};
    let footnotes = JsonPath::root().key("footnotes");
    if answer.markup == Markup::Plain {
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
        for reference in references(text) {
            match reference {
                Reference::Footnote(label) if answer.footnotes.contains_key(&label) => {
                    used.insert(label);
                }
                Reference::Footnote(label) => problems.push(Problem::error(
                    path.clone(),
                    format!("fodnoten [^{label}] findes ikke"),
                    Some(format!(
                        "tilføj den under \"footnotes\": {{\"{label}\": \"…\"}}"
                    )),
                )),
                Reference::Link(target) => check_link(path, &target, problems),
            }
        }
    }
    for (label, text) in &answer.footnotes {
        let path = footnotes.key(label);
        if !used.contains(label) {
            problems.push(Problem::warning(
                path.clone(),
                format!("fodnoten [^{label}] bruges ikke"),
                Some(format!(
                    "henvis til den i teksten med [^{label}], eller fjern den"
                )),
            ));
        }
        for reference in references(text) {
            match reference {
                Reference::Footnote(inner) => problems.push(Problem::error(
                    path.clone(),
                    format!("en fodnote kan ikke selv have en fodnote ([^{inner}])"),
                    Some(
                        "skriv teksten ind i fodnoten, eller flyt henvisningen ud i svaret".into(),
                    ),
                )),
                Reference::Link(target) => check_link(&path, &target, problems),
            }
        }
    }
}

/// A link may go to the web or an e-mail address, never to a file.
fn check_link(path: &JsonPath, target: &str, problems: &mut Vec<Problem>) {
    if !crate::markup::is_allowed_link(target) {
        problems.push(Problem::error(
            path.clone(),
            format!("linket går til \"{target}\""),
            Some("et link skal begynde med https://, http:// eller mailto:".into()),
        ));
    }
}

/// Every text: not empty, and no placeholder from `svar new` left.
fn check_texts(value: &serde_json::Value, path: &JsonPath, problems: &mut Vec<Problem>) {
    match value {
        serde_json::Value::String(text) if text.contains(PLACEHOLDER) => {
            problems.push(Problem::error(
                path.clone(),
                "feltet er ikke udfyldt",
                Some(format!(
                    "erstat teksten med {PLACEHOLDER} med det rigtige indhold"
                )),
            ));
        }
        serde_json::Value::String(text) if text.trim().is_empty() => {
            problems.push(Problem::error(
                path.clone(),
                "teksten er tom",
                Some("skriv teksten, eller fjern feltet, hvis det er valgfrit".into()),
            ));
        }
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                check_texts(item, &path.index(index), problems);
            }
        }
        serde_json::Value::Object(fields) => {
            for (key, field) in fields {
                check_texts(field, &path.key(key), problems);
            }
        }
        _ => {}
    }
}

fn check_question(question: &Question, path: &JsonPath, problems: &mut Vec<Problem>) {
    check_identifier(question, path, problems);
    let on_bill =
        question.kind == QuestionKind::Committee && question.series.as_deref().is_some_and(is_bill);
    if question.bill_title.is_some() && !on_bill {
        problems.push(Problem::error(
            path.key("bill_title"),
            "kun et spørgsmål til et lovforslag har lovforslagets titel",
            Some("angiv lovforslaget i \"series\", fx \"L 53\", eller fjern \"bill_title\"".into()),
        ));
    }
    if question.meeting_on.is_some() && question.kind != QuestionKind::Consultation {
        problems.push(Problem::error(
            path.key("meeting_on"),
            "kun et samrådsspørgsmål har en samrådsdato",
            Some("sæt \"kind\": \"consultation\", eller fjern \"meeting_on\"".into()),
        ));
    }
    if !is_session(&question.session) {
        problems.push(Problem::error(
            path.key("session"),
            format!("ukendt folketingsår \"{}\"", question.session),
            Some("skriv fx \"2018-19\" eller \"2022-23 (2. samling)\"".into()),
        ));
    }
    match (&question.committee, question.kind) {
        (Some(committee), _) => check_committee(committee, &path.key("committee"), problems),
        (None, QuestionKind::Section20) => {}
        (None, _) => problems.push(Problem::error(
            path.key("committee"),
            "udvalget mangler",
            Some("angiv \"committee\": {\"name\": \"Folketingets …udvalg\", \"abbreviation\": \"…\"}".into()),
        )),
    }
}

/// The number, letters and series a question needs for its kind, and nothing else.
fn check_identifier(question: &Question, path: &JsonPath, problems: &mut Vec<Problem>) {
    let consultation = question.kind == QuestionKind::Consultation;
    match (question.number, consultation) {
        (None, false) => problems.push(Problem::error(
            path.key("number"),
            "spørgsmålsnummeret mangler",
            Some("angiv \"number\", fx 287".into()),
        )),
        (Some(0), false) => problems.push(Problem::error(
            path.key("number"),
            "spørgsmålsnummeret skal være 1 eller større",
            None,
        )),
        (Some(_), true) => problems.push(Problem::error(
            path.key("number"),
            "et samrådsspørgsmål har bogstaver, ikke et nummer",
            Some("fjern \"number\", og angiv \"letters\", fx \"AÆ\"".into()),
        )),
        _ => {}
    }
    match (&question.letters, consultation) {
        (None, true) => problems.push(Problem::error(
            path.key("letters"),
            "samrådsspørgsmålets bogstaver mangler",
            Some("angiv \"letters\", fx \"A\" eller \"AÆ\"".into()),
        )),
        (Some(letters), true) if !is_consultation_letters(letters) => {
            problems.push(Problem::error(
                path.key("letters"),
                format!("\"{letters}\" er ikke et samrådsspørgsmåls bogstaver"),
                Some("skriv ét eller to store bogstaver fra A til Å, fx \"A\" eller \"AÆ\"".into()),
            ))
        }
        (Some(_), false) => problems.push(Problem::error(
            path.key("letters"),
            "kun samrådsspørgsmål har bogstaver",
            Some("sæt \"kind\": \"consultation\", eller fjern \"letters\"".into()),
        )),
        _ => {}
    }
    match (&question.series, question.kind) {
        (Some(series), QuestionKind::Committee) if series != "Alm. del" && !is_bill(series) => {
            problems.push(Problem::error(
                path.key("series"),
                format!("ukendt række \"{series}\" for et udvalgsspørgsmål"),
                Some("skriv \"Alm. del\" eller et forslag som \"L 58\" eller \"B 12\"".into()),
            ));
        }
        (Some(_), QuestionKind::Section20 | QuestionKind::Consultation) => {
            problems.push(Problem::error(
                path.key("series"),
                "kun udvalgsspørgsmål hører til en række (Alm. del eller et lovforslag)",
                Some("fjern \"series\"".into()),
            ))
        }
        _ => {}
    }
}

/// "A" … "Å", then "AA" … "AÅ" and so on: one or two capital Danish letters.
fn is_consultation_letters(letters: &str) -> bool {
    let count = letters.chars().count();
    (1..=2).contains(&count)
        && letters
            .chars()
            .all(|c| c.is_ascii_uppercase() || "ÆØÅ".contains(c))
}

fn check_committee(committee: &Committee, path: &JsonPath, problems: &mut Vec<Problem>) {
    match full_name(&committee.abbreviation) {
        None => problems.push(Problem::warning(
            path.key("abbreviation"),
            format!("ukendt udvalgsforkortelse \"{}\"", committee.abbreviation),
            Some(format!("kendte forkortelser: {}", {
                let mut known: Vec<&str> = COMMITTEES.iter().map(|(a, _)| *a).collect();
                known.dedup();
                known.join(", ")
            })),
        )),
        Some(name) if !is_name_of(&committee.abbreviation, &committee.name) => {
            problems.push(Problem::warning(
                path.key("name"),
                format!("{} hedder \"{name}\"", committee.abbreviation),
                Some("ret navnet eller forkortelsen, så de passer sammen".into()),
            ))
        }
        Some(_) => {}
    }
}

/// "L 58", "B 12", "F 3", "V 1", optionally with a letter ("L 58 A").
fn is_bill(series: &str) -> bool {
    let mut parts = series.split(' ');
    let kind_ok = matches!(parts.next(), Some("L" | "B" | "F" | "V"));
    let number_ok = parts
        .next()
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let rest: Vec<&str> = parts.collect();
    let suffix_ok = rest.is_empty() || (rest.len() == 1 && matches!(rest[0], "A" | "B" | "C"));
    kind_ok && number_ok && suffix_ok
}

/// "2018-19" (consecutive years), optionally "(1. samling)" or "(2. samling)" in a year with
/// an election.
fn is_session(session: &str) -> bool {
    let (years, rest) = session.split_once(' ').unwrap_or((session, ""));
    let consecutive = years
        .split_once('-')
        .and_then(|(first, second)| {
            let first: u32 = first.parse().ok().filter(|_| first.len() == 4)?;
            let second: u32 = second.parse().ok().filter(|_| second.len() == 2)?;
            Some((first + 1) % 100 == second)
        })
        .unwrap_or(false);
    consecutive && (rest.is_empty() || rest == "(1. samling)" || rest == "(2. samling)")
}

/// The dates that belong to a status: an interim answer says when the final one comes, a
/// correction which answer it corrects.
fn check_status(answer: &Answer, problems: &mut Vec<Problem>) {
    use crate::model::Status;
    let root = JsonPath::root();
    let expected = root.key("final_answer_expected");
    let corrects = root.key("corrects_answer_of");
    match answer.status {
        Status::Interim if answer.final_answer_expected.is_none() => {
            problems.push(Problem::warning(
                root.key("status"),
                "et foreløbigt svar bør sige, hvornår det endelige svar kommer",
                Some("angiv \"final_answer_expected\": \"ÅÅÅÅ-MM-DD\"".into()),
            ))
        }
        Status::Correction if answer.corrects_answer_of.is_none() => {
            problems.push(Problem::warning(
                root.key("status"),
                "en berigtigelse bør sige, hvilket svar den berigtiger",
                Some("angiv \"corrects_answer_of\": datoen for det tidligere svar".into()),
            ))
        }
        _ => {}
    }
    if answer.status != Status::Interim && answer.final_answer_expected.is_some() {
        problems.push(Problem::error(
            expected,
            "\"final_answer_expected\" hører kun til et foreløbigt svar",
            Some("sæt \"status\": \"interim\", eller fjern feltet".into()),
        ));
    }
    if answer.status != Status::Correction && answer.corrects_answer_of.is_some() {
        problems.push(Problem::error(
            corrects,
            "\"corrects_answer_of\" hører kun til en berigtigelse",
            Some("sæt \"status\": \"correction\", eller fjern feltet".into()),
        ));
    }
}

/// Years an answer's dates can sensibly have; Typst cannot print dates far outside them.
const YEARS: std::ops::RangeInclusive<i32> = 1849..=2199;

fn check_dates(answer: &Answer, problems: &mut Vec<Problem>) {
    let question = JsonPath::root().key("question");
    let dates = [
        (JsonPath::root().key("date"), answer.date),
        (
            JsonPath::root().key("final_answer_expected"),
            match answer.final_answer_expected {
                Some(Expected::Date(date)) => Some(date),
                _ => None,
            },
        ),
        (
            JsonPath::root().key("corrects_answer_of"),
            answer.corrects_answer_of,
        ),
        (question.key("asked_on"), answer.question.asked_on),
        (question.key("deadline"), answer.question.deadline),
        (question.key("meeting_on"), answer.question.meeting_on),
    ];
    for (path, date) in dates {
        if let Some(date) = date.filter(|date| !YEARS.contains(&chrono::Datelike::year(date))) {
            problems.push(Problem::error(
                path,
                format!(
                    "årstallet {} er ikke sandsynligt",
                    chrono::Datelike::year(&date)
                ),
                Some(format!(
                    "skriv en dato mellem {} og {}",
                    YEARS.start(),
                    YEARS.end()
                )),
            ));
        }
    }
    let asked = answer.question.asked_on;
    let before = |later: Option<NaiveDate>| matches!((asked, later), (Some(a), Some(l)) if l < a);
    if before(answer.date) {
        problems.push(Problem::error(
            JsonPath::root().key("date"),
            "svaret er dateret før spørgsmålet blev stillet",
            Some("ret \"date\" eller \"question.asked_on\"".into()),
        ));
    }
    if before(answer.question.deadline) {
        problems.push(Problem::error(
            question.key("deadline"),
            "fristen ligger før spørgsmålet blev stillet",
            Some("ret \"question.deadline\" eller \"question.asked_on\"".into()),
        ));
    }
}

fn check_blocks(
    blocks: &[Block],
    path: &JsonPath,
    next_table: &mut u32,
    problems: &mut Vec<Problem>,
) {
    for (index, block) in blocks.iter().enumerate() {
        let path = path.index(index);
        match block {
            Block::Statement(statement) => {
                let inner = path.key("statement").key("blocks");
                if statement.blocks.is_empty() {
                    problems.push(Problem::error(inner.clone(), "udtalelsen er tom", None));
                }
                check_blocks(&statement.blocks, &inner, next_table, problems);
            }
            Block::Table(table) => {
                check_table(table, &path.key("table"), *next_table, problems);
                if let Some(number) = table.number {
                    *next_table = number.max(*next_table).saturating_add(1);
                }
            }
            Block::List(items) if items.is_empty() => {
                problems.push(Problem::error(path.key("list"), "listen er tom", None));
            }
            Block::List(_) | Block::Paragraph(_) => {}
        }
    }
}

fn check_table(table: &Table, path: &JsonPath, expected: u32, problems: &mut Vec<Problem>) {
    match (table.number, &table.caption) {
        (Some(_), None) => problems.push(Problem::error(
            path.key("number"),
            "tabellen har et nummer, men ingen overskrift",
            Some("angiv \"caption\", eller fjern \"number\" for en tabel uden overskrift".into()),
        )),
        (None, Some(_)) => problems.push(Problem::error(
            path.key("caption"),
            "tabellen har en overskrift, men intet nummer",
            Some(format!(
                "angiv \"number\": {expected}, eller fjern \"caption\""
            )),
        )),
        _ => {}
    }
    if let Some(number) = table.number.filter(|number| *number != expected) {
        let message = if expected == 1 {
            format!("den første tabel har nummer {number}")
        } else {
            format!(
                "tabellen har nummer {number}, men den forrige var {}",
                expected - 1
            )
        };
        problems.push(Problem::error(
            path.key("number"),
            message,
            Some(format!(
                "tabeller nummereres fortløbende; denne skal have nummer {expected}"
            )),
        ));
    }
    if table.panels.is_empty() {
        problems.push(Problem::error(
            path.key("panels"),
            "tabellen har ingen paneler",
            None,
        ));
    }
    let mut labels: Vec<&str> = Vec::new();
    for (index, panel) in table.panels.iter().enumerate() {
        let panel_path = path.key("panels").index(index);
        if let Some(label) = &panel.label {
            if labels.contains(&label.as_str()) {
                problems.push(Problem::error(
                    panel_path.key("label"),
                    format!("panelbogstavet \"{label}\" er brugt før i samme tabel"),
                    Some("giv panelerne hver sit bogstav: A, B, C …".into()),
                ));
            }
            labels.push(label);
        }
        check_panel(panel, &panel_path, problems);
    }
}

fn check_panel(panel: &Panel, path: &JsonPath, problems: &mut Vec<Problem>) {
    let columns = panel.columns.len();
    if columns == 0 {
        problems.push(Problem::error(
            path.key("columns"),
            "panelet har ingen kolonner",
            Some("skriv kolonnernes overskrifter i \"columns\", fx årstallene".into()),
        ));
    }
    check_unique(
        panel.columns.iter().map(Some),
        &path.key("columns"),
        "kolonneoverskriften",
        problems,
    );
    let labels = panel.rows.iter().map(|row| row.label.as_ref());
    check_unique(labels, &path.key("rows"), "rækkenavnet", problems);
    for (row_index, row) in panel.rows.iter().chain(&panel.total).enumerate() {
        for (column, cell) in row.cells.iter().enumerate() {
            if !is_exact(cell) {
                let row_path = if row_index < panel.rows.len() {
                    path.key("rows").index(row_index)
                } else {
                    path.key("total")
                };
                problems.push(Problem::error(
                    row_path.key("cells").index(column),
                    "tallet er for stort til at blive sat præcist",
                    Some(
                        "skriv tal under 9.007.199.254.740.992, eller skriv tallet som tekst"
                            .into(),
                    ),
                ));
            }
        }
    }
    let rows = panel
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| (path.key("rows").index(i), row));
    for (row_path, row) in rows.chain(panel.total.iter().map(|row| (path.key("total"), row))) {
        if row.cells.len() != columns {
            problems.push(Problem::error(
                row_path.key("cells"),
                format!(
                    "rækken har {} celler, men panelet har {columns} kolonner",
                    row.cells.len()
                ),
                Some("giv rækken én celle pr. kolonne i \"columns\"".into()),
            ));
        }
    }
    if let Some(total) = &panel.total.as_ref().filter(|_| panel.total_is_sum) {
        check_total(panel, total, &path.key("total"), problems);
    }
}

/// Row labels and column headers name cells in reviews ("Tabel 2 B, Frifundet, 2016"), so
/// each must be unique within its panel.
fn check_unique<'a>(
    names: impl Iterator<Item = Option<&'a String>>,
    path: &JsonPath,
    what: &str,
    problems: &mut Vec<Problem>,
) {
    let mut seen: Vec<&str> = Vec::new();
    for (index, name) in names.enumerate() {
        let Some(name) = name else { continue };
        if seen.contains(&name.as_str()) {
            let field = if what == "rækkenavnet" {
                path.index(index).key("label")
            } else {
                path.index(index)
            };
            problems.push(Problem::warning(
                field,
                format!("{what} \"{name}\" findes to gange i samme panel"),
                Some(
                    "giv hver række og kolonne sit eget navn, så ændringer kan henføres entydigt"
                        .into(),
                ),
            ));
        }
        seen.push(name);
    }
}

/// Whether a cell prints exactly the value written: numbers beyond 2⁵³ lose digits.
fn is_exact(cell: &Cell) -> bool {
    const LIMIT: f64 = 9_007_199_254_740_992.0;
    match cell {
        Cell::Number(number) => number.as_f64().is_some_and(|value| value.abs() < LIMIT),
        Cell::Text(_) => true,
    }
}

/// A total row must add up, column by column, where every cell of the column is a number.
fn check_total(panel: &Panel, total: &Row, path: &JsonPath, problems: &mut Vec<Problem>) {
    for (column, total_cell) in total.cells.iter().enumerate() {
        let Some(stated) = number(total_cell) else {
            continue;
        };
        let cells: Option<Vec<f64>> = panel
            .rows
            .iter()
            .map(|row| row.cells.get(column).and_then(number))
            .collect();
        let Some(cells) = cells else { continue };
        let sum: f64 = cells.iter().sum();
        if (sum - stated).abs() > 1e-6 * sum.abs().max(1.0) {
            let heading = panel
                .columns
                .get(column)
                .map_or(String::new(), |c| format!(" ({c})"));
            problems.push(Problem::error(
                path.key("cells").index(column),
                format!(
                    "totalen i kolonne {}{heading} er {}, men rækkerne summer til {}",
                    column + 1,
                    crate::danish::number(&serde_json::Number::from_f64(stated).unwrap_or(0.into())),
                    crate::danish::number(&serde_json::Number::from_f64(sum).unwrap_or(0.into())),
                ),
                Some("ret tallene, eller sæt \"total_is_sum\": false på panelet, hvis totalen bevidst ikke er en sum (og forklar det i noterne)".into()),
            ));
        }
    }
}

fn number(cell: &Cell) -> Option<f64> {
    match cell {
        Cell::Number(number) => number.as_f64(),
        Cell::Text(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enclosure_mentions_read_lists_ranges_and_any_space() {
        assert_eq!(enclosure_mentions("jf. bilag 1."), [1]);
        assert_eq!(enclosure_mentions("Se Bilag\u{a0}2 og bilag 3"), [2, 3]);
        assert_eq!(enclosure_mentions("bilag 1 og 2"), [1, 2]);
        assert_eq!(enclosure_mentions("bilag 1, 2 og 4"), [1, 2, 4]);
        assert_eq!(enclosure_mentions("bilag 2-4"), [2, 3, 4]);
        assert_eq!(enclosure_mentions("bilag 1–2"), [1, 2]);
        assert!(enclosure_mentions("hovedbilag 1, bilaget, bilag A").is_empty());
    }

    #[test]
    fn an_enclosure_naming_itself_is_not_a_reference() {
        let mut answer: Answer = serde_json::from_value(serde_json::json!({
            "ministry": {"name": "Justitsministeriet"},
            "question": {"number": 1, "session": "2018-19", "text": "?",
                "committee": {"name": "Folketingets Retsudvalg", "abbreviation": "REU"}},
            "answer": {"blocks": [{"paragraph": "Svar."}]},
            "enclosures": [{"title": "T", "blocks": [{"paragraph": "Bilag 1 viser tallene."}]}]
        }))
        .unwrap();
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
        let answer: Answer = serde_json::from_value(serde_json::json!({
            "markup": "markdown",
            "ministry": {"name": "Justitsministeriet"},
            "question": {"number": 1, "session": "2018-19", "text": "?",
                "committee": {"name": "Folketingets Retsudvalg", "abbreviation": "REU"}},
            "answer": {"blocks": [{"paragraph": "Svar.[^1] Igen.[^2]"}]},
            "footnotes": {"1": "Første.", "2": "Se også [^1]."}
        }))
        .unwrap();
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
