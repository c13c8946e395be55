//! Behaviour tests driven by `tests/data/sentences.tsv`: short annotated sentences, one case a line.
//!
//! A case marks every top-level mention as `[kind attr=value …: text]` and nested mentions inside it as
//! `{kind: text}`; the markers are removed to get the input. The extractor must report exactly the marked
//! mentions, with exact byte and char offsets and the given attributes. The attribute `entity=N` checks
//! grouping: the mention belongs to entity N of its kind, and the document has as many entities of that
//! kind as the case numbers.

// Without the default data the case runner is not used (see `annotated_sentences`).
#![cfg_attr(
    not(all(
        feature = "data-anercorp",
        feature = "data-cldr",
        feature = "data-geonames"
    )),
    allow(dead_code, unused_imports)
)]

use alam::{Extractor, Mention};

#[derive(Debug, Default, PartialEq)]
struct Expected {
    kind: String,
    start: usize,
    end: usize,
    attrs: Vec<(String, String)>,
    nested: Vec<(String, usize, usize)>,
}

/// Removes the markers of `line`, returning the plain text and the marked mentions.
fn parse_case(line: &str) -> (String, Vec<Expected>) {
    let mut text = String::new();
    let mut out: Vec<Expected> = Vec::new();
    let mut open: Option<Expected> = None;
    let mut nested: Option<(String, usize)> = None;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        match c {
            '[' | '{' => {
                let (head, after) = rest
                    .split_once(": ")
                    .unwrap_or_else(|| panic!("no `: ` after marker in {line}"));
                rest = after;
                let mut words = head.split(' ');
                let kind = words.next().unwrap().to_string();
                if c == '{' {
                    nested = Some((kind, text.len()));
                } else {
                    let attrs = words
                        .map(|w| {
                            w.split_once('=')
                                .map(|(k, v)| (k.to_string(), v.to_string()))
                        })
                        .collect::<Option<Vec<_>>>()
                        .unwrap_or_else(|| panic!("bad attribute in {line}"));
                    open = Some(Expected {
                        kind,
                        start: text.len(),
                        attrs,
                        ..Expected::default()
                    });
                }
            }
            '}' => {
                let (kind, start) = nested.take().expect("unopened {");
                open.as_mut()
                    .expect("{ outside [")
                    .nested
                    .push((kind, start, text.len()));
            }
            ']' => {
                let mut e = open.take().expect("unopened [");
                e.end = text.len();
                out.push(e);
            }
            _ => text.push(c),
        }
    }
    (text, out)
}

fn check(ex: &Extractor, line: &str) -> Result<(), String> {
    let (text, expected) = parse_case(line);
    let doc = ex.extract(&text);
    let got: Vec<&Mention> = doc.mentions().iter().collect();
    let describe = |m: &Mention| {
        format!(
            "{} `{}` @{}..{}",
            m.kind(),
            m.text(),
            m.span().start(),
            m.span().end()
        )
    };
    let found: Vec<String> = got.iter().map(|m| describe(m)).collect();
    if got.len() != expected.len() {
        return Err(format!(
            "expected {} mentions, got {found:?}",
            expected.len()
        ));
    }
    for (m, e) in got.iter().zip(&expected) {
        let span = m.span();
        if (m.kind().as_str(), span.start(), span.end()) != (e.kind.as_str(), e.start, e.end) {
            return Err(format!(
                "expected {} `{}`, got {}",
                e.kind,
                &text[e.start..e.end],
                describe(m)
            ));
        }
        if span.char_start() != text[..span.start()].chars().count()
            || span.char_end() != text[..span.end()].chars().count()
        {
            return Err(format!(
                "char offsets of {} disagree with bytes",
                describe(m)
            ));
        }
        for (k, v) in &e.attrs {
            let actual = match k.as_str() {
                "title" => m.title().map(str::to_string),
                "gender" => m.gender().map(|g| g.as_str().to_string()),
                "role" => m.role().map(str::to_string),
                "sub" => m.sub_kind().map(|s| s.to_string()),
                // The number of the mention's entity among those of its kind: mentions with one number
                // are one person (or organization, place).
                "entity" => Some(m.entity().to_string()),
                other => return Err(format!("unknown attribute {other}")),
            };
            let want = (v != "-").then(|| v.replace('_', " "));
            if actual != want {
                return Err(format!(
                    "{}: {k} is {actual:?}, expected {want:?}",
                    describe(m)
                ));
            }
        }
        let nested: Vec<(String, usize, usize)> = m
            .nested()
            .iter()
            .map(|n| {
                (
                    n.kind().as_str().to_string(),
                    n.span().start(),
                    n.span().end(),
                )
            })
            .collect();
        if nested != e.nested {
            return Err(format!(
                "{}: nested {nested:?}, expected {:?}",
                describe(m),
                e.nested
            ));
        }
    }
    // When the case numbers entities, the document has as many of each kind as it numbers.
    for kind in alam::Kind::ALL {
        let numbered: Vec<&str> = expected
            .iter()
            .filter(|e| e.kind == kind.as_str())
            .filter_map(|e| e.attrs.iter().find(|(k, _)| k == "entity"))
            .map(|(_, v)| v.as_str())
            .collect();
        let count = match kind {
            alam::Kind::Person => doc.persons().len(),
            alam::Kind::Organization => doc.organizations().len(),
            _ => doc.places().len(),
        };
        let mut distinct = numbered.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if !numbered.is_empty() && distinct.len() != count {
            return Err(format!(
                "{count} {} entities, expected {}",
                kind.as_str(),
                distinct.len()
            ));
        }
    }
    Ok(())
}

// The cases describe the default build: the rules read the corpus vocabulary (`data-anercorp`) and the
// full gazetteers to stop name chains, and without them some chains run on (`cargo test
// --no-default-features` checks the doctests and the invariants instead).
#[cfg(all(
    feature = "data-anercorp",
    feature = "data-cldr",
    feature = "data-geonames"
))]
#[test]
fn annotated_sentences() {
    let data = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sentences.tsv"
    ))
    .unwrap();
    let ex = Extractor::new();
    let mut failures = Vec::new();
    let mut cases = 0;
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        cases += 1;
        if let Err(e) = check(&ex, line) {
            failures.push(format!("sentences.tsv:{}: {e}\n    {line}", n + 1));
        }
    }
    assert!(cases >= 20, "only {cases} cases");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_case_parser_removes_markers() {
    let (text, e) = parse_case("في [organization: مؤتمر {place: حضرموت} الجامع] .");
    assert_eq!(text, "في مؤتمر حضرموت الجامع .");
    assert_eq!(&text[e[0].start..e[0].end], "مؤتمر حضرموت الجامع");
    assert_eq!(&text[e[0].nested[0].1..e[0].nested[0].2], "حضرموت");
}
