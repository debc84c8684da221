//! Ministry profiles: letterhead data kept once per ministry in `ministries/<id>.json` beside
//! the answer files, and filled into an answer when it is read.

use std::path::{Path, PathBuf};

use super::SideFiles;
use super::confine::{self, Refusal};
use super::diagnostic::{Finding, LineIndex, SourcePlace};
use super::image::{self, Flaw};
use super::scan::{self, FileKind};
use super::serde_error;
use crate::fs::{PROFILE_FOLDER, io_in_danish, read_file};
use crate::json_path::JsonPath;
use crate::model::{Answer, Letterhead, Logo};

/// The profiles that ship with svar, read when the answer's folder has no profile of that name
/// (as the built-in templates are used where `--templates` has none): a clerk drafting in a
/// folder of their own gets the letterhead printed on the ministry's real answers. A profile
/// in `ministries/` beside the answer takes their place.
const SHIPPED: [(&str, &str); 5] = [
    (
        "beskaeftigelsesministeriet",
        include_str!("../../data/ministries/beskaeftigelsesministeriet.json"),
    ),
    (
        "forsvarsministeriet",
        include_str!("../../data/ministries/forsvarsministeriet.json"),
    ),
    (
        "justitsministeriet",
        include_str!("../../data/ministries/justitsministeriet.json"),
    ),
    (
        "sundhedsministeriet",
        include_str!("../../data/ministries/sundhedsministeriet.json"),
    ),
    (
        "udlaendinge-og-integrationsministeriet",
        include_str!("../../data/ministries/udlaendinge-og-integrationsministeriet.json"),
    ),
];

/// The profiles that ship with svar, as `svar new --ministerium` offers them: each id (the
/// name `ministry.profile` gives) and the ministry's name as the profile prints it.
pub fn shipped_ministries() -> Vec<(&'static str, String)> {
    SHIPPED
        .iter()
        .filter_map(|(id, text)| {
            let profile: serde_json::Value = serde_json::from_str(text).ok()?;
            Some((*id, profile.get("name")?.as_str()?.to_string()))
        })
        .collect()
}

/// The text of the profile `id` that ships with svar, if one does.
fn shipped(id: &str) -> Option<&'static str> {
    SHIPPED
        .iter()
        .find(|(shipped, _)| *shipped == id)
        .map(|(_, text)| *text)
}

/// Why a profile could not be used, as a message and a hint for the clerk.
pub(super) struct ProfileProblem {
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub hint: String,
    /// The place in the profile the problem is, where it is in the profile's text: shown
    /// there, as a mistake of the answer is shown in the answer.
    pub place: Option<Box<SourcePlace>>,
}

impl ProfileProblem {
    /// A problem of the profile as a whole, or of a file it names, shown at the answer's
    /// `profile`: it has no place in the profile's text.
    fn new(message: String, hint: String) -> Self {
        Self {
            message,
            hint,
            place: None,
        }
    }
}

/// Fills in the letterhead of the profile the answer names, if it names one, from the
/// `ministries/` folder beside the answer file or from the PDF that carries the answer.
pub(super) fn resolve(
    answer: &mut Answer,
    side_files: SideFiles<'_>,
) -> Result<(), ProfileProblem> {
    // An empty name is told by the content checks, as every empty text is.
    let Some(id) = answer
        .ministry
        .profile
        .clone()
        .filter(|id| !id.trim().is_empty())
    else {
        return Ok(());
    };
    check_id(&id)?;
    let name = format!("{id}.json");
    let (text, file) = match side_files {
        SideFiles::Beside(path) => {
            let folder = folder_beside(path);
            (read_profile(&id, &folder, &name)?, folder.join(&name))
        }
        SideFiles::Attached(find) => {
            let file = format!("{PROFILE_FOLDER}/{name}");
            let text = attached(find, &file, "ministerieprofilen")?;
            let text = String::from_utf8(text).map_err(|_| {
                ProfileProblem::new(
                    format!("ministerieprofilen {file} i PDF'en er ikke UTF-8-tekst"),
                    "PDF'en er beskadiget; sammenlign svarfilerne (JSON) i stedet".into(),
                )
            })?;
            (text, PathBuf::from(file))
        }
    };
    let mut letterhead = letterhead(text, &file, &format!("{PROFILE_FOLDER}/{name}"))?;
    if let Some(logo) = &mut letterhead.logo {
        check_logo_name(logo, &file)?;
        let (bytes, path) = match side_files {
            SideFiles::Beside(path) => read_logo(&logo.file, &folder_beside(path))?,
            SideFiles::Attached(find) => {
                let image = format!("{PROFILE_FOLDER}/{}", logo.file);
                (attached(find, &image, "logoet")?, PathBuf::from(image))
            }
        };
        check_image(&bytes, &path, &file)?;
        logo.bytes = image::as_attached(bytes, &logo.file).into();
    }
    answer.ministry.letterhead = Some(letterhead);
    Ok(())
}

