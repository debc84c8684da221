//! The answer model: what a clerk writes in an answer file.
//!
//! The JSON format is the contract with clerks and with every answer file already written, so it
//! is strict (unknown fields are rejected, which catches typos) and grows only by optional fields
//! with defaults, so files written now keep working with later versions of svar.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One answer to a question from Folketinget, as written in an answer file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Et svar på et spørgsmål fra Folketinget.")]
pub struct Answer {
    /// Lets editors find the JSON Schema; ignored by svar.
    // Not written into the PDF's copy of the answer: the path is relative to the answer's
    // folder, so moving a file, which changes nothing printed, would change the PDF's bytes.
    #[serde(rename = "$schema", default, skip_serializing)]
    #[schemars(
        description = "Henvisning til JSON-skemaet, så editoren kan hjælpe; svar bruger den ikke."
    )]
    pub schema: Option<String>,
    /// Final, interim or correcting answer.
    #[serde(default)]
    #[schemars(
        description = "Svarets status: \"final\" (endeligt svar, standard), \"interim\" (foreløbigt svar) eller \"correction\" (berigtigelse)."
    )]
    pub status: Status,
    /// For an interim answer: when the ministry expects to send the final one.
    #[schemars(
        description = "Ved et foreløbigt svar: hvornår ministeriet forventer at svare endeligt, som dato (ÅÅÅÅ-MM-DD) eller periode (\"medio marts 2022\")."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_answer_expected: Option<Expected>,
    /// For a correction: the date of the answer it corrects.
    #[schemars(
        description = "Ved en berigtigelse: datoen for det svar, der berigtiges (ÅÅÅÅ-MM-DD)."
    )]
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict_date::optional"
    )]
    pub corrects_answer_of: Option<NaiveDate>,
    /// For a final answer sent after an interim one: the interim answer's date. The texts svar
    /// writes then call the answer final ("Hermed sendes endelig besvarelse af …"), as the
    /// ministries do, so the committee can tell it from the interim answer it already has.
    #[schemars(
        description = "Ved et endeligt svar efter et foreløbigt svar: datoen for det foreløbige svar (ÅÅÅÅ-MM-DD). Svaret omtales så som endeligt: \"Hermed sendes endelig besvarelse af …\" i følgebrevet og \"…, som hermed besvares endeligt.\" i brevet."
    )]
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict_date::optional"
    )]
    pub follows_interim_answer_of: Option<NaiveDate>,
    /// The layout; by default the ministry profile's, else the answer alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Layout: \"answer\" (svar alene), \"cover_letter\" (følgebrev + svar) eller \"letter\" (ét brev); standard er ministeriets profils layout. Et samrådsspørgsmål sættes altid som talepapir."
    )]
    pub layout: Option<Layout>,
    /// The ministry that answers.
    #[schemars(description = "Ministeriet, der svarer.")]
    pub ministry: Ministry,
    /// The date the answer is signed; also the PDF's document date.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict_date::optional"
    )]
    #[schemars(description = "Svarets dato (ÅÅÅÅ-MM-DD); også PDF'ens dato.")]
    pub date: Option<NaiveDate>,
    /// The official handling the case ("Sagsbeh."), by name or initials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Sagsbehandleren (Sagsbeh.), med navn eller initialer.")]
    pub caseworker: Option<String>,
    /// The ministry's case number ("Sagsnr.").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Ministeriets sagsnummer (Sagsnr.).")]
    pub case_number: Option<String>,
    /// The ministry's document number ("Dok.").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Ministeriets dokumentnummer (Dok.).")]
    pub document_number: Option<String>,
    /// The question being answered.
    #[schemars(description = "Spørgsmålet, der besvares.")]
    pub question: Question,
    /// Further questions answered together with `question` ("besvarelse af spørgsmål nr. 12
    /// og 13"). The committee asks them together, so each gives only what differs: its
    /// number (or letters) and its text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(
        description = "Flere spørgsmål, der besvares samlet med \"question\" (\"spørgsmål nr. 12 og 13\"): stillet sammen af samme udvalg eller medlem. Hvert har kun sit nummer (eller samrådsspørgsmålets bogstaver) og sin tekst; resten (fx dato, spørger og frist) deler de med det første spørgsmål."
    )]
    pub further_questions: Vec<FurtherQuestion>,
    /// The answer itself.
    #[schemars(description = "Selve svaret.")]
    pub answer: Body,
    /// Who signs the answer.
    #[serde(default)]
    #[schemars(description = "Underskriften.")]
    pub signature: Signature,
    /// Enclosures ("bilag") printed after the answer, each from a new page, numbered in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(
        description = "Bilag, sat efter svaret, hvert fra en ny side og nummereret i rækkefølge (bilag 1, bilag 2 …). Henvis til dem i teksten som \"bilag 1\"."
    )]
    pub enclosures: Vec<Enclosure>,
    /// How text fields are read: literally (the default) or as inline Markdown.
    #[serde(default, skip_serializing_if = "is_default")]
    #[schemars(
        description = "Hvordan tekstfelter læses: \"plain\" (ordret, standard) eller \"markdown\" (*kursiv*, **fed**, [link](https://…), fodnoter [^1] og linjeskift i afsnit, punkter, indledninger, noter og spørgsmålet)."
    )]
    pub markup: Markup,
    /// The footnotes that texts refer to as `[^label]` when `markup` is Markdown.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    #[schemars(
        description = "Fodnoterne, som tekster henviser til med [^navn], når \"markup\" er \"markdown\": {\"1\": \"Lov nr. 1 af 2. januar 2019.\"}."
    )]
    pub footnotes: std::collections::BTreeMap<String, String>,
}

impl Answer {
    /// Every question the answer answers, the first one's and then the further ones, each
    /// whole: a further question shares all but its number (or letters) and text with the first.
    pub fn questions(&self) -> Vec<Question> {
        let further = self.further_questions.iter().map(|further| Question {
            number: further.number,
            letters: further.letters.clone(),
            text: further.text.clone(),
            ..self.question.clone()
        });
        std::iter::once(self.question.clone())
            .chain(further)
            .collect()
    }

    /// The layout the answer is set in: its own, else its ministry profile's, else the answer
    /// alone; a speaking note for a consultation question is never a letter.
    pub fn effective_layout(&self) -> Layout {
        if self.question.kind == QuestionKind::Consultation {
            return Layout::Answer;
        }
        self.layout
            .or(self.ministry.letterhead.as_ref().map(|l| l.layout))
            .unwrap_or_default()
    }

    /// Whether the texts svar writes for this answer name its minister ("stillet til
    /// justitsministeren"): a cover letter's sentence, and a letter's opening in the wordings
    /// that say to whom the question was put. A fact of the model, so the content checks can ask
    /// it without the template stage.
    pub fn names_the_minister(&self) -> bool {
        let opening = self.ministry.letterhead.as_ref().map(|l| l.opening);
        match self.effective_layout() {
            Layout::CoverLetter => true,
            Layout::Letter => matches!(
                opening.unwrap_or_default(),
                Opening::HerebyAnswered | Opening::HerebyAnsweredAskerAfter
            ),
            Layout::Answer => false,
        }
    }

    /// The minister the question was put to, where another than this answer's minister: the
    /// texts svar writes then name both. Written the same as the answering minister's title
    /// (but for case and spaces), it is no other minister.
    pub fn asked_to_other(&self) -> Option<&str> {
        let asked_to = self.question.asked_to.as_deref()?.trim();
        let answering = self.ministry.minister_in_text().trim();
        (!asked_to.is_empty() && asked_to.to_lowercase() != answering.to_lowercase())
            .then_some(asked_to)
    }

    /// Whether this is the final answer to a question that had an interim answer, which the
    /// texts svar writes then call final.
    pub fn is_final_after_interim(&self) -> bool {
        self.status == Status::Final && self.follows_interim_answer_of.is_some()
    }

