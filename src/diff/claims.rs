//! What a PDF says about itself, for telling why it carries no answer file: the tool that made
//! it and its title (from the document information, or else its XMP metadata, which is all a
//! PDF 2.0 file has) and the PDF/A part it claims (XMP's `pdfaid:part` and
//! `pdfaid:conformance`, ISO 19005).

use lopdf::{Dictionary, Document, Object};

/// The claims read from a PDF; each is `None` where the PDF does not make it.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Claims {
    /// The tool that made the PDF ("svar 0.1.0").
    pub creator: Option<String>,
    /// The document's title.
    pub title: Option<String>,
    /// The PDF/A level it claims to conform to.
    pub pdfa: Option<PdfA>,
}

/// A claimed PDF/A level: its part ("2") and conformance ("B"), if any.
#[derive(Debug, PartialEq)]
pub(super) struct PdfA {
    part: String,
    conformance: Option<String>,
}

impl PdfA {
    /// Its usual name, as svar names the standards: "PDF/A-2b", "PDF/A-4".
    pub(super) fn name(&self) -> String {
        let conformance = self.conformance.as_deref().unwrap_or_default();
        format!("PDF/A-{}{}", self.part, conformance.to_lowercase())
    }

    /// Whether the level forbids attached files such as the answer file: PDF/A-2, and PDF/A-4
    /// but for its f and e levels (as [`crate::pdf::Standard::allows_attachments`]).
    pub(super) fn forbids_attachments(&self) -> bool {
        match self.part.as_str() {
            "2" => true,
            "4" => self.conformance.is_none(),
            _ => false,
        }
    }
}

impl Claims {
    /// Reads the claims of `document`: the document information first, then the XMP metadata.
    pub(super) fn read(document: &Document) -> Self {
        let info = info(document);
        let xmp = xmp(document).unwrap_or_default();
        let xmp = roxmltree::Document::parse(&xmp).ok();
        let from_info = |key: &[u8]| info.and_then(|info| text(document, info.get(key).ok()?));
        let from_xmp = |name| xmp.as_ref().and_then(|xmp| xmp_property(xmp, name));
        let pdfa = from_xmp(PDFA_PART).map(|part| PdfA {
            part,
            conformance: from_xmp(PDFA_CONFORMANCE),
        });
        Self {
            creator: from_info(b"Creator").or_else(|| from_xmp(CREATOR_TOOL)),
            title: from_info(b"Title").or_else(|| from_xmp(TITLE)),
            pdfa,
        }
    }

    /// Whether svar made the PDF: its creator is "svar" and a version.
    pub(super) fn made_by_svar(&self) -> bool {
        self.creator
            .as_deref()
            .is_some_and(|creator| creator.starts_with("svar "))
    }

    /// Whether the PDF is a redline (`svar diff --redline`), by the title svar gives it.
    pub(super) fn is_redline(&self) -> bool {
        self.made_by_svar()
            && self
                .title
                .as_deref()
                .is_some_and(|title| title.starts_with(super::redline::TITLE_PREFIX))
    }
}

/// An XMP property: its namespace and its name in it.
type Property = (&'static str, &'static str);

/// The PDF/A part claimed (ISO 19005): "2" in PDF/A-2b.
const PDFA_PART: Property = ("http://www.aiim.org/pdfa/ns/id/", "part");
/// The PDF/A conformance level claimed: "B" in PDF/A-2b.
const PDFA_CONFORMANCE: Property = ("http://www.aiim.org/pdfa/ns/id/", "conformance");
/// The tool that made the PDF.
const CREATOR_TOOL: Property = ("http://ns.adobe.com/xap/1.0/", "CreatorTool");
/// The document's title (Dublin Core).
const TITLE: Property = ("http://purl.org/dc/elements/1.1/", "title");
/// The RDF namespace, whose `li` holds each value of an array or a language alternative.
const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

/// The trailer's document information dictionary.
fn info(document: &Document) -> Option<&Dictionary> {
    let info = document.trailer.get(b"Info").ok()?;
    document.dereference(info).ok()?.1.as_dict().ok()
}

/// A text string (PDFDocEncoding or UTF-16), following a reference.
fn text(document: &Document, object: &Object) -> Option<String> {
    let (_, object) = document.dereference(object).ok()?;
    lopdf::decode_text_string(object).ok()
}

