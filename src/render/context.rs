//! The values templates see: the answer with every Danish wording, date and number already
//! formatted, so templates only arrange text and never compute it.

use serde::Serialize;

use crate::danish;
use crate::model::{
    Answer, Block, Cell, Enclosure, Expected, Layout, Letterhead, Markup, Member, Opening, Panel,
    Question, QuestionKind, Row, Statement, Status, Table,
};

/// Everything the answer template needs to lay out one answer.
#[derive(Debug, Serialize)]
pub struct DocumentContext {
    /// The document's title, also the PDF's title.
    pub title: String,
    /// The PDF's author: the ministry.
    pub author: String,
    /// The answer's date, if it has one.
    pub date: Option<DateContext>,
    /// The ministry's name.
    pub ministry: String,
    /// The ministry's logo over its name, if its profile has one.
    pub logo: Option<LogoContext>,
    /// Lines of the metadata column beside the letterhead, as label and value.
    pub metadata: Vec<(String, String)>,
    /// The ministry's address and contact lines under its name, unless a cover letter prints
    /// them in its footer.
    pub contact: Vec<String>,
    /// The heading over the question, e.g. "Spørgsmål nr. 287 (Alm. del) fra Folketingets
    /// Beskæftigelsesudvalg".
    pub question_heading: String,
    /// The question's text, verbatim.
    pub question_text: String,
    /// The answer's blocks.
    pub blocks: Vec<BlockContext>,
    /// The enclosures after the answer.
    pub enclosures: Vec<EnclosureContext>,
    /// How prose fields are read: "plain" or "markdown" (see the `inline` filter).
    pub markup: Markup,
    /// The footnotes prose refers to, by label.
    pub footnotes: std::collections::BTreeMap<String, String>,
    /// The signature's names, in order; empty when none were given.
    pub signature: Vec<String>,
    /// "Foreløbigt svar" or "Berigtigelse" over an answer that is not the final one.
    pub status_heading: Option<String>,
    /// The standard sentence an interim answer or a correction opens with.
    pub status_sentence: Option<String>,
    /// "Spørgsmålet er stillet efter ønske fra Line Barfod (EL).", when the asker is known.
    pub asked_by: Option<String>,
    /// The cover letter on page 1, for the cover-letter layout.
    pub cover_letter: Option<CoverLetterContext>,
    /// The opening and closing of a single letter, for the letter layout.
    pub letter: Option<LetterContext>,
    /// The title and opening of a speaking note, for a consultation question.
    pub speaking_note: Option<SpeakingNoteContext>,
    /// The answer's source JSON attached to the PDF, if it is.
    pub attachment: Option<AttachmentContext>,
    /// The summary of changes at the top of a redline.
    pub redline: Option<RedlineSummary>,
}

/// The box at the top of a redline, listing what changed.
#[derive(Debug, Clone, Serialize)]
pub struct RedlineSummary {
    /// The heading, e.g. "Ændringer i forhold til x.json".
    pub heading: String,
    /// One line per change.
    pub lines: Vec<String>,
}

/// Page 1 of the cover-letter layout.
#[derive(Debug, Serialize)]
pub struct CoverLetterContext {
    /// The addressee block, one line each: "Folketinget", "Retsudvalget", "Christiansborg", ….
    pub addressee: Vec<String>,
    /// The standard sentence, e.g. "Hermed sendes besvarelse af spørgsmål nr. 15 (Alm. del), …".
    pub sentence: String,
    /// "minister / official", when the names are known.
    pub signature: Option<String>,
    /// The ministry's address and contact lines for the footer.
    pub footer: Vec<String>,
}

/// What a single letter adds around the question and answer.
#[derive(Debug, Serialize)]
pub struct LetterContext {
    /// The opening sentence.
    pub opening: String,
    /// The short heading over the question, e.g. "Spørgsmål nr. 385".
    pub question_label: String,
    /// "Med venlig hilsen", if the ministry closes its letters so.
    pub closing: Option<String>,
}