    /// The texts of the letterhead's metadata column below the date, as the column labels them,
    /// with where the answer file has them (the keys from the top): the page prints them and
    /// the layout check measures them, from this one list.
    /// Labelled with the ministry profile's own labels where it has them.
    pub fn metadata_texts(&self) -> [(&str, &'static [&'static str], Option<&String>); 4] {
        let labels = self.metadata_labels();
        [
            (
                labels.office(),
                &["ministry", "office"],
                self.ministry.office.as_ref(),
            ),
            (
                labels.caseworker(),
                &["caseworker"],
                self.caseworker.as_ref(),
            ),
            (
                labels.case_number(),
                &["case_number"],
                self.case_number.as_ref(),
            ),
            (
                labels.document_number(),
                &["document_number"],
                self.document_number.as_ref(),
            ),
        ]
    }

    /// The labels of the letterhead's metadata column: the ministry profile's, or svar's.
    pub fn metadata_labels(&self) -> &MetadataLabels {
        static DEFAULT: MetadataLabels = MetadataLabels {
            date: None,
            office: None,
            caseworker: None,
            case_number: None,
            document_number: None,
            phone: None,
            fax: None,
            web: None,
            email: None,
            cvr: None,
            ean: None,
        };
        self.ministry
            .letterhead
            .as_ref()
            .map_or(&DEFAULT, |letterhead| &letterhead.labels)
    }
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// How the text fields of an answer are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(description = "Hvordan tekstfelter læses.")]
pub enum Markup {
    /// Every character is printed as written.
    #[default]
    #[schemars(description = "Ordret: hvert tegn sættes, som det står.")]
    Plain,
    /// Inline Markdown: emphasis, strong, links, footnotes and line breaks; nothing else.
    #[schemars(
        description = "Markdown i linjen: *kursiv*, **fed**, [tekst](https://…), fodnoter [^1] og linjeskift; andet sættes ordret."
    )]
    Markdown,
}

/// An enclosure ("bilag") at the end of the answer, e.g. a large table the text refers to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Et bilag efter svaret, fx en stor tabel, som teksten henviser til.")]
pub struct Enclosure {
    /// The title after "Bilag N: ".
    #[schemars(description = "Titlen efter \"Bilag N: \".")]
    pub title: String,
    /// Landscape pages, for tables too wide for portrait.
    #[serde(default, skip_serializing_if = "is_default")]
    #[schemars(
        description = "Liggende sider, til tabeller der er for brede til stående (standard: false)."
    )]
    pub landscape: bool,
    /// Sent as a file of its own, such as an agency's note as its PDF: listed with the other
    /// enclosures, but not set in the answer, so it has no blocks.
    #[serde(default, skip_serializing_if = "is_default")]
    #[schemars(
        description = "Bilaget sendes som en fil for sig (fx en myndigheds notat som PDF): det nævnes i bilagslisten efter underskriften, men sættes ikke i svaret og har ingen blokke (standard: false)."
    )]
    pub separate_file: bool,
    /// The enclosure's blocks; none for one sent as a file of its own.
    #[serde(default)]
    #[schemars(description = "Bilagets blokke: afsnit, lister, udtalelser og tabeller.")]
    pub blocks: Vec<Block>,
}

/// When an interim answer expects the final one: a date, or a period as ministries write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
#[schemars(description = "En dato (ÅÅÅÅ-MM-DD) eller en periode som \"medio marts 2022\".")]
pub enum Expected {
    /// A day, printed "den 15. marts 2022".
    #[serde(deserialize_with = "strict_date::required")]
    Date(NaiveDate),
    /// A period as written, e.g. "medio marts 2022" or "i løbet af foråret".
    Period(String),
}

/// Whether this is the final answer or one of the other statuses ministries send.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(description = "Svarets status.")]
pub enum Status {
    /// "Endeligt svar".
    #[default]
    #[schemars(description = "Endeligt svar.")]
    Final,
    /// "Foreløbigt svar": the ministry cannot answer within the deadline.
    #[schemars(description = "Foreløbigt svar: ministeriet kan ikke svare inden fristen.")]
    Interim,
    /// "Berigtigelse" of an earlier answer.
    #[schemars(description = "Berigtigelse af et tidligere svar.")]
    Correction,
}

/// The ministry that answers the question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Det svarende ministerium.")]
pub struct Ministry {
    /// The ministry's name, e.g. "Justitsministeriet".
    #[schemars(description = "Ministeriets navn, fx \"Justitsministeriet\".")]
    pub name: String,
    /// The minister's title in lower case as used in running text, e.g. "justitsministeren".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Ministerens titel med lille begyndelsesbogstav, som i løbende tekst, fx \"justitsministeren\"."
    )]
    pub minister_title: Option<String>,
    /// The department the office belongs to ("Lovafdelingen"), which some ministries print
    /// at the top of the metadata column, without a label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Afdelingen, kontoret hører til, fx \"Lovafdelingen\"; sættes øverst i metadatakolonnen uden etiket."
    )]
    pub department: Option<String>,
    /// The office that prepared the answer ("Kontor").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Kontoret, der har udarbejdet svaret (Kontor).")]
    pub office: Option<String>,
    /// The ministry's profile: a file `ministries/<profile>.json` beside the answer file with
    /// the letterhead's address and contact lines, so a clerk never repeats them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Ministeriets profil: filen ministries/<profil>.json ved siden af svarfilen med adresse og kontaktoplysninger til brevpapiret, fx \"justitsministeriet\"."
    )]
    pub profile: Option<String>,
    /// The profile's content, filled in when the answer file is read.
    #[serde(skip)]
    #[schemars(skip)]
    pub letterhead: Option<Letterhead>,
}

impl Ministry {
    /// The minister in running text, "justitsministeren", or "ministeren" when not given.
    pub fn minister_in_text(&self) -> &str {
        self.minister_title.as_deref().unwrap_or("ministeren")
    }
}

/// The series of a committee question whose `series` is left out: the questions asked outside
/// a bill.
pub const GENERAL_SERIES: &str = "Alm. del";

/// A ministry's letterhead data, kept in one file per ministry under `ministries/`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Et ministeriums brevpapir: adresse, kontaktoplysninger og layout.")]
pub struct Letterhead {
    /// The ministry's name as printed.
    #[schemars(description = "Ministeriets navn.")]
    pub name: String,
    /// The postal address, one line per entry.
    #[schemars(description = "Postadressen, én linje pr. element.")]
    pub address: Vec<String>,
    /// The phone number as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Telefonnummer, som det skal stå.")]
    pub phone: Option<String>,
    /// The fax number as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Telefaxnummer, som det skal stå.")]
    pub fax: Option<String>,
    /// The web address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Webadresse.")]
    pub web: Option<String>,
    /// The e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "E-mailadresse.")]
    pub email: Option<String>,
    /// The ministry's CVR number (Danish business register).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "CVR-nummer, som det skal stå.")]
    pub cvr: Option<String>,
    /// The ministry's EAN number, for electronic invoices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "EAN-nummer til elektroniske fakturaer.")]
    pub ean: Option<String>,
    /// The layout the ministry's answers use unless an answer says otherwise.
    #[serde(default)]
    #[schemars(
        description = "Ministeriets layout: \"answer\" (svar alene), \"cover_letter\" (følgebrev + svar) eller \"letter\" (ét brev)."
    )]
    pub layout: Layout,
    /// The opening sentence of the ministry's single letters.
    #[serde(default)]
    #[schemars(description = "Den indledende sætning i ministeriets breve (layout \"letter\").")]
    pub opening: Opening,
    /// Whether the ministry's letters close with "Med venlig hilsen".
    #[serde(default)]
    #[schemars(description = "Om ministeriets breve slutter med \"Med venlig hilsen\".")]
    pub kind_regards: bool,
    /// Whether the ministry's letters print Folketinget's address above the opening, the
    /// committee first, as Udlændinge- og Integrationsministeriet's do (a cover letter always
    /// prints it).
    #[serde(default)]
    #[schemars(
        description = "Om ministeriets breve (layout \"letter\") har Folketingets adresse over indledningen, udvalget først."
    )]
    pub addressee: bool,
    /// Whether the question is set as a quotation in ”…” (the default), or as plain text under
    /// its heading, as Udlændinge- og Integrationsministeriet's letters set it.
    #[serde(default = "quoted_by_default")]
    #[schemars(
        description = "Om spørgsmålet sættes som citat i ”…” (standard), eller som almindelig tekst under overskriften, som Udlændinge- og Integrationsministeriets breve sætter det."
    )]
    pub quoted_question: bool,
    /// The ministry's logo over its name: an image file in the profile's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Ministeriets logo over navnet: en billedfil (SVG, PNG eller JPEG) i mappen ministries/."
    )]
    pub logo: Option<Logo>,
    /// The labels of the metadata column where the ministry's own letters word them otherwise
    /// ("J.nr." rather than "Sagsnr.").
    #[serde(default, skip_serializing_if = "is_default")]
    #[schemars(
        description = "Etiketterne i brevets datakolonne, hvor ministeriets egne breve skriver dem anderledes, fx {\"case_number\": \"J.nr.\"}; uden kolon."
    )]
    pub labels: MetadataLabels,
    /// The profile file as it was read, attached to the PDF beside the answer so the PDF can
    /// be compared, and made again, without the `ministries/` folder.
    #[serde(skip)]
    #[schemars(skip)]
    pub source: std::sync::Arc<[u8]>,
}

