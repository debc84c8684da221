//! A template engine error told in Danish, at the template and line that caused it.
//!
//! minijinja reports a mistake in an included template as an include error of the includer,
//! with the real error as its source; a template author must see the innermost one. Its kinds
//! and details are English; the ones a template author meets are retold in Danish here, with
//! minijinja's own words kept in parentheses where no good translation exists.

use minijinja::ErrorKind;

use super::templates::{self, TemplateSet};

/// Why an answer could not be turned into Typst markup: always a template's fault.
#[derive(Debug, thiserror::Error)]
#[error("skabelonen {template}{}: {detail}", line.map(|l| format!(", linje {l}")).unwrap_or_default())]
pub struct RenderError {
    /// The template file at fault.
    pub template: String,
    /// The line in that file, when known.
    pub line: Option<usize>,
    /// What went wrong, in Danish.
    pub detail: String,
}

impl RenderError {
    /// The filter `name` at `line` of `template`, which does not exist.
    pub(crate) fn unknown_filter(template: &str, line: usize, name: &str) -> Self {
        Self {
            template: template.to_string(),
            line: Some(line),
            detail: unknown_filter(name),
        }
    }

    /// The template engine's `error`, located at the innermost template it happened in (an
    /// error in an included template is otherwise blamed on the `{% include %}` line) and told
    /// in Danish. `templates` gives the character a syntax error points at.
    pub(super) fn from_engine(error: &minijinja::Error, templates: &TemplateSet) -> Self {
        let chain = chain(error);
        let innermost = chain.last().copied().unwrap_or(error);
        let located = chain
            .iter()
            .rev()
            .find(|error| error.name().is_some())
            .copied()
            .unwrap_or(innermost);
        Self {
            template: located.name().unwrap_or(templates::ENTRY).to_string(),
            line: located.line(),
            detail: in_danish(innermost, templates),
        }
    }
}

/// A mistake svar's own filters and formatter explain in Danish, attached as the source of the
/// engine error they return, so that it is shown as it is.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct Explained(&'static str);

/// An engine error for a mistake explained in Danish.
pub(super) fn explained(kind: ErrorKind, danish: &'static str) -> minijinja::Error {
    minijinja::Error::new(kind, danish).with_source(Explained(danish))
}

/// `error` and the engine errors it was caused by, outermost first.
fn chain(error: &minijinja::Error) -> Vec<&minijinja::Error> {
    let mut chain = vec![error];
    while let Some(inner) = chain
        .last()
        .and_then(|error| std::error::Error::source(*error))
        .and_then(|source| source.downcast_ref::<minijinja::Error>())
    {
        chain.push(inner);
    }
    chain
}

/// What went wrong, in Danish, with what to do where there is something obvious.
fn in_danish(error: &minijinja::Error, templates: &TemplateSet) -> String {
    if let Some(explained) =
        std::error::Error::source(error).and_then(|source| source.downcast_ref::<Explained>())
    {
        return explained.0.to_string();
    }
    let detail = error.detail().unwrap_or_default();
    let translated = match error.kind() {
        ErrorKind::SyntaxError => Some(format!(
            "syntaksfejl: {}",
            syntax_in_danish(detail, unexpected_character(error, templates))
        )),
        ErrorKind::UnknownFilter => detail
            .strip_prefix("filter ")
            .and_then(|rest| rest.strip_suffix(" is unknown"))
            .map(unknown_filter),
        ErrorKind::UnknownTest => detail
            .strip_prefix("test ")
            .and_then(|rest| rest.strip_suffix(" is unknown"))
            .map(|name| format!("testen \"{name}\" findes ikke; tjek navnet")),
        ErrorKind::UnknownFunction => detail.strip_suffix(" is unknown").map(|name| {
            format!(
                "funktionen \"{name}\" findes ikke; tjek navnet, eller definér den med \
                 {{% macro {name}(…) %}} i skabelonen"
            )
        }),
        ErrorKind::UndefinedError => Some(undefined(detail)),
        ErrorKind::TemplateNotFound => Some(format!(
            "skabelonen findes ikke ({detail}); svar kender {}",
            names(templates)
        )),
        ErrorKind::TooManyArguments => Some(with_detail("for mange argumenter", detail)),
        ErrorKind::MissingArgument => Some(with_detail("der mangler et argument", detail)),
        ErrorKind::InvalidOperation => Some(with_detail("ugyldig handling", detail)),
        _ => None,
    };
    translated.unwrap_or_else(|| with_detail(&error.kind().to_string(), detail))
}