/// What a speaking note for a consultation (samråd) prints over the question.
#[derive(Debug, Serialize)]
pub struct SpeakingNoteContext {
    /// "Talepapir".
    pub title: String,
    /// "Det talte ord gælder.": the note is not what was said.
    pub spoken_word: String,
    /// "Talepapir til brug for besvarelse af samrådsspørgsmål H i Integrationsudvalget den 14.
    /// december 2006."
    pub sentence: String,
    /// The heading over the question, "Samrådsspørgsmål".
    pub question_label: String,
}

/// Where the world serves the logo, and its alternative text.
#[derive(Debug, Serialize)]
pub struct LogoContext {
    /// The image's virtual path, e.g. "/logo.svg".
    pub path: String,
    /// The alternative text.
    pub description: String,
}

/// An enclosure ready to lay out.
#[derive(Debug, Serialize)]
pub struct EnclosureContext {
    /// "Bilag 1: Sigtelser fordelt på politikredse".
    pub heading: String,
    /// Whether its pages are landscape.
    pub landscape: bool,
    /// Its blocks.
    pub blocks: Vec<BlockContext>,
}

/// The attached copy of the answer file.
#[derive(Debug, Serialize)]
pub struct AttachmentContext {
    /// The attached file's name, as the world serves it.
    pub name: &'static str,
    /// The description PDF readers show, naming the svar version that wrote it.
    pub description: String,
}

impl AttachmentContext {
    /// The attachment svar writes.
    pub fn new() -> Self {
        Self {
            name: crate::SOURCE_ATTACHMENT,
            description: format!(
                "Svarets kildefil (JSON), skrevet af svar {}",
                env!("CARGO_PKG_VERSION")
            ),
        }
    }
}

impl Default for AttachmentContext {
    fn default() -> Self {
        Self::new()
    }
}

/// A date in the two forms templates need: numbers for Typst's `datetime`, words for the page.
#[derive(Debug, Serialize)]
pub struct DateContext {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// The day of the month.
    pub day: u32,
    /// The date in Danish words, e.g. "12. juni 2019".
    pub text: String,
}

/// One block, with flags telling where a surrounding quotation opens and closes.
#[derive(Debug, Serialize)]
pub struct BlockContext {
    /// Whether the quotation of a statement opens at the start of this block.
    pub opens_quote: bool,
    /// Whether the quotation of a statement closes at the end of this block.
    pub closes_quote: bool,
    /// What the block holds.
    #[serde(flatten)]
    pub content: BlockContent,
    /// How a redline marks this block; empty in an ordinary answer.
    pub marks: BlockMarks,
}

/// A redline's marks on one block: what changed since the old answer.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BlockMarks {
    /// A bar in the margin: something in this block changed.
    pub bar: bool,
    /// The whole block is new.
    pub inserted: bool,
    /// A paragraph's text as kept, deleted and inserted runs.
    pub segments: Option<Vec<MarkedRun>>,
    /// A list's items as runs, for the items that changed (by index).
    pub items: Vec<Option<Vec<MarkedRun>>>,
}

/// A run of text and what happened to it: "equal", "deleted" or "inserted".
#[derive(Debug, Clone, Serialize)]
pub struct MarkedRun {
    /// "equal", "deleted" or "inserted".
    pub kind: &'static str,
    /// The text.
    pub text: String,
}

/// The content of a block, tagged by `kind` for the templates.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockContent {
    /// Running text.
    Paragraph {
        /// The paragraph's text.
        text: String,
    },
    /// A bulleted list.
    List {
        /// The items' texts.
        items: Vec<String>,
    },
    /// An agency's statement, quoted as an indented block.
    Statement {
        /// The sentence introducing the quotation.
        introduction: String,
        /// The statement's own blocks.
        blocks: Vec<BlockContext>,
    },
    /// A table with caption, panels and notes.
    Table(TableContext),
}

/// A table ready to lay out.
#[derive(Debug, Serialize)]
pub struct TableContext {
    /// The caption, e.g. "Tabel 1: Sigtelser for menneskehandel"; none for a table the text
    /// introduces itself.
    pub caption: Option<String>,
    /// The panels, in order.
    pub panels: Vec<PanelContext>,
    /// The heading of the notes, with its colon, e.g. "Bemærkninger:".
    pub notes_heading: Option<String>,
    /// The notes.
    pub notes: Vec<String>,
}