/// Questions are quoted unless a profile says otherwise.
fn quoted_by_default() -> bool {
    true
}

/// A ministry's own labels for the metadata column and the contact lines; a label left out
/// is svar's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "Ministeriets egne etiketter i datakolonnen og kontaktlinjerne; en udeladt etiket er svars."
)]
pub struct MetadataLabels {
    /// For the date; svar's is "Dato".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Etiketten for datoen (standard: \"Dato\").")]
    pub date: Option<String>,
    /// For the office; svar's is "Kontor".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Etiketten for kontoret (standard: \"Kontor\"), fx \"Enhed\".")]
    pub office: Option<String>,
    /// For the caseworker; svar's is "Sagsbeh.".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Etiketten for sagsbehandleren (standard: \"Sagsbeh.\").")]
    pub caseworker: Option<String>,
    /// For the case number; svar's is "Sagsnr.".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Etiketten for sagsnummeret (standard: \"Sagsnr.\"), fx \"J.nr.\".")]
    pub case_number: Option<String>,
    /// For the document number; svar's is "Dok.".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Etiketten for dokumentnummeret (standard: \"Dok.\"), fx \"Dok.nr.\"."
    )]
    pub document_number: Option<String>,
    /// Before the phone number; svar's is "Telefon".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Etiketten før telefonnummeret (standard: \"Telefon\"), fx \"Tel.\"."
    )]
    pub phone: Option<String>,
    /// Before the fax number; svar's is "Telefax".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Etiketten før faxnummeret (standard: \"Telefax\").")]
    pub fax: Option<String>,
    /// Before the web address; svar prints it without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Etiketten før webadressen (standard: ingen), fx \"Web\".")]
    pub web: Option<String>,
    /// Before the e-mail address; svar prints it without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Etiketten før e-mailadressen (standard: ingen), fx \"Mail\".")]
    pub email: Option<String>,
    /// Before the CVR number; svar's is "CVR-nr.".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Etiketten før CVR-nummeret (standard: \"CVR-nr.\").")]
    pub cvr: Option<String>,
    /// Before the EAN number; svar's is "EAN".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Etiketten før EAN-nummeret (standard: \"EAN\").")]
    pub ean: Option<String>,
}

impl MetadataLabels {
    /// The fields that label the metadata column, which svar prints with a colon after them.
    pub const METADATA_FIELDS: [&str; 5] = [
        "date",
        "office",
        "caseworker",
        "case_number",
        "document_number",
    ];

    /// The label for the date.
    pub fn date(&self) -> &str {
        own_or(&self.date, "Dato")
    }

    /// The label for the office.
    pub fn office(&self) -> &str {
        own_or(&self.office, "Kontor")
    }

    /// The label for the caseworker.
    pub fn caseworker(&self) -> &str {
        own_or(&self.caseworker, "Sagsbeh.")
    }

    /// The label for the case number.
    pub fn case_number(&self) -> &str {
        own_or(&self.case_number, "Sagsnr.")
    }

    /// The label for the document number.
    pub fn document_number(&self) -> &str {
        own_or(&self.document_number, "Dok.")
    }

    /// The labels before the contact lines, in the order they print: phone, fax, web, e-mail,
    /// CVR and EAN; svar prints the web and e-mail addresses without one.
    pub fn contact(&self) -> [Option<&str>; 6] {
        [
            Some(own_or(&self.phone, "Telefon")),
            Some(own_or(&self.fax, "Telefax")),
            self.web.as_deref(),
            self.email.as_deref(),
            Some(own_or(&self.cvr, "CVR-nr.")),
            Some(own_or(&self.ean, "EAN")),
        ]
    }
}

/// The ministry's own label, or svar's.
fn own_or<'a>(own: &'a Option<String>, svars: &'static str) -> &'a str {
    own.as_deref().unwrap_or(svars)
}

/// A logo and the text that describes it to those who cannot see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Et logo og den tekst, der beskriver det for skærmlæsere.")]
pub struct Logo {
    /// The image file's name in `ministries/`, e.g. "justitsministeriet.svg".
    #[schemars(
        description = "Billedfilens navn i mappen ministries/, fx \"justitsministeriet.svg\"."
    )]
    pub file: String,
    /// The alternative text read out instead of the image (accessibility requires one).
    #[schemars(
        description = "Den alternative tekst, som skærmlæsere læser i stedet for billedet, fx \"Justitsministeriets logo\"."
    )]
    pub description: String,
    /// The image's bytes, read when the profile is; shared, not copied, by every document
    /// that shows the logo.
    #[serde(skip)]
    #[schemars(skip)]
    pub bytes: std::sync::Arc<[u8]>,
}

impl Logo {
    /// The path the Typst world serves the logo at, keeping the file's extension so Typst
    /// knows the image format.
    pub fn virtual_path(&self) -> String {
        let extension = std::path::Path::new(&self.file)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        format!("/logo.{extension}")
    }
}

/// How an answer is laid out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(description = "Layout: svaret alene, følgebrev + svar eller ét brev.")]
pub enum Layout {
    /// The question and the answer under the letterhead.
    #[default]
    #[schemars(description = "Spørgsmål og svar under brevhovedet.")]
    Answer,
    /// A cover letter on page 1 (addressee, metadata, the standard sentence, signature, the
    /// ministry's address in the footer), the question and answer from page 2.
    #[schemars(description = "Følgebrev på side 1, spørgsmål og svar fra side 2.")]
    CoverLetter,
    /// A single letter: an opening sentence, "Spørgsmål nr. N:", the question, "Svar:", the
    /// answer, "Med venlig hilsen" and the signature.
    #[schemars(
        description = "Ét brev: indledende sætning, \"Spørgsmål nr. N:\", spørgsmålet, \"Svar:\", svaret, \"Med venlig hilsen\" og underskrift."
    )]
    Letter,
}

