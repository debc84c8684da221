//! Folketinget's standing committees: abbreviation and full name as used in answers.
//!
//! Committees are renamed when ministries are reorganised, and keep their abbreviation: SUU
//! was "Sundheds- og Ældreudvalget" in 2018-19 and is "Sundhedsudvalget" now. Older names stay
//! here, after the current one, so that answers from earlier sessions still check cleanly; a
//! name is accepted if it was the committee's name at some time, since the years of each
//! renaming are not all known well enough to hold a clerk to them. Abbreviations are those
//! ft.dk uses ("Skatteudvalget 2017-18 / SAU Alm.del").

/// Abbreviation and full name ("Folketingets …") of each standing committee, the current
/// name first.
pub(crate) const COMMITTEES: &[(&str, &str)] = &[
    ("BEU", "Folketingets Beskæftigelsesudvalg"),
    ("BOU", "Folketingets Boligudvalg"),
    ("BUU", "Folketingets Børne- og Undervisningsudvalg"),
    ("DIU", "Folketingets Digitaliseringsudvalg"),
    ("EPI", "Folketingets Epidemiudvalg"),
    ("ERU", "Folketingets Erhvervsudvalg"),
    ("EUU", "Folketingets Europaudvalg"),
    ("FIU", "Folketingets Finansudvalg"),
    (
        "FLF",
        "Folketingets Udvalg for Fødevarer, Landbrug og Fiskeri",
    ),
    ("FOU", "Folketingets Forsvarsudvalg"),
    ("FÆU", "Folketingets Færøudvalg"),
    ("GRU", "Folketingets Grønlandsudvalg"),
    ("IFU", "Folketingets Indfødsretsudvalg"),
    ("KEF", "Folketingets Klima-, Energi- og Forsyningsudvalg"),
    ("KIU", "Folketingets Kirkeudvalg"),
    ("KOU", "Folketingets Kommunaludvalg"),
    ("KUU", "Folketingets Kulturudvalg"),
    ("LIU", "Folketingets Ligestillingsudvalg"),
    ("MIU", "Folketingets Miljø- og Planlægningsudvalg"),
    ("MOF", "Folketingets Miljø- og Fødevareudvalg"),
    ("REU", "Folketingets Retsudvalg"),
    ("SAU", "Folketingets Skatteudvalg"),
    ("SIU", "Folketingets Social-, Indenrigs- og Børneudvalg"),
    ("SOU", "Folketingets Socialudvalg"),
    ("SUU", "Folketingets Sundhedsudvalg"),
    ("SUU", "Folketingets Sundheds- og Ældreudvalg"),
    ("TRU", "Folketingets Transportudvalg"),
    ("UFO", "Folketingets Udvalg for Forretningsordenen"),
    ("UFU", "Folketingets Uddannelses- og Forskningsudvalg"),
    ("ULØ", "Folketingets Udvalg for Landdistrikter og Øer"),
    ("UPN", "Det Udenrigspolitiske Nævn"),
    ("URU", "Folketingets Udenrigsudvalg"),
    ("UUI", "Folketingets Udlændinge- og Integrationsudvalg"),
    ("UUI", "Folketingets Integrationsudvalg"),
    ("UVP", "Folketingets Udvalg til Valgs Prøvelse"),
];

/// Whether `name` is, or was, the name of the committee with this abbreviation.
pub(crate) fn is_name_of(abbreviation: &str, name: &str) -> bool {
    COMMITTEES
        .iter()
        .any(|(known, known_name)| known.eq_ignore_ascii_case(abbreviation) && *known_name == name)
}

/// The names the committee with this abbreviation has had, the current one first.
pub(super) fn names_of(abbreviation: &str) -> Vec<&'static str> {
    COMMITTEES
        .iter()
        .filter(|(known, _)| known.eq_ignore_ascii_case(abbreviation))
        .map(|(_, name)| *name)
        .collect()
}

/// The current full name of the committee with this abbreviation (the first listed).
pub(crate) fn full_name(abbreviation: &str) -> Option<&'static str> {
    COMMITTEES
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(abbreviation))
        .map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sau_is_the_tax_committee_and_suu_keeps_its_earlier_name() {
        assert_eq!(full_name("SAU"), Some("Folketingets Skatteudvalg"));
        assert!(is_name_of("SUU", "Folketingets Sundheds- og Ældreudvalg"));
        assert!(is_name_of("SUU", "Folketingets Sundhedsudvalg"));
        assert!(!is_name_of("SAU", "Folketingets Sundheds- og Ældreudvalg"));
        assert_eq!(full_name("SKU"), None);
    }

    #[test]
    fn each_name_belongs_to_one_abbreviation() {
        for (abbreviation, name) in COMMITTEES {
            let owners: Vec<&str> = COMMITTEES
                .iter()
                .filter(|(_, other)| other == name)
                .map(|(owner, _)| *owner)
                .collect();
            assert_eq!(owners, [*abbreviation], "{name}");
        }
    }
}