/// The error for a ministry profile given where an answer file belongs (`svar check
/// data/ministries/justitsministeriet.json`), if `text` is one: an object with a profile's
/// `name` and `address` and neither an answer's `question` nor its `answer`. Told once, at the
/// file's start, rather than as the dozen fields an answer has and a profile has not.
pub(super) fn given_as_answer(text: &str, path: &Path, lines: &LineIndex<'_>) -> Option<Finding> {
    let value: serde_json::Value = super::parse(text).ok()?;
    let fields = value.as_object()?;
    let has = |field: &str| fields.contains_key(field);
    if !(has("name") && has("address")) || has("question") || has("answer") {
        return None;
    }
    let id = (path.file_stem().and_then(|stem| stem.to_str()))
        .filter(|id| check_id(id).is_ok())
        .unwrap_or("…");
    let start = text.find('{').unwrap_or_default();
    Some(Finding::error(
        JsonPath::root(),
        "filen er en ministerieprofil, ikke en svarfil".into(),
        Some(format!(
            "en profil læses gennem svarets \"ministry\": {{\"profile\": \"{id}\"}}, fra \
             mappen {PROFILE_FOLDER}/ ved siden af svarfilen; tjek profilen ved at tjekke et svar, \
             der bruger den"
        )),
        start..start + 1,
        lines,
    ))
}

/// The profile folder beside the answer file at `path`.
fn folder_beside(path: &Path) -> PathBuf {
    super::answer_folder(path).join(PROFILE_FOLDER)
}

/// The letterhead in the profile text `text` read from `file`, keeping the text to attach;
/// `named` is the file as the answer names it, relative to its folder.
fn letterhead(text: String, file: &Path, named: &str) -> Result<Letterhead, ProfileProblem> {
    let text = super::composed(text_as_attached(&text));
    let text = super::composed_escapes(&text).into_owned();
    let mut letterhead = parse(&text, file, named)?;
    letterhead.source = text.into_bytes().into();
    Ok(letterhead)
}

/// A text file's content as the PDF carries it. Line ends and a byte-order mark are the
/// choice of an editor, or of Git on Windows, not of the clerk: they must not change the PDF's
/// bytes, or a copy checked out on Windows would give another PDF of the same answer.
pub(super) fn text_as_attached(text: &str) -> String {
    text.strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n")
        .replace('\r', "\n")
}

/// The file `name` (`thing` for the message) attached to the PDF that carries the answer.
fn attached(
    find: &dyn Fn(&str) -> Option<Vec<u8>>,
    name: &str,
    thing: &str,
) -> Result<Vec<u8>, ProfileProblem> {
    find(name).ok_or_else(|| ProfileProblem::new(format!("{thing} {name} er ikke vedhæftet PDF'en"), "PDF'en er lavet af en ældre svar eller er ændret; sammenlign svarfilerne (JSON) i stedet".into()))
}

/// Refuses a profile name that is not a plain file name in `ministries/`.
fn check_id(id: &str) -> Result<(), ProfileProblem> {
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        let rule = "skriv navnet på en fil i ministries/ uden .json, med små bogstaver, tal og \
                    bindestreger";
        let named = as_profile_name(id);
        let hint = match SHIPPED.iter().find(|(shipped, _)| *shipped == named) {
            Some((meant, _)) => format!("mente du \"{meant}\"? {rule}"),
            None => rule.into(),
        };
        return Err(ProfileProblem::new(
            format!("profilnavnet \"{id}\" er ugyldigt"),
            hint,
        ));
    }
    Ok(())
}