/// The wording of a single letter's opening sentence, as ministries write it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(description = "Formuleringen af brevets indledende sætning.")]
pub enum Opening {
    /// "Folketingets Kulturudvalg har den 8. september 2017, efter ønske fra Morten Marinus
    /// (DF), stillet mig følgende spørgsmål, nr. 223 (Alm. del), som jeg hermed skal besvare."
    #[default]
    #[schemars(
        description = "\"Folketingets Kulturudvalg har den 8. september 2017, efter ønske fra …, stillet mig følgende spørgsmål, nr. 223 (Alm. del), som jeg hermed skal besvare.\""
    )]
    AskedMe,
    /// "Udlændinge- og Integrationsudvalget har den 20. januar 2017 stillet følgende spørgsmål
    /// nr. 385 (alm. del) efter ønske fra Martin Henriksen (DF) til udlændinge- og
    /// integrationsministeren, som hermed besvares."
    #[schemars(
        description = "\"Udlændinge- og Integrationsudvalget har den 20. januar 2017 stillet følgende spørgsmål nr. 385 (alm. del) efter ønske fra … til …ministeren, som hermed besvares.\""
    )]
    HerebyAnswered,
    /// "Folketingets Sundhedsudvalg har den 28. januar 2022 stillet følgende spørgsmål nr. 167
    /// (Alm. del) til sundhedsministeren, som hermed besvares. Spørgsmålet er stillet efter
    /// ønske fra Kirsten Normann Andersen (SF)."
    #[schemars(
        description = "\"Folketingets Sundhedsudvalg har den 28. januar 2022 stillet følgende spørgsmål nr. 167 (Alm. del) til …ministeren, som hermed besvares. Spørgsmålet er stillet efter ønske fra ….\""
    )]
    HerebyAnsweredAskerAfter,
}

/// The question as the committee or member put it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Spørgsmålet, som udvalget eller medlemmet har stillet det.")]
pub struct Question {
    /// Which kind of question this is; decides how it is named.
    #[serde(default)]
    #[schemars(description = "Spørgsmålets art; \"committee\" (udvalgsspørgsmål) er standard.")]
    pub kind: QuestionKind,
    /// The question's number within its series, e.g. 287, or 960 for § 20 question S 960;
    /// a consultation question has letters instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Spørgsmålets nummer, fx 287 (eller 960 for § 20-spørgsmål S 960). Samrådsspørgsmål har bogstaver i stedet."
    )]
    pub number: Option<u32>,
    /// A consultation question's letters, e.g. "AÆ".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Samrådsspørgsmålets bogstaver, fx \"A\" eller \"AÆ\".")]
    pub letters: Option<String>,
    /// The series the number belongs to, e.g. "Alm. del" or a bill such as "L 58"; for
    /// committee questions only, "Alm. del" when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Hvad et udvalgsspørgsmåls nummer hører til: \"Alm. del\" (standard) eller et lovforslag som \"L 58\"."
    )]
    pub series: Option<String>,
    /// A bill's title, "forslag til lov om …", for the wording "spørgsmål nr. 27 vedrørende
    /// forslag til lov om … (L 53)"; without it, "spørgsmål nr. 27 ad L 53".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Lovforslagets titel, fx \"forslag til lov om undersøgelse af visse forhold vedrørende Forsvarets Efterretningstjeneste\", så spørgsmålet omtales \"spørgsmål nr. 27 vedrørende forslag til lov om … (L 53)\"; uden titel \"spørgsmål nr. 27 ad L 53\"."
    )]
    pub bill_title: Option<String>,
    /// The committee that asked; not for § 20 questions, which members ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Udvalget, der har stillet spørgsmålet (ikke ved § 20-spørgsmål).")]
    pub committee: Option<Committee>,
    /// The parliamentary session, e.g. "2018-19" or "2022-23 (2. samling)".
    #[schemars(description = "Folketingsåret, fx \"2018-19\" eller \"2022-23 (2. samling)\".")]
    pub session: String,
    /// The date the question was asked.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict_date::optional"
    )]
    #[schemars(description = "Datoen, spørgsmålet blev stillet (ÅÅÅÅ-MM-DD).")]
    pub asked_on: Option<NaiveDate>,
    /// The member, or members, on whose request the question was asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        schema_with = "askers_schema",
        description = "Medlemmet, efter hvis ønske spørgsmålet er stillet, eller en liste af medlemmer, når det er stillet efter ønske fra flere: [{\"name\": \"…\", \"party\": \"…\"}, {\"name\": \"…\", \"party\": \"…\"}]."
    )]
    pub asked_by: Option<Askers>,
    /// The date by which the committee wants the answer.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict_date::optional"
    )]
    #[schemars(description = "Fristen for svaret (ÅÅÅÅ-MM-DD).")]
    pub deadline: Option<NaiveDate>,
    /// For a consultation question: the day of the consultation (samråd) the speaking note is for.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict_date::optional"
    )]
    #[schemars(description = "Ved et samrådsspørgsmål: datoen for samrådet (ÅÅÅÅ-MM-DD).")]
    pub meeting_on: Option<NaiveDate>,
    /// The minister the question was put to, in running text ("beskæftigelsesministeren"), when
    /// another minister answers it (the matter moved to another ministry, or answered on
    /// another's behalf): the texts svar writes then say to whom it was put and who answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Ministeren, spørgsmålet er stillet til, med lille begyndelsesbogstav, fx \"beskæftigelsesministeren\", når en anden minister besvarer det (ressortoverførsel, på vegne af); standard er ministeriets \"minister_title\"."
    )]
    pub asked_to: Option<String>,
    /// The question's text, verbatim, without quotation marks.
    #[schemars(description = "Spørgsmålets tekst, ordret og uden anførselstegn.")]
    pub text: String,
}

/// A question answered together with the answer's first, from the same committee or member on
/// the same day: all it has of its own is its number (or letters) and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Et spørgsmål, der besvares samlet med det første.")]
pub struct FurtherQuestion {
    /// The question's number, e.g. 13; a consultation question has letters instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Spørgsmålets nummer, fx 13. Samrådsspørgsmål har bogstaver i stedet."
    )]
    pub number: Option<u32>,
    /// A consultation question's letters, e.g. "B".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Samrådsspørgsmålets bogstaver, fx \"B\".")]
    pub letters: Option<String>,
    /// The question's text, verbatim, without quotation marks.
    #[schemars(description = "Spørgsmålets tekst, ordret og uden anførselstegn.")]
    pub text: String,
}

/// The kinds of question Folketinget asks ministers in writing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(description = "Spørgsmålets art.")]
pub enum QuestionKind {
    /// A committee question, on general business ("Alm. del") or on a bill.
    #[default]
    #[schemars(description = "Udvalgsspørgsmål, om alment emne (Alm. del) eller om et lovforslag.")]
    Committee,
    /// A question from one member under § 20 of the Rules of Procedure ("S 960").
    #[serde(rename = "section_20")]
    #[schemars(
        description = "§ 20-spørgsmål fra ét medlem (\"S 960\"), stillet via Folketingets Lovsekretariat."
    )]
    Section20,
    /// A consultation question ("samrådsspørgsmål AÆ"), answered orally; the speaking note
    /// follows the same header.
    #[schemars(
        description = "Samrådsspørgsmål (\"samrådsspørgsmål AÆ\"), besvaret mundtligt i et samråd."
    )]
    Consultation,
}

/// A standing committee of Folketinget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Et af Folketingets udvalg.")]
pub struct Committee {
    /// The full name, e.g. "Folketingets Beskæftigelsesudvalg".
    #[schemars(description = "Udvalgets fulde navn, fx \"Folketingets Beskæftigelsesudvalg\".")]
    pub name: String,
    /// The abbreviation, e.g. "BEU".
    #[schemars(description = "Udvalgets forkortelse, fx \"BEU\".")]
    pub abbreviation: String,
}

/// A member of Folketinget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Et medlem af Folketinget.")]
pub struct Member {
    /// The member's name.
    #[schemars(description = "Medlemmets navn.")]
    pub name: String,
    /// The party's letters, e.g. "EL".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Partiets bogstav(er), fx \"EL\".")]
    pub party: Option<String>,
    /// Whether the member is not on the committee that asked: printed "ikkemedlem af
    /// udvalget (MFU)" before the name, as committees write it.
    #[serde(default, skip_serializing_if = "is_default")]
    #[schemars(
        description = "Om medlemmet ikke sidder i udvalget (MFU); sættes som \"ikkemedlem af udvalget (MFU) …\" foran navnet."
    )]
    pub non_member: bool,
}

