//! The values templates see: the answer with every Danish wording, date and number already
//! formatted, so templates only arrange text and never compute it.

use serde::Serialize;

use super::wording::{
    addressee, asked_by_sentence, asked_to_sentence, cover_sentence, joint_heading,
    letter_addressee, opening_sentence, question_heading, question_label, reference,
    status_heading, status_sentence, title,
};
use crate::danish::definite_committee;
use crate::model::{
    Answer, Block, Cell, Enclosure, Layout, Letterhead, Markup, Panel, Question, QuestionKind, Row,
    Statement, Table,
};
use crate::validate::Area;
use crate::{danish, escape};

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
    /// The department printed at the top of the metadata column, unlabelled, if given.
    pub department: Option<String>,
    /// Lines of the metadata column beside the letterhead, as label and value.
    pub metadata: Vec<(String, String)>,
    /// The ministry's address and contact lines under its name, unless a cover letter prints
    /// them in its footer.
    pub contact: Vec<String>,
    /// The questions answered, each under its own heading; several when answered together.
    pub questions: Vec<QuestionContext>,
    /// Whether the questions are set as quotations, in ”…”, as most ministries set them, or as
    /// plain text, as Udlændinge- og Integrationsministeriet's letters do.
    pub questions_quoted: bool,
    /// The answer's blocks.
    pub blocks: Vec<BlockContext>,
    /// The enclosures after the answer.
    pub enclosures: Vec<EnclosureContext>,
    /// How prose fields are read: "plain" or "markdown" (see the `inline` filter).
    pub markup: Markup,
    /// Whether the answer or an enclosure has a figure: only then does `blocks.typ` define
    /// the function that sets one, so that every other answer's source is as it was.
    pub has_figures: bool,
    /// The footnotes prose refers to, by label.
    pub footnotes: std::collections::BTreeMap<String, String>,
    /// A redline's marks on the footnotes that changed or are new, by label.
    pub footnote_marks: std::collections::BTreeMap<String, Vec<Segment>>,
    /// The signature's names, in order; empty when none were given.
    pub signature: Vec<String>,
    /// "Berigtigelse" over a correction; an interim answer says what it is in its first
    /// sentence instead, as ministries write it.
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
    /// The files attached to the PDF: none, or the answer's JSON and its profile's files.
    pub attachments: Vec<super::Attachment>,
    /// The summary of changes at the top of a redline.
    pub redline: Option<RedlineSummary>,
    /// A redline's marks on the sentences svar words itself, where the new answer's read
    /// otherwise than the old one's (a question's number changed in the opening).
    pub wording_marks: WordingMarks,
}

/// A redline's marks on each sentence svar words itself, where it changed.
#[derive(Debug, Default, Serialize)]
pub struct WordingMarks {
    /// On a letter's opening.
    pub opening: Option<Vec<Segment>>,
    /// On a cover letter's standard sentence.
    pub cover_sentence: Option<Vec<Segment>>,
    /// On a speaking note's opening sentence.
    pub speaking_note_sentence: Option<Vec<Segment>>,
    /// On the sentence an interim answer or a correction opens with.
    pub status_sentence: Option<Vec<Segment>>,
    /// On "Spørgsmålet er stillet efter ønske fra …".
    pub asked_by: Option<Vec<Segment>>,
    /// On the addressee block of a letter or cover letter, a line's runs each, where a line
    /// changed (the committee's name): all lines, or none.
    pub addressee: Option<Vec<Vec<Segment>>>,
    /// On the ministry's name in the letterhead, where it changed (or is new).
    pub ministry: Option<Vec<Segment>>,
    /// On the department at the top of the letterhead's metadata column, where it changed or
    /// is new.
    pub department: Option<Vec<Segment>>,
    /// On the letterhead's metadata lines (the date, the office, the numbers): for each line,
    /// its runs where it changed or is new, none where it reads the same.
    pub metadata: Option<Vec<Option<Vec<Segment>>>>,
    /// On the signature's names, as on the metadata lines.
    pub signature: Option<Vec<Option<Vec<Segment>>>>,
    /// On a cover letter's signature line ("minister / official").
    pub cover_signature: Option<Vec<Segment>>,
}

/// One question as printed over the answer.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionContext {
    /// The heading over it, printed with a colon after it: "Spørgsmål nr. 287 (Alm. del) fra
    /// Folketingets Beskæftigelsesudvalg", or in a letter "Spørgsmål nr. 385".
    pub heading: String,
    /// The question's text, verbatim.
    pub text: String,
    /// A redline's marks on the text, if it changed.
    pub marks: Option<Vec<Segment>>,
    /// A redline's marks on the heading, if it reads otherwise than the old answer's.
    pub heading_marks: Option<Vec<Segment>>,
    /// Whether a redline has the question added since the old answer: a green bar beside its
    /// heading and text, as beside an added block.
    pub added: bool,
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
    /// The footer's lines, each a list of items: the ministry's name and address, then its
    /// phone, web and other numbers.
    pub footer: Vec<Vec<String>>,
}

