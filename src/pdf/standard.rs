//! PDF standards: what `--pdf-standard` offers, svar's default, and the checks before export.

use std::fmt;

use typst_pdf::{PdfStandard, PdfStandards};

/// A PDF standard `--pdf-standard` can ask for, named as on the command line.
///
/// The PDF/A levels, PDF/UA-1 and the PDF versions are those Typst can export and check; `none`
/// asks for no standard at all (the PDF is still tagged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Standard {
    /// PDF/UA-1: tilgængelig PDF (ISO 14289-1).
    #[value(name = "ua-1")]
    Ua1,
    /// PDF/A-2b: arkivering, visuelt udseende.
    #[value(name = "a-2b")]
    A2b,
    /// PDF/A-2u: som a-2b, og al tekst kan udtrækkes som Unicode.
    #[value(name = "a-2u")]
    A2u,
    /// PDF/A-2a: som a-2u, og PDF'en er opmærket (tagged).
    #[value(name = "a-2a")]
    A2a,
    /// PDF/A-3b: som a-2b, og tillader vedhæftede filer.
    #[value(name = "a-3b")]
    A3b,
    /// PDF/A-3u: som a-3b, og al tekst kan udtrækkes som Unicode.
    #[value(name = "a-3u")]
    A3u,
    /// PDF/A-3a: som a-3u, og PDF'en er opmærket (tagged).
    #[value(name = "a-3a")]
    A3a,
    /// PDF/A-4 (PDF 2.0).
    #[value(name = "a-4")]
    A4,
    /// PDF/A-4f: PDF/A-4 med vedhæftede filer.
    #[value(name = "a-4f")]
    A4f,
    /// PDF/A-4e: PDF/A-4 til tekniske dokumenter.
    #[value(name = "a-4e")]
    A4e,
    /// PDF-version 1.7.
    #[value(name = "1.7")]
    V1_7,
    /// PDF-version 2.0.
    #[value(name = "2.0")]
    V2_0,
    /// Ingen standard (PDF'en er stadig opmærket).
    #[value(name = "none")]
    NoStandard,
}

impl Standard {
    /// The name `--pdf-standard` takes, e.g. "a-3b".
    pub fn cli_name(self) -> &'static str {
        match self {
            Standard::Ua1 => "ua-1",
            Standard::A2b => "a-2b",
            Standard::A2u => "a-2u",
            Standard::A2a => "a-2a",
            Standard::A3b => "a-3b",
            Standard::A3u => "a-3u",
            Standard::A3a => "a-3a",
            Standard::A4 => "a-4",
            Standard::A4f => "a-4f",
            Standard::A4e => "a-4e",
            Standard::V1_7 => "1.7",
            Standard::V2_0 => "2.0",
            Standard::NoStandard => "none",
        }
    }

    /// The standard's usual name, e.g. "PDF/A-3b".
    pub fn title(self) -> &'static str {
        match self {
            Standard::Ua1 => "PDF/UA-1",
            Standard::A2b => "PDF/A-2b",
            Standard::A2u => "PDF/A-2u",
            Standard::A2a => "PDF/A-2a",
            Standard::A3b => "PDF/A-3b",
            Standard::A3u => "PDF/A-3u",
            Standard::A3a => "PDF/A-3a",
            Standard::A4 => "PDF/A-4",
            Standard::A4f => "PDF/A-4f",
            Standard::A4e => "PDF/A-4e",
            Standard::V1_7 => "PDF 1.7",
            Standard::V2_0 => "PDF 2.0",
            Standard::NoStandard => "ingen standard",
        }
    }

    /// Whether this is a PDF/A level, which needs a document date.
    pub fn is_archival(self) -> bool {
        matches!(
            self,
            Standard::A2b
                | Standard::A2u
                | Standard::A2a
                | Standard::A3b
                | Standard::A3u
                | Standard::A3a
                | Standard::A4
                | Standard::A4f
                | Standard::A4e
        )
    }

    /// Whether the standard permits arbitrary attached files such as the answer's source JSON.
    /// PDF/A-2 and plain PDF/A-4 do not; PDF/A-4f and PDF/A-4e (ISO 19005-4, annexes) do.
    pub fn allows_attachments(self) -> bool {
        !matches!(
            self,
            Standard::A2b | Standard::A2u | Standard::A2a | Standard::A4
        )
    }

    /// The PDF version the standard needs: "2.0" for PDF/A-4, otherwise "1.7" (PDF/UA-1,
    /// PDF/A-2 and PDF/A-3 allow 1.4 to 1.7; svar offers 1.7).
    fn pdf_version(self) -> &'static str {
        match self {
            Standard::A4 | Standard::A4f | Standard::A4e | Standard::V2_0 => "2.0",
            _ => "1.7",
        }
    }

    /// Whether this is a PDF version rather than a PDF/A or PDF/UA standard.
    fn is_version(self) -> bool {
        matches!(self, Standard::V1_7 | Standard::V2_0)
    }

    /// Typst's name for the standard; `None` for `none`.
    fn typst(self) -> Option<PdfStandard> {
        Some(match self {
            Standard::Ua1 => PdfStandard::Ua_1,
            Standard::A2b => PdfStandard::A_2b,
            Standard::A2u => PdfStandard::A_2u,
            Standard::A2a => PdfStandard::A_2a,
            Standard::A3b => PdfStandard::A_3b,
            Standard::A3u => PdfStandard::A_3u,
            Standard::A3a => PdfStandard::A_3a,
            Standard::A4 => PdfStandard::A_4,
            Standard::A4f => PdfStandard::A_4f,
            Standard::A4e => PdfStandard::A_4e,
            Standard::V1_7 => PdfStandard::V_1_7,
            Standard::V2_0 => PdfStandard::V_2_0,
            Standard::NoStandard => return None,
        })
    }
}

