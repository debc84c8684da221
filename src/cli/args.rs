//! Arguments in Danish: clap writes its help headings and its usage errors in English, and the
//! people who run svar read Danish. The argument definitions stay clap's; this module renames
//! the headings and retells the errors.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use super::Cli;

/// The layout of every help page, with a Danish "Brug:" for clap's "Usage:".
const HELP_TEMPLATE: &str =
    "{before-help}{about-with-newline}\nBrug: {usage}\n\n{all-args}{after-help}";

/// The exit status of a usage error, as clap's.
const USAGE_ERROR: i32 = 2;

/// Parses the process's arguments. Prints help or the version and exits when asked to, and
/// exits with a Danish message on a usage error.
pub fn parse() -> Cli {
    let command = in_danish(Cli::command(), true);
    command
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .unwrap_or_else(|error| exit(&error))
}

/// The command with Danish headings, help texts for `--help` and `--version`, and the same for
/// every subcommand.
fn in_danish(command: Command, root: bool) -> Command {
    let command = command
        .help_template(HELP_TEMPLATE)
        .subcommand_help_heading("Kommandoer")
        .subcommand_value_name("KOMMANDO")
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Viser denne hjælp"),
        );
    let command = if root {
        command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Viser versionen"),
        )
    } else {
        command
    };
    // Changing an argument drops its place in the help, which would then list arguments by
    // their names ("new" before "old"); give each its place in the definition back.
    let mut place = 0;
    command
        .mut_args(|arg| {
            let heading = if arg.is_positional() {
                "Argumenter"
            } else {
                "Tilvalg"
            };
            place += 1;
            arg.help_heading(heading).display_order(place)
        })
        .mut_subcommands(|subcommand| in_danish(subcommand, false))
}

/// Exits as clap would, with the help or the message in Danish.
fn exit(error: &clap::Error) -> ! {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            print!("{}", danish_words(&error.render().to_string()));
            std::process::exit(0)
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{}", danish_words(&error.render().to_string()));
            std::process::exit(USAGE_ERROR)
        }
        _ => {
            eprint!("{}", message(error));
            std::process::exit(USAGE_ERROR)
        }
    }
}

/// The words clap puts into help and usage lines itself, in Danish.
fn danish_words(text: &str) -> String {
    [
        ("[OPTIONS]", "[TILVALG]"),
        ("Possible values:", "Mulige værdier:"),
        ("[possible values: ", "[mulige værdier: "),
        ("[default: ", "[standard: "),
    ]
    .iter()
    .fold(text.to_string(), |text, (english, danish)| {
        text.replace(english, danish)
    })
}