/// A ministry's name as a clerk may write it ("Justitsministeriet", "udlændinge- og
/// integrationsministeriet.json") as the name of its profile ("justitsministeriet",
/// "udlaendinge-og-integrationsministeriet").
fn as_profile_name(written: &str) -> String {
    let lower = written.trim().to_lowercase();
    let lower = lower.strip_suffix(".json").unwrap_or(&lower);
    let mut name = String::with_capacity(lower.len());
    for c in lower.chars() {
        match c {
            'æ' => name.push_str("ae"),
            'ø' => name.push_str("oe"),
            'å' => name.push_str("aa"),
            ' ' | '_' => name.push('-'),
            c => name.push(c),
        }
    }
    // "udlændinge- og …" has a space after its hyphen.
    name.replace("--", "-")
}

/// The text of the profile `id` (the file `name` in `folder`), which must lie in the
/// `ministries` folder once links are followed; the folder itself may be a link, to profiles
/// shared by several answer folders.
fn read_profile(id: &str, folder: &Path, name: &str) -> Result<String, ProfileProblem> {
    let file = folder.join(name);
    let unreadable = |error: std::io::Error| match error.kind() {
        std::io::ErrorKind::NotFound => ProfileProblem::new(
            format!(
                "ministerieprofilen \"{id}\" findes ikke ({})",
                file.display()
            ),
            available(id, folder),
        ),
        _ => ProfileProblem::new(
            format!(
                "ministerieprofilen {} kan ikke læses: {}",
                file.display(),
                io_in_danish(&error)
            ),
            "gem profilen som UTF-8-tekst i mappen ministries/".into(),
        ),
    };
    // No such file in the folder (or no folder): the profile that ships with svar, if one does.
    let missing = |error: std::io::Error| match shipped(id) {
        Some(text) if error.kind() == std::io::ErrorKind::NotFound => Ok(text.to_string()),
        _ => Err(unreadable(error)),
    };
    let real = match confine::inside(folder, Path::new(name)) {
        Ok(real) => real,
        Err(Refusal::Io(error)) => return missing(error),
        Err(Refusal::Outside | Refusal::Link) => {
            return Err(linked_out("ministerieprofilen", &file, "profilen"));
        }
    };
    let bytes = match read_file(&real) {
        Ok(bytes) => bytes,
        Err(error) => return missing(error),
    };
    String::from_utf8(bytes)
        .map_err(|_| unreadable(std::io::Error::from(std::io::ErrorKind::InvalidData)))
}

/// The letterhead in the text of the profile `file` (`named` as the answer names it), or
/// what is wrong with it, shown at its place in the profile.
fn parse(text: &str, file: &Path, named: &str) -> Result<Letterhead, ProfileProblem> {
    let lines = LineIndex::new(text);
    let invalid = |span: std::ops::Range<usize>, message: String, hint: Option<String>| {
        let place = SourcePlace::shown(named, &file.display().to_string(), text, span);
        ProfileProblem {
            message: format!(
                "ministerieprofilen {} er ugyldig i linje {}, kolonne {}: {message}",
                file.display(),
                place.line.unwrap_or_default(),
                place.column.unwrap_or_default()
            ),
            hint: hint.unwrap_or_else(|| {
                "ret profilfilen; den skal have name, address og evt. phone, fax, web og layout"
                    .into()
            }),
            place: Some(Box::new(place)),
        }
    };
    // The same guard as for answer files: serde_json must not meet deep nesting.
    if let Some(flaw) = scan::check(text, FileKind::Profile, &lines)
        .into_iter()
        .next()
    {
        return Err(invalid(flaw.span, flaw.message, flaw.hint));
    }
    serde_json::from_str(text).map_err(|error| {
        let (message, hint) = serde_error::describe(&error);
        let at = lines.offset(error.line(), error.column());
        let field = serde_error::unknown_field(&error);
        let span = field
            .as_deref()
            .and_then(|field| key_before(text, at, field))
            .unwrap_or(at..at + 1);
        let hint = field.as_deref().and_then(belongs_in_answer).or(hint);
        invalid(span, message, hint)
    })
}

/// The key `"field"` that ends at `at`, where serde_json stops at an unknown field.
fn key_before(text: &str, at: usize, field: &str) -> Option<std::ops::Range<usize>> {
    let key = serde_json::to_string(field).ok()?;
    let end = text
        .get(at..)?
        .chars()
        .next()
        .map_or(at, |c| at + c.len_utf8());
    let start = text.get(..end)?.rfind(&key)?;
    Some(start..start + key.len())
}