/// The members on whose request a question was asked: one, as most questions are, written as
/// one member's object, or several, written as a list of them ("efter ønske fra Morten Bødskov
/// (S) og Trine Bramsen (S)"). It remembers which way it was written, so that a finding names
/// the member's place in the file and the answer's copy in the PDF is written as the clerk
/// wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct Askers {
    members: Vec<Member>,
    listed: bool,
}

impl Askers {
    /// One member, written as an object.
    pub fn one(member: Member) -> Self {
        Self {
            members: vec![member],
            listed: false,
        }
    }

    /// The members in the order written; never empty.
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// Each member with its index in the file's list, or `None` when written as one object.
    pub fn written(&self) -> impl Iterator<Item = (Option<usize>, &Member)> {
        let listed = self.listed;
        (self.members.iter().enumerate())
            .map(move |(index, member)| (listed.then_some(index), member))
    }
}

/// What serde says of `"asked_by": []`; the reader of answer files turns it into a Danish
/// finding.
pub const NO_ASKER: &str = "a list of askers must name at least one member";

/// What serde is told `asked_by` holds; the reader of answer files names it in Danish.
pub const ASKERS_EXPECTED: &str = "struct Member or a list of them";

impl Serialize for Askers {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (self.listed, self.members.as_slice()) {
            (false, [member]) => member.serialize(serializer),
            _ => self.members.serialize(serializer),
        }
    }
}

/// Read through a visitor rather than an untagged enum, so that a mistake inside a member is
/// reported at its own field, as the single member's always was, not as "no variant matched".
impl<'de> Deserialize<'de> for Askers {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Askers;

            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str(ASKERS_EXPECTED)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Askers, A::Error> {
                let deserializer = serde::de::value::MapAccessDeserializer::new(map);
                Member::deserialize(deserializer).map(Askers::one)
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Askers, A::Error> {
                let deserializer = serde::de::value::SeqAccessDeserializer::new(seq);
                let members = Vec::<Member>::deserialize(deserializer)?;
                if members.is_empty() {
                    return Err(serde::de::Error::custom(NO_ASKER));
                }
                Ok(Askers {
                    members,
                    listed: true,
                })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// The schema of `asked_by`: a member, or a list of at least one; or null, as any optional
/// field may be.
fn askers_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let member = generator.subschema_for::<Member>();
    schemars::json_schema!({
        "anyOf": [
            member,
            {"type": "array", "items": member, "minItems": 1},
            {"type": "null"}
        ]
    })
}

/// The answer's content: blocks in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Svarets indhold.")]
pub struct Body {
    /// The blocks of the answer, in order.
    #[schemars(
        description = "Svarets blokke i rækkefølge: afsnit, lister, udtalelser og tabeller."
    )]
    pub blocks: Vec<Block>,
}

/// One block of an answer or of an agency's statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[schemars(
    description = "En blok: {\"paragraph\": tekst}, {\"heading\": mellemoverskrift}, {\"list\": [punkter]}, {\"numbered_list\": [punkter]}, {\"statement\": {...}} eller {\"table\": {...}}."
)]
pub enum Block {
    /// A paragraph of running text.
    #[schemars(description = "Et afsnit løbende tekst.")]
    Paragraph(String),
    /// A subheading over the blocks after it, as a longer answer or statement is divided
    /// ("Politiets indsats", "Sager om menneskehandel"): a heading under "Svar:" in the tagged
    /// PDF and its bookmarks, so that a screen reader can go from section to section.
    #[schemars(
        description = "En mellemoverskrift over de følgende blokke, fx \"Politiets indsats\"; skrives uden punktum."
    )]
    Heading(String),
    /// A bulleted list; each item is one line of text.
    #[schemars(description = "En punktopstilling; hvert punkt er en tekst.")]
    List(Vec<String>),
    /// A numbered list, "1)", "2)", …, as the conditions of a provision or the steps of a
    /// procedure are set; each item is one line of text.
    #[schemars(
        description = "En nummereret opstilling, sat med 1), 2), …; hvert punkt er en tekst."
    )]
    NumberedList(Vec<String>),
    /// A statement obtained from an agency and quoted whole.
    #[schemars(description = "En udtalelse fra en myndighed, citeret i sin helhed.")]
    Statement(Statement),
    /// A numbered table with caption, panels and notes.
    #[schemars(description = "En nummereret tabel med overskrift, paneler og bemærkninger.")]
    Table(Table),
    /// A figure or chart: an image file beside the answer, with a text that describes it and,
    /// where the text refers to it, a number and caption ("Figur 1: …").
    #[schemars(
        description = "En figur: en billedfil (PNG, JPEG eller SVG) i svarfilens mappe med en beskrivelse til skærmlæsere og evt. nummer, overskrift og noter."
    )]
    Figure(Illustration),
}

impl Block {
    /// The key the block is written under in an answer file (`{"numbered_list": […]}`), where
    /// a path to what it holds goes through: the checks treat both kinds of list alike.
    pub fn key(&self) -> &'static str {
        match self {
            Block::Paragraph(_) => "paragraph",
            Block::Heading(_) => "heading",
            Block::List(_) => "list",
            Block::NumberedList(_) => "numbered_list",
            Block::Statement(_) => "statement",
            Block::Table(_) => "table",
            Block::Figure(_) => "figure",
        }
    }
}

/// A statement from an agency, quoted in ”…” as an indented block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "En udtalelse fra en myndighed, sat i ”…” som indrykket blok.")]
pub struct Statement {
    /// The agency, e.g. "Rigsadvokaten".
    #[schemars(description = "Myndigheden, fx \"Rigsadvokaten\".")]
    pub source: String,
    /// The sentence that introduces the quotation; by default "<source> har oplyst følgende:";
    /// "" for none, where the paragraph before already introduces it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Sætningen, der indleder citatet; standard er \"<myndighed> har oplyst følgende:\"; \"\" for ingen, når afsnittet før allerede indleder citatet."
    )]
    pub introduction: Option<String>,
    /// The statement's own blocks.
    #[schemars(description = "Udtalelsens egne blokke.")]
    pub blocks: Vec<Block>,
}

impl Statement {
    /// The introduction as printed: the answer's own, or "<source> har oplyst følgende:". One
    /// place, so the PDF and the comparison of answers print the same sentence.
    pub fn printed_introduction(&self) -> String {
        self.introduction
            .clone()
            .unwrap_or_else(|| Self::default_introduction(&self.source))
    }

    /// The introduction of a statement from `source` that has none of its own.
    pub fn default_introduction(source: &str) -> String {
        format!("{source} har oplyst følgende:")
    }
}

/// A statistical table: one or more panels under one number and caption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "En tabel: et eller flere paneler under ét nummer og én overskrift.")]
pub struct Table {
    /// The table's number, e.g. 1 for "Tabel 1"; with the caption, or neither for a small
    /// table the text introduces itself ("… fremgår nedenfor:").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Tabellens nummer, fx 1 for \"Tabel 1\". Nummer og overskrift angives sammen, eller ingen af dem for en lille tabel, som teksten selv leder ind til (\"… fremgår nedenfor:\")."
    )]
    pub number: Option<u32>,
    /// The caption after "Tabel N: ".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Overskriften efter \"Tabel N: \".")]
    pub caption: Option<String>,
    /// The panels ("A. Antal forhold", "B. Antal personer"); a table without panels has one
    /// panel without label and title.
    #[schemars(
        description = "Panelerne (\"A. Antal forhold\", \"B. Antal personer\"); en tabel uden paneler har ét panel uden bogstav og titel."
    )]
    pub panels: Vec<Panel>,
    /// The heading of the notes, e.g. "Bemærkninger", "Anm." or "Kilde".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Overskriften over noterne, fx \"Bemærkninger\", \"Anm.\" eller \"Kilde\"."
    )]
    pub notes_heading: Option<String>,
    /// Notes printed below the table in a smaller size.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(description = "Noter under tabellen, sat med mindre skrift.")]
    pub notes: Vec<String>,
}

