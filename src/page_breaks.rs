//! Page breaks svar adds after layout, where Typst's own keeping together fails in the flow of
//! a statement or list (a flow within the page's): a footnote printed on another page than its
//! reference, and a statement's first paragraph left at a page's foot without the table or
//! list it leads into. The typeset pages tell where each element fell; where one of these
//! happened, the answer is typeset once more with a page break before the block (the templates
//! mark where, see blocks.typ), which then goes over whole. Only such answers are typeset
//! twice.

use typst::foundations::{Label, NativeElement, Selector};
use typst::introspection::Location;
use typst::model::FootnoteEntry;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

/// The page break svar inserts into the generated source: weak, so that one at the top of a
/// page breaks nothing.
pub(crate) const BREAK: &str = "#colbreak(weak: true)\n\n";

/// The mark before a paragraph that leads into a table or list, or before a statement that
/// opens with one (or the paragraph leading into that), where the page is broken if a page
/// break parted them.
const BREAK_POINT: &str = "#metadata(none)<svar-break-point>";

/// How often an answer is typeset again at most: each time may move what follows onto pages
/// where a break is needed too.
pub(crate) const MOST_ROUNDS: usize = 3;

/// The offsets in `source` (the generated source of `document`) before which a page break
/// is needed, in order; none where each footnote stands on the page of its reference and each
/// statement's first lead-in on the page of what it leads into.
pub(crate) fn needed(document: &PagedDocument, source: &str) -> Vec<usize> {
    let mut offsets: Vec<usize> = parted_footnotes(document)
        .iter()
        .filter_map(|label| note_pushes_start(source, label))
        .chain(
            parted_lead_ins(document)
                .into_iter()
                .filter_map(|index| source.match_indices(BREAK_POINT).nth(index))
                .map(|(offset, _)| before_openings(source, offset)),
        )
        .filter(|&offset| !source[..offset].ends_with(BREAK))
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    offsets
}

/// The page `location` fell on.
fn page(document: &PagedDocument, location: Option<Location>) -> Option<usize> {
    Some(document.introspector().position(location?)?.page.get())
}

/// The locations of the elements labelled `name`, in order.
fn labelled(document: &PagedDocument, name: &str) -> Vec<Option<Location>> {
    let label = Label::new(PicoStr::intern(name)).expect("a label svar names is not empty");
    document
        .introspector()
        .elements()
        .query(&Selector::Label(label))
        .iter()
        .map(|element| element.location())
        .collect()
}

/// The labels (`svar-footnote-N`) of the footnotes printed on another page than their
/// reference.
fn parted_footnotes(document: &PagedDocument) -> Vec<String> {
    let entries = document
        .introspector()
        .elements()
        .query(&FootnoteEntry::ELEM.select());
    entries
        .iter()
        .filter_map(|entry| {
            let note = &entry.to_packed::<FootnoteEntry>()?.note;
            let label = note.label()?.resolve().as_str().to_string();
            let parted = page(document, note.location()) != page(document, entry.location());
            parted.then_some(label)
        })
        .collect()
}

/// The start of the `push-to-note` call (blocks.typ) before the block that prints the
/// footnote `label`, and of what else stands before the block (see [`opening`]): a break
/// there sends the block, with its reference, over to the note.
fn note_pushes_start(source: &str, label: &str) -> Option<usize> {
    let push = source.find(&format!("#push-to-note(<{label}>)\n"))?;
    Some(before_openings(source, push))
}

/// The lines the templates write before a block that go with it: its notes' pushes, the
/// push that keeps it with what follows, a statement's introduction and opening, a
/// redline's bar, and the paragraph that leads into it. A page break after them would leave
/// them behind at the page's foot; one at the start of a statement or bar breaks nothing (a
/// weak break at the top of a flow).
const OPENINGS: [&str; 8] = [
    "#push-to-note(",
    "#push-to-keep(",
    "#keep-with-next[",
    "#block(sticky: true, width: 100%, par[",
    "#statement[",
    "#changed(",
    "#lead-in[",
    BREAK_POINT,
];

/// The start of the lines before `offset` (at a line's start in `source`) that open the block
/// there (see [`OPENINGS`]).
fn before_openings(source: &str, offset: usize) -> usize {
    let mut start = offset;
    loop {
        let before = source[..start].trim_end_matches('\n');
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        if !OPENINGS
            .iter()
            .any(|opening| before[line_start..].starts_with(opening))
        {
            return start;
        }
        start = line_start;
    }
}

/// The indices, among the marks before paragraphs that lead into a table or list (or
/// statements opening with one, `svar-break-point`), of those on an earlier page than the
/// table or list (`svar-led`): the paragraph, or a statement's introduction, ended a page
/// without it.
fn parted_lead_ins(document: &PagedDocument) -> Vec<usize> {
    let marks = labelled(document, "svar-break-point");
    let led = labelled(document, "svar-led");
    marks
        .iter()
        .zip(&led)
        .enumerate()
        .filter(|(_, (mark, led))| page(document, **mark) < page(document, **led))
        .map(|(index, _)| index)
        .collect()
}
