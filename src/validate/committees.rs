//! Folketinget's standing committees: abbreviation and full name as used in answers.
//!
//! Committees are renamed when ministries are reorganised; older names stay here so that
//! answers from earlier sessions still check cleanly. Abbreviations are those ft.dk uses.

/// Abbreviation and full name ("Folketingets …") of each standing committee.
pub const COMMITTEES: &[(&str, &str)] = &[
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
    ("SAU", "Folketingets Sundheds- og Ældreudvalg"),
    ("SIU", "Folketingets Social-, Indenrigs- og Børneudvalg"),
    ("SOU", "Folketingets Socialudvalg"),
    ("SUU", "Folketingets Sundhedsudvalg"),
    ("SKU", "Folketingets Skatteudvalg"),
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
pub fn is_name_of(abbreviation: &str, name: &str) -> bool {
    COMMITTEES
        .iter()
        .any(|(known, known_name)| known.eq_ignore_ascii_case(abbreviation) && *known_name == name)
}

/// The current full name of the committee with this abbreviation (the first listed).
pub fn full_name(abbreviation: &str) -> Option<&'static str> {
    COMMITTEES
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(abbreviation))
        .map(|(_, name)| *name)
}
