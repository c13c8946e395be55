//! Every rule's examples that must fire and must not fire, from `tests/data/rules.tsv`, run through
//! `Extractor::new()`; a case that must fire also checks that the mention's source names the rule.

// Without the default data the case runner is not used (see `annotated_sentences`).
#![cfg_attr(
    not(all(
        feature = "data-anercorp",
        feature = "data-cldr",
        feature = "data-geonames"
    )),
    allow(dead_code, unused_imports)
)]

use alam::{Extractor, Mention, Source};

/// The rule name a mention's source reports: the rule, `document`, or `lexicon`.
fn source_name<'m>(m: &'m Mention) -> &'m str {
    match m.source() {
        Source::Rule(name) => name,
        Source::Document => "document",
        _ => "lexicon",
    }
}

fn describe(ms: &[Mention]) -> String {
    ms.iter()
        .map(|m| format!("{}:{}:{}", m.kind().as_str(), m.text(), source_name(m)))
        .collect::<Vec<_>>()
        .join(" | ")
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
fn every_rule_fires_where_it_must_and_nowhere_else() {
    let ex = Extractor::new();
    let data = include_str!("data/rules.tsv");
    let mut failures = Vec::new();
    let mut cases = 0;
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        cases += 1;
        let f: Vec<&str> = line.split('\t').collect();
        // `\n` in a sentence is a line break (rules that read the start of a line).
        let sentence = f[2].replace("\\n", "\n");
        let doc = ex.extract(&sentence);
        let ms = doc.mentions();
        let ok = match (f[1], &f[3..]) {
            ("must", [text, kind]) => ms
                .iter()
                .any(|m| m.text() == *text && m.kind().as_str() == *kind && source_name(m) == f[0]),
            ("must_not", []) => ms.iter().all(|m| source_name(m) != f[0]),
            _ => panic!("rules.tsv:{}: malformed case {line:?}", n + 1),
        };
        if !ok {
            failures.push(format!(
                "rules.tsv:{}: {line}\n    got: {}",
                n + 1,
                describe(ms)
            ));
        }
    }
    assert!(cases > 0, "no cases read");
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_both_kinds_of_case() {
    let data = include_str!("data/rules.tsv");
    let rules = [
        "title-name",
        "role-name",
        "nationality-name",
        "speech-name",
        "name-speech",
        "name-role",
        "given-chain",
        "van-name",
        "family-name",
        "eponym",
        "scorer",
        "coordinated",
        "byline",
        "org-head",
        "place-noun",
        "team-name",
        "town-nisba-club",
        "club-nationality",
        "club-score",
        "club-match",
        "head-name",
        "club-country",
        "lexicon",
        "document",
    ];
    for rule in rules {
        for polarity in ["must", "must_not"] {
            assert!(
                data.lines()
                    .any(|l| l.split('\t').take(2).eq([rule, polarity])),
                "rules.tsv has no `{polarity}` case for {rule}"
            );
        }
    }
}