/// `danish`, with the engine's English detail in parentheses when there is one.
fn with_detail(danish: &str, detail: &str) -> String {
    if detail.is_empty() {
        danish.to_string()
    } else {
        format!("{danish} ({detail})")
    }
}

/// An unknown filter, with the closest of svar's own filters or a list of them.
fn unknown_filter(name: &str) -> String {
    let hint = match crate::spelling::did_you_mean(name, &super::FILTERS) {
        Some(close) => format!("mente du {close}?"),
        None => format!(
            "svars egne filtre er {}",
            crate::danish::and_list(&super::FILTERS)
        ),
    };
    format!("filteret \"{name}\" findes ikke; {hint}")
}

/// "`block.txt` is undefined", possibly with where the value came from, in Danish.
fn undefined(detail: &str) -> String {
    let parsed = detail.strip_prefix('`').and_then(|rest| {
        let (expression, rest) = rest.split_once("` is undefined")?;
        let origin = match rest
            .strip_prefix(" (from ")
            .and_then(|r| r.strip_suffix(')'))
        {
            Some(origin) => format!(" (den stammer fra {})", origin_in_danish(origin)),
            None if rest.is_empty() => String::new(),
            None => return None,
        };
        Some(format!(
            "værdien \"{expression}\" findes ikke{origin}; tjek navnet, eller test den først \
             med {{% if {expression} is defined %}}"
        ))
    });
    parsed.unwrap_or_else(|| with_detail("en værdi findes ikke", detail))
}

/// "line 3" or "blocks.typ:3", where an undefined value was made, in Danish.
fn origin_in_danish(origin: &str) -> String {
    if let Some(line) = origin.strip_prefix("line ") {
        return format!("linje {line}");
    }
    match origin.rsplit_once(':') {
        Some((template, line)) => format!("skabelonen {template}, linje {line}"),
        None => origin.to_string(),
    }
}

/// The character a syntax error points at, read from the template's source.
fn unexpected_character(error: &minijinja::Error, templates: &TemplateSet) -> Option<char> {
    let source = templates.get(error.name()?)?;
    source.get(error.range()?.start..)?.chars().next()
}

/// A syntax error's detail in Danish: what was unexpected, and what was expected instead.
fn syntax_in_danish(detail: &str, character: Option<char>) -> String {
    let fixed = match detail {
        "unexpected character" => Some(match character {
            Some(character) => format!("uventet tegn \"{character}\""),
            None => "uventet tegn".to_string(),
        }),
        "unexpected end of string" => {
            Some("en tekststreng slutter ikke; der mangler et afsluttende anførselstegn".into())
        }
        "unexpected end of comment" => Some("en kommentar slutter ikke; der mangler #}".into()),
        "unexpected end of raw block" => Some("der mangler {% endraw %}".into()),
        // What the parser expects is the `%}` of the missing end tag.
        "unexpected end of input, expected end of block" => Some(
            "skabelonen slutter, før en blok er lukket; der mangler en slutning som \
             {% endif %} eller {% endfor %}"
                .into(),
        ),
        _ => None,
    };
    fixed
        .or_else(|| unexpected_token(detail))
        .or_else(|| {
            let name = detail.strip_prefix("unknown statement ")?;
            Some(format!("ukendt blok {{% {name} %}}"))
        })
        .unwrap_or_else(|| format!("({detail})"))
}

/// "unexpected X" or "unexpected X, expected Y" in Danish, if every part is known.
fn unexpected_token(detail: &str) -> Option<String> {
    let rest = detail.strip_prefix("unexpected ")?;
    match rest.split_once(", expected ") {
        Some((found, expected)) => Some(format!(
            "uventet {}, hvor der skulle stå {}",
            token_in_danish(found)?,
            token_in_danish(expected)?
        )),
        None => Some(format!("uventet {}", token_in_danish(rest)?)),
    }
}

/// One of the engine's names for a piece of template syntax, in Danish; delimiters and
/// keywords are shown as written.
fn token_in_danish(token: &str) -> Option<String> {
    let danish = match token {
        "end of input" => "slutningen af skabelonen",
        "end of block" => "`%}`",
        "start of block" => "`{%`",
        "end of variable block" => "`}}`",
        "start of variable block" => "`{{`",
        "template-data" => "almindelig tekst",
        "identifier" => "et navn",
        "string" => "en tekststreng",
        "integer" => "et heltal",
        "float" => "et decimaltal",
        "expression" => "et udtryk",
        "identifier or integer" => "et navn eller et heltal",
        "assignment operator" => "`=`",
        "comma" => "`,`",
        written if written.starts_with('`') => written,
        keyword if keyword.bytes().all(|byte| byte.is_ascii_lowercase()) => {
            return Some(format!("`{keyword}`"));
        }
        _ => return None,
    };
    Some(danish.to_string())
}