/// The catalog's XMP metadata stream as text.
fn xmp(document: &Document) -> Option<String> {
    let metadata = document.catalog().ok()?.get(b"Metadata").ok()?;
    let stream = document.dereference(metadata).ok()?.1.as_stream().ok()?;
    let bytes = stream
        .get_plain_content()
        .unwrap_or_else(|_| stream.content.clone());
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// A simple XMP property, written as an element (`<pdfaid:part>3</pdfaid:part>`, or for a
/// language alternative such as `dc:title` its first `rdf:li`) or as an attribute of a
/// description (`pdfaid:part="3"`), as XMP allows either; blank is taken as absent.
fn xmp_property(xmp: &roxmltree::Document, (namespace, name): Property) -> Option<String> {
    let value = xmp.descendants().find_map(|node| {
        if node.has_tag_name((namespace, name)) {
            let item = node
                .descendants()
                .find(|item| item.has_tag_name((RDF, "li")));
            Some(item.unwrap_or(node).text().unwrap_or_default())
        } else {
            node.attribute((namespace, name))
        }
    })?;
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use lopdf::{Document, Object, Stream, dictionary};

    use super::{Claims, PDFA_CONFORMANCE, PDFA_PART, PdfA, TITLE, xmp_property};

    /// XMP as Typst writes it for PDF/A-3b and PDF/UA-1, shortened.
    const XMP: &str = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Ændringer: Svar på spørgsmål &amp; mere</rdf:li></rdf:Alt></dc:title><xmp:CreatorTool>svar 0.1.0</xmp:CreatorTool><pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance><pdfuaid:part>1</pdfuaid:part><pdfaExtension:schemas><pdfaProperty:name>part</pdfaProperty:name></pdfaExtension:schemas></rdf:Description></rdf:RDF></x:xmpmeta>"#;

    /// A PDF with the XMP `xmp` and, if given, document information.
    fn pdf(xmp: &str, info: Option<lopdf::Dictionary>) -> Document {
        let mut document = Document::with_version("1.7");
        let metadata = document.add_object(Stream::new(
            dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
            xmp.as_bytes().to_vec(),
        ));
        let catalog = document.add_object(dictionary! {
            "Type" => "Catalog",
            "Metadata" => metadata,
        });
        document.trailer.set("Root", catalog);
        if let Some(info) = info {
            let info = document.add_object(info);
            document.trailer.set("Info", info);
        }
        document
    }

    #[test]
    fn reads_the_creator_title_and_pdfa_level_from_the_xmp() {
        let claims = Claims::read(&pdf(XMP, None));
        assert_eq!(claims.creator.as_deref(), Some("svar 0.1.0"));
        assert_eq!(
            claims.title.as_deref(),
            Some("Ændringer: Svar på spørgsmål & mere")
        );
        let pdfa = claims.pdfa.unwrap();
        assert_eq!(pdfa.name(), "PDF/A-3b");
        assert!(!pdfa.forbids_attachments());
        assert!(Claims::read(&pdf(XMP, None)).is_redline());
    }

    #[test]
    fn the_document_information_comes_before_the_xmp() {
        let info = dictionary! {
            "Creator" => Object::string_literal("Word"),
            "Title" => Object::String(
                // UTF-16 with its byte order mark, as Typst writes "Svar på".
                [0xFE, 0xFF, 0, b'S', 0, b'v', 0, b'a', 0, b'r', 0, b' ', 0, b'p', 0, 0xE5].to_vec(),
                lopdf::StringFormat::Hexadecimal,
            ),
        };
        let claims = Claims::read(&pdf(XMP, Some(info)));
        assert_eq!(claims.creator.as_deref(), Some("Word"));
        assert_eq!(claims.title.as_deref(), Some("Svar på"));
        assert!(!claims.made_by_svar());
        assert!(!claims.is_redline());
    }

    #[test]
    fn an_answer_is_no_redline() {
        let xmp = XMP.replace("Ændringer: ", "");
        let claims = Claims::read(&pdf(&xmp, None));
        assert!(claims.made_by_svar());
        assert!(!claims.is_redline());
    }

    #[test]
    fn pdfa_2_and_plain_pdfa_4_forbid_attachments() {
        let level = |part: &str, conformance: Option<&str>| PdfA {
            part: part.to_string(),
            conformance: conformance.map(str::to_string),
        };
        let cases = [
            (level("2", Some("B")), "PDF/A-2b", true),
            (level("2", Some("U")), "PDF/A-2u", true),
            (level("3", Some("A")), "PDF/A-3a", false),
            (level("4", None), "PDF/A-4", true),
            (level("4", Some("F")), "PDF/A-4f", false),
            (level("4", Some("E")), "PDF/A-4e", false),
        ];
        for (level, name, forbids) in cases {
            assert_eq!(level.name(), name);
            assert_eq!(level.forbids_attachments(), forbids, "{name}");
        }
    }

    #[test]
    fn a_pdf_without_metadata_claims_nothing() {
        let mut document = Document::with_version("1.7");
        let catalog = document.add_object(dictionary! { "Type" => "Catalog" });
        document.trailer.set("Root", catalog);
        assert_eq!(Claims::read(&document), Claims::default());
    }

    #[test]
    fn properties_are_read_as_elements_or_attributes() {
        let property =
            |xmp: &str, property| xmp_property(&roxmltree::Document::parse(xmp).unwrap(), property);
        assert_eq!(property(XMP, PDFA_PART).as_deref(), Some("3"));
        // The PDF/UA part is in a namespace of its own.
        let ua = ("http://www.aiim.org/pdfua/ns/id/", "part");
        assert_eq!(property(XMP, ua).as_deref(), Some("1"));
        let attributes = r#"<rdf:Description xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" pdfaid:part="2" pdfaid:conformance='B'/>"#;
        assert_eq!(property(attributes, PDFA_PART).as_deref(), Some("2"));
        assert_eq!(property(attributes, PDFA_CONFORMANCE).as_deref(), Some("B"));
        assert_eq!(property(attributes, TITLE), None);
        let entities = r#"<dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">A &#x26; B &#38; C</dc:title>"#;
        assert_eq!(property(entities, TITLE).as_deref(), Some("A & B & C"));
        let blank =
            r#"<pdfaid:part xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"> </pdfaid:part>"#;
        assert_eq!(property(blank, PDFA_PART), None);
    }
}
