//! Extraction from any bytes (read as UTF-8, invalid sequences replaced) keeps every invariant of
//! `tests/support/invariants.rs`: no panic, exact spans on char boundaries, char offsets that agree with
//! byte offsets, sorted disjoint mentions, nested mentions inside their parent, titles outside the name,
//! the same output twice, and the same mentions behind a leading space.
//!
//! An input starting with a NUL byte is extracted with a lexicon made of its own words instead of the
//! bundled ones, so that any odd word (presentation forms, marks, emoji) can be a title, place or head noun.

#![no_main]

use alam::{Entry, EntryKind, Extractor, Gender, Lexicon};
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
            EntryKind::Place | EntryKind::OrgHead | EntryKind::PlaceNoun => e.with_sub("city"),
            EntryKind::Title | EntryKind::Given => e.with_gender(Gender::Male),
            _ => e,
        };
        lex.push(e);
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

fuzz_target!(|data: &[u8]| {
    match data.split_first() {
        Some((0, rest)) => {
            let text = String::from_utf8_lossy(rest);
            invariants::check_extraction(&own_words_extractor(&text), &text);
        }
        _ => {
            let text = String::from_utf8_lossy(data);
            invariants::check_extraction(&Extractor::new(), &text);
        }
    }
});
