//! Ministry profiles: letterhead data kept once per ministry in `ministries/<id>.json` beside
//! the answer files, and filled into an answer when it is read.

use std::path::Path;

use crate::model::{Answer, Letterhead, Logo};

/// Why a profile could not be used, as a message and a hint for the clerk.
pub struct ProfileProblem {
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub hint: String,
}

/// Fills in the letterhead of the profile the answer at `path` names, if it names one.
pub fn resolve(answer: &mut Answer, path: &Path) -> Result<(), ProfileProblem> {
    let Some(id) = answer.ministry.profile.clone() else {
        return Ok(());
    };
    let folder = path.parent().unwrap_or(Path::new(".")).join("ministries");
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(ProfileProblem {
            message: format!("profilnavnet \"{id}\" er ugyldigt"),
            hint: "skriv navnet på en fil i ministries/ uden .json, med små bogstaver, tal og bindestreger".into(),
        });
    }
    let file = folder.join(format!("{id}.json"));
    let text = std::fs::read_to_string(&file).map_err(|_| ProfileProblem {
        message: format!(
            "ministerieprofilen \"{id}\" findes ikke ({})",
            file.display()
        ),
        hint: available(&folder),
    })?;
    let letterhead: Letterhead = serde_json::from_str(&text).map_err(|error| ProfileProblem {
        message: format!("ministerieprofilen {} er ugyldig: {error}", file.display()),
        hint: "ret profilfilen; den skal have name, address og evt. phone, fax, web og layout"
            .into(),
    })?;
    let mut letterhead = letterhead;
    letterhead.source = text.into_bytes().into();
    if let Some(logo) = &mut letterhead.logo {
        read_logo(logo, &folder, &file)?;
    }
    answer.ministry.letterhead = Some(letterhead);
    Ok(())
}

/// Reads the logo a profile names, which must be an image file in the profile's own folder.
fn read_logo(logo: &mut Logo, folder: &Path, profile: &Path) -> Result<(), ProfileProblem> {
    let name = Path::new(&logo.file);
    let plain_name = name.components().count() == 1
        && matches!(
            name.components().next(),
            Some(std::path::Component::Normal(_))
        );
    let extension = name
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let image = matches!(extension.as_deref(), Some("svg" | "png" | "jpg" | "jpeg"));
    if !plain_name || !image {
        return Err(ProfileProblem {
            message: format!(
                "logoet \"{}\" i {} er ikke en billedfil i mappen ministries/",
                logo.file,
                profile.display()
            ),
            hint: "skriv navnet på en SVG-, PNG- eller JPEG-fil, der ligger ved siden af profilen"
                .into(),
        });
    }
    let path = folder.join(name);
    logo.bytes = std::fs::read(&path)
        .map(Into::into)
        .map_err(|error| ProfileProblem {
            message: format!(
                "logoet {} kan ikke læses: {}",
                path.display(),
                super::io_in_danish(&error)
            ),
            hint: "læg billedfilen i mappen ministries/, eller ret \"logo\" i profilen".into(),
        })?;
    Ok(())
}

/// The profiles there are, for the hint.
fn available(folder: &Path) -> String {
    let mut ids: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok()?.path().file_stem()?.to_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    if ids.is_empty() {
        format!("læg profilen i {}", folder.display())
    } else {
        format!("kendte profiler: {}", ids.join(", "))
    }
}