/// One panel of a table, with every cell formatted.
#[derive(Debug, Serialize)]
pub struct PanelContext {
    /// The panel's heading, e.g. "A. Antal forhold".
    pub heading: Option<String>,
    /// Whether the first column holds row labels.
    pub labelled: bool,
    /// The header row.
    pub header: Vec<String>,
    /// The body rows.
    pub rows: Vec<Vec<String>>,
    /// The total row.
    pub total: Option<Vec<String>>,
    /// Cells a redline highlights, as [row, column]: rows counted with the header row as 0 and
    /// the total row last, columns with the label column as 0 when there is one.
    pub changed_cells: Vec<[usize; 2]>,
}

impl DocumentContext {
    /// Prepares `answer` for the templates.
    pub fn new(answer: &Answer) -> Self {
        let question_heading = question_heading(&answer.question);
        let cover_letter = cover_letter(answer);
        Self {
            title: title(answer.status, answer.question.kind, &question_heading),
            author: answer.ministry.name.clone(),
            date: answer.date.map(|date| DateContext {
                year: chrono::Datelike::year(&date),
                month: chrono::Datelike::month(&date),
                day: chrono::Datelike::day(&date),
                text: danish::date(date),
            }),
            ministry: answer.ministry.name.clone(),
            logo: answer
                .ministry
                .letterhead
                .as_ref()
                .and_then(|l| l.logo.as_ref())
                .map(|logo| LogoContext {
                    path: logo.virtual_path(),
                    description: logo.description.clone(),
                }),
            metadata: metadata(answer),
            contact: match (&cover_letter, &answer.ministry.letterhead) {
                (None, Some(letterhead)) => contact_lines(letterhead),
                _ => Vec::new(),
            },
            question_heading,
            question_text: answer.question.text.clone(),
            status_heading: status_heading(answer.status),
            status_sentence: status_sentence(answer),
            // A § 20 question names its asker in the heading already.
            asked_by: answer
                .question
                .asked_by
                .as_ref()
                .filter(|_| answer.question.kind != QuestionKind::Section20)
                .map(|member| {
                    format!(
                        "Spørgsmålet er stillet efter ønske fra {}.",
                        member_name(member)
                    )
                }),
            blocks: blocks(&answer.answer.blocks, false),
            enclosures: enclosures(&answer.enclosures),
            markup: answer.markup,
            footnotes: answer.footnotes.clone(),
            signature: [&answer.signature.minister, &answer.signature.official]
                .into_iter()
                .flatten()
                .cloned()
                .collect(),
            cover_letter,
            letter: letter(answer),
            speaking_note: speaking_note(answer),
            attachment: None,
            redline: None,
        }
    }
}

/// Names the question the way Folketinget does: "Spørgsmål nr. 287 (Alm. del) fra Folketingets
/// Beskæftigelsesudvalg", or "Spørgsmål nr. 23 ad L 58 fra …" for a bill.
///
/// No-break spaces keep "nr. 287", "(Alm. del)", "S 960" and "L 58" on one line.
fn question_heading(question: &Question) -> String {
    let committee = question
        .committee
        .as_ref()
        .map(|c| format!(" fra {}", c.name))
        .unwrap_or_default();
    let number = question.number.unwrap_or_default();
    match question.kind {
        QuestionKind::Committee => match question.series.as_deref() {
            None | Some("Alm. del") => {
                format!("Spørgsmål nr.{NBSP}{number} (Alm.{NBSP}del){committee}")
            }
            Some(bill) => {
                let bill = bill.replace(' ', NBSP);
                match &question.bill_title {
                    Some(title) => {
                        format!(
                            "Spørgsmål nr.{NBSP}{number}{committee} vedrørende {title} ({bill})"
                        )
                    }
                    None => format!("Spørgsmål nr.{NBSP}{number} ad {bill}{committee}"),
                }
            }
        },
        QuestionKind::Section20 => {
            let asker = question
                .asked_by
                .as_ref()
                .map(|member| format!(" fra {}", member_name(member)));
            format!(
                "Spørgsmål nr.{NBSP}S{NBSP}{number}{}",
                asker.unwrap_or_default()
            )
        }
        QuestionKind::Consultation => {
            let letters = question.letters.as_deref().unwrap_or_default();
            format!("Samrådsspørgsmål {letters}{committee}")
        }
    }
}