/// What a single letter adds around the question and answer.
#[derive(Debug, Serialize)]
pub struct LetterContext {
    /// The opening sentence.
    pub opening: String,
    /// "Med venlig hilsen", if the ministry closes its letters so and the answer is signed.
    pub closing: Option<String>,
    /// The addressee block over the opening, one line each, if the ministry's letters have one.
    pub addressee: Vec<String>,
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
    /// A redline's marks on the heading, if the title changed.
    pub heading_marks: Option<Vec<Segment>>,
    /// Whether its pages are landscape.
    pub landscape: bool,
    /// Whether it is sent as a file of its own: listed, but not set.
    pub separate_file: bool,
    /// Its blocks.
    pub blocks: Vec<BlockContext>,
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

/// One block, with the quotation marks that open and close around it.
#[derive(Debug, Serialize)]
pub struct BlockContext {
    /// The quotation marks printed before the block's first text: "”" where a statement's
    /// quotation opens with this block, empty elsewhere.
    pub opening_marks: String,
    /// The quotation marks printed after the block's last text: "”" where a statement's
    /// quotation closes, "””" where a statement quoted inside another ends both.
    pub closing_marks: String,
    /// Whether this is the answer's last block before the closing and signature, which keep
    /// some of its lines or rows with them: they never stand alone at the top of a page.
    pub keep_with_next: bool,
    /// Whether this paragraph leads into the table or list after it, and is kept with it.
    pub leads_in: bool,
    /// Whether this paragraph opens a statement and leads into the table or list after it,
    /// though not kept with it (see `leads_in` in [`blocks`]): svar looks after layout whether
    /// a page break parted the two, and breaks the page before the statement if so
    /// (`crate::typeset`).
    pub checked_lead_in: bool,
    /// Whether this list, or this table's notes, is short enough to be kept on one page: a
    /// page break in it would leave an item or a note alone.
    pub kept_whole: bool,
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
    /// A paragraph's or a heading's text as kept, deleted and inserted runs.
    pub segments: Option<Vec<Segment>>,
    /// A list's items as runs, for the items that changed (by index).
    pub items: Vec<Option<Vec<Segment>>>,
    /// A list's items that moved within it, by index: a note of where each stood before,
    /// printed after it ("flyttet; var tidligere punkt 2"), as a moved block has one over it.
    pub moved_items: Vec<Option<String>>,
    /// A statement's introduction as runs, if it changed.
    pub introduction: Option<Vec<Segment>>,
    /// A table's caption as runs ("Tabel 1: " kept), if it changed.
    pub caption: Option<Vec<Segment>>,
    /// A table's notes as runs, for the notes that changed or are new (by index).
    pub notes: Vec<Option<Vec<Segment>>>,
    /// Where the block moved from, for a block that moved, as a note printed over it ("Flyttet;
    /// var tidligere Rigsadvokatens udtalelse, afsnit 10"): a move is told apart from an edit,
    /// by its words and a bar of its own.
    pub moved: Option<String>,
}

/// What happened to a run of text: what `svar diff` finds, and a redline prints as kept,
/// struck or inserted text (`equal`, `deleted`, `inserted` to the templates).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    /// In both texts.
    Equal,
    /// Only in the old text.
    Deleted,
    /// Only in the new text.
    Inserted,
}

/// A run of text with what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Kept, deleted or inserted.
    pub kind: SegmentKind,
    /// The text, spaces included.
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
    /// A subheading, printed as written.
    Heading {
        /// The heading's text.
        text: String,
    },
    /// A list, bulleted or numbered.
    List {
        /// The items' texts.
        items: Vec<String>,
        /// Whether the items are numbered "1)", "2)", … rather than set with dashes.
        numbered: bool,
    },
    /// An agency's statement, quoted as an indented block.
    Statement {
        /// The sentence introducing the quotation.
        introduction: String,
        /// Whether the introduction is svar's own sentence around the agency's name
        /// ("Rigspolitiet har oplyst følgende:"), printed as written also in a Markdown answer:
        /// a name is no Markdown, and the checks tell the clerk it prints as it stands.
        introduction_is_literal: bool,
        /// The statement's own blocks.
        blocks: Vec<BlockContext>,
    },
    /// A table with caption, panels and notes.
    Table(TableContext),
    /// A figure: an image with its description, caption and notes.
    Figure(FigureContext),
    /// Only in a redline: the place of a block removed since the old answer, shown by its first
    /// words struck through, so that a removal is seen where it was, not only in the box.
    Removed {
        /// The removed block's first words, as printed, "…" after them if it went on.
        text: String,
    },
    /// Only in a redline: the place a block moved away from since the old answer, with a note
    /// of where it went, so that a reader who looks for it there finds it.
    MovedAway {
        /// Where it went: "Flyttet herfra til Rigspolitiets udtalelse, afsnit 4".
        note: String,
    },
}

