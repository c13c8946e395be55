//! Extraction from any bytes (read as UTF-8, invalid sequences replaced) keeps every invariant of
//! `tests/support/invariants.rs`: no panic, exact spans on char boundaries, char offsets that agree with
//! byte offsets, sorted disjoint mentions, nested mentions inside their parent, titles outside the name,
//! the same output twice, and the same mentions behind a leading space.
//!
//! An input starting with byte 0 is extracted with a lexicon made of its own words instead of the bundled
//! ones, so that any odd word (presentation forms, marks, emoji) can be a title, place or head noun. An
//! input starting with byte 1 holds a custom rule: its first line is the pattern (compiling it must not
//! panic, and an error must name the rule), the rest is the text.

#![no_main]

use alam::{Entry, EntryKind, Error, Extractor, Gender, Kind, Lexicon, Rule};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

/// Every third word of `text` becomes an entry, of a kind that cycles through the rule triggers.
fn own_words_extractor(text: &str) -> Extractor {
    let mut lex = Lexicon::new("own-words");
    for (n, word) in text
        .split_whitespace()
        .enumerate()
        .filter(|(n, _)| n % 3 == 0)
    {
        let Ok(e) = Entry::new(word, kind_for(n / 3)) else {
            continue;
        };
        let e = match e.kind() {
            EntryKind::Place | EntryKind::OrgHead | EntryKind::PlaceNoun => {
                e.with_sub("city").expect("a valid sub")
            }
            EntryKind::Title | EntryKind::Given => e.with_gender(Gender::Male),
            _ => e,
        };
        // A word met twice for one kind is refused as a repeat, as a file's second line would be.
        let _ = lex.push(e);
    }
    Extractor::builder()
        .bundled(false)
        .lexicon(lex)
        .build()
        .expect("a lexicon built in code")
}

fn kind_for(n: usize) -> EntryKind {
    const KINDS: [EntryKind; 7] = [
        EntryKind::Title,
        EntryKind::Place,
        EntryKind::OrgHead,
        EntryKind::PlaceNoun,
        EntryKind::Given,
        EntryKind::Person,
        EntryKind::Role,
    ];
    KINDS[n % KINDS.len()]
}

/// The extractor with the bundled lexicons and one custom rule of pattern `pattern`, when it compiles.
fn custom_rule_extractor(pattern: &str) -> Option<Extractor> {
    let kind = Kind::ALL[pattern.len() % Kind::ALL.len()];
    match Rule::new("fuzz", kind, pattern) {
        Ok(rule) => Some(
            Extractor::builder()
                .rule(rule)
                .build()
                .expect("a rule builds"),
        ),
        Err(Error::Rule { rule, reason, .. }) => {
            assert_eq!(rule, "fuzz");
            assert!(!reason.is_empty());
            None
        }
        Err(e) => panic!("a rule fails with another error: {e}"),
    }
}

fuzz_target!(|data: &[u8]| {
    match data.split_first() {
        Some((0, rest)) => {
            let text = String::from_utf8_lossy(rest);
            invariants::check_extraction(&own_words_extractor(&text), &text);
        }
        Some((1, rest)) => {
            let input = String::from_utf8_lossy(rest);
            let (pattern, text) = input.split_once('\n').unwrap_or((&input, ""));
            if let Some(ex) = custom_rule_extractor(pattern) {
                invariants::check_extraction(&ex, text);
            }
        }
        _ => {
            let text = String::from_utf8_lossy(data);
            invariants::check_extraction(&Extractor::new(), &text);
        }
    }
});