/// Where in the answer file the field `field`, unknown in a profile, belongs, as advice: a
/// clerk who moves the answer's `ministry` into a profile moves `department` or
/// `minister_title` with it, which stay the answer's.
fn belongs_in_answer(field: &str) -> Option<String> {
    let root = JsonPath::root();
    let objects = [
        root.key("ministry"),
        root.clone(),
        root.key("question"),
        root.key("answer"),
    ];
    let object = objects
        .iter()
        .find(|object| super::shape::has_field(object, field) == Some(true))?;
    let named = if object.0.is_empty() {
        "svarfilens yderste objekt".to_string()
    } else {
        format!("objektet `{object}` i svarfilen")
    };
    Some(format!(
        "`{field}` hører til i {named}, ikke i ministerieprofilen: flyt feltet dertil"
    ))
}

/// Refuses a logo that is not an image file named plainly, beside the profile `profile`.
fn check_logo_name(logo: &Logo, profile: &Path) -> Result<(), ProfileProblem> {
    // One file name on Unix, but Typst takes a backslash for Windows' path separator and
    // refuses it in any name it reads.
    if logo.file.contains('\\') {
        return Err(ProfileProblem::new(
            format!(
                "logoet \"{}\" i {} har en omvendt skråstreg (\\) i navnet",
                logo.file,
                profile.display()
            ),
            "omdøb billedfilen til et navn uden \\, og skriv det nye navn her".into(),
        ));
    }
    let name = Path::new(&logo.file);
    let plain_name = name.components().count() == 1
        && matches!(
            name.components().next(),
            Some(std::path::Component::Normal(_))
        );
    if !plain_name || !image::is_image_name(name) {
        return Err(ProfileProblem::new(
            format!(
                "logoet \"{}\" i {} er ikke en billedfil i mappen ministries/",
                logo.file,
                profile.display()
            ),
            "skriv navnet på en SVG-, PNG- eller JPEG-fil, der ligger ved siden af profilen".into(),
        ));
    }
    Ok(())
}

/// Reads the logo file `file` from the profile folder `folder`; returns its bytes and path.
fn read_logo(file: &str, folder: &Path) -> Result<(Vec<u8>, PathBuf), ProfileProblem> {
    let name = Path::new(file);
    let path = folder.join(name);
    let unreadable = |error: std::io::Error| {
        ProfileProblem::new(
            format!(
                "logoet {} kan ikke læses: {}",
                path.display(),
                io_in_danish(&error)
            ),
            "læg billedfilen i mappen ministries/, eller ret \"logo\" i profilen".into(),
        )
    };
    let real = confine::inside(folder, name).map_err(|refusal| match refusal {
        Refusal::Io(error) => unreadable(error),
        Refusal::Outside | Refusal::Link => linked_out("logoet", &path, "billedfilen"),
    })?;
    let bytes = read_file(&real).map_err(unreadable)?;
    Ok((bytes, path))
}

/// A profile or logo (the `thing` at `path`, a `what` to copy) that is a symbolic link out of
/// `ministries/`.
fn linked_out(thing: &str, path: &Path, what: &str) -> ProfileProblem {
    ProfileProblem::new(
        format!(
            "{thing} {} peger uden for mappen ministries/ gennem en genvej (symbolsk link)",
            path.display()
        ),
        format!(
            "kopiér {what} ind i mappen ministries/ i stedet for at henvise til den med en genvej"
        ),
    )
}