/// A figure ready to lay out.
#[derive(Debug, Serialize)]
pub struct FigureContext {
    /// Where the Typst world serves the image (`/figurer/figur-1.png`).
    pub path: String,
    /// The text a screen reader reads instead of the image.
    pub description: String,
    /// The caption, e.g. "Figur 1: Udviklingen i antal sager"; none for a figure the text
    /// introduces itself.
    pub caption: Option<String>,
    /// The heading of the notes, with its colon ("Kilde:").
    pub notes_heading: Option<String>,
    /// The notes under the figure.
    pub notes: Vec<String>,
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
    /// What names the table over its continuation on a later page: "Tabel 1 (fortsat)", or
    /// "(fortsat)" for a table without a number.
    pub continued: String,
    /// The room the table stands in, which a redline's wider columns are measured against.
    #[serde(skip)]
    pub(crate) area: Area,
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
    /// The heading row above the header's figure columns, where the panel groups them; empty
    /// where it does not, or where no group has a heading, so that a panel without one prints
    /// as before.
    pub groups: Vec<GroupContext>,
    /// The body rows.
    pub rows: Vec<Vec<String>>,
    /// The total row.
    pub total: Option<Vec<String>>,
    /// The width of each figure column in hundredths of an em: 340 or as wide as the column's
    /// widest figure; beside a column of row labels that takes the rest, or, in a panel without
    /// row labels, standing at the left margin (sharing the width where they would not fit).
    pub figure_widths: Vec<u32>,
    /// The width of the row labels' column in hundredths of an em, where the table is narrow
    /// enough to be set only as wide as it needs; none where the labels take the rest.
    pub label_width: Option<u32>,
    /// A redline's marks on the heading, if the panel's title changed.
    pub heading_marks: Option<Vec<Segment>>,
    /// A redline's old names of the columns that were renamed, by column (the label column
    /// first when there is one): printed struck above the new one, inserted, in the header
    /// cell. Stacked, as a figure column is too narrow for the two side by side.
    pub former_header: Vec<Option<String>>,
    /// A redline's marks on the row labels that were renamed, by row (the body rows, then the
    /// total, whether or not the panel has one): the old label struck and the new one inserted
    /// beside it, on the line its figures stand on.
    pub label_marks: Vec<Option<Vec<Segment>>>,
    /// Cells a redline highlights, as [row, column]: rows counted with the header row as 0 and
    /// the total row last, columns with the label column as 0 when there is one.
    pub changed_cells: Vec<[usize; 2]>,
    /// Cells a redline prints as inserted, green as an added table's text, counted as
    /// `changed_cells`: those of a panel, row or column that is new, told apart from figures
    /// that changed.
    pub inserted_cells: Vec<[usize; 2]>,
    /// The figures with fewer decimals than others in their column, counted as
    /// `changed_cells`, each with the decimals it lacks (",00"), which are set invisibly after
    /// it so that the column stands aligned on its comma.
    pub aligned: Vec<AlignedFigure>,
    /// The rows (from 1, the header being row 0) that are a part of the row above them
    /// ("heraf unge"), whose labels are set indented under its label.
    pub indented: Vec<usize>,
    /// The rows (from 1, the header being row 0) that are sub-totals ("I alt, mænd"), set bold
    /// under a thin rule as the total is set under the table's rule.
    pub subtotals: Vec<usize>,
    /// A redline's old figures of the cells that changed, counted as `changed_cells`: printed
    /// struck before the new figure, as a replaced word is before its replacement.
    pub former_cells: Vec<FormerCell>,
    /// What a screen reader announces on entering a panel after the first of a numbered
    /// table ("Fortsættelse af tabel 1: Sigtelser for menneskehandel"): its caption names only
    /// the panel, and the table's caption stands over the first.
    pub summary: Option<String>,
}

/// A figure with fewer decimals than others in its column (see [`PanelContext::aligned`]).
#[derive(Debug, Serialize)]
pub struct AlignedFigure {
    /// Its row, the header row counted as 0.
    pub row: usize,
    /// Its column, the label column counted as 0 when there is one.
    pub column: usize,
    /// What it lacks, as ",00" or "0".
    pub missing: String,
}

