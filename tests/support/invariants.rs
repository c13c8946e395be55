//! The invariants every extraction result must satisfy, whatever the input.
//!
//! Shared by `tests/properties.rs` and the fuzz target `fuzz/fuzz_targets/extract.rs` (included with
//! `#[path]`), so the property tests and the fuzzer check exactly the same things. Each check panics with a
//! message that names the mention and the broken rule.

use alam::{Document, Extractor, Kind, Mention, Span};

/// Invisible characters that never stand at either edge of a span.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}')
}

/// Arabic combining marks and tatweel: a span never starts with one (it belongs to the letter before).
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Checks that `span` is a non-empty span of `text` on char boundaries, and that its char offsets count
/// the chars before its byte offsets.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start() < span.end() && span.end() <= text.len(),
        "{what}: span {span:?} is empty or past the end of a {}-byte text",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()),
        "{what}: span {span:?} is not on char boundaries"
    );
    assert_eq!(
        text[..span.start()].chars().count(),
        span.char_start(),
        "{what}: char_start disagrees with the byte start"
    );
    assert_eq!(
        span.char_start() + text[span.range()].chars().count(),
        span.char_end(),
        "{what}: char_end disagrees with the byte end"
    );
    let slice = &text[span.range()];
    let (first, last) = (slice.chars().next(), slice.chars().next_back());
    assert!(
        first.is_some_and(|c| !c.is_whitespace() && !is_invisible(c) && !is_arabic_mark(c)),
        "{what}: span {slice:?} starts with whitespace, an invisible control or a mark"
    );
    assert!(
        last.is_some_and(|c| !c.is_whitespace() && !is_invisible(c)),
        "{what}: span {slice:?} ends with whitespace or an invisible control"
    );
}

/// Checks one mention (top-level or nested) against `text`.
fn check_mention(text: &str, m: &Mention, what: &str) {
    check_span(text, m.span(), what);
    assert_eq!(
        &text[m.span().range()],
        m.text(),
        "{what}: the text is not the slice of its span"
    );
    if let Some(t) = m.title_span() {
        assert_eq!(m.kind(), Kind::Person, "{what}: a title on a non-person");
        check_span(text, t, &format!("{what} (title)"));
        assert!(
            !t.overlaps(&m.span()),
            "{what}: the title {:?} lies inside the name {:?}",
            &text[t.range()],
            m.text()
        );
    }
    if let Some(role) = m.role() {
        // ل + ال written لل (للرئيس): the role takes back the article's letters the writing left out.
        // A mark may sit between the clitic ل and the role's ل (لًلنائب): compare without marks.
        let restored = ["ال", "ا"]
            .iter()
            .find_map(|a| role.strip_prefix(a).filter(|r| r.starts_with('ل')))
            .is_some_and(|r| without_marks(text).contains(&format!("ل{}", without_marks(r))));
        assert!(
            !role.is_empty() && (text.contains(role) || restored),
            "{what}: the role {role:?} is not text of the input"
        );
    }
    assert_eq!(
        m.role_span().is_some(),
        m.role().is_some(),
        "{what}: a role without its span, or a span without its role"
    );
    if let Some(r) = m.role_span() {
        assert_eq!(m.kind(), Kind::Person, "{what}: a role on a non-person");
        check_span(text, r, &format!("{what} (role)"));
        let slice = &text[r.range()];
        let role = m.role().unwrap_or_default();
        let restored = text[..r.start()]
            .trim_end_matches(|c| is_arabic_mark(c) || is_invisible(c))
            .ends_with('ل')
            && slice.starts_with('ل')
            && (role.strip_prefix('ا') == Some(slice) || role.strip_prefix("ال") == Some(slice));
        assert!(
            role == slice || restored,
            "{what}: the role {role:?} is not the slice of its span {slice:?} (nor ال restored before it)"
        );
        assert!(
            r.end() <= m.span().start(),
            "{what}: the role {:?} does not end before the name {:?}",
            m.role(),
            m.text()
        );
        if let Some(t) = m.title_span() {
            assert!(!r.overlaps(&t), "{what}: the role overlaps the title");
        }
    }
}

