//! Arguments in Danish: clap writes its help headings and its usage errors in English, and the
//! people who run svar read Danish. The argument definitions stay clap's; this module renames
//! the headings and retells the errors.

use std::ffi::OsString;

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
    let args = help_as_flag(std::env::args_os().collect());
    outside_a_batch(&command, &args)
        .and_then(|()| command.clone().try_get_matches_from(&args))
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .unwrap_or_else(|error| exit(&error, &Usage::new(&command, &args)))
}

/// Refuses a hidden command (`svar worker`) outside the batch that starts it: such a command
/// is svar's own business, so typed by hand, or asked about with `svar help worker`, it is as
/// unknown as a typo.
fn outside_a_batch(command: &Command, args: &[OsString]) -> Result<(), clap::Error> {
    let hidden = args
        .get(1)
        .and_then(|name| name.to_str())
        .and_then(|name| command.find_subcommand(name))
        .filter(|subcommand| subcommand.is_hide_set());
    match hidden {
        Some(subcommand) if !super::worker::started_by_a_batch() => {
            let mut error = clap::Error::new(ErrorKind::InvalidSubcommand).with_cmd(command);
            let name = ContextValue::String(subcommand.get_name().to_string());
            error.insert(ContextKind::InvalidSubcommand, name);
            let usage = command.clone().render_usage();
            error.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
            Err(error)
        }
        _ => Ok(()),
    }
}

/// `svar help render` (or `svar hjælp render`) as `svar render --help`, and `svar help` as
/// `svar --help`: the way git and cargo are asked, which clap's own help command would answer
/// in English. `svar help help` is the help of svar itself, as there is no command "help".
fn help_as_flag(mut args: Vec<OsString>) -> Vec<OsString> {
    let is_help = |arg: Option<&OsString>| arg.is_some_and(|arg| arg == "help" || arg == "hjælp");
    if !is_help(args.get(1)) {
        return args;
    }
    while is_help(args.get(1)) {
        args.remove(1);
    }
    args.push("--help".into());
    args
}

/// The command line a usage error is about: the command, and the arguments as given, to tell
/// which subcommand's options were meant and how the clerk wrote an option.
pub(super) struct Usage<'a> {
    command: &'a Command,
    args: &'a [OsString],
}

impl<'a> Usage<'a> {
    /// The command line `args` (the program's name first) of `command`.
    pub(super) fn new(command: &'a Command, args: &'a [OsString]) -> Self {
        Self { command, args }
    }