/// A changed figure's old value (see [`PanelContext::former_cells`]).
#[derive(Debug, Serialize)]
pub struct FormerCell {
    /// Its row, the header row counted as 0.
    pub row: usize,
    /// Its column, the label column counted as 0 when there is one.
    pub column: usize,
    /// The old value as printed.
    pub text: String,
}

impl DocumentContext {
    /// Prepares `answer` for the templates.
    pub fn new(answer: &Answer) -> Self {
        let questions = answer.questions();
        let cover_letter = cover_letter(answer);
        let letter = letter(answer);
        let signature: Vec<String> = answer.signature.names().cloned().collect();
        // What the templates print under the answer's text: a letter's closing, or the
        // signature unless a cover letter carries it.
        let signed_below = letter.as_ref().is_some_and(|l| l.closing.is_some())
            || (cover_letter.is_none() && !signature.is_empty());
        Self {
            title: escape::printed_line(&title(answer, &joint_heading(&questions))),
            author: escape::printed_line(&answer.ministry.name),
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
            department: answer.ministry.department.clone(),
            metadata: metadata(answer),
            contact: match (&cover_letter, &answer.ministry.letterhead) {
                (None, Some(letterhead)) => contact_lines(letterhead),
                _ => Vec::new(),
            },
            questions: question_contexts(answer, &questions),
            questions_quoted: (answer.ministry.letterhead.as_ref())
                .is_none_or(|l| l.quoted_question),
            status_heading: status_heading(answer.status),
            status_sentence: status_sentence(answer),
            asked_by: asked_by_line(answer, &questions),
            blocks: answer_blocks(answer, signed_below),
            enclosures: enclosures(&answer.enclosures),
            markup: answer.markup,
            has_figures: has_figures(answer),
            footnotes: answer.footnotes.clone(),
            footnote_marks: Default::default(),
            signature,
            cover_letter,
            letter,
            speaking_note: speaking_note(answer, &questions),
            attachments: Vec::new(),
            redline: None,
            wording_marks: WordingMarks::default(),
        }
    }
}