impl fmt::Display for Standard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.cli_name())
    }
}

/// The standards svar's PDFs conform to unless told otherwise: PDF/UA-1 for the accessibility
/// law that applies on ft.dk, PDF/A-3b for archiving (A-3 because it allows attached files).
pub const DEFAULT_STANDARDS: [Standard; 2] = [Standard::Ua1, Standard::A3b];

/// What the default falls back to for an answer without a date, which PDF/A requires.
pub const UNDATED_DEFAULT_STANDARDS: [Standard; 1] = [Standard::Ua1];

/// What svar tells of the answer file `answer` when it has no date: PDF/A needs one, so under
/// the default standards its PDF conforms to PDF/UA-1 alone. `svar render` warns so as it
/// writes the PDF, and `svar check` says the same, so that a check before sending tells all a
/// render will.
pub fn undated_notice(answer: &std::path::Path) -> String {
    format!(
        "{} har ingen dato; PDF/A kræver en dato, så PDF'en overholder kun PDF/UA-1. Angiv \
         \"date\" for at få PDF/A-3b.",
        answer.display()
    )
}

/// Which standards the PDF must conform to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum StandardChoice {
    /// svar's default, [`DEFAULT_STANDARDS`]; for an answer without a date, which PDF/A
    /// needs, [`UNDATED_DEFAULT_STANDARDS`].
    #[default]
    Default,
    /// Exactly these standards, checked to be compatible; empty for no standard.
    Chosen(Vec<Standard>),
}

impl StandardChoice {
    /// The choice `--pdf-standard` values make: the default when there are none, no standard
    /// for `none`, otherwise the given standards, refused if they cannot be combined.
    pub fn from_values(values: &[Standard]) -> Result<Self, StandardError> {
        let mut standards: Vec<Standard> = Vec::new();
        for value in values {
            if !standards.contains(value) {
                standards.push(*value);
            }
        }
        if standards.is_empty() {
            return Ok(StandardChoice::Default);
        }
        if standards.contains(&Standard::NoStandard) {
            if standards.len() == 1 {
                return Ok(StandardChoice::Chosen(Vec::new()));
            }
            return Err(StandardError::NoneWithOthers {
                combination: combination(&standards),
            });
        }
        check_compatible(&standards)?;
        Ok(StandardChoice::Chosen(standards))
    }

    /// The standards an answer's PDF is exported with, given whether the answer has a date.
    ///
    /// The default falls back to PDF/UA-1 alone for an undated answer and says so in the
    /// result; a PDF/A standard chosen explicitly for an undated answer is an error.
    pub fn conformance(&self, dated: bool) -> Result<Conformance, StandardError> {
        let (standards, undated_fallback) = match self {
            StandardChoice::Default if dated => (DEFAULT_STANDARDS.to_vec(), false),
            StandardChoice::Default => (UNDATED_DEFAULT_STANDARDS.to_vec(), true),
            StandardChoice::Chosen(standards) => {
                if !dated && let Some(archival) = standards.iter().find(|s| s.is_archival()) {
                    return Err(StandardError::NeedsDate {
                        standard: *archival,
                    });
                }
                (standards.clone(), false)
            }
        };
        let typst = check_compatible(&standards)?;
        Ok(Conformance {
            standards,
            typst,
            undated_fallback,
        })
    }
}

/// The standards one PDF is exported with, checked to be compatible.
#[derive(Debug, Clone)]
pub struct Conformance {
    standards: Vec<Standard>,
    /// The same standards as Typst's export takes them.
    pub(super) typst: PdfStandards,
    undated_fallback: bool,
}

