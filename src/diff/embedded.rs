//! Finding a file embedded in a PDF (PDF 1.7, 7.11.4 and 14.13): through the catalog's
//! `/Names /EmbeddedFiles` name tree and its `/AF` array of associated files (PDF/A-3).

use lopdf::{Dictionary, Document, Object};

/// How deep a name tree may nest before it is taken as broken (or circular).
const MAX_TREE_DEPTH: usize = 32;

/// How many name tree nodes are visited at most: a node listed as its own kid, or kids shared
/// along a chain, would otherwise be visited billions of times within the depth limit.
const MAX_TREE_NODES: usize = 4096;

/// The largest embedded file read, decoded: far above any answer (a 2,000-row table is about
/// 200 kB), far below what a few compressed megabytes can inflate to.
pub(super) const MAX_EMBEDDED_BYTES: u64 = 64 << 20;

/// A file specification and the name the name tree filed it under, if it came from there.
struct FileSpec<'a> {
    key: Option<String>,
    spec: &'a Dictionary,
}

/// The decoded content of the file embedded under `name`, if the PDF has one.
pub(super) fn find(document: &Document, name: &str) -> Option<Vec<u8>> {
    let catalog = document.catalog().ok()?;
    let mut specs = Vec::new();
    if let Some(tree) = dictionary(document, catalog.get(b"Names").ok())
        .and_then(|names| dictionary(document, names.get(b"EmbeddedFiles").ok()))
    {
        let mut budget = MAX_TREE_NODES;
        collect_name_tree(document, tree, 0, &mut budget, &mut specs);
    }
    collect_associated(document, catalog, &mut specs);
    specs
        .iter()
        .filter(|found| is_named(found, name))
        .find_map(|found| contents(document, found.spec))
}

/// Follows a reference (if it is one) to the object.
fn resolve<'a>(document: &'a Document, object: &'a Object) -> Option<&'a Object> {
    document.dereference(object).ok().map(|(_, object)| object)
}

fn dictionary<'a>(document: &'a Document, object: Option<&'a Object>) -> Option<&'a Dictionary> {
    resolve(document, object?)?.as_dict().ok()
}

fn array<'a>(document: &'a Document, object: Option<&'a Object>) -> Option<&'a Vec<Object>> {
    resolve(document, object?)?.as_array().ok()
}

/// The file specifications in a name tree node and its kids.
fn collect_name_tree<'a>(
    document: &'a Document,
    node: &'a Dictionary,
    depth: usize,
    budget: &mut usize,
    specs: &mut Vec<FileSpec<'a>>,
) {
    if depth > MAX_TREE_DEPTH || *budget == 0 {
        return;
    }
    *budget -= 1;
    if let Some(names) = array(document, node.get(b"Names").ok()) {
        for pair in names.chunks_exact(2) {
            if let Some(spec) = dictionary(document, Some(&pair[1])) {
                let key = resolve(document, &pair[0]).and_then(text);
                specs.push(FileSpec { key, spec });
            }
        }
    }
    for kid in array(document, node.get(b"Kids").ok())
        .into_iter()
        .flatten()
    {
        if let Some(kid) = dictionary(document, Some(kid)) {
            collect_name_tree(document, kid, depth + 1, budget, specs);
        }
    }
}

/// The file specifications in the catalog's `/AF` array.
fn collect_associated<'a>(
    document: &'a Document,
    catalog: &'a Dictionary,
    specs: &mut Vec<FileSpec<'a>>,
) {
    for entry in array(document, catalog.get(b"AF").ok())
        .into_iter()
        .flatten()
    {
        if let Some(spec) = dictionary(document, Some(entry)) {
            specs.push(FileSpec { key: None, spec });
        }
    }
}

/// Whether the name tree key or the specification's `/UF` or `/F` file name is `name`.
fn is_named(found: &FileSpec, name: &str) -> bool {
    let file_names = [b"UF".as_slice(), b"F".as_slice()]
        .into_iter()
        .filter_map(|key| found.spec.get(key).ok().and_then(text));
    found
        .key
        .clone()
        .into_iter()
        .chain(file_names)
        .any(|found| found == name)
}

fn text(object: &Object) -> Option<String> {
    lopdf::decode_text_string(object).ok()
}

/// The decoded stream of a file specification's embedded file (`/EF /UF` or `/EF /F`), if it
/// is stored as svar stores files (unfiltered or deflated) and decodes to at most
/// [`MAX_EMBEDDED_BYTES`].
fn contents(document: &Document, spec: &Dictionary) -> Option<Vec<u8>> {
    let files = dictionary(document, spec.get(b"EF").ok())?;
    let stream = [b"UF".as_slice(), b"F".as_slice()]
        .into_iter()
        .filter_map(|key| files.get(key).ok())
        .find_map(|object| resolve(document, object)?.as_stream().ok())?;
    let filters = stream.filters().unwrap_or_default();
    let decoded = match filters.as_slice() {
        [] => stream.content.clone(),
        [b"FlateDecode"] => inflate(&stream.content)?,
        _ => return None,
    };
    (decoded.len() as u64 <= MAX_EMBEDDED_BYTES).then_some(decoded)
}

