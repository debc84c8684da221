//! Figures: number, caption, notes, the description read in the image's place, and the image
//! itself, told changed by its content ("Figur 1, billedet: figur-1.png (indhold 3f2a…) →
//! figur-1.png (indhold 9c41…)"), since a chart redrawn with new figures keeps its file name.

use super::table::{compare_caption, compare_notes, notes_summary};
use super::{Comparison, Places};
use crate::model::Illustration;

/// A figure's content as lines, for an added or removed figure: its caption, its image and
/// description, then its notes.
pub(super) fn summary(figure: &Illustration) -> Vec<String> {
    figure
        .full_caption()
        .into_iter()
        .chain([format!("[billede: {}] {}", figure.file, figure.description)])
        .chain(notes_summary(&figure.notes_heading, &figure.notes))
        .collect()
}

/// Compares two figures; `places` are the figures' own ("Figur 2", `….figure`).
pub(super) fn compare(
    old: &Illustration,
    new: &Illustration,
    places: &Places,
    changes: &mut Comparison,
) {
    let numbered = |figure: &Illustration| (figure.number, figure.caption.clone());
    compare_caption(numbered(old), numbered(new), places, changes);
    changes.value(
        &places.new.field("billedet", "file"),
        Some(image(old)),
        Some(image(new)),
    );
    changes.literal(
        &places.new.field("beskrivelse", "description"),
        &old.description,
        &new.description,
    );
    let notes = |figure: &Illustration| (figure.notes_heading.clone(), figure.notes.clone());
    compare_notes(notes(old), notes(new), places, changes);
}

/// A figure's image as a reviewer tells it: its file and a fingerprint of its content, so that
/// a new file and a file with new content are both seen.
fn image(figure: &Illustration) -> String {
    format!(
        "{} (indhold {:016x})",
        figure.file,
        fingerprint(&figure.bytes)
    )
}

/// A 64-bit FNV-1a hash of `bytes`: the same on every machine and in every svar version, unlike
/// the standard library's hashers, so a report names an image's content the same way each time.
pub(super) fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn the_fingerprint_is_fnv_1a() {
        assert_eq!(fingerprint(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fingerprint(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