/// The short name over the question in a letter: "Spørgsmål nr. 385", "Spørgsmål nr. S 960",
/// "Samrådsspørgsmål AÆ".
fn question_label(question: &Question) -> String {
    let number = question.number.unwrap_or_default();
    match question.kind {
        QuestionKind::Committee => format!("Spørgsmål nr.{NBSP}{number}"),
        QuestionKind::Section20 => format!("Spørgsmål nr.{NBSP}S{NBSP}{number}"),
        QuestionKind::Consultation => format!(
            "Samrådsspørgsmål {}",
            question.letters.as_deref().unwrap_or_default()
        ),
    }
}

/// A no-break space, between words a line must not separate.
const NBSP: &str = "\u{a0}";

/// The document's title, which depends on the answer's status; plain spaces, since PDF readers
/// show it as a window title.
fn title(status: Status, kind: QuestionKind, question_heading: &str) -> String {
    let question = lowercase_first(&question_heading.replace(NBSP, " "));
    if kind == QuestionKind::Consultation {
        return format!("Talepapir til {question}");
    }
    match status {
        Status::Final => format!("Svar på {question}"),
        Status::Interim => format!("Foreløbigt svar på {question}"),
        Status::Correction => format!("Berigtigelse af svar på {question}"),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The layout the answer asks for, else its ministry's profile's; a speaking note for a
/// consultation is never a letter.
fn layout(answer: &Answer) -> Layout {
    if answer.question.kind == QuestionKind::Consultation {
        return Layout::Answer;
    }
    answer
        .layout
        .or(answer.ministry.letterhead.as_ref().map(|l| l.layout))
        .unwrap_or_default()
}

/// The cover letter, if the answer (or its ministry's profile) asks for that layout.
fn cover_letter(answer: &Answer) -> Option<CoverLetterContext> {
    let letterhead = answer.ministry.letterhead.as_ref();
    if layout(answer) != Layout::CoverLetter {
        return None;
    }
    let names: Vec<&String> = [&answer.signature.minister, &answer.signature.official]
        .into_iter()
        .flatten()
        .collect();
    Some(CoverLetterContext {
        addressee: addressee(&answer.question),
        sentence: cover_sentence(answer),
        signature: (!names.is_empty()).then(|| {
            names
                .iter()
                .map(|n| n.as_str())
                .collect::<Vec<_>>()
                .join(" / ")
        }),
        footer: letterhead.map(footer).unwrap_or_default(),
    })
}

/// The opening and closing of a single letter, if the answer (or its profile) asks for one.
fn letter(answer: &Answer) -> Option<LetterContext> {
    let letterhead = answer.ministry.letterhead.as_ref();
    if layout(answer) != Layout::Letter {
        return None;
    }
    let opening = letterhead.map(|l| l.opening).unwrap_or_default();
    Some(LetterContext {
        opening: opening_sentence(answer, opening),
        question_label: question_label(&answer.question),
        closing: letterhead
            .filter(|l| l.kind_regards)
            .map(|_| "Med venlig hilsen".to_string()),
    })
}

/// The title and opening sentence of a speaking note, for a consultation question.
fn speaking_note(answer: &Answer) -> Option<SpeakingNoteContext> {
    let question = &answer.question;
    if question.kind != QuestionKind::Consultation {
        return None;
    }
    let letters = question.letters.as_deref().unwrap_or_default();
    let committee = question
        .committee
        .as_ref()
        .map(|c| format!(" i {}", definite(&c.name)))
        .unwrap_or_default();
    let when = question
        .meeting_on
        .map(|date| format!(" den {}", danish::date(date)))
        .unwrap_or_default();
    Some(SpeakingNoteContext {
        title: "Talepapir".to_string(),
        spoken_word: "Det talte ord gælder.".to_string(),
        sentence: format!(
            "Talepapir til brug for besvarelse af samrådsspørgsmål {letters}{committee}{when}."
        ),
        question_label: "Samrådsspørgsmål".to_string(),
    })
}

/// The letter's opening sentence in the ministry's wording.
fn opening_sentence(answer: &Answer, opening: Opening) -> String {
    let question = &answer.question;
    let committee = question.committee.as_ref();
    let when = question
        .asked_on
        .map(|date| format!(" den {}", danish::date(date)))
        .unwrap_or_default();
    let asker = question.asked_by.as_ref().map(member_name);
    let reference = lowercase_first(&question_heading(&Question {
        committee: None,
        asked_by: None,
        ..question.clone()
    }));
    match opening {
        Opening::AskedMe => {
            let who = committee.map_or("Folketinget".to_string(), |c| c.name.clone());
            let wish = asker
                .map(|a| format!(", efter ønske fra {a},"))
                .unwrap_or_default();
            let number = reference.strip_prefix("spørgsmål ").unwrap_or(&reference);
            format!(
                "{who} har{when}{wish} stillet mig følgende spørgsmål, {number}, som jeg hermed skal besvare."
            )
        }
        Opening::HerebyAnsweredAskerAfter => {
            let who = committee.map_or("Folketinget".to_string(), |c| c.name.clone());
            let minister = minister_title(answer);
            let wish = asker
                .map(|a| format!(" Spørgsmålet er stillet efter ønske fra {a}."))
                .unwrap_or_default();
            format!(
                "{who} har{when} stillet følgende {reference} til {minister}, som hermed besvares.{wish}"
            )
        }
        Opening::HerebyAnswered => {
            let who = committee.map_or("Folketinget".to_string(), |c| definite(&c.name));
            let wish = asker
                .map(|a| format!(" efter ønske fra {a}"))
                .unwrap_or_default();
            let minister = minister_title(answer);
            // These ministries write the series in lower case in running text: "(alm. del)".
            let reference = reference.replace("(Alm.\u{a0}del)", "(alm.\u{a0}del)");
            format!(
                "{who} har{when} stillet følgende {reference}{wish} til {minister}, som hermed besvares."
            )
        }
    }
}

/// Folketinget's address, to the committee (or, for a § 20 question, the Lovsekretariat).
fn addressee(question: &Question) -> Vec<String> {
    let recipient = match (&question.committee, question.kind) {
        (Some(committee), QuestionKind::Committee | QuestionKind::Consultation) => {
            definite(&committee.name)
        }
        _ => "Folketingets Lovsekretariat".to_string(),
    };
    [
        "Folketinget",
        &recipient,
        "Christiansborg",
        "1240 København K",
    ]
    .map(str::to_string)
    .to_vec()
}

/// "Folketingets Retsudvalg" → "Retsudvalget", "Folketingets Udvalg for Forretningsordenen" →
/// "Udvalget for Forretningsordenen": the committee as addressed on an envelope.
fn definite(name: &str) -> String {
    let bare = name.strip_prefix("Folketingets ").unwrap_or(name);
    if let Some(rest) = bare.strip_prefix("Udvalg ") {
        format!("Udvalget {rest}")
    } else if bare.ends_with("udvalg") || bare.ends_with("Udvalg") {
        format!("{bare}et")
    } else {
        bare.to_string()
    }
}

/// "Hermed sendes besvarelse af spørgsmål nr. 15 (Alm. del), som Folketingets Udvalg for
/// Forretningsordenen har stillet til justitsministeren den 7. april 2011. Spørgsmålet er
/// stillet efter ønske fra Line Barfod (EL)."
fn cover_sentence(answer: &Answer) -> String {
    let question = &answer.question;
    let what = match answer.status {
        Status::Final => "besvarelse af",
        Status::Interim => "foreløbigt svar på",
        Status::Correction => "berigtigelse af svaret på",
    };
    let reference = lowercase_first(&question_heading(&Question {
        committee: None,
        asked_by: None,
        ..question.clone()
    }));
    let asker = match (question.kind, &question.committee, &question.asked_by) {
        (QuestionKind::Section20, _, Some(member)) => member_name(member),
        (_, Some(committee), _) => committee.name.clone(),
        _ => "Folketinget".to_string(),
    };
    let minister = minister_title(answer);
    let when = question
        .asked_on
        .map(|date| format!(" den {}", danish::date(date)))
        .unwrap_or_default();
    let mut sentence =
        format!("Hermed sendes {what} {reference}, som {asker} har stillet til {minister}{when}.");
    if let (Some(member), false) = (&question.asked_by, question.kind == QuestionKind::Section20) {
        sentence.push_str(&format!(
            " Spørgsmålet er stillet efter ønske fra {}.",
            member_name(member)
        ));
    }
    sentence
}

/// The minister in running text, "justitsministeren", or "ministeren" when not given.
fn minister_title(answer: &Answer) -> &str {
    answer
        .ministry
        .minister_title
        .as_deref()
        .unwrap_or("ministeren")
}

fn member_name(member: &Member) -> String {
    let name = match &member.party {
        Some(party) => format!("{} ({party})", member.name),
        None => member.name.clone(),
    };
    if member.non_member {
        format!("ikkemedlem af udvalget (MFU) {name}")
    } else {
        name
    }
}

/// The footer lines of the cover letter: name, then the address and contact lines.
fn footer(letterhead: &Letterhead) -> Vec<String> {
    std::iter::once(letterhead.name.clone())
        .chain(contact_lines(letterhead))
        .collect()
}

/// The address and contact lines as printed: address, phone, fax, web, e-mail, CVR, EAN.
fn contact_lines(letterhead: &Letterhead) -> Vec<String> {
    let labelled = |label: &str, value: &Option<String>| {
        value.as_ref().map(|value| format!("{label} {value}"))
    };
    letterhead
        .address
        .iter()
        .cloned()
        .chain(labelled("Telefon", &letterhead.phone))
        .chain(labelled("Telefax", &letterhead.fax))
        .chain(letterhead.web.clone())
        .chain(letterhead.email.clone())
        .chain(labelled("CVR-nr.", &letterhead.cvr))
        .chain(labelled("EAN", &letterhead.ean))
        .collect()
}

/// The heading that sets an interim answer or a correction apart from a final answer.
fn status_heading(status: Status) -> Option<String> {
    match status {
        Status::Final => None,
        // An interim answer says so in its first sentence, as ministries write it.
        Status::Interim => None,
        Status::Correction => Some("Berigtigelse".to_string()),
    }
}

/// The sentence that says what kind of answer this is, generated so a clerk need not type it.
fn status_sentence(answer: &Answer) -> Option<String> {
    let ministry = &answer.ministry.name;
    match answer.status {
        Status::Final => None,
        Status::Interim => {
            let regret = "Det har desværre ikke været muligt at besvare spørgsmålet endeligt inden for fristen.";
            Some(match &answer.final_answer_expected {
                Some(expected) => format!(
                    "{regret} Jeg forventer at kunne besvare spørgsmålet endeligt {}.",
                    expected_text(expected)
                ),
                None => regret.to_string(),
            })
        }
        Status::Correction => Some(match answer.corrects_answer_of {
            Some(date) => format!(
                "{ministry} berigtiger hermed svaret af {} på spørgsmålet.",
                danish::date(date)
            ),
            None => format!("{ministry} berigtiger hermed sit tidligere svar på spørgsmålet."),
        }),
    }
}

/// "den 15. marts 2022", or a period as written: "medio marts 2022".
pub fn expected_text(expected: &Expected) -> String {
    match expected {
        Expected::Date(date) => format!("den {}", danish::date(*date)),
        Expected::Period(period) => period.trim_end_matches('.').to_string(),
    }
}

/// The letterhead's metadata column: only the lines the answer has.
fn metadata(answer: &Answer) -> Vec<(String, String)> {
    [
        ("Dato", answer.date.map(danish::date)),
        ("Kontor", answer.ministry.office.clone()),
        ("Sagsbeh.", answer.caseworker.clone()),
        ("Sagsnr.", answer.case_number.clone()),
        ("Dok.", answer.document_number.clone()),
    ]
    .into_iter()
    .filter_map(|(label, value)| Some((format!("{label}:"), value?)))
    .collect()
}

/// Prepares blocks; inside a statement the first and last block carry the quotation marks.
fn blocks(blocks: &[Block], quoted: bool) -> Vec<BlockContext> {
    let last = blocks.len().saturating_sub(1);
    blocks
        .iter()
        .enumerate()
        .map(|(index, block)| BlockContext {
            opens_quote: quoted && index == 0,
            closes_quote: quoted && index == last,
            content: block_content(block),
            marks: BlockMarks {
                items: match block {
                    Block::List(items) => vec![None; items.len()],
                    _ => Vec::new(),
                },
                ..BlockMarks::default()
            },
        })
        .collect()
}

/// Numbers the enclosures: "Bilag 1: …", "Bilag 2: …".
fn enclosures(enclosures: &[Enclosure]) -> Vec<EnclosureContext> {
    enclosures
        .iter()
        .enumerate()
        .map(|(index, enclosure)| EnclosureContext {
            heading: format!("Bilag {}: {}", index + 1, enclosure.title),
            landscape: enclosure.landscape,
            blocks: blocks(&enclosure.blocks, false),
        })
        .collect()
}

fn block_content(block: &Block) -> BlockContent {
    match block {
        Block::Paragraph(text) => BlockContent::Paragraph { text: text.clone() },
        Block::List(items) => BlockContent::List {
            items: items.clone(),
        },
        Block::Statement(statement) => statement_content(statement),
        Block::Table(table) => BlockContent::Table(table_context(table)),
    }
}

fn statement_content(statement: &Statement) -> BlockContent {
    BlockContent::Statement {
        introduction: statement
            .introduction
            .clone()
            .unwrap_or_else(|| format!("{} har oplyst følgende:", statement.source)),
        blocks: blocks(&statement.blocks, true),
    }
}

fn table_context(table: &Table) -> TableContext {
    TableContext {
        caption: caption(table),
        panels: table.panels.iter().map(panel_context).collect(),
        notes_heading: table
            .notes_heading
            .as_ref()
            .map(|heading| format!("{heading}:")),
        notes: table.notes.clone(),
    }
}

/// "Tabel 1: Sigtelser for menneskehandel", for a numbered table.
pub fn caption(table: &Table) -> Option<String> {
    let (number, caption) = (table.number?, table.caption.as_ref()?);
    Some(format!("Tabel {number}: {caption}"))
}

fn panel_context(panel: &Panel) -> PanelContext {
    let labelled = panel.label_header.is_some()
        || panel
            .rows
            .iter()
            .chain(&panel.total)
            .any(|row| row.label.is_some());
    let heading = match (&panel.label, &panel.title) {
        (Some(label), Some(title)) => Some(format!("{label}. {title}")),
        (Some(label), None) => Some(format!("{label}.")),
        (None, Some(title)) => Some(title.clone()),
        (None, None) => None,
    };
    let header = labelled
        .then(|| panel.label_header.clone().unwrap_or_default())
        .into_iter()
        .chain(panel.columns.iter().cloned())
        .collect();
    PanelContext {
        heading,
        labelled,
        header,
        rows: panel
            .rows
            .iter()
            .map(|row| row_cells(row, labelled))
            .collect(),
        total: panel.total.as_ref().map(|row| row_cells(row, labelled)),
        changed_cells: Vec::new(),
    }
}

fn row_cells(row: &Row, labelled: bool) -> Vec<String> {
    labelled
        .then(|| row.label.clone().unwrap_or_default())
        .into_iter()
        .chain(row.cells.iter().map(cell_text))
        .collect()
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Number(number) => danish::number(number),
        Cell::Text(text) => text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with its no-break spaces as plain ones.
    fn plain(text: String) -> String {
        text.replace(NBSP, " ")
    }

    #[test]
    fn numbers_stay_with_their_words() {
        let question: Question = serde_json::from_value(serde_json::json!({
            "number": 23, "series": "L 58", "session": "2018-19", "text": "?"
        }))
        .unwrap();
        assert_eq!(
            question_heading(&question),
            "Spørgsmål nr.\u{a0}23 ad L\u{a0}58"
        );
    }

    #[test]
    fn question_heading_names_general_and_bill_questions() {
        let mut question: Question = serde_json::from_value(serde_json::json!({
            "number": 287, "series": "Alm. del", "session": "2018-19", "text": "?",
            "committee": {"name": "Folketingets Beskæftigelsesudvalg", "abbreviation": "BEU"}
        }))
        .unwrap();
        assert_eq!(
            plain(question_heading(&question)),
            "Spørgsmål nr. 287 (Alm. del) fra Folketingets Beskæftigelsesudvalg"
        );
        question.series = Some("L 58".into());
        question.number = Some(23);
        assert_eq!(
            plain(question_heading(&question)),
            "Spørgsmål nr. 23 ad L 58 fra Folketingets Beskæftigelsesudvalg"
        );
    }

    #[test]
    fn question_heading_names_section_20_and_consultation_questions() {
        let mut question: Question = serde_json::from_value(serde_json::json!({
            "kind": "section_20", "number": 960, "session": "2024-25", "text": "?",
            "asked_by": {"name": "Line Barfod", "party": "EL"}
        }))
        .unwrap();
        assert_eq!(
            plain(question_heading(&question)),
            "Spørgsmål nr. S 960 fra Line Barfod (EL)"
        );
        question.kind = QuestionKind::Consultation;
        question.number = None;
        question.letters = Some("AÆ".into());
        question.committee = Some(crate::model::Committee {
            name: "Folketingets Beskæftigelsesudvalg".into(),
            abbreviation: "BEU".into(),
        });
        assert_eq!(
            plain(question_heading(&question)),
            "Samrådsspørgsmål AÆ fra Folketingets Beskæftigelsesudvalg"
        );
    }

    #[test]
    fn letters_open_in_the_ministrys_wording() {
        let answer: Answer = serde_json::from_value(serde_json::json!({
            "ministry": {"name": "Kulturministeriet", "minister_title": "kulturministeren"},
            "question": {
                "number": 223, "series": "Alm. del", "session": "2016-17", "text": "?",
                "asked_on": "2017-09-08",
                "asked_by": {"name": "Morten Marinus", "party": "DF"},
                "committee": {"name": "Folketingets Kulturudvalg", "abbreviation": "KUU"}
            },
            "answer": {"blocks": []}
        }))
        .unwrap();
        assert_eq!(
            plain(opening_sentence(&answer, Opening::AskedMe)),
            "Folketingets Kulturudvalg har den 8. september 2017, efter ønske fra Morten Marinus (DF), stillet mig følgende spørgsmål, nr. 223 (Alm. del), som jeg hermed skal besvare."
        );
        assert_eq!(
            plain(opening_sentence(&answer, Opening::HerebyAnswered)),
            "Kulturudvalget har den 8. september 2017 stillet følgende spørgsmål nr. 223 (alm. del) efter ønske fra Morten Marinus (DF) til kulturministeren, som hermed besvares."
        );
    }

    #[test]
    fn title_follows_status() {
        let heading = "Spørgsmål nr. 1 (Alm. del) fra Folketingets Retsudvalg";
        assert_eq!(
            title(Status::Final, QuestionKind::Committee, heading),
            "Svar på spørgsmål nr. 1 (Alm. del) fra Folketingets Retsudvalg"
        );
        assert!(
            title(Status::Interim, QuestionKind::Committee, heading)
                .starts_with("Foreløbigt svar på spørgsmål")
        );
    }

    #[test]
    fn statements_open_and_close_their_quotation() {
        let prepared = blocks(
            &[Block::Paragraph("a".into()), Block::List(vec!["b".into()])],
            true,
        );
        assert!(prepared[0].opens_quote && !prepared[0].closes_quote);
        assert!(!prepared[1].opens_quote && prepared[1].closes_quote);
    }
}