/// Deflated `bytes` inflated, reading no more than one byte past [`MAX_EMBEDDED_BYTES`].
pub(super) fn inflate(bytes: &[u8]) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut decoded = Vec::new();
    flate2::read::ZlibDecoder::new(bytes)
        .take(MAX_EMBEDDED_BYTES + 1)
        .read_to_end(&mut decoded)
        .ok()?;
    Some(decoded)
}

#[cfg(test)]
mod tests {
    use lopdf::{Document, Object, Stream, dictionary};

    use super::{MAX_EMBEDDED_BYTES, find, inflate};

    /// An embedded file long and repetitive enough to be stored Flate-compressed.
    fn answer() -> Vec<u8> {
        format!(r#"{{"paragraph": "{}"}}"#, "svar ".repeat(40)).into_bytes()
    }

    /// A PDF with a Flate-compressed embedded file called `name`, whose file specification
    /// `catalog` places in the catalog it returns.
    fn pdf_with(name: &str, catalog: fn(&mut Document, Object) -> lopdf::Dictionary) -> Document {
        let mut document = Document::with_version("1.7");
        let mut stream = Stream::new(dictionary! { "Type" => "EmbeddedFile" }, answer());
        stream.compress().unwrap();
        assert_eq!(
            stream.dict.get(b"Filter").unwrap().as_name().unwrap(),
            b"FlateDecode"
        );
        let file = document.add_object(stream);
        let spec = document.add_object(dictionary! {
            "Type" => "Filespec",
            "F" => Object::string_literal(name),
            "UF" => Object::string_literal(name),
            "EF" => dictionary! { "F" => file, "UF" => file },
        });
        let catalog = catalog(&mut document, spec.into());
        let catalog = document.add_object(catalog);
        document.trailer.set("Root", catalog);
        document
    }

    fn name_tree(document: &mut Document, spec: Object) -> lopdf::Dictionary {
        let leaf = document.add_object(dictionary! {
            "Names" => vec![Object::string_literal("svar.json"), spec],
        });
        let root = dictionary! { "Kids" => vec![leaf.into()] };
        dictionary! { "Type" => "Catalog", "Names" => dictionary! { "EmbeddedFiles" => root } }
    }

    fn associated_files(_: &mut Document, spec: Object) -> lopdf::Dictionary {
        dictionary! { "Type" => "Catalog", "AF" => vec![spec] }
    }

    #[test]
    fn finds_a_file_through_the_name_tree_and_its_kids() {
        let document = pdf_with("svar.json", name_tree);
        assert_eq!(
            find(&document, "svar.json").as_deref(),
            Some(answer().as_slice())
        );
    }

    #[test]
    fn finds_a_file_through_the_associated_files() {
        let document = pdf_with("svar.json", associated_files);
        assert_eq!(
            find(&document, "svar.json").as_deref(),
            Some(answer().as_slice())
        );
    }

    #[test]
    fn another_file_name_is_not_the_answer() {
        let document = pdf_with("andet.json", associated_files);
        assert_eq!(find(&document, "svar.json"), None);
    }

    /// A name tree whose every node lists the next one twice, 40 deep: 2^40 paths to its leaf.
    fn shared_kids(document: &mut Document, spec: Object) -> lopdf::Dictionary {
        let mut node = document.add_object(dictionary! {
            "Names" => vec![Object::string_literal("andet.json"), spec],
        });
        for _ in 0..40 {
            node = document.add_object(dictionary! { "Kids" => vec![node.into(), node.into()] });
        }
        dictionary! { "Type" => "Catalog", "Names" => dictionary! { "EmbeddedFiles" => node } }
    }

    #[test]
    fn a_name_tree_of_shared_kids_is_given_up_at_once() {
        let document = pdf_with("andet.json", shared_kids);
        assert_eq!(find(&document, "svar.json"), None);
    }

    #[test]
    fn a_file_inflating_past_the_limit_is_not_read() {
        use std::io::Write;
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..=(MAX_EMBEDDED_BYTES >> 20) {
            encoder.write_all(&chunk).unwrap();
        }
        let bomb = encoder.finish().unwrap();
        assert!(bomb.len() < 1 << 20);
        assert_eq!(inflate(&bomb).unwrap().len() as u64, MAX_EMBEDDED_BYTES + 1);
    }
}