/// Checks a document against the text it was extracted from: spans, order, nesting, and entities.
pub fn check_document(text: &str, doc: &Document) {
    let ms = doc.mentions();
    for (i, m) in ms.iter().enumerate() {
        let what = format!("mention {i} ({} {:?})", m.kind(), m.text());
        check_mention(text, m, &what);
        if let Some(next) = ms.get(i + 1) {
            assert!(
                m.span().end() <= next.span().start(),
                "{what}: overlaps or is out of order with the next mention {:?} at {:?}",
                next.text(),
                next.span()
            );
        }
        for (k, n) in m.nested().iter().enumerate() {
            let what = format!("{what}, nested {k} ({} {:?})", n.kind(), n.text());
            check_mention(text, n, &what);
            assert!(
                m.span().contains(&n.span()) && m.span() != n.span(),
                "{what}: not strictly inside its parent"
            );
            assert!(n.nested().is_empty(), "{what}: nested two levels deep");
            if let Some(after) = m.nested().get(k + 1) {
                assert!(
                    n.span().end() <= after.span().start(),
                    "{what}: overlaps or is out of order with the next nested mention"
                );
            }
        }
    }
    check_entities(doc);
}

/// Every mention points at an entity of its kind that lists its span, and every span an entity lists is
/// a mention: nothing is lost between mentions and entities.
fn check_entities(doc: &Document) {
    let mut listed = 0;
    for m in doc.all_mentions() {
        let spans = match m.kind() {
            Kind::Person => doc.persons().get(m.entity()).map(|p| p.mentions()),
            Kind::Organization => doc.organizations().get(m.entity()).map(|o| o.mentions()),
            Kind::Place => doc.places().get(m.entity()).map(|p| p.mentions()),
            _ => None,
        };
        let spans = spans.unwrap_or_else(|| {
            panic!(
                "mention {:?} names entity {} that does not exist",
                m.text(),
                m.entity()
            )
        });
        assert!(
            spans.contains(&m.span()),
            "mention {:?} is not listed by its entity",
            m.text()
        );
        listed += 1;
    }
    let total: usize = doc
        .persons()
        .iter()
        .map(|p| p.mentions().len())
        .sum::<usize>()
        + doc
            .organizations()
            .iter()
            .map(|o| o.mentions().len())
            .sum::<usize>()
        + doc
            .places()
            .iter()
            .map(|p| p.mentions().len())
            .sum::<usize>();
    assert_eq!(total, listed, "entities list spans that are not mentions");
}

/// Texts shorter than this are one segment even behind a leading space (the extractor cuts longer texts
/// into segments of at most 64 KiB, and moving the text moves the cuts).
const ONE_SEGMENT: usize = (1 << 16) - 1;

/// Extracts `text` and checks the result; then checks that extracting again gives the same document, and
/// that the text behind a leading space gives the same mentions one byte and one char further on.
pub fn check_extraction<'t>(ex: &Extractor, text: &'t str) -> Document<'t> {
    let doc = ex.extract(text);
    check_document(text, &doc);
    assert_eq!(ex.extract(text), doc, "a second extraction differs");
    if text.len() >= ONE_SEGMENT {
        return doc;
    }
    let shifted = format!(" {text}");
    let again = ex.extract(&shifted);
    check_document(&shifted, &again);
    let moved: Vec<(Kind, &str, usize, usize)> = again
        .all_mentions()
        .map(|m| {
            let s = m.span();
            (m.kind(), m.text(), s.start() - 1, s.char_start() - 1)
        })
        .collect();
    let here: Vec<(Kind, &str, usize, usize)> = doc
        .all_mentions()
        .map(|m| {
            let s = m.span();
            (m.kind(), m.text(), s.start(), s.char_start())
        })
        .collect();
    assert_eq!(moved, here, "a leading space changed more than the offsets");
    doc
}

/// `s` without the marks and invisible characters the extractor reads through.
fn without_marks(s: &str) -> String {
    s.chars()
        .filter(|&c| !is_arabic_mark(c) && !is_invisible(c))
        .collect()
}