/// A figure: an image file beside the answer, numbered and captioned as tables are, but
/// counted apart from them ("Figur 1" after "Tabel 2").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "En figur: et billede med beskrivelse og evt. nummer, overskrift og noter."
)]
pub struct Illustration {
    /// The image file, a PNG, JPEG or SVG in the answer file's folder (or below it).
    #[schemars(
        description = "Billedfilen (PNG, JPEG eller SVG) i svarfilens mappe, fx \"figur1.png\"; stien må ikke føre ud af mappen."
    )]
    pub file: String,
    /// The text a screen reader reads instead of the image: PDF/UA requires one, and a chart's
    /// reader who cannot see it needs what it shows.
    #[schemars(
        description = "Den alternative tekst, som skærmlæsere læser i stedet for billedet: hvad figuren viser, fx \"Søjlediagram: antallet af sager steg fra 120 i 2015 til 310 i 2020\"."
    )]
    pub description: String,
    /// The figure's number, e.g. 1 for "Figur 1"; with the caption, or neither.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Figurens nummer, fx 1 for \"Figur 1\". Figurer nummereres for sig, fortløbende gennem svaret. Nummer og overskrift angives sammen, eller ingen af dem."
    )]
    pub number: Option<u32>,
    /// The caption after "Figur N: ".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Overskriften efter \"Figur N: \".")]
    pub caption: Option<String>,
    /// The heading of the notes, e.g. "Kilde" or "Anm.".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Overskriften over noterne, fx \"Kilde\" eller \"Anm.\".")]
    pub notes_heading: Option<String>,
    /// Notes printed below the figure in a smaller size, such as its source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(description = "Noter under figuren, sat med mindre skrift, fx kilden.")]
    pub notes: Vec<String>,
    /// The image's bytes, read when the answer is; a comparison tells a changed image by them.
    #[serde(skip)]
    #[schemars(skip)]
    pub bytes: std::sync::Arc<[u8]>,
}

impl Illustration {
    /// The name the image is attached to the PDF under, the file's name as it comes to within
    /// the answer's folder (`figurer/figur-1.png` for `./figur-1.png`): in a folder of its
    /// own, apart from the answer file and its ministry's profile.
    pub fn attached_name(&self) -> String {
        let name = crate::fs::lexical(std::path::Path::new(&self.file));
        format!("figurer/{}", name.to_string_lossy())
    }

    /// The path the Typst world serves the image at: its attached name, keeping the file's
    /// extension so Typst knows the image format.
    pub fn virtual_path(&self) -> String {
        format!("/{}", self.attached_name())
    }

    /// "Figur 1: Udviklingen i antal sager", for a numbered figure.
    pub fn full_caption(&self) -> Option<String> {
        let (number, caption) = (self.number?, self.caption.as_ref()?);
        Some(format!("Figur {number}: {caption}"))
    }
}

/// One panel of a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Et panel i en tabel.")]
pub struct Panel {
    /// The panel's letter, e.g. "A".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Panelets bogstav, fx \"A\".")]
    pub label: Option<String>,
    /// The panel's title, e.g. "Antal forhold".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Panelets titel, fx \"Antal forhold\".")]
    pub title: Option<String>,
    /// The header of the row-label column, e.g. "Afgørelsestype"; only for panels whose rows
    /// have labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Overskriften over kolonnen med rækkenavne, fx \"Afgørelsestype\".")]
    pub label_header: Option<String>,
    /// A spreadsheet (CSV) beside the answer file that holds the panel's header and rows, as
    /// agencies deliver figures; the path may not leave the answer's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Et regneark (CSV) i svarfilens mappe med panelets overskrifter og rækker: første række er overskrifterne (første celle over rækkenavnene), de næste rækkerne; en sidste række \"I alt\" eller \"Total\" (store eller små bogstaver, evt. med kolon) bliver totalrækken. Semikolon-adskilt, når første række har et semikolon (dansk Excel: 3.478 og 12,4), ellers komma-adskilt (3478 og 12.4)."
    )]
    pub csv: Option<String>,
    /// The spreadsheet the header and rows were read from, set when the answer file is read
    /// (which clears `csv`, since the figures are then the panel's own, as the answer a PDF
    /// carries has them): a comparison points changes to them at the `csv` that names it.
    #[serde(skip)]
    #[schemars(skip)]
    pub spreadsheet: Option<String>,
    /// Headings that each span consecutive figure columns, in a heading row above the
    /// columns' own ("2015" over "Antal" and "Pct."), as agencies' tables have them; left to
    /// right, covering every figure column. A group without a heading holds columns that
    /// belong to none, whose own headings then fill both heading rows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(
        description = "Fælles overskrifter over flere talkolonner i en overskriftsrække over kolonnernes egne, fx \"2015\" over \"Antal\" og \"Pct.\". Grupperne dækker talkolonnerne fra venstre mod højre, så deres antal kolonner tilsammen er antallet af kolonner. En gruppe uden \"heading\" samler kolonner uden fælles overskrift, fx \"I alt\" før to årgange."
    )]
    pub column_groups: Vec<ColumnGroup>,
    /// The headers of the figure columns, e.g. the years.
    #[serde(default)]
    #[schemars(description = "Overskrifterne over talkolonnerne, fx årstallene.")]
    pub columns: Vec<String>,
    /// The rows of figures.
    #[serde(default)]
    #[schemars(description = "Rækkerne med tal.")]
    pub rows: Vec<Row>,
    /// The total row, printed under a rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Totalrækken, sat under en streg.")]
    pub total: Option<Row>,
    /// Whether the total row is the sum of the rows above it. False where the total counts
    /// differently, e.g. persons counted once across rows; the notes should then say so.
    #[schemars(
        description = "Om totalrækken er summen af rækkerne (standard: true). Sæt false, hvor totalen tæller anderledes, fx personer talt én gang på tværs af rækker; noterne bør så forklare det."
    )]
    #[serde(default = "default_true", skip_serializing_if = "is_true")]
    pub total_is_sum: bool,
    /// Whether the figures are rounded, so that the rows may miss their total (and a sub-total)
    /// by up to half a unit of the last decimal shown of each row summed, as "Tallene summer
    /// ikke nødvendigvis pga. afrunding" says under a table of shares or millions.
    #[schemars(
        description = "Om tallene er afrundede, så rækkerne ikke nødvendigvis summer præcist til totalen (og til subtotalerne): totalen godtages, når den højst afviger med en halv enhed på sidste viste decimal pr. række, der summeres, fx 12,4 + 87,5 = 99,9 mod 100,0 (standard: false). Noterne bør sige, at tallene er afrundede."
    )]
    #[serde(default, skip_serializing_if = "is_default")]
    pub total_rounded: bool,
}

/// A heading over consecutive figure columns of a panel, or a run of columns without one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "En fælles overskrift over et antal talkolonner ved siden af hinanden.")]
pub struct ColumnGroup {
    /// The heading, e.g. "2015"; none for columns that belong to no group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Overskriften, fx \"2015\". Udelades for kolonner, der ikke hører til nogen gruppe, fx \"I alt\"."
    )]
    pub heading: Option<String>,
    /// How many figure columns, from where the group before ends, the heading spans.
    #[schemars(
        description = "Hvor mange talkolonner overskriften spænder over, regnet fra hvor gruppen før slutter."
    )]
    pub columns: usize,
}

impl Panel {
    /// The panel's column groups, each with the figure columns it spans (clipped to the
    /// columns there are, so that a panel the checks will reject still renders its report).
    pub fn column_spans(&self) -> Vec<(std::ops::Range<usize>, Option<&str>)> {
        let mut start = 0;
        let count = self.columns.len();
        (self.column_groups.iter())
            .map(|group| {
                let end = (start + group.columns).min(count);
                let span = start.min(count)..end;
                start = end;
                (span, group.heading.as_deref())
            })
            .collect()
    }