impl Conformance {
    /// The standards the PDF conforms to; empty for none.
    pub fn standards(&self) -> &[Standard] {
        &self.standards
    }

    /// Whether the default fell back to PDF/UA-1 alone because the answer has no date.
    pub fn is_undated_fallback(&self) -> bool {
        self.undated_fallback
    }
}

/// How to export a PDF; shared by every command that writes one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// The standards the PDF must conform to.
    pub standards: StandardChoice,
}

impl ExportOptions {
    /// Whether the answer's source can be attached to its PDF under the chosen standards.
    pub fn allows_attachments(&self, dated: bool) -> bool {
        self.standards
            .conformance(dated)
            .map(|conformance| {
                conformance
                    .standards()
                    .iter()
                    .all(|s| s.allows_attachments())
            })
            .unwrap_or(false)
    }
}

/// A PDF as exported, with the standards it conforms to.
#[derive(Debug, Clone)]
pub struct ExportedPdf {
    /// The PDF file's bytes.
    pub bytes: Vec<u8>,
    /// The standards Typst checked the PDF against while writing it.
    pub conformance: Conformance,
}

/// Why the PDF standards asked for cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StandardError {
    /// `none` was given together with real standards.
    #[error(
        "PDF-standarden \"none\" (ingen standard) kan ikke kombineres med andre ({combination})"
    )]
    NoneWithOthers {
        /// The values as given, e.g. "none og ua-1".
        combination: String,
    },
    /// The standards cannot hold for one PDF at the same time.
    #[error("PDF-standarderne {combination} kan ikke kombineres: {reason}")]
    Incompatible {
        /// The values as given, e.g. "ua-1 og a-4".
        combination: String,
        /// Why not, and what to choose instead, in Danish.
        reason: String,
    },
    /// A PDF/A standard was asked for, but the answer has no date.
    #[error(
        "{} kræver en dato, men svarfilen har ingen \"date\". Angiv \"date\", eller vælg en standard uden PDF/A (fx --pdf-standard ua-1).",
        standard.title()
    )]
    NeedsDate {
        /// The PDF/A standard asked for.
        standard: Standard,
    },
}

/// "a, b og c" for the standards as given.
fn combination(standards: &[Standard]) -> String {
    let names: Vec<&str> = standards.iter().map(|s| s.cli_name()).collect();
    crate::danish::and_list(&names)
}

/// Checks that `standards` (without `none`) can hold together and returns them in Typst's form.
fn check_compatible(standards: &[Standard]) -> Result<PdfStandards, StandardError> {
    let incompatible = |reason: String| StandardError::Incompatible {
        combination: combination(standards),
        reason,
    };
    let count = |test: fn(Standard) -> bool| standards.iter().filter(|s| test(**s)).count();
    if count(Standard::is_version) > 1 {
        return Err(incompatible("en PDF har kun én PDF-version".into()));
    }
    if count(Standard::is_archival) > 1 {
        return Err(incompatible(
            "en PDF kan kun overholde én PDF/A-standard".into(),
        ));
    }
    if let Some(reason) = version_conflict(standards) {
        return Err(incompatible(reason));
    }
    let typst: Vec<PdfStandard> = standards.iter().filter_map(|s| s.typst()).collect();
    // The checks above cover every conflict Typst knows of; should it find another, its
    // English explanation would not help a clerk, and the combination is named anyway.
    PdfStandards::new(&typst)
        .map_err(|_| incompatible("de passer ikke til samme PDF-version".into()))
}

/// Why standards that need different PDF versions cannot be combined, and what to choose
/// instead, in Danish; `None` when they share a version. PDF/A-4 needs PDF 2.0; PDF/UA-1,
/// PDF/A-2 and PDF/A-3 need PDF 1.7 (or older, which svar does not offer).
fn version_conflict(standards: &[Standard]) -> Option<String> {
    let (new, old): (Vec<Standard>, Vec<Standard>) = standards
        .iter()
        .partition(|standard| standard.pdf_version() == "2.0");
    if new.is_empty() || old.is_empty() {
        return None;
    }
    // Asked for an archival standard at 2.0: keep one at 1.7, the default's PDF/A-3b.
    let mut at_1_7: Vec<Standard> = old.clone();
    if new.iter().any(|s| s.is_archival()) && !old.iter().any(|s| s.is_archival()) {
        at_1_7.push(Standard::A3b);
    }
    let (first, second) = if standards[0].pdf_version() == "2.0" {
        (&new, &old)
    } else {
        (&old, &new)
    };
    Some(format!(
        "{}, men {}. Vælg standarder til én PDF-version, fx --pdf-standard {} (PDF 1.7) \
         eller --pdf-standard {} (PDF 2.0).",
        needs_version(first),
        needs_version(second),
        cli_list(&at_1_7),
        cli_list(&new)
    ))
}