/// The error in Danish: what is wrong, a suggestion if clap has one, the usage line and where
/// to read more.
pub fn message(error: &clap::Error) -> String {
    let arg = context(error, ContextKind::InvalidArg);
    let value = context(error, ContextKind::InvalidValue);
    let what = match error.kind() {
        ErrorKind::UnknownArgument => format!("ukendt tilvalg {arg}"),
        ErrorKind::InvalidSubcommand => {
            format!(
                "ukendt kommando {}",
                context(error, ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue => format!("{value} er ikke en gyldig værdi for {arg}"),
        // The reason is the argument's own parser's, already in Danish.
        ErrorKind::ValueValidation => match std::error::Error::source(error) {
            Some(reason) => format!("{value} er ikke en gyldig værdi for {arg}: {reason}"),
            None => format!("{value} er ikke en gyldig værdi for {arg}"),
        },
        ErrorKind::MissingRequiredArgument => format!("mangler {arg}"),
        ErrorKind::MissingSubcommand => "mangler en kommando".to_string(),
        ErrorKind::ArgumentConflict => format!(
            "{arg} kan ikke bruges sammen med {}",
            context(error, ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("forkert antal værdier til {arg}")
        }
        ErrorKind::NoEquals => format!("{arg} skal have sin værdi efter et ="),
        _ => error
            .to_string()
            .trim_start_matches("error: ")
            .lines()
            .next()
            .unwrap_or_default()
            .to_string(),
    };
    let mut out = format!("fejl: {what}\n");
    for (kind, lead, end) in [
        (ContextKind::SuggestedArg, "mente du", "?"),
        (ContextKind::SuggestedSubcommand, "mente du", "?"),
        (ContextKind::SuggestedValue, "mente du", "?"),
        (ContextKind::ValidValue, "mulige værdier:", ""),
    ] {
        let suggestion = context(error, kind);
        if !suggestion.is_empty() {
            out.push_str(&format!("  = tip: {lead} {suggestion}{end}\n"));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        out.push_str(&format!(
            "\n{}\n",
            danish_words(&usage.trim().replacen("Usage:", "Brug:", 1))
        ));
    }
    out.push_str("\nSe mere med --help.\n");
    out
}

/// One piece of the error's context as text: names quoted, lists joined with commas.
fn context(error: &clap::Error, kind: ContextKind) -> String {
    match error.get(kind) {
        Some(ContextValue::String(text)) => format!("'{text}'"),
        Some(ContextValue::Strings(texts)) => texts
            .iter()
            .map(|text| format!("'{text}'"))
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::StyledStr(text)) => format!("'{text}'"),
        Some(ContextValue::StyledStrs(texts)) => texts
            .iter()
            .map(|text| format!("'{text}'"))
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(number)) => number.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_for(args: &[&str]) -> String {
        let command = in_danish(Cli::command(), true);
        message(&command.try_get_matches_from(args).unwrap_err())
    }

    #[test]
    fn usage_errors_are_told_in_danish() {
        let unknown = error_for(&["svar", "render", "--bogus", "x.json"]);
        assert!(
            unknown.starts_with("fejl: ukendt tilvalg '--bogus'\n"),
            "{unknown}"
        );
        assert!(unknown.contains("Brug: svar render"), "{unknown}");
        let value = error_for(&["svar", "render", "--pdf-standard", "x", "a.json"]);
        assert!(
            value.starts_with("fejl: 'x' er ikke en gyldig værdi for '--pdf-standard <STANDARD>'"),
            "{value}"
        );
        assert!(value.contains("mulige værdier: 'ua-1', "), "{value}");
        let missing = error_for(&["svar", "render"]);
        assert!(missing.starts_with("fejl: mangler '<FIL>...'"), "{missing}");
        let limit = error_for(&["svar", "render", "--time-limit", "1e99", "a.json"]);
        assert!(
            limit.starts_with(
                "fejl: '1e99' er ikke en gyldig værdi for '--time-limit <SEKUNDER>': \
                 højst 86400 sekunder (et døgn)\n"
            ),
            "{limit}"
        );
        let command = error_for(&["svar", "rendre"]);
        assert!(
            command.starts_with("fejl: ukendt kommando 'rendre'\n  = tip: mente du 'render'"),
            "{command}"
        );
    }

    #[test]
    fn help_has_danish_headings() {
        let mut command = in_danish(Cli::command(), true);
        let help = command.render_help().to_string();
        assert!(help.contains("Brug: svar <KOMMANDO>"), "{help}");
        assert!(
            help.contains("Kommandoer:") && help.contains("Tilvalg:"),
            "{help}"
        );
        assert!(help.contains("Viser denne hjælp"), "{help}");
        let mut diff = in_danish(Cli::command(), true);
        let diff = diff
            .find_subcommand_mut("diff")
            .unwrap()
            .render_help()
            .to_string();
        let arguments = &diff[diff.find("Argumenter:").expect("an arguments section")..];
        let place = |name: &str| arguments.find(name).expect(name);
        assert!(
            place("<GAMMEL>") < place("<NY>"),
            "the old answer is listed first, as in the usage line:\n{diff}"
        );
        assert!(!diff.contains("A change list"), "{diff}");
        assert!(
            !help.contains("Usage") && !help.contains("Options"),
            "{help}"
        );
    }
}