    /// The subcommand the arguments name (`render`), or the command itself without one.
    fn subcommand(&self) -> &'a Command {
        self.args
            .iter()
            .skip(1)
            .take_while(|arg| *arg != "--")
            .find_map(|arg| self.command.find_subcommand(arg.to_str()?))
            .unwrap_or(self.command)
    }

    /// The value given to the option `arg`, after it or after an `=` (`-o a.json`,
    /// `--output=a.json`).
    fn value(&self, arg: &str) -> Option<&'a str> {
        let args: Vec<&'a str> = self
            .args
            .iter()
            .filter_map(|given| given.to_str())
            .collect();
        args.iter().enumerate().skip(1).find_map(|(index, given)| {
            match given.strip_prefix(arg)?.strip_prefix('=') {
                Some(value) => Some(value),
                None if *given == arg => args.get(index + 1).copied(),
                None => None,
            }
        })
    }

    /// Whether `arg` was given as it stands, or with its value after an `=`.
    fn has(&self, arg: &str) -> bool {
        self.args
            .iter()
            .skip(1)
            .filter_map(|given| given.to_str())
            .any(|given| {
                given == arg
                    || given
                        .strip_prefix(arg)
                        .is_some_and(|rest| rest.starts_with('='))
            })
    }
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
fn exit(error: &clap::Error, usage: &Usage<'_>) -> ! {
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
            eprint!("{}", message(error, usage));
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

/// The error in Danish: what is wrong, a suggestion if clap has one (or svar, where clap's
/// misses a likely typo), the usage line and where to read more.
pub(super) fn message(error: &clap::Error, usage: &Usage<'_>) -> String {
    let missing = missing_value(error, usage);
    let mut out = format!("fejl: {}\n", what_went_wrong(error, missing.as_ref()));
    if let Some((_, hint)) = &missing {
        out.push_str(&format!("  = tip: {hint}\n"));
    }
    if let Some(hint) = answer_taken_as_output(error, usage) {
        out.push_str(&format!("  = tip: {hint}\n"));
    }
    let similar = similar_option(error, usage);
    for (kind, lead, end) in [
        (ContextKind::SuggestedArg, "mente du", "?"),
        (ContextKind::SuggestedSubcommand, "mente du", "?"),
        (ContextKind::SuggestedValue, "mente du", "?"),
        (ContextKind::ValidValue, "mulige værdier:", ""),
    ] {
        let suggestion = match &similar {
            Some(option) if kind == ContextKind::SuggestedArg => format!("'{option}'"),
            _ if kind == ContextKind::ValidValue => context(error, kind),
            _ => closest_first(error, kind, usage),
        };
        if !suggestion.is_empty() {
            out.push_str(&format!("  = tip: {lead} {suggestion}{end}\n"));
        }
    }
    match option_of_other_commands(error, usage) {
        // clap's tip to write `-- --png` is for a value; this option is one of svar's.
        Some(belongs) => out.push_str(&format!("  = tip: {belongs}\n")),
        None => {
            for suggestion in other_suggestions(error) {
                out.push_str(&format!("  = tip: {suggestion}\n"));
            }
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

/// What is wrong with the command line, in Danish; `missing` is how a missing value is told.
fn what_went_wrong(error: &clap::Error, missing: Option<&(String, String)>) -> String {
    let arg = context(error, ContextKind::InvalidArg);
    let value = context(error, ContextKind::InvalidValue);
    match error.kind() {
        // clap calls a file too many an unknown argument too; it is no option.
        ErrorKind::UnknownArgument if !arg.trim_start_matches('\'').starts_with('-') => {
            format!("{arg} er ét argument for meget; kommandoen tager ikke flere filer")
        }
        ErrorKind::UnknownArgument => format!("ukendt tilvalg {arg}"),
        ErrorKind::InvalidValue if let Some((what, _)) = missing => what.clone(),
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
        ErrorKind::MissingRequiredArgument => format!("der mangler {arg}"),
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
    }
}

/// clap's suggestions written out as English sentences, in Danish: an option that belongs to a
/// subcommand ("'render --png' exists"), and how to give a value that starts with a dash
/// ("to pass '-x' as a value, use '-- -x'").
fn other_suggestions(error: &clap::Error) -> Vec<String> {
    let Some(ContextValue::StyledStrs(suggestions)) = error.get(ContextKind::Suggested) else {
        return Vec::new();
    };
    suggestions
        .iter()
        .map(|suggestion| {
            let text = suggestion.to_string();
            let quoted: Vec<&str> = text.split('\'').skip(1).step_by(2).collect();
            match quoted.as_slice() {
                [exists] if text.ends_with(" exists") => format!("mente du '{exists}'?"),
                [value, written] if text.starts_with("to pass ") => format!(
                    "skriv '{written}' for at give '{value}' som værdi, fx et filnavn med - forrest"
                ),
                _ => text,
            }
        })
        .collect()
}

/// Which other commands take an option the given command does not (`svar watch a.json
/// --png`): "'--png' hører til 'svar render', ikke til 'svar watch'".
fn option_of_other_commands(error: &clap::Error, usage: &Usage<'_>) -> Option<String> {
    if error.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(given)) = error.get(ContextKind::InvalidArg) else {
        return None;
    };
    let long = given.strip_prefix("--")?.split('=').next()?;
    let given_to = usage.subcommand();
    let owners: Vec<String> = usage
        .command
        .get_subcommands()
        .filter(|other| other.get_name() != given_to.get_name() && !other.is_hide_set())
        .filter(|other| {
            other
                .get_arguments()
                .any(|arg| arg.get_long() == Some(long))
        })
        .map(|other| format!("'svar {}'", other.get_name()))
        .collect();
    if owners.is_empty() || given_to.get_name() == usage.command.get_name() {
        return None;
    }
    let owners: Vec<&str> = owners.iter().map(String::as_str).collect();
    Some(format!(
        "'--{long}' hører til {}, ikke til 'svar {}'",
        crate::danish::and_list(&owners),
        given_to.get_name()
    ))
}

/// The option of the subcommand an unknown one was probably meant as, where clap suggests
/// none: clap's similarity misses a swap of two letters in a short name (`--pgn` for
/// `--png`), the commonest slip in typing one.
fn similar_option(error: &clap::Error, usage: &Usage<'_>) -> Option<String> {
    if error.kind() != ErrorKind::UnknownArgument || error.get(ContextKind::SuggestedArg).is_some()
    {
        return None;
    }
    let Some(ContextValue::String(given)) = error.get(ContextKind::InvalidArg) else {
        return None;
    };
    let typed = given.strip_prefix("--")?.split('=').next()?;
    usage
        .subcommand()
        .get_arguments()
        .filter_map(Arg::get_long)
        .map(|long| (strsim::osa_distance(typed, long), long))
        .filter(|(distance, _)| *distance <= 1)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, long)| format!("--{long}"))
}

/// The message and hint for an option given without its value (`-o` last, or `-o=`), which
/// clap tells as an empty value: "der mangler en sti efter -o", named as the clerk wrote it.
fn missing_value(error: &clap::Error, usage: &Usage<'_>) -> Option<(String, String)> {
    let (Some(ContextValue::String(arg)), Some(ContextValue::String(value))) = (
        error.get(ContextKind::InvalidArg),
        error.get(ContextKind::InvalidValue),
    ) else {
        return None;
    };
    // "--output <STI>": an option and the name of its value; an empty positional argument is
    // not a missing value.
    let (long, value_name) = arg.strip_prefix("--")?.split_once(' ')?;
    if !value.is_empty() || error.kind() != ErrorKind::InvalidValue {
        return None;
    }
    let option = usage
        .subcommand()
        .get_arguments()
        .find(|option| option.get_long() == Some(long))?;
    let short = option.get_short().map(|short| format!("-{short}"));
    let typed = match short {
        Some(short) if usage.has(&short) => short,
        _ => format!("--{long}"),
    };
    let (a, the) = value_words(value_name.trim_matches(['<', '>']));
    Some((
        format!("der mangler {a} efter {typed}"),
        format!("skriv {the} lige efter {typed}, eller fjern {typed}"),
    ))
}

/// Where no answer is given but `-o` names one (`svar render -o a.json`), the answer was
/// written after `-o` by mistake, and taken as the PDF's name: the tip says so.
fn answer_taken_as_output(error: &clap::Error, usage: &Usage<'_>) -> Option<String> {
    if error.kind() != ErrorKind::MissingRequiredArgument {
        return None;
    }
    let value = usage.value("-o").or_else(|| usage.value("--output"))?;
    crate::output::is_answer_name(std::path::Path::new(value)).then(|| {
        format!(
            "{value} står efter -o, som angiver, hvor PDF'en skrives; skriv svarfilen uden -o \
             foran: svar {} {value}",
            usage.subcommand().get_name()
        )
    })
}

/// The Danish words for what an option's value (by its name in the help) is: with the
/// indefinite and the definite article.
fn value_words(value_name: &str) -> (&'static str, &'static str) {
    match value_name {
        "STI" => ("en sti", "stien"),
        "FIL" => ("et filnavn", "filnavnet"),
        "PDF" => ("et navn på en PDF-fil", "navnet"),
        "MAPPE" => ("en mappe", "mappen"),
        "SEKUNDER" => ("et antal sekunder", "antallet"),
        "STANDARD" => ("en standard", "standarden"),
        _ => ("en værdi", "værdien"),
    }
}

/// clap's suggestions of what was meant, the closest to what was typed first (clap may give
/// `schema` before `check` for "chek"), as alternatives: "'check' eller 'schema'".
fn closest_first(error: &clap::Error, kind: ContextKind, usage: &Usage<'_>) -> String {
    let typed = [
        ContextKind::InvalidSubcommand,
        ContextKind::InvalidArg,
        ContextKind::InvalidValue,
    ]
    .into_iter()
    .find_map(|typed| match error.get(typed) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        _ => None,
    })
    .unwrap_or_default();
    let mut names = texts(error, kind);
    // A hidden command (`svar worker`, which svar starts itself) is no clerk's typo.
    names.retain(|name| {
        usage
            .command
            .find_subcommand(name)
            .is_none_or(|command| !command.is_hide_set())
    });
    names.sort_by_key(|name| strsim::damerau_levenshtein(&typed, name));
    quoted(&names, " eller ")
}