/// The names of the template files, for saying which exist.
fn names(templates: &TemplateSet) -> String {
    let names: Vec<&str> = templates.files().map(|(name, _)| name).collect();
    crate::danish::and_list(&names)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error rendering `answer.typ` gives, with `blocks.typ` and `answer.typ` as given.
    fn error_of(answer: &str, blocks: &str) -> RenderError {
        let templates = TemplateSet::builtin()
            .with_file("answer.typ", answer)
            .with_file("blocks.typ", blocks);
        let fixture =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/complete.json");
        let answer = crate::input::load(&fixture).unwrap().answer;
        let context = super::super::DocumentContext::new(&answer);
        super::super::typst_source_from(&context, &templates).unwrap_err()
    }

    #[test]
    fn an_error_in_an_included_template_names_that_template_and_line() {
        let error = error_of(
            "a\n{% include \"blocks.typ\" %}\n",
            "x\ny\n{{ 1|nosuchfilter }}\n",
        );
        assert_eq!(
            error.to_string(),
            "skabelonen blocks.typ, linje 3: filteret \"nosuchfilter\" findes ikke; svars egne \
             filtre er string, content, inline, marked, marked_prose og note_pushes"
        );
    }

    #[test]
    fn a_misspelt_own_filter_is_suggested() {
        let error = error_of("{{ \"x\"|inlin }}\n", "");
        assert_eq!(
            error.detail,
            "filteret \"inlin\" findes ikke; mente du inline?"
        );
    }

    #[test]
    fn unknown_functions_and_undefined_values_are_told_in_danish() {
        let function = error_of("\n{{ nosuchfunction(1) }}\n", "");
        assert_eq!(function.line, Some(2));
        assert_eq!(
            function.detail,
            "funktionen \"nosuchfunction\" findes ikke; tjek navnet, eller definér den med \
             {% macro nosuchfunction(…) %} i skabelonen"
        );
        let value = error_of("{{ nosuchvalue.text }}\n", "");
        assert_eq!(
            value.detail,
            "værdien \"nosuchvalue\" findes ikke; tjek navnet, eller test den først med \
             {% if nosuchvalue is defined %}"
        );
        for filter in ["", "|string", "|content", "|inline"] {
            let field = error_of(&format!("{{{{ date.txt{filter} }}}}\n"), "");
            assert_eq!(
                field.detail,
                "værdien \"date.txt\" findes ikke; tjek navnet, eller test den først med \
                 {% if date.txt is defined %}",
                "{filter}"
            );
        }
    }

    #[test]
    fn syntax_errors_say_what_was_unexpected() {
        let character = error_of("ok\n{{ 1 § 2 }}\n", "");
        assert_eq!(
            (character.template.as_str(), character.line),
            ("answer.typ", Some(2))
        );
        assert_eq!(character.detail, "syntaksfejl: uventet tegn \"§\"");
        let block = error_of("", "{% if %}{% endif %}\n");
        assert_eq!(block.template, "blocks.typ");
        assert_eq!(block.detail, "syntaksfejl: uventet `%}`");
        let unclosed = error_of("{% for x in [1] %}\n", "");
        assert_eq!(
            unclosed.detail,
            "syntaksfejl: skabelonen slutter, før en blok er lukket; der mangler en slutning som \
             {% endif %} eller {% endfor %}"
        );
        let unfinished = error_of("{{ 1 + }}\n", "");
        assert_eq!(unfinished.detail, "syntaksfejl: uventet `}}`");
    }

    #[test]
    fn wrong_arguments_keep_the_engines_detail() {
        let error = error_of("{{ range(1, 2, 3, 4) }}\n", "");
        assert!(
            error.detail.starts_with("for mange argumenter"),
            "{}",
            error.detail
        );
    }

    #[test]
    fn an_unknown_syntax_detail_is_kept_in_parentheses() {
        assert_eq!(
            syntax_in_danish("Too many arguments in function call", None),
            "(Too many arguments in function call)"
        );
        assert_eq!(
            unexpected_token("unexpected identifier, expected missing keyword"),
            None
        );
    }
}
