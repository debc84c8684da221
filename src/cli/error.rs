//! Why a command could not do (part of) its work: one type for the command line, whose
//! variants carry the data and whose text is the Danish line printed after `fejl: `, once, by
//! the command's `run`.

use std::path::{Path, PathBuf};

use crate::fs::io_in_danish;
use crate::output::OutputPathError;
use crate::pdf::{GeneratedSource, StandardError};
use crate::render::TemplateFolderError;

/// An error of the command line; typed errors of the layers below pass through unchanged.
#[derive(Debug, thiserror::Error)]
pub(super) enum CliError {
    /// `svar watch` could not start itself again after a render ran over its time limit.
    #[error("svar watch kunne ikke starte forfra: {}; start den igen", io_in_danish(.0))]
    Restart(std::io::Error),
    /// A folder named as answer files cannot be listed.
    #[error("{}: mappen kan ikke læses: {}", folder.display(), io_in_danish(source))]
    UnreadableFolder {
        /// The folder named on the command line.
        folder: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A folder named as answer files holds none, which is surely not what was meant.
    #[error("{}: mappen indeholder ingen svarfiler (*.json)", folder.display())]
    NoAnswerFiles {
        /// The folder named on the command line.
        folder: PathBuf,
    },
    /// `-o x.pdf` with several answers: each would replace the one before.
    #[error(
        "-o {} er en PDF-fil, men der er {count} svarfiler; angiv en mappe med -o",
        output.display()
    )]
    OnePdfForMany {
        /// The PDF `-o` names.
        output: PathBuf,
        /// How many answer files there are.
        count: usize,
    },
    /// `-o` names an existing file that is no PDF, so it cannot be the folder of the PDFs.
    #[error(
        "-o {} er en fil, ikke en mappe; angiv en mappe, eller et filnavn, der ender på .pdf",
        .0.display()
    )]
    OutputIsFile(PathBuf),
    /// `-o x.json`: an answer file's name where the PDF or its folder belongs, most likely an
    /// answer written after `-o` by mistake; svar would otherwise make a folder of that name.
    #[error(
        "-o {} er navnet på en svarfil; efter -o står den PDF, der skrives (et navn, der ender på .pdf), eller mappen til PDF'erne. Skal filen sættes, så skriv den uden -o foran",
        .0.display()
    )]
    OutputIsAnswerName(PathBuf),
    /// Two answers would be written to the same PDF, one silently replacing the other.
    #[error(
        "{} og {} skrives begge til {}; giv dem forskellige navne, eller sæt dem hver for sig med -o",
        first.display(),
        second.display(),
        pdf.display()
    )]
    SamePdf {
        /// The answer planned first.
        first: PathBuf,
        /// The answer planned second.
        second: PathBuf,
        /// The PDF both would be written to.
        pdf: PathBuf,
    },
    /// An output named by an option (`-o`, `--redline`, `--pages`) is refused; the option is
    /// named, since the path alone may not say which was meant.
    #[error("{option} {source}")]
    RefusedOutput {
        /// The option, as in its help: `-o`, `--redline`, `--pages`.
        option: &'static str,
        /// Why the output is refused.
        source: OutputPathError,
    },
    /// `svar watch` is asked to watch a folder that does not exist.
    #[error("{what} {} findes ikke; opret den, eller vælg en anden", folder.display())]
    NoFolderToWatch {
        /// Which folder it is.
        what: WatchedFolder,
        /// The folder.
        folder: PathBuf,
    },
    /// The system refuses to report changes in a folder.
    #[error("kan ikke holde øje med {}: systemfejl ({source})", folder.display())]
    CannotWatch {
        /// The folder.
        folder: PathBuf,
        /// What the file watcher said.
        source: notify::Error,
    },
    /// The file watcher cannot be started at all.
    #[error(transparent)]
    Watcher(#[from] notify::Error),
    /// `svar watch` is given a folder, where it watches one answer file.
    #[error(
        "{} er en mappe, ikke en svarfil; svar watch holder øje med én svarfil: angiv den, fx svar watch {}{}",
        folder.display(),
        example.display(),
        render_all_tip(folder, *has_answers)
    )]
    NotAnAnswerFile {
        /// The folder given.
        folder: PathBuf,
        /// An answer file to give instead: the folder's first, or a made-up name in it.
        example: PathBuf,
        /// Whether the folder has answer files, which `svar render` could render at once.
        has_answers: bool,
    },
    /// `svar watch` is given a file that does not exist, which cannot become an answer.
    #[error(
        "{} findes ikke; tjek stien, eller opret svarfilen først med svar new {}",
        .0.display(),
        .0.display()
    )]
    NoAnswerFile(PathBuf),
    /// A page image left from an earlier, longer answer cannot be removed, and would pass for
    /// a current one.
    #[error("{}: kan ikke slettes: {}", path.display(), io_in_danish(source))]
    Remove {
        /// The image.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// `svar new` was given a name that is no answer file's.
    #[error("{}: en svarfil skal have et navn, der ender på .json", .0.display())]
    NotAnswerFileName(PathBuf),
    /// `svar new` was given a file in a folder that does not exist.
    #[error(
        "{}: mappen {} findes ikke; opret den først, eller vælg en anden mappe",
        file.display(),
        folder.display()
    )]
    MissingFolder {
        /// The new file.
        file: PathBuf,
        /// Its folder.
        folder: PathBuf,
    },
    /// `svar new` never replaces a file.
    #[error("{} findes allerede; vælg et andet filnavn", .0.display())]
    AlreadyExists(PathBuf),
    /// A result cannot be written.
    #[error("{}: kan ikke skrives: {}", path.display(), crate::fs::write_error_in_danish(source))]
    Write {
        /// The file that could not be written.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The PDF standards asked for cannot be combined.
    #[error(transparent)]
    Standard(#[from] StandardError),
    /// A folder of own templates cannot be read.
    #[error(transparent)]
    Templates(#[from] TemplateFolderError),
    /// An output would replace a file it is made from.
    #[error(transparent)]
    Output(#[from] OutputPathError),
    /// The page images of `svar diff --pages` cannot be written.
    #[error(transparent)]
    Pages(#[from] crate::diff::pages::PagesError),
    /// Reading, typesetting or writing an answer failed.
    #[error(transparent)]
    Answer(#[from] crate::Error),
}

/// Tells `error` on standard error as every command tells what stopped it: `fejl: ` and the
/// error's Danish line.
pub(super) fn report(error: &dyn std::fmt::Display) {
    eprint!("{}", line(error));
}

/// The line [`report`] prints, with its line end.
pub(super) fn line(error: &dyn std::fmt::Display) -> String {
    format!("fejl: {error}\n")
}

impl CliError {
    /// Whether typesetting was given up over a limit, and its compile left running.
    pub(super) fn is_given_up(&self) -> bool {
        matches!(self, CliError::Answer(crate::Error::Limit(limit)) if limit.is_given_up())
    }

    /// This error naming the generated Typst source as `generated` says, where Typst's
    /// findings point into it (see [`crate::Error::with_generated_source`]).
    pub(super) fn with_generated_source(self, generated: GeneratedSource) -> Self {
        match self {
            Self::Answer(error) => Self::Answer(error.with_generated_source(generated)),
            other => other,
        }
    }
}

/// The folders `svar watch` watches, by what the clerk calls them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WatchedFolder {
    /// The answer's folder, with its spreadsheets and ministry profiles.
    Answer,
    /// The folder of own templates (`--templates`).
    Templates,
}

impl std::fmt::Display for WatchedFolder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Answer => "mappen",
            Self::Templates => "skabelonmappen",
        })
    }
}

/// For a folder of answer files given to `svar watch`: the tip that `svar render` renders them
/// all, on a line of its own; nothing for a folder without any.
fn render_all_tip(folder: &Path, has_answers: bool) -> String {
    if has_answers {
        format!(
            "\n  = tip: svar render {} sætter alle svarfilerne i mappen én gang",
            folder.display()
        )
    } else {
        String::new()
    }
}
