//! Ministry profiles: letterhead data kept once per ministry in `ministries/<id>.json` beside
//! the answer files, and filled into an answer when it is read.

use std::path::Path;

use crate::model::{Answer, Letterhead};

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
    answer.ministry.letterhead = Some(letterhead);
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