/// The line under the questions of an answer alone or a speaking note: who asked for them
/// ("Spørgsmålet er stillet efter ønske fra …"), and to whom they were put where another
/// minister answers them, since no letter's sentence says so. A § 20 question names its asker
/// in the heading already.
fn asked_by_line(answer: &Answer, questions: &[Question]) -> Option<String> {
    let asked_by = answer
        .question
        .asked_by
        .as_ref()
        .filter(|_| answer.question.kind != QuestionKind::Section20)
        .map(|askers| asked_by_sentence(questions, askers));
    let asked_to = (answer.effective_layout() == Layout::Answer)
        .then(|| asked_to_sentence(answer))
        .flatten();
    let sentences: Vec<String> = asked_by.into_iter().chain(asked_to).collect();
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

/// The cover letter, if the answer (or its ministry's profile) asks for that layout.
fn cover_letter(answer: &Answer) -> Option<CoverLetterContext> {
    let letterhead = answer.ministry.letterhead.as_ref();
    if answer.effective_layout() != Layout::CoverLetter {
        return None;
    }
    let names: Vec<&String> = answer.signature.names().collect();
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
    if answer.effective_layout() != Layout::Letter {
        return None;
    }
    let opening = letterhead.map(|l| l.opening).unwrap_or_default();
    Some(LetterContext {
        opening: opening_sentence(answer, opening),
        // The greeting belongs to the signature: alone it would end the letter on nobody.
        closing: letterhead
            .filter(|l| l.kind_regards && answer.signature.names().next().is_some())
            .map(|_| "Med venlig hilsen".to_string()),
        addressee: if letterhead.is_some_and(|l| l.addressee) {
            letter_addressee(&answer.question)
        } else {
            Vec::new()
        },
    })
}

/// The title and opening sentence of a speaking note, for a consultation question.
fn speaking_note(answer: &Answer, questions: &[Question]) -> Option<SpeakingNoteContext> {
    let question = &answer.question;
    if question.kind != QuestionKind::Consultation {
        return None;
    }
    let committee = question
        .committee
        .as_ref()
        .map(|c| format!(" i {}", definite_committee(&c.name)))
        .unwrap_or_default();
    let when = question
        .meeting_on
        .map(|date| format!(" den {}", danish::date(date)))
        .unwrap_or_default();
    Some(SpeakingNoteContext {
        title: "Talepapir".to_string(),
        spoken_word: "Det talte ord gælder.".to_string(),
        sentence: format!(
            "Talepapir til brug for besvarelse af {}{committee}{when}.",
            reference(questions)
        ),
    })
}

/// The questions over the answer, each under its heading: in a letter the short label
/// ("Spørgsmål nr. 385"), since its opening named committee and asker; in a speaking note
/// "Samrådsspørgsmål", with its letters when there are several, since its title named them;
/// otherwise the full heading over the first question and the short label over the others,
/// which share its committee, asker and bill (two lines of a bill's title over each question
/// would say the same again).
fn question_contexts(answer: &Answer, questions: &[Question]) -> Vec<QuestionContext> {
    let consultation = answer.question.kind == QuestionKind::Consultation;
    let heading = |index: usize, question: &Question| {
        if consultation && questions.len() == 1 {
            "Samrådsspørgsmål".to_string()
        } else if consultation || index > 0 || answer.effective_layout() == Layout::Letter {
            question_label(question)
        } else {
            question_heading(question)
        }
    };
    questions
        .iter()
        .enumerate()
        .map(|(index, question)| QuestionContext {
            heading: heading(index, question),
            text: question.text.clone(),
            marks: None,
            heading_marks: None,
            added: false,
        })
        .collect()
}

/// The footer of the cover letter in two lines, so that a line breaks between the address and
/// the numbers rather than anywhere: the name and address, then the contact lines.
fn footer(letterhead: &Letterhead) -> Vec<Vec<String>> {
    let address =
        std::iter::once(letterhead.name.clone()).chain(letterhead.address.iter().cloned());
    let numbers: Vec<String> = contact_lines(letterhead)
        .into_iter()
        .skip(letterhead.address.len())
        .collect();
    [address.collect(), numbers]
        .into_iter()
        .filter(|line: &Vec<String>| !line.is_empty())
        .collect()
}

/// The address and contact lines as printed: address, phone, fax, web, e-mail, CVR, EAN, each
/// after the ministry's label for it, or svar's (none for the web and e-mail addresses).
fn contact_lines(letterhead: &Letterhead) -> Vec<String> {
    let values = [
        &letterhead.phone,
        &letterhead.fax,
        &letterhead.web,
        &letterhead.email,
        &letterhead.cvr,
        &letterhead.ean,
    ];
    let labelled = values.into_iter().zip(letterhead.labels.contact());
    let contacts = labelled.filter_map(|(value, label)| {
        let value = value.as_ref()?;
        Some(match label {
            Some(label) => format!("{label} {value}"),
            None => value.clone(),
        })
    });
    letterhead.address.iter().cloned().chain(contacts).collect()
}

/// The letterhead's metadata column: only the lines the answer has.
fn metadata(answer: &Answer) -> Vec<(String, String)> {
    let texts = answer
        .metadata_texts()
        .map(|(label, _, value)| (label, value.cloned()));
    let date_label = answer.metadata_labels().date();
    std::iter::once((date_label, answer.date.map(danish::date)))
        .chain(texts)
        .filter_map(|(label, value)| Some((format!("{label}:"), value?)))
        .collect()
}

/// The quotation marks around a run of blocks.
#[derive(Debug, Clone, Default)]
struct Quoting {
    /// Printed before the first block's text.
    opening: String,
    /// Printed after the last block's text.
    closing: String,
}

impl Quoting {
    /// The quotation of a statement, where `after` are the marks that close with it. A
    /// statement quoted inside another takes ”…” as well, whatever quotes the blocks around it,
    /// as quotations within quotations do in the ministries' answers (”I forlængelse af
    /// udspillet ”Respekt for voldtægtsofre” …”), and its end closes both.
    fn of_statement(after: &str) -> Quoting {
        Quoting {
            opening: "”".into(),
            closing: format!("”{after}"),
        }
    }
}

/// Prepares blocks set in `area`; the first and last carry the quotation marks that open and
/// close around them. A statement passes the marks on: its introduction takes the opening ones,
/// and its own quotation ends with the closing ones.
fn blocks(blocks: &[Block], quoting: &Quoting, area: Area) -> Vec<BlockContext> {
    let last = blocks.len().saturating_sub(1);
    blocks
        .iter()
        .enumerate()
        .map(|(index, block)| {
            let opening_marks = if index == 0 {
                quoting.opening.as_str()
            } else {
                ""
            };
            let closing_marks = if index == last {
                quoting.closing.as_str()
            } else {
                ""
            };
            let (content, opening_marks, closing_marks) =
                block_content(block, opening_marks, closing_marks, area);
            let opens_statement = index == 0 && !quoting.opening.is_empty();
            let list_items = match block {
                Block::List(items) | Block::NumberedList(items) => items.len(),
                _ => 0,
            };
            BlockContext {
                opening_marks,
                closing_marks,
                keep_with_next: false,
                // Not a statement's first block: kept with what follows it, it would part
                // the statement's introduction from the statement. Typst keeps a sticky block
                // with what follows only within one flow, and the introduction stands in the
                // page's flow, outside the statement: where the table with the lead-in went
                // over, the introduction stayed behind alone, and so did a footnote of the
                // lead-in (tried and undone after reviews 25, 8 and 26, 1–2).
                leads_in: !opens_statement && leads_in(block, blocks.get(index + 1)),
                checked_lead_in: opens_statement
                    && leads_in(block, blocks.get(index + 1))
                    && !matches!(blocks.get(index + 1), Some(Block::Statement(_))),
                kept_whole: kept_whole(block),
                content,
                marks: BlockMarks {
                    items: vec![None; list_items],
                    moved_items: vec![None; list_items],
                    notes: match block {
                        Block::Table(table) => vec![None; table.notes.len()],
                        Block::Figure(figure) => vec![None; figure.notes.len()],
                        _ => Vec::new(),
                    },
                    ..BlockMarks::default()
                },
            }
        })
        .collect()
}

/// Whether `block` is a paragraph that leads into the table or list after it ("Fordelingen
/// fremgår af tabellen nedenfor:"), which it must not be parted from by a page break.
fn leads_in(block: &Block, next: Option<&Block>) -> bool {
    matches!(block, Block::Paragraph(text) if text.trim_end().ends_with(':'))
        && match next {
            Some(Block::Table(_) | Block::List(_) | Block::NumberedList(_)) => true,
            // "…, der har oplyst følgende:" where the statement prints no introduction.
            Some(Block::Statement(statement)) => statement.printed_introduction().is_empty(),
            _ => false,
        }
}

/// The most items (or notes) a list (or a table's notes) kept whole on one page may have.
const KEPT_WHOLE_ITEMS: usize = 6;

/// The most characters the items (or notes) kept whole on one page may have together: about
/// seven lines, so a page break in them would part a line or two from the rest, while longer
/// ones break between items as text does.
const KEPT_WHOLE_CHARACTERS: usize = 600;

/// Whether `block` is a list, or a table with notes, short enough to keep on one page.
fn kept_whole(block: &Block) -> bool {
    let texts = match block {
        Block::List(items) | Block::NumberedList(items) => items,
        Block::Table(table) => &table.notes,
        Block::Figure(figure) => &figure.notes,
        Block::Paragraph(_) | Block::Heading(_) | Block::Statement(_) => return false,
    };
    let characters: usize = texts.iter().map(|text| text.chars().count()).sum();
    texts.len() <= KEPT_WHOLE_ITEMS && characters <= KEPT_WHOLE_CHARACTERS
}

/// Whether `answer` has a figure anywhere, in a statement or an enclosure too.
fn has_figures(answer: &Answer) -> bool {
    let mut found = false;
    crate::validate::walk_answer(answer, &mut |block, _| {
        found |= matches!(block, Block::Figure(_));
    });
    found
}

/// The answer's own blocks. When the closing, the signature or the list of enclosures follows
/// them, a last paragraph or list is kept on its page, so that they never stand alone at the
/// top of the next one.
fn answer_blocks(answer: &Answer, signed_below: bool) -> Vec<BlockContext> {
    let page = Area::page(false);
    let mut prepared = blocks(&answer.answer.blocks, &Quoting::default(), page);
    if let Some(last) = prepared.last_mut() {
        last.keep_with_next = signed_below || !answer.enclosures.is_empty();
    }
    prepared
}

/// Numbers the enclosures: "Bilag 1: …", "Bilag 2: …".
fn enclosures(enclosures: &[Enclosure]) -> Vec<EnclosureContext> {
    enclosures
        .iter()
        .enumerate()
        .map(|(index, enclosure)| EnclosureContext {
            heading: format!("Bilag {}: {}", index + 1, enclosure.title),
            heading_marks: None,
            landscape: enclosure.landscape,
            separate_file: enclosure.separate_file,
            blocks: blocks(
                &enclosure.blocks,
                &Quoting::default(),
                Area::page(enclosure.landscape),
            ),
        })
        .collect()
}

/// A block's content, with the quotation marks printed at its start and end. A statement
/// passes them on: its introduction takes the opening ones, and its own quotation ends with the
/// closing ones (or, without an introduction, opens with the opening ones too). A table's
/// columns are measured for `area`, where it is set.
fn block_content(
    block: &Block,
    opening_marks: &str,
    closing_marks: &str,
    area: Area,
) -> (BlockContent, String, String) {
    let marked = |content| (content, opening_marks.to_owned(), closing_marks.to_owned());
    match block {
        Block::Paragraph(text) => marked(BlockContent::Paragraph { text: text.clone() }),
        // Trimmed: the bookmark is the heading's text, and a space around it would indent it.
        Block::Heading(text) => marked(BlockContent::Heading {
            text: text.trim().to_string(),
        }),
        Block::List(items) => marked(BlockContent::List {
            items: items.clone(),
            numbered: false,
        }),
        Block::NumberedList(items) => marked(BlockContent::List {
            items: items.clone(),
            numbered: true,
        }),
        Block::Table(table) => marked(BlockContent::Table(table_context(table, area))),
        Block::Figure(figure) => marked(BlockContent::Figure(FigureContext {
            path: figure.virtual_path(),
            description: figure.description.clone(),
            caption: figure.full_caption(),
            notes_heading: figure.notes_heading.as_deref().map(notes_heading),
            notes: figure.notes.clone(),
        })),
        Block::Statement(statement) => {
            let mut inner = Quoting::of_statement(closing_marks);
            let opening_marks = if statement.printed_introduction().is_empty() {
                inner.opening = format!("{opening_marks}{}", inner.opening);
                ""
            } else {
                opening_marks
            };
            let content = statement_content(statement, &inner, area.quoted());
            (content, opening_marks.to_owned(), String::new())
        }
    }
}

fn statement_content(statement: &Statement, quoting: &Quoting, area: Area) -> BlockContent {
    BlockContent::Statement {
        introduction: statement.printed_introduction(),
        introduction_is_literal: statement.introduction.is_none(),
        blocks: blocks(&statement.blocks, quoting, area),
    }
}

/// A width in em as the templates are given it: in whole hundredths of an em, rounded up, a
/// number they print as it is, so that a column never loses the width it was measured to need.
pub(crate) fn hundredths(width: f64) -> u32 {
    (width * 100.0).ceil() as u32
}

fn table_context(table: &Table, area: Area) -> TableContext {
    let figure_columns = crate::validate::figure_columns(table, area);
    let widths: Vec<u32> = figure_columns.iter().copied().map(hundredths).collect();
    let label_width = crate::validate::label_column(table, &figure_columns, area).map(hundredths);
    TableContext {
        caption: caption(table),
        panels: table
            .panels
            .iter()
            .enumerate()
            .map(|(index, panel)| PanelContext {
                summary: continued_caption(table).filter(|_| index > 0),
                ..panel_context(panel, &widths, label_width)
            })
            .collect(),
        notes_heading: table.notes_heading.as_deref().map(notes_heading),
        notes: table.notes.clone(),
        continued: match table.number {
            Some(number) => format!("Tabel {number} (fortsat)"),
            None => "(fortsat)".to_string(),
        },
        area,
    }
}

/// A run of a panel's figure columns in its grouped heading row: under a heading, or, without
/// one, columns whose own headings fill both heading rows.
#[derive(Debug, Serialize)]
pub struct GroupContext {
    /// The heading over the columns, e.g. "2015".
    pub heading: Option<String>,
    /// How many figure columns it spans.
    pub span: usize,
    /// A redline's old heading of a group renamed, printed struck above the new one, as a
    /// renamed column's header is.
    pub former: Option<String>,
    /// Whether a redline prints the heading as inserted: one a group did not have before.
    pub inserted: bool,
}

/// The grouped heading row of `panel`, if any of its groups has a heading.
fn group_contexts(panel: &Panel) -> Vec<GroupContext> {
    let spans = panel.column_spans();
    if spans.iter().all(|(_, heading)| heading.is_none()) {
        return Vec::new();
    }
    (spans.into_iter())
        .filter(|(span, _)| !span.is_empty())
        .map(|(span, heading)| GroupContext {
            heading: heading.map(str::to_string),
            span: span.len(),
            former: None,
            inserted: false,
        })
        .collect()
}

/// The notes' heading as printed, followed by a colon ("Anm.:"), unless the clerk wrote one,
/// which would otherwise print "Anm.::"; trimmed, or a heading pasted with a trailing space
/// would print "Kilde :". Public so a comparison of answers lists it as it prints.
pub fn notes_heading(heading: &str) -> String {
    let heading = heading.trim_end();
    if heading.ends_with(':') {
        heading.to_string()
    } else {
        format!("{heading}:")
    }
}

/// "Tabel 1: Sigtelser for menneskehandel", for a numbered table.
pub fn caption(table: &Table) -> Option<String> {
    let (number, caption) = (table.number?, table.caption.as_ref()?);
    Some(format!("Tabel {number}: {caption}"))
}

/// The summary of a numbered table's later panels, which a screen reader reads apart from the
/// first panel and the table's caption over it.
fn continued_caption(table: &Table) -> Option<String> {
    let caption = caption(table)?;
    Some(format!(
        "Fortsættelse af {}",
        danish::lowercase_first(&caption)
    ))
}

/// A panel's heading as printed: "B. Heraf anerkendt", "B.", or its title alone; none for a
/// panel without letter and title. Public so a comparison of answers lists it as it prints.
pub fn panel_heading(panel: &Panel) -> Option<String> {
    match (&panel.label, &panel.title) {
        (Some(label), Some(title)) => Some(format!("{label}. {title}")),
        (Some(label), None) => Some(format!("{label}.")),
        (None, Some(title)) => Some(title.clone()),
        (None, None) => None,
    }
}

fn panel_context(panel: &Panel, widths: &[u32], label_width: Option<u32>) -> PanelContext {
    let labelled = panel.is_labelled();
    let heading = panel_heading(panel);
    let header: Vec<String> = labelled
        .then(|| panel.label_header.clone().unwrap_or_default())
        .into_iter()
        .chain(panel.columns.iter().cloned())
        .collect();
    PanelContext {
        heading,
        labelled,
        former_header: vec![None; header.len()],
        label_marks: vec![None; panel.rows.len() + 1],
        header,
        groups: group_contexts(panel),
        rows: panel
            .rows
            .iter()
            .map(|row| row_cells(row, labelled))
            .collect(),
        total: panel.total.as_ref().map(|row| row_cells(row, labelled)),
        figure_widths: widths.iter().take(panel.columns.len()).copied().collect(),
        label_width,
        heading_marks: None,
        changed_cells: Vec::new(),
        inserted_cells: Vec::new(),
        aligned: aligned_figures(panel),
        indented: (0..panel.rows.len())
            .filter(|&row| panel.is_part_of_above(row))
            .map(|row| row + 1)
            .collect(),
        subtotals: (0..panel.rows.len())
            .filter(|&row| panel.is_subtotal(row))
            .map(|row| row + 1)
            .collect(),
        former_cells: Vec::new(),
        summary: None,
    }
}

/// The figures of `panel` with fewer decimals than others in their column.
fn aligned_figures(panel: &Panel) -> Vec<AlignedFigure> {
    let decimals = panel.decimals_by_column();
    let first_figure = usize::from(panel.is_labelled());
    let rows = panel.rows.iter().chain(&panel.total).enumerate();
    let mut aligned = Vec::new();
    for (index, row) in rows {
        for (column, cell) in row.cells.iter().enumerate() {
            let Cell::Number(figure) = cell else { continue };
            let missing =
                danish::missing_decimals(figure, decimals.get(column).copied().unwrap_or(0));
            if !missing.is_empty() {
                aligned.push(AlignedFigure {
                    row: index + 1,
                    column: column + first_figure,
                    missing,
                });
            }
        }
    }
    aligned
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

    #[test]
    fn statements_open_and_close_their_quotation() {
        let quoted = Quoting::of_statement("");
        let prepared = blocks(
            &[Block::Paragraph("a".into()), Block::List(vec!["b".into()])],
            &quoted,
            Area::page(false),
        );
        assert_eq!(
            (
                prepared[0].opening_marks.as_str(),
                prepared[0].closing_marks.as_str()
            ),
            ("”", "")
        );
        assert_eq!(
            (
                prepared[1].opening_marks.as_str(),
                prepared[1].closing_marks.as_str()
            ),
            ("", "”")
        );
    }

    #[test]
    fn a_statement_inside_a_statement_is_quoted_with_the_same_marks_and_closes_both() {
        let inner = Statement {
            source: "PET".into(),
            introduction: None,
            blocks: vec![Block::Paragraph("indre".into())],
        };
        let prepared = blocks(
            &[Block::Paragraph("ydre".into()), Block::Statement(inner)],
            &Quoting::of_statement(""),
            Area::page(false),
        );
        assert_eq!(prepared[1].closing_marks, "");
        let BlockContent::Statement { blocks: inside, .. } = &prepared[1].content else {
            panic!("a statement");
        };
        assert_eq!(inside[0].opening_marks, "”");
        assert_eq!(inside[0].closing_marks, "””");
    }

    #[test]
    fn a_notes_heading_gets_one_colon() {
        assert_eq!(notes_heading("Anm."), "Anm.:");
        assert_eq!(notes_heading("Anm.:"), "Anm.:");
        assert_eq!(notes_heading("Kilde : "), "Kilde :");
        assert_eq!(notes_heading("Kilde "), "Kilde:");
    }
}