    /// The heading of the group over figure column `column`, if it is in one with a heading
    /// that prints.
    pub fn group_heading(&self, column: usize) -> Option<&str> {
        let spans = self.column_spans();
        let (_, heading) = spans.into_iter().find(|(span, _)| span.contains(&column))?;
        heading.filter(|heading| !heading.trim().is_empty())
    }

    /// Figure column `column`'s heading as a reader names it: under its group's heading
    /// ("2015, Antal"), since "Antal" alone may head a column in every group; just its own
    /// heading outside groups.
    pub fn column_name(&self, column: usize) -> String {
        let own = self.columns.get(column).map_or("", String::as_str);
        match self.group_heading(column) {
            Some(group) => format!("{group}, {own}"),
            None => own.to_string(),
        }
    }

    /// Every figure column's name, as [`Panel::column_name`] gives it.
    pub fn column_names(&self) -> Vec<String> {
        (0..self.columns.len())
            .map(|column| self.column_name(column))
            .collect()
    }

    /// Whether row `index` (from 0) is a part of the row above it, as Danish statistical tables
    /// write one: its label begins with "heraf" ("Heraf unge", "heraf Dublin-sager"). It is set
    /// indented under that row and is not counted in the panel's total, which it is already
    /// part of. The first row has no row above.
    pub fn is_part_of_above(&self, index: usize) -> bool {
        index > 0 && self.is_labelled_part(index)
    }

    /// Whether row `index` is labelled as a part ("heraf …"), wherever it stands: a first row
    /// so labelled has no row above to be a part of, which the checks tell the clerk.
    pub fn is_labelled_part(&self, index: usize) -> bool {
        self.label_rest(index, &["heraf"])
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':']))
    }

    /// Whether row `index` (from 0) is a sub-total, as statistical tables write one: its label
    /// begins with "I alt" or "Total" followed by more words ("I alt, mænd", "Total kvinder").
    /// It sums the rows above it since the sub-total before (or the panel's start), so it is
    /// set bold like the total and is not counted in the panel's total. "I alt" alone is a
    /// total, and the first row has no rows above to sum.
    pub fn is_subtotal(&self, index: usize) -> bool {
        index > 0
            && self
                .label_rest(index, &["i alt", "total"])
                .is_some_and(|rest| {
                    rest.starts_with([' ', ',', ':', '\u{a0}'])
                        && rest
                            .trim_start_matches([' ', ',', ':', '\u{a0}'])
                            .chars()
                            .any(char::is_alphanumeric)
                })
    }

    /// What follows the first of `prefixes` (lowercase) that the label of row `index` begins
    /// with, lowercased; `None` for a row without such a label.
    fn label_rest(&self, index: usize, prefixes: &[&str]) -> Option<String> {
        let label = self.rows.get(index)?.label.as_deref()?;
        let words = label.trim_start().to_lowercase();
        let rest = prefixes
            .iter()
            .find_map(|prefix| words.strip_prefix(prefix))?;
        Some(rest.to_string())
    }

    /// Whether row `index` (from 0; `None` for the total) is set bold: the total and the
    /// sub-totals.
    pub fn is_bold_row(&self, index: Option<usize>) -> bool {
        index.is_none_or(|index| self.is_subtotal(index))
    }

    /// The most decimals a figure has in each figure column, its total row included: where
    /// one figure has fewer, it is set as if it had them, so that the column's figures stand
    /// aligned on their decimal comma. A panel is a table of its own under its own header, so
    /// another panel's decimals do not move its figures.
    pub fn decimals_by_column(&self) -> Vec<usize> {
        let mut decimals = vec![0; self.columns.len()];
        for row in self.rows.iter().chain(&self.total) {
            for (column, cell) in row.cells.iter().enumerate() {
                if let (Some(most), Cell::Number(figure)) = (decimals.get_mut(column), cell) {
                    *most = (*most).max(figure.decimals());
                }
            }
        }
        decimals
    }

    /// Whether the panel has a column of row labels (a heading over them, or a labelled row);
    /// the layout and the checks of how wide a table may be both follow this.
    pub fn is_labelled(&self) -> bool {
        self.label_header.is_some()
            || self
                .rows
                .iter()
                .chain(&self.total)
                .any(|row| row.label.is_some())
    }
}

fn default_true() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

/// One row of a panel: an optional label and one cell per column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "En række: et valgfrit navn og én celle pr. kolonne.")]
pub struct Row {
    /// The row's label, e.g. "Frifundet" or "Total".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Rækkens navn, fx \"Frifundet\" eller \"Total\".")]
    pub label: Option<String>,
    /// The cells, one per column.
    #[schemars(description = "Cellerne, én pr. kolonne.")]
    pub cells: Vec<Cell>,
}

/// A table cell: a figure (formatted the Danish way when printed) or text such as "-" or "..".
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
#[schemars(
    description = "En celle: et tal (sat med dansk tusindtalsseparator og decimalkomma og med de decimaler, det er skrevet med: 12.40 sættes som 12,40) eller en tekst som \"-\" eller \"..\"."
)]
pub enum Cell {
    /// A figure, e.g. 3478 or 12.40.
    #[schemars(description = "Et tal, fx 3478 eller 12.40.")]
    Number(Figure),
    /// Text printed as written.
    #[schemars(description = "En tekst, sat som skrevet.")]
    Text(String),
}

/// What serde says when a cell is neither a number nor a text; the reader of answer files
/// turns it into a Danish finding.
pub const CELL_MISMATCH: &str = "a table cell must be a number or a text";

/// What serde_json says of a number beyond an f64, and so what a cell says of one: the reader
/// of answer files has one Danish finding for both.
pub const OUT_OF_RANGE: &str = "number out of range";

/// A cell is read from the JSON as written, not as the value a JSON reader makes of it: a
/// figure written 12.40 must keep its two decimals, which an f64 forgets.
impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<serde_json::value::RawValue>::deserialize(deserializer)?;
        let written = raw.get();
        if written.starts_with('"') {
            return serde_json::from_str(written)
                .map(Cell::Text)
                .map_err(serde::de::Error::custom);
        }
        if let Some(figure) = Figure::from_json(written) {
            return Ok(Cell::Number(figure));
        }
        // A number that is not a figure is beyond an f64.
        let message = if starts_as_number(written) {
            OUT_OF_RANGE
        } else {
            CELL_MISMATCH
        };
        Err(serde::de::Error::custom(message))
    }
}

/// A figure as written, so that it prints with the decimals it was written with: 12.40 as
/// 12,40, as in a column of figures with two decimals, where an f64 would print 12,4.
#[derive(Debug, Clone)]
pub struct Figure {
    /// The figure in JSON's notation, as written ("-1234.50", "1.5e3").
    numeral: String,
}

impl Figure {
    /// The figure written `written` in JSON's notation; `None` if that is not a JSON number or
    /// is beyond an f64 ("1e400").
    pub fn from_json(written: &str) -> Option<Self> {
        // Skipping a value checks its syntax but not an f64's range, as reading it would.
        let json_number = starts_as_number(written)
            && serde_json::from_str::<serde::de::IgnoredAny>(written).is_ok();
        let finite = written.parse::<f64>().is_ok_and(f64::is_finite);
        (json_number && finite).then(|| Self {
            numeral: written.to_string(),
        })
    }

    /// `value` written with `places` decimals, as a sum is stated at its figures' precision.
    pub fn rounded(value: f64, places: usize) -> Self {
        Self {
            numeral: format!("{value:.places$}"),
        }
    }

    /// The figure as written, in JSON's notation.
    pub fn numeral(&self) -> &str {
        &self.numeral
    }

    /// How many decimals the figure is written with: 2 for "12.40", 0 for "100".
    pub fn decimals(&self) -> usize {
        self.plain()
            .split_once('.')
            .map_or(0, |(_, fraction)| fraction.len())
    }