/// "PDF/UA-1 kræver PDF 1.7", or "1.7 vælger PDF 1.7" for a group that is only a version.
fn needs_version(group: &[Standard]) -> String {
    let version = group[0].pdf_version();
    let standards: Vec<&str> = group
        .iter()
        .filter(|s| !s.is_version())
        .map(|s| s.title())
        .collect();
    if standards.is_empty() {
        format!("{} vælger PDF {version}", cli_list(group))
    } else {
        format!(
            "{} kræver PDF {version}",
            crate::danish::and_list(&standards)
        )
    }
}

/// The standards as `--pdf-standard` takes them: "ua-1,a-3b".
fn cli_list(standards: &[Standard]) -> String {
    let names: Vec<&str> = standards.iter().map(|s| s.cli_name()).collect();
    names.join(",")
}

#[cfg(test)]
mod standard_tests {
    use clap::ValueEnum;

    use super::*;

    #[test]
    fn the_default_is_ua_1_with_a_3b_and_ua_1_alone_without_a_date() {
        let choice = StandardChoice::from_values(&[]).unwrap();
        assert_eq!(choice, StandardChoice::Default);
        let dated = choice.conformance(true).unwrap();
        assert_eq!(dated.standards(), [Standard::Ua1, Standard::A3b]);
        assert!(!dated.is_undated_fallback());
        let undated = choice.conformance(false).unwrap();
        assert_eq!(undated.standards(), [Standard::Ua1]);
        assert!(undated.is_undated_fallback());
    }

    #[test]
    fn none_means_no_standard_and_repeats_count_once() {
        let none = StandardChoice::from_values(&[Standard::NoStandard]).unwrap();
        assert!(none.conformance(false).unwrap().standards().is_empty());
        let repeated = StandardChoice::from_values(&[Standard::Ua1, Standard::A2b, Standard::Ua1]);
        assert_eq!(
            repeated.unwrap(),
            StandardChoice::Chosen(vec![Standard::Ua1, Standard::A2b])
        );
    }

    #[test]
    fn pdf_a_without_a_date_and_impossible_combinations_are_refused() {
        let chosen = StandardChoice::from_values(&[Standard::Ua1, Standard::A2b]).unwrap();
        assert_eq!(
            chosen.conformance(false).unwrap_err(),
            StandardError::NeedsDate {
                standard: Standard::A2b
            }
        );
        for values in [
            [Standard::Ua1, Standard::A4],
            [Standard::V2_0, Standard::Ua1],
            [Standard::A2b, Standard::A3b],
            [Standard::V1_7, Standard::V2_0],
        ] {
            let error = StandardChoice::from_values(&values).unwrap_err();
            assert!(
                matches!(error, StandardError::Incompatible { .. }),
                "{values:?}: {error}"
            );
        }
        assert!(matches!(
            StandardChoice::from_values(&[Standard::NoStandard, Standard::Ua1]),
            Err(StandardError::NoneWithOthers { .. })
        ));
    }

    #[test]
    fn standards_for_different_pdf_versions_are_refused_with_what_to_choose_instead() {
        let refusal =
            |values: &[Standard]| StandardChoice::from_values(values).unwrap_err().to_string();
        assert_eq!(
            refusal(&[Standard::Ua1, Standard::A4f]),
            "PDF-standarderne ua-1 og a-4f kan ikke kombineres: PDF/UA-1 kræver PDF 1.7, men \
             PDF/A-4f kræver PDF 2.0. Vælg standarder til én PDF-version, fx --pdf-standard \
             ua-1,a-3b (PDF 1.7) eller --pdf-standard a-4f (PDF 2.0)."
        );
        assert_eq!(
            refusal(&[Standard::V2_0, Standard::A2b]),
            "PDF-standarderne 2.0 og a-2b kan ikke kombineres: 2.0 vælger PDF 2.0, men PDF/A-2b \
             kræver PDF 1.7. Vælg standarder til én PDF-version, fx --pdf-standard a-2b (PDF \
             1.7) eller --pdf-standard 2.0 (PDF 2.0)."
        );
        // Every combination Typst refuses is refused in Danish before Typst is asked.
        let all = Standard::value_variants()
            .iter()
            .filter(|s| **s != Standard::NoStandard);
        for first in all.clone() {
            for second in all.clone() {
                let pair = [*first, *second];
                let typst: Vec<PdfStandard> = pair.iter().filter_map(|s| s.typst()).collect();
                if first != second && PdfStandards::new(&typst).is_err() {
                    let reason = refusal(&pair);
                    assert!(!reason.contains("samme PDF-version"), "{reason}");
                }
            }
        }
    }
}