/// Refuses a logo whose content is not the image its name says (a PNG saved as `.svg`, a
/// damaged file) or that Typst could not draw, which Typst would refuse later in English,
/// naming only its own path for the logo; `profile` is the profile that names it.
fn check_image(bytes: &[u8], path: &Path, profile: &Path) -> Result<(), ProfileProblem> {
    let kind = image::kind(path);
    let flaw = match image::check(bytes, path) {
        Ok(()) => return Ok(()),
        Err(flaw) => flaw,
    };
    Err(match flaw {
        Flaw::Invalid(why) => ProfileProblem::new(
            format!(
                "logoet {} er ikke en gyldig {kind}-fil{}",
                path.display(),
                why.map(|why| format!(" ({why})")).unwrap_or_default()
            ),
            format!(
                "gem billedet igen som {kind}, eller ret filnavnet i \"logo\" i profilen {}",
                profile.display()
            ),
        ),
        Flaw::TooLarge { width, height } => ProfileProblem::new(
            format!(
                "logoet {} er for stort: {width} × {height} punkter, men højst {} millioner",
                path.display(),
                image::MAX_PIXELS / 1_000_000
            ),
            "gem logoet i en mindre opløsning; et par hundrede punkter i bredden er nok".into(),
        ),
        Flaw::NoSize => ProfileProblem::new(
            format!(
                "logoet {} har ingen størrelse: SVG-filen har hverken en viewBox eller både \
                 width og height, så det tegnes i en størrelse gættet ud fra indholdet og kan \
                 blive beskåret",
                path.display()
            ),
            "tilføj en viewBox med logoets bredde og højde i <svg>-elementet, fx \
                   <svg viewBox=\"0 0 200 80\" …> (i Inkscape: Dokumentegenskaber), eller gem \
                   logoet som PNG"
                .into(),
        ),
        Flaw::Linked(image) => ProfileProblem::new(
            format!(
                "logoet {} henviser til billedet {image} i en anden fil, og det kommer ikke \
                 med i PDF'en",
                path.display()
            ),
            "indlejr billedet i SVG-filen (i Inkscape: Filer → Indlejr billeder), \
                   eller gem logoet som PNG"
                .into(),
        ),
    })
}

/// The profiles there are, in `folder` and shipped with svar, for the hint; the one `id` was
/// probably meant as first.
fn available(id: &str, folder: &Path) -> String {
    let mut ids: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok()?.path().file_stem()?.to_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    ids.extend(SHIPPED.iter().map(|(id, _)| id.to_string()));
    ids.sort();
    ids.dedup();
    let known = format!(
        "kendte profiler: {}; en anden lægges i {}",
        ids.join(", "),
        folder.display()
    );
    let closest = ids
        .iter()
        .map(|known| (strsim::damerau_levenshtein(id, known), known))
        .min();
    match closest {
        Some((distance, meant)) if distance <= 3 => format!("mente du \"{meant}\"? {known}"),
        _ => known,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_is_told_from_an_answer_by_its_fields() {
        let told = |text: &str, file: &str| {
            let lines = LineIndex::new(text);
            given_as_answer(text, Path::new(file), &lines).and_then(|finding| finding.hint)
        };
        let profile = r#"{"name": "Justitsministeriet", "address": ["Slotsholmsgade 10"]}"#;
        let hint = told(profile, "ministries/justitsministeriet.json").unwrap();
        assert!(
            hint.contains(r#"{"profile": "justitsministeriet"}"#),
            "{hint}"
        );
        // A file name no profile may have is not offered as one.
        let hint = told(profile, "Justitsministeriet (kopi).json").unwrap();
        assert!(hint.contains(r#"{"profile": "…"}"#), "{hint}");
        // An answer with a stray `name` and `address` is still an answer, with its mistakes.
        let answer = r#"{"name": "x", "address": [], "question": {}, "answer": {}}"#;
        assert_eq!(told(answer, "svar.json"), None);
        assert_eq!(told(r#"{"name": "Justitsministeriet"}"#, "svar.json"), None);
    }

    #[test]
    fn a_ministry_s_name_as_written_is_known_as_its_profile() {
        for written in [
            "Justitsministeriet",
            "JUSTITSMINISTERIET",
            "justitsministeriet.json",
        ] {
            assert_eq!(as_profile_name(written), "justitsministeriet");
        }
        assert_eq!(
            as_profile_name("Udlændinge- og Integrationsministeriet"),
            "udlaendinge-og-integrationsministeriet"
        );
        let hint = |id: &str| check_id(id).err().map(|problem| problem.hint);
        assert!(
            hint("Sundhedsministeriet")
                .unwrap()
                .starts_with("mente du \"sundhedsministeriet\"? skriv navnet")
        );
        assert!(
            hint("Udenrigsministeriet")
                .unwrap()
                .starts_with("skriv navnet")
        );
        assert_eq!(hint("sundhedsministeriet"), None);
    }
}