    /// The figure as it prints, in JSON's notation without exponent: as written, or, for one
    /// written with an exponent, written out ("1.5e3" is "1500").
    pub fn plain(&self) -> std::borrow::Cow<'_, str> {
        if self.numeral.contains(['e', 'E']) {
            // Rust writes an f64 out in full, never with an exponent.
            self.value().to_string().into()
        } else {
            self.numeral.as_str().into()
        }
    }

    /// Its value, to add up and compare.
    pub fn value(&self) -> f64 {
        self.numeral.parse().unwrap_or(f64::NAN)
    }

    /// The decimals it prints with: 2 for 12.40, 0 for 1250.
    pub fn places(&self) -> usize {
        self.plain()
            .split_once('.')
            .map_or(0, |(_, fraction)| fraction.len())
    }
}

/// Whether a JSON value, as written, is a number: JSON's numbers, and only they, start with a
/// minus or a digit.
fn starts_as_number(written: &str) -> bool {
    written.starts_with(|c: char| c == '-' || c.is_ascii_digit())
}

/// Two figures are the same if they print the same: 1500 and 1.5e3 are, 40 and 40.0 are not.
impl PartialEq for Figure {
    fn eq(&self, other: &Self) -> bool {
        self.plain() == other.plain()
    }
}

impl From<i64> for Figure {
    fn from(value: i64) -> Self {
        Self {
            numeral: value.to_string(),
        }
    }
}

/// Written back as it was read, so the answer a PDF carries prints the same figures again.
impl Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde_json::value::RawValue::from_string(self.numeral.clone())
            .map_err(serde::ser::Error::custom)?
            .serialize(serializer)
    }
}

impl JsonSchema for Figure {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Figure".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number" })
    }
}

/// Who signs the answer. Left empty, no names are printed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Underskriften; uden navne sættes ingen.")]
pub struct Signature {
    /// The minister's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Ministerens navn.")]
    pub minister: Option<String>,
    /// The official who prepared the answer, printed after the minister ("minister / official").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Embedsmanden, der har udarbejdet svaret; sættes efter ministeren (\"minister / embedsmand\")."
    )]
    pub official: Option<String>,
}

impl Signature {
    /// The names that sign, in the order they are printed: the minister, then the official.
    pub fn names(&self) -> impl Iterator<Item = &String> {
        [&self.minister, &self.official].into_iter().flatten()
    }
}

/// Dates exactly as the format documents them, `YYYY-MM-DD`: chrono alone also takes
/// "2019-6-12", which the schema, the guide and other tools reading answer files do not.
mod strict_date {
    use std::fmt;

    use chrono::NaiveDate;
    use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};

    /// A date read strictly, for `Option<Strict>` to reuse serde's handling of `null`.
    struct Strict(NaiveDate);

    impl<'de> Deserialize<'de> for Strict {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_str(StrictVisitor).map(Strict)
        }
    }

    struct StrictVisitor;

    impl Visitor<'_> for StrictVisitor {
        type Value = NaiveDate;

        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("a date as YYYY-MM-DD")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<NaiveDate, E> {
            let shaped = text.len() == 10
                && text.bytes().enumerate().all(|(index, byte)| match index {
                    4 | 7 => byte == b'-',
                    _ => byte.is_ascii_digit(),
                });
            if !shaped {
                return Err(E::invalid_value(Unexpected::Str(text), &self));
            }
            // A well-formed but impossible day (2019-02-30) keeps chrono's own error.
            NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(E::custom)
        }
    }

    /// A date that must be there.
    pub(super) fn required<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<NaiveDate, D::Error> {
        Strict::deserialize(deserializer).map(|date| date.0)
    }

    /// A date that may be left out or `null`.
    pub(super) fn optional<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        Option::<Strict>::deserialize(deserializer).map(|date| date.map(|date| date.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(json: &str) -> Vec<Cell> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_column_is_named_under_its_group_and_groups_span_from_where_the_last_ended() {
        let panel: Panel = serde_json::from_str(
            r#"{"column_groups": [{"columns": 1}, {"heading": "2015", "columns": 2},
                {"heading": "2016", "columns": 3}],
                "columns": ["I alt", "Antal", "Pct.", "Antal", "Pct."]}"#,
        )
        .unwrap();
        let spans: Vec<_> = panel.column_spans();
        assert_eq!(
            spans,
            [(0..1, None), (1..3, Some("2015")), (3..5, Some("2016"))],
            "the last group is cut at the columns there are"
        );
        assert_eq!(
            panel.column_names(),
            [
                "I alt",
                "2015, Antal",
                "2015, Pct.",
                "2016, Antal",
                "2016, Pct."
            ]
        );
    }

    #[test]
    fn a_row_labelled_heraf_is_part_of_the_row_above_it() {
        let panel: Panel = serde_json::from_str(
            r#"{"columns": ["2015"], "rows": [
                {"label": "heraf først", "cells": [1]},
                {"label": "Danmark", "cells": [9]},
                {"label": "  heraf Dublin", "cells": [2]},
                {"label": "Heraf: unge", "cells": [1]},
                {"label": "HERAF", "cells": [1]},
                {"label": "Herafter", "cells": [1]},
                {"cells": [1]}
            ]}"#,
        )
        .unwrap();
        let parts: Vec<bool> = (0..8).map(|row| panel.is_part_of_above(row)).collect();
        assert_eq!(parts, [false, false, true, true, true, false, false, false]);
    }

    #[test]
    fn a_row_labelled_i_alt_or_total_and_more_words_is_a_subtotal() {
        let labels = [
            "I alt, mænd",
            "I alt, mænd",
            "i alt kvinder",
            "Total: over 30 år",
            "TOTAL, kvinder",
            "I alt",
            "Total",
            "Totalt antal",
            "I alt, ",
            "Mænd i alt",
        ];
        let rows: Vec<serde_json::Value> = (labels.iter())
            .map(|label| serde_json::json!({"label": label, "cells": [1]}))
            .collect();
        let panel: Panel =
            serde_json::from_value(serde_json::json!({"columns": ["2015"], "rows": rows})).unwrap();
        let subtotals: Vec<bool> = (0..labels.len())
            .map(|row| panel.is_subtotal(row))
            .collect();
        assert_eq!(
            subtotals,
            [
                false, true, true, true, true, false, false, false, false, false
            ]
        );
        assert!(
            panel.is_bold_row(None) && panel.is_bold_row(Some(1)) && !panel.is_bold_row(Some(0))
        );
    }

    #[test]
    fn cells_keep_their_figures_as_written() {
        let read = cells(r#"[12.40, 1.5e3, -0.0, "12,40"]"#);
        let numerals: Vec<&str> = read
            .iter()
            .filter_map(|cell| match cell {
                Cell::Number(figure) => Some(figure.numeral()),
                Cell::Text(_) => None,
            })
            .collect();
        assert_eq!(numerals, ["12.40", "1.5e3", "-0.0"]);
        assert_eq!(read[3], Cell::Text("12,40".into()));
        // Written back as read, for the answer a PDF carries.
        assert_eq!(
            serde_json::to_string(&read).unwrap(),
            r#"[12.40,1.5e3,-0.0,"12,40"]"#
        );
    }

    #[test]
    fn figures_are_the_same_when_they_print_the_same() {
        let figure = |written| Figure::from_json(written).unwrap();
        assert_eq!(figure("1.5e3"), figure("1500"));
        assert_eq!(figure("1.5e3").plain(), "1500");
        assert_ne!(figure("40"), figure("40.0"));
        assert_eq!(figure("40.0").places(), 1);
        assert_eq!(Figure::rounded(99.899_999_999_999_99, 1), figure("99.9"));
    }

    #[test]
    fn only_json_numbers_an_f64_holds_are_figures() {
        for written in [
            "1e400", "-1e400", "01", "1.", ".5", "+1", "0x10", "1e", "NaN", "true",
        ] {
            assert_eq!(Figure::from_json(written), None, "{written}");
        }
        assert!(serde_json::from_str::<Cell>("true").is_err());
        let error = serde_json::from_str::<Cell>("1e400")
            .unwrap_err()
            .to_string();
        assert!(error.starts_with(OUT_OF_RANGE), "{error}");
    }
}