/// One piece of the error's context as text: names quoted, lists joined with commas.
fn context(error: &clap::Error, kind: ContextKind) -> String {
    match error.get(kind) {
        Some(ContextValue::Number(number)) => number.to_string(),
        _ => quoted(&texts(error, kind), ", "),
    }
}

/// The texts of one piece of the error's context, plain or styled, one or several; none for
/// another kind of value.
fn texts(error: &clap::Error, kind: ContextKind) -> Vec<String> {
    match error.get(kind) {
        Some(ContextValue::String(text)) => vec![text.clone()],
        Some(ContextValue::StyledStr(text)) => vec![text.to_string()],
        Some(ContextValue::Strings(texts)) => texts.clone(),
        Some(ContextValue::StyledStrs(texts)) => texts.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

/// Each of `names` in single quotes, joined with `separator`.
fn quoted(names: &[String], separator: &str) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("'{name}'")).collect();
    quoted.join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_as_a_command_asks_for_the_help_of_the_command_after_it() {
        let given = |line: &str| help_as_flag(line.split(' ').map(OsString::from).collect());
        assert_eq!(given("svar help render"), ["svar", "render", "--help"]);
        assert_eq!(given("svar hjælp"), ["svar", "--help"]);
        assert_eq!(given("svar help help"), ["svar", "--help"]);
        assert_eq!(
            given("svar render help.json"),
            ["svar", "render", "help.json"]
        );
    }

    fn error_for(args: &[&str]) -> String {
        let command = in_danish(Cli::command(), true);
        let args: Vec<OsString> = args.iter().map(Into::into).collect();
        let error = command.clone().try_get_matches_from(&args).unwrap_err();
        message(&error, &Usage::new(&command, &args))
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
        assert!(
            missing.starts_with("fejl: der mangler '<FIL>...'"),
            "{missing}"
        );
        // The answer written after -o by mistake (review 26, 5).
        for args in [
            &["svar", "render", "-o", "a.json"][..],
            &["svar", "render", "--output=a.json"],
        ] {
            assert!(
                error_for(args).starts_with(
                    "fejl: der mangler '<FIL>...'\n  = tip: a.json står efter -o, som angiver, \
                     hvor PDF'en skrives; skriv svarfilen uden -o foran: svar render a.json\n"
                ),
                "{args:?}"
            );
        }
        assert!(!error_for(&["svar", "render", "-o", "ud"]).contains("står efter -o"));
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
        // Several suggestions: the closest first, as alternatives.
        let command = error_for(&["svar", "chek"]);
        assert!(
            command.contains("  = tip: mente du 'check' eller 'schema'?\n"),
            "{command}"
        );
    }

    #[test]
    fn a_file_too_many_is_not_called_an_unknown_option() {
        for command in [
            &["svar", "new", "x.json", "y.json"][..],
            &["svar", "watch", "a.json", "b.json"],
        ] {
            let told = error_for(command);
            assert!(
                told.starts_with(
                    "fejl: 'b.json' er ét argument for meget; kommandoen tager ikke flere filer\n"
                ) || told.starts_with(
                    "fejl: 'y.json' er ét argument for meget; kommandoen tager ikke flere filer\n"
                ),
                "{told}"
            );
        }
    }

    #[test]
    fn a_mistyped_option_gets_a_suggestion_also_where_clap_has_none() {
        // Two letters swapped: clap's own similarity finds nothing close.
        let swapped = error_for(&["svar", "render", "x.json", "--pgn"]);
        assert!(
            swapped.starts_with("fejl: ukendt tilvalg '--pgn'\n  = tip: mente du '--png'?\n"),
            "{swapped}"
        );
        let watch = error_for(&["svar", "watch", "x.json", "--tempaltes", "mine"]);
        assert!(watch.contains("mente du '--templates'?"), "{watch}");
        // Clap's own suggestion is kept.
        let doubled = error_for(&["svar", "render", "x.json", "--pngg"]);
        assert!(doubled.contains("mente du '--png'?"), "{doubled}");
        let far = error_for(&["svar", "render", "x.json", "--bogus"]);
        assert!(!far.contains("mente du"), "{far}");
        // The worker svar starts for a batch is nobody's command to type.
        let hidden = error_for(&["svar", "worke"]);
        assert!(!hidden.contains("worker"), "{hidden}");
        let png = error_for(&["svar", "watch", "x.json", "--png"]);
        assert!(
            png.contains("  = tip: '--png' hører til 'svar render', ikke til 'svar watch'\n"),
            "{png}"
        );
        // Where clap writes its suggestion as an English sentence.
        let elsewhere = error_for(&["svar", "--png", "render", "x.json"]);
        assert!(
            elsewhere.contains("  = tip: mente du 'render --png'?\n"),
            "{elsewhere}"
        );
        // An option of another command is told as that, not as a value to write after `--`.
        let other = error_for(&["svar", "watch", "x.json", "--png"]);
        assert!(
            other.starts_with(
                "fejl: ukendt tilvalg '--png'\n  = tip: '--png' hører til 'svar render', ikke \
                 til 'svar watch'\n\nBrug: svar watch"
            ),
            "{other}"
        );
        let shared = error_for(&["svar", "new", "x.json", "--templates", "mine"]);
        assert!(
            shared.contains(
                "'--templates' hører til 'svar render', 'svar watch' og 'svar diff', ikke til \
                 'svar new'"
            ),
            "{shared}"
        );
        let dash = error_for(&["svar", "render", "-x"]);
        assert!(
            dash.contains(
                "  = tip: skriv '-- -x' for at give '-x' som værdi, fx et filnavn med - forrest\n"
            ),
            "{dash}"
        );
    }

    #[test]
    fn an_option_without_its_value_says_what_is_missing() {
        assert_eq!(
            error_for(&["svar", "render", "x.json", "-o"]),
            "fejl: der mangler en sti efter -o\n  = tip: skriv stien lige efter -o, eller fjern \
             -o\n\nSe mere med --help.\n"
        );
        let long = error_for(&["svar", "render", "x.json", "--output"]);
        assert!(
            long.starts_with("fejl: der mangler en sti efter --output\n"),
            "{long}"
        );
        let templates = error_for(&["svar", "watch", "x.json", "--templates"]);
        assert!(
            templates.starts_with("fejl: der mangler en mappe efter --templates\n"),
            "{templates}"
        );
        // A value that is there but wrong is told as before.
        let wrong = error_for(&["svar", "render", "--pdf-standard", "x", "a.json"]);
        assert!(
            wrong.starts_with("fejl: 'x' er ikke en gyldig værdi"),
            "{wrong}"
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
        // `svar help` is no command of its own in the list, so the help says how to ask it.
        assert!(help.contains("svar help KOMMANDO"), "{help}");
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
