//! Pattern rules over tokens: each rule reads the tokens of a segment, with what the lexicon said of them,
//! and proposes candidate mentions with the evidence that produced them.
//!
//! Rules only propose; `resolve` chooses among overlapping candidates. Every rule is a function with a
//! name (reported as the mention's source) and examples that must and must not fire (`tests/data/rules.tsv`).
//!
//! This module holds what every rule shares: the [`Segment`] the rules read, the [`Candidate`]s they
//! propose with their [`Evidence`] and [`Origin`], the trigger tokens, the tests of a token that rules of
//! several kinds ask, and [`run`], which calls every rule in order. Each rule lives in the module of the
//! kind it proposes, next to the helpers it uses, with its "Fires:" / "Does not fire:" examples:
//!
//! * the lexicon's own entries, of every kind (`lexicon_mentions`), in [`entries`];
//! * `title-name`, `role-name`, `nationality-name`, `speech-name`, `name-speech`, `name-role`,
//!   `given-chain`, `van-name`, `family-name`, `eponym`, `scorer`, `coordinated` and `byline` in [`person`];
//! * the clubs (`team-name`, `town-nisba-club`, `club-nationality`, `club-score`, `club-country`), then
//!   the names after a head noun (`head-name`, `org-head`), in [`organization`];
//! * `place-noun` in [`place`].
//!
//! [`shape`] holds the tests of a folded word's shape (verb forms, participles, verbal nouns, broken
//! plurals, nisba adjectives) that rules of several kinds, and the document pass, ask.

use std::cell::Cell;

use crate::clitic::Reading;
use crate::lexicon::EntryKind;
use crate::lookup::{phrases_at, Index, Lex, Marks, PhraseMatch, RECORDED_SINGLES};
use crate::mention::{Gender, Kind};
use crate::tokenize::{TokenKind, Tokens};

mod entries;
mod organization;
mod person;
mod place;
pub(crate) mod shape;

use shape::looks_like_verb;

/// How strong the evidence for a candidate is; higher wins in `resolve`.
pub(crate) type Evidence = u8;

/// A trigger (title, role, head noun, place noun) or a multi-word lexicon entry.
pub(crate) const STRONG: Evidence = 3;

/// A single-word lexicon entry.
pub(crate) const LEXICON: Evidence = 2;

/// The rules of [`organization`] that name a sports club by its town or country: an organization they
/// find is a club (sub-kind `club`), whatever sort of place its name is.
pub(crate) const CLUB_RULES: [&str; 6] = [
    "team-name",
    "town-nisba-club",
    "club-nationality",
    "club-score",
    "club-match",
    "club-country",
];

/// What produced a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    Rule(&'static str),
    Entry(u32),
    /// A rule added at run time, by its index in the extractor's list.
    Custom(u32),
}

/// A proposed mention over tokens `start..end`; the first token's first `skip` folded chars are clitics.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub(crate) kind: Kind,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) skip: u8,
    pub(crate) evidence: Evidence,
    pub(crate) origin: Origin,
    /// The lexicon entry whose sub-kind and country the mention takes.
    pub(crate) attrs: Option<u32>,
    /// A place noun before the name (محافظة صنعاء): the mention reports the noun's sub-kind instead of
    /// the name's when the lexicon has the name as a place of that sub-kind (see `Index::is_place_of_sub`).
    pub(crate) sub_from: Option<u32>,
    /// For persons: the title's entry and its token and clitic chars. (Token numbers here are `u32`, as a
    /// segment's are: a candidate of 120 bytes is moved into the list by a few loads and stores, where
    /// one of 144 bytes, with `usize`s here, called `memcpy` at every push.)
    pub(crate) title: Option<(u32, u32, u8)>,
    /// For persons: the role's tokens `start..end`, the clitic chars of its first token, and how many chars
    /// of the article ال the writing لل left out (للرئيس: 1, ا; للواء = ل + اللواء: 2, ال), restored in the
    /// role's text as the title's canonical form restores them.
    pub(crate) role: Option<(u32, u32, u8, u8)>,
    pub(crate) gender: Option<Gender>,
    /// Places inside an organization's name.
    pub(crate) nested: Vec<Candidate>,
}

impl Candidate {
    pub(crate) fn new(
        kind: Kind,
        start: usize,
        end: usize,
        skip: u8,
        evidence: Evidence,
        origin: Origin,
    ) -> Self {
        Candidate {
            kind,
            start,
            end,
            skip,
            evidence,
            origin,
            attrs: None,
            sub_from: None,
            title: None,
            role: None,
            gender: None,
            nested: Vec::new(),
        }
    }
}

const _: () = assert!(std::mem::size_of::<Candidate>() <= 128);

/// One segment as the rules see it.
pub(crate) struct Segment<'a, 'i> {
    /// The whole original text (token offsets are into it).
    pub(crate) text: &'a str,
    pub(crate) tokens: &'a Tokens,
    pub(crate) lex: &'a [Lex<'i>],
    /// `lex[i].marks()` for every token `i`.
    pub(crate) marks: &'a [Marks],
    /// Sorted by start token.
    pub(crate) phrases: &'a [PhraseMatch],
    pub(crate) index: &'i Index,
    /// One cell a token, 0 when the segment is made: what some tests of a token answered for it (see
    /// [`Answers`]).
    pub(crate) answers: &'a Answers,
}

/// What some tests of a token that several rules ask of the same tokens answered for each token of a
/// segment (see [`Asked`]): several rules walk the same chains (a name after a title, a speech verb, a
/// given name), and a run of name tokens that is no name is read again from its next token. Two bits
/// a test, in a cell a token: whether it was asked, and the answer.
#[derive(Debug, Default)]
pub(crate) struct Answers(Vec<Cell<u8>>);

/// The tests [`Answers`] keeps, by their place in a token's cell.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Asked {
    /// `person::is_name_word` of a later word of a name: a third of its calls on news text asked again
    /// what a rule before had asked, at some 500 instructions each.
    NameWord = 0,
    /// `person::is_name_word` of a name's first word.
    FirstNameWord = 1,
    /// `person::is_name_token` of the token as written (a hash set's look-up): `name_tokens` asks it
    /// of a token as the start of a run, again as its first word, and as a later word of the runs
    /// before. Kept here only for a token not read whole (a clitic or vocabulary reading, or a word the
    /// lexicon does not know): a token read whole keeps it in its word's info (`Index::is_name_token_of`).
    NameToken = 2,
    /// `person::name_shaped`, which `name_tokens` asks twice of a run's first token.
    NameShaped = 3,
}

impl Answers {
    /// Forgets every answer, for a segment of `tokens` tokens.
    pub(crate) fn reset(&mut self, tokens: usize) {
        self.0.clear();
        self.0.resize(tokens, Cell::new(0));
    }

    /// The answer of test `asked` for token `i`, worked out by `work_out` the first time.
    #[inline]
    fn get_or(&self, i: usize, asked: Asked, work_out: impl FnOnce() -> bool) -> bool {
        let shift = 2 * asked as u8;
        let Some(cell) = self.0.get(i) else {
            return work_out();
        };
        let known = cell.get() >> shift;
        if known & 1 != 0 {
            return known & 2 != 0;
        }
        let answer = work_out();
        cell.set(cell.get() | (1 | u8::from(answer) << 1) << shift);
        answer
    }
}

impl Segment<'_, '_> {
    fn len(&self) -> usize {
        self.tokens.len()
    }

    fn is_word(&self, i: usize) -> bool {
        self.tokens.list[i].kind == TokenKind::Word
    }

    /// The last char of token `i` as written (before folding).
    fn last_char(&self, i: usize) -> Option<char> {
        last_char_in(self.text, self.tokens.bytes(i))
    }

    /// Whether token `i` as written ends with ة. ة folds to ه, so the folded form's last byte is read
    /// first, and the written char only for a word that ends so folded: rules ask this of many tokens,
    /// and reading the written char cost some 40 instructions a token.
    fn ends_with_ta_marbuta(&self, i: usize) -> bool {
        self.tokens.folded_ends_with(i, "ه") && self.last_char(i) == Some('ة')
    }

    fn newline_before(&self, i: usize) -> bool {
        self.tokens.list[i].newline_before
    }

    fn has(&self, i: usize, kind: EntryKind) -> bool {
        self.marks[i].has(kind)
    }

    fn kind_of(&self, m: &PhraseMatch) -> EntryKind {
        m.kind
    }

    /// The entries matched from token `i`, longest first.
    fn phrases_at(&self, i: usize) -> &[PhraseMatch] {
        phrases_at(self.lex, self.phrases, i)
    }

    /// The longest entry of `kind` matched from token `i`.
    #[inline]
    fn phrase_of(&self, i: usize, kind: EntryKind) -> Option<PhraseMatch> {
        debug_assert!(
            RECORDED_SINGLES & kind.bit() != 0,
            "one-word entries of kind {kind} are not recorded as matches"
        );
        if !self.marks[i].may_start(kind) {
            return None;
        }
        self.phrases_at(i)
            .iter()
            .find(|p| self.kind_of(p) == kind)
            .copied()
    }

    /// Whether token `i` is written with أل (hamza on the alif): a foreign name such as ألميرو, never the
    /// article, which folding would otherwise make look like ال.
    fn hamza_al(&self, i: usize) -> bool {
        let written = &self.text[self.tokens.bytes(i)];
        written.starts_with("أل") || written.starts_with("إل")
    }

    fn reading(&self, i: usize) -> Reading {
        self.lex[i].reading.unwrap_or(Reading::WHOLE)
    }

    /// True for a word that introduces something else: a title, role, speech verb, head or place noun.
    fn is_trigger(&self, i: usize) -> bool {
        const TRIGGERS: [EntryKind; 6] = [
            EntryKind::Title,
            EntryKind::Role,
            EntryKind::SpeechVerb,
            EntryKind::OrgHead,
            EntryKind::PlaceNoun,
            EntryKind::Nationality,
        ];
        TRIGGERS.iter().any(|&k| self.has(i, k)) || self.phrase_of(i, EntryKind::Role).is_some()
    }
}

/// Runs every rule over a segment.
///
/// Each rule is kept a function of its own (`#[inline(never)]`): inlined together into this one, they ran
/// more instructions (register pressure in one large loop nest), and a profile could not tell them apart.
pub(crate) fn run(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    out.clear();
    let starts = Starts::of(seg);
    let triggers = &starts.triggers;
    entries::lexicon_mentions(seg, out);
    person::title_name(seg, triggers, out);
    person::role_name(seg, triggers, out);
    person::nationality_name(seg, triggers, out);
    person::speech_name(seg, triggers, out);
    person::name_speech(seg, triggers, out);
    person::name_role(seg, triggers, out);
    person::given_chain(seg, out);
    person::van_name(seg, &starts.van, out);
    person::family_name(seg, &starts.family, out);
    person::eponym_name(seg, &starts.eponym, out);
    person::scorer_name(seg, &starts.scorer, out);
    person::coordinated_names(seg, out);
    person::byline(seg, &starts.byline, out);
    person::name_tokens(seg, &starts.names, out);
    organization::team_name(seg, &starts.team, out);
    organization::facility_name(seg, &starts.team, out);
    organization::town_nisba_after_place(seg, out);
    organization::club_nationality(seg, triggers, out);
    organization::club_score(seg, out);
    organization::club_match(seg, out);
    organization::club_country(seg, out);
    organization::national_team(seg, out);
    organization::org_head(seg, triggers, out);
    place::place_noun(seg, triggers, out);
}

/// The tokens, in order, where the rules that begin at a particular word may start, found in one walk over
/// the segment: those rules walk their list, a few tokens in a hundred, instead of testing every token of
/// the segment again (a walk of its own for each rule cost more than its test: on 10.8 MB of news the
/// four walks of `byline`, `team_name`, `van_name` and `family_name` ran 120 M instructions).
#[derive(Default)]
struct Starts {
    /// Where a title, a role, a nationality, a speech verb, a head noun or a place noun may start.
    triggers: Vec<usize>,
    /// Where `person::name_tokens` may start (`person::name_run_may_start`).
    names: Vec<usize>,
    /// Where `person::byline` may start (`person::byline_may_start`).
    byline: Vec<usize>,
    /// Where `organization::team_name` or `organization::facility_name` may start
    /// (`organization::team_may_start`, or `organization::facility_may_start` before a word the lexicon
    /// does not know or knows as a name token alone).
    team: Vec<usize>,
    /// Where `person::van_name` may start (`person::van_may_start`).
    van: Vec<usize>,
    /// Where `person::family_name` may start (`person::family_may_start`).
    family: Vec<usize>,
    /// Where `person::scorer_name` may start (`person::scorer_may_start`).
    scorer: Vec<usize>,
    /// Where `person::eponym_name` may start (`person::eponym_may_start`).
    eponym: Vec<usize>,
}

impl Starts {
    /// Each rule's own test of its first token, asked of every token but the last (every one of these
    /// rules reads the token after its start) with the token's folded bytes, read once for them all. The
    /// two longest lists are reserved at an eighth and a quarter of the tokens: growing them from empty
    /// cost 6 M instructions more on 10.8 MB of news.
    #[inline(never)]
    fn of(seg: &Segment<'_, '_>) -> Starts {
        let mut s = Starts {
            triggers: Vec::with_capacity(seg.len() / 8),
            names: Vec::with_capacity(seg.len() / 4),
            ..Starts::default()
        };
        let last = seg.len().saturating_sub(1);
        // The marks, the `Lex`es and the tokens walked together: indexing the two others by `i` checked
        // its bounds for every token. (The three lists are made a token each.)
        debug_assert!(seg.marks.len() == seg.lex.len() && seg.lex.len() == seg.len());
        let tokens = seg.marks.iter().zip(seg.lex).zip(&seg.tokens.list);
        for (i, ((&m, l), t)) in tokens.enumerate() {
            if m.may_start(EntryKind::Title)
                || m.may_start(EntryKind::Role)
                || m.has(EntryKind::Nationality)
                || m.has(EntryKind::SpeechVerb)
                || m.has(EntryKind::OrgHead)
                || m.has(EntryKind::PlaceNoun)
            {
                s.triggers.push(i);
            }
            if i == last {
                continue;
            }
            if person::name_run_may_start(seg, i, m, l, t.kind == TokenKind::Word) {
                s.names.push(i);
            }
            // The tests of the word's bytes, answered once a word (`start_flags`): most words pass
            // none, and their bytes are not read.
            let flags = l.start_flags();
            if flags == 0 && !m.may_start(EntryKind::Place) {
                continue;
            }
            let folded = seg.tokens.folded_bytes(i);
            if person::byline_may_start(seg, i, folded) {
                s.byline.push(i);
            }
            if flags & start_flag::TEAM != 0
                || (flags & start_flag::FACILITY != 0 && seg.marks[i + 1].unknown_or_name())
            {
                s.team.push(i);
            }
            if flags & start_flag::VAN != 0 && person::van_may_start(seg, i, folded) {
                s.van.push(i);
            }
            if flags & start_flag::FAMILY != 0 && person::family_may_start(seg, i, folded) {
                s.family.push(i);
            }
            if flags & start_flag::SCORER != 0 && person::scorer_may_start(seg, i) {
                s.scorer.push(i);
            }
            if flags & start_flag::EPONYM != 0 && person::eponym_may_start(seg, i, folded) {
                s.eponym.push(i);
            }
        }
        s
    }
}

/// The bits of [`start_flags`]: each says that a word's folded bytes pass the part of a rule's test of
/// its first token that reads the word alone (see [`Starts::of`]).
pub(crate) mod start_flag {
    /// كتب or كتبت (`person::kataba`, for `person::byline`).
    pub(crate) const KATABA: u8 = 1;
    /// Ends with a team noun (`organization::team_may_start`).
    pub(crate) const TEAM: u8 = 2;
    /// Ends with a facility noun (`organization::facility_may_start`).
    pub(crate) const FACILITY: u8 = 4;
    /// فان (`person::van_word`).
    pub(crate) const VAN: u8 = 8;
    /// A family noun's length and last letter (`person::family_noun_shaped`).
    pub(crate) const FAMILY: u8 = 16;
    /// A goal noun or إمضاء (`person::scorer_word`).
    pub(crate) const SCORER: u8 = 32;
    /// A noun of science named after its discoverer (`person::eponym_noun`). The flags have six bits
    /// (`lookup::Features`), all taken: it shares `VAN`'s, and each of the two rules' start tests reads
    /// the word again (`person::van_word`, `person::eponym_noun`).
    pub(crate) const EPONYM: u8 = VAN;
}

/// What the tests of a rule's first token that read the word alone say of a word whose folded bytes are
/// `folded` ([`start_flag`]'s bits). Worked out by `lookup` once a word of the lexicon (it is kept in
/// the word table with the word's features) and for each token of another word, and kept in each
/// token's `Lex`, so that [`Starts::of`] tests one byte a token instead of comparing every word's
/// bytes with every rule's words. A token that is no word has none (no rule's word is a number or a
/// punctuation mark).
pub(crate) fn start_flags(folded: &[u8]) -> u8 {
    let flag = |set: bool, bit: u8| if set { bit } else { 0 };
    flag(person::kataba(folded), start_flag::KATABA)
        | flag(organization::team_may_start(folded), start_flag::TEAM)
        | flag(
            organization::facility_may_start(folded),
            start_flag::FACILITY,
        )
        | flag(person::van_word(folded), start_flag::VAN)
        | flag(person::family_noun_shaped(folded), start_flag::FAMILY)
        | flag(person::scorer_word(folded), start_flag::SCORER)
        | flag(person::eponym_noun(folded), start_flag::EPONYM)
}

/// Whether the folded bytes `folded` are `word`'s. Asked of every token in `Starts::of`: the length is
/// compared first, then the bytes as fixed-size arrays, which compile to a few loads and compares where
/// comparing the slices called `bcmp` (`Starts::of` on 10.8 MB of news: 85.3 → 77.8 M instructions).
/// Words of two letters (4 bytes) too: `person::is_name_word` compares the word before with عبد and ال.
#[inline]
fn bytes_are(folded: &[u8], word: &str) -> bool {
    let word = word.as_bytes();
    folded.len() == word.len()
        && match word.len() {
            4 => folded.first_chunk::<4>() == word.first_chunk::<4>(),
            6 => folded.first_chunk::<6>() == word.first_chunk::<6>(),
            8 => folded.first_chunk::<8>() == word.first_chunk::<8>(),
            _ => folded == word,
        }
}

/// The last char of `text[range]` (`range` on char boundaries). An ASCII char or a two-byte form (Arabic)
/// is read from the last bytes, without slicing the text as a str (its ends checked) and decoding
/// backwards: rules ask it of many tokens (ة، ى، ي as written).
fn last_char_in(text: &str, range: std::ops::Range<usize>) -> Option<char> {
    match text.as_bytes().get(range.clone()) {
        Some(&[.., b]) if b < 0x80 => Some(char::from(b)),
        Some(&[.., lead @ 0xC0..=0xDF, next]) => {
            char::from_u32(u32::from(lead & 0x1F) << 6 | u32::from(next & 0x3F))
        }
        _ => text.get(range)?.chars().next_back(),
    }
}

/// The folded form of token `i` without its first `clitic_chars` chars (بالمكلا → المكلا).
pub(super) fn stem_of<'a>(seg: &'a Segment<'_, '_>, i: usize, clitic_chars: u8) -> &'a str {
    let word = seg.tokens.folded(i);
    // Most words are read whole: no walk over their chars.
    if clitic_chars == 0 {
        return word;
    }
    word.char_indices()
        .nth(usize::from(clitic_chars))
        .map_or("", |(b, _)| &word[b..])
}

/// The folded word before token `i` without a first و or ف that leaves two letters or more (ولم → لم, but
/// وم stays): the particle that decides what token `i` is, with "and"/"so" before it or not. `None` when
/// token `i` starts the segment or a line, or follows a token that is not a word.
fn bare_word_before<'a>(seg: &'a Segment<'_, '_>, i: usize) -> Option<&'a str> {
    if i == 0 || !seg.is_word(i - 1) || seg.newline_before(i) {
        return None;
    }
    let word = seg.tokens.folded(i - 1);
    // و (D9 88) and ف (D9 81) read by their bytes, and two chars after them by the first two only: asked
    // of the word before every one-word place, where the char pattern and a count of every char cost
    // some 85 instructions a call.
    let rest = match word.as_bytes() {
        [0xD9, 0x88 | 0x81, ..] => word.get(2..),
        _ => None,
    };
    Some(
        rest.filter(|rest| rest.chars().nth(1).is_some())
            .unwrap_or(word),
    )
}

/// Whether the lexicon knows token `j` as (the start of) a person's name.
fn is_named(seg: &Segment<'_, '_>, j: usize) -> bool {
    j < seg.len() && {
        let l = &seg.lex[j];
        l.has(EntryKind::Given)
            || l.has(EntryKind::Family)
            || l.has(EntryKind::Person)
            || l.has(EntryKind::Particle)
            || seg.phrase_of(j, EntryKind::Person).is_some()
            || seg.phrase_of(j, EntryKind::Given).is_some()
    }
}

/// Whether token `k` is known only as a word of the vocabulary that also stands inside names of
/// organizations, places and works (`sub=in-names`: كرة in اتحاد كرة القدم): it ends a person's name,
/// and an organization's head takes it as it takes an unknown word.
fn is_in_names(seg: &Segment<'_, '_>, k: usize) -> bool {
    seg.lex[k]
        .info
        .is_some_and(|w| w.classes == EntryKind::Common.bit() && w.in_names)
}

/// Whether token `j` is a word the lexicon does not know, not shaped like a verb.
fn is_unknown_word(seg: &Segment<'_, '_>, j: usize) -> bool {
    seg.lex[j].is_unknown() && !looks_like_verb(seg.tokens.folded(j))
}

#[cfg(test)]
mod tests {
    #[test]
    fn bytes_are_compares_as_slices_do() {
        let words = [
            "كتب",
            "كتبت",
            "فان",
            "فاز",
            "ب",
            "كتبتم",
            "ال",
            "ام",
            "abcd",
            "abcdef",
            "abcdefgh",
            "",
        ];
        for word in words {
            for folded in words {
                assert_eq!(
                    super::bytes_are(folded.as_bytes(), word),
                    folded == word,
                    "{folded} / {word}"
                );
            }
        }
    }

    #[test]
    fn last_chars_are_read_as_str_reads_them() {
        let text = "مدرسة x الأولى ab ٣ € 𝔸 ﻻ é";
        for (at, _) in text.char_indices() {
            for (end, c) in text.char_indices().skip_while(|&(e, _)| e < at) {
                let end = end + c.len_utf8();
                let expected = text[at..end].chars().next_back();
                assert_eq!(super::last_char_in(text, at..end), expected, "{at}..{end}");
            }
            assert_eq!(super::last_char_in(text, at..at), None);
        }
    }

    #[test]
    fn start_flags_read_the_word_alone() {
        use super::start_flag::{EPONYM, FACILITY, FAMILY, KATABA, SCORER, TEAM, VAN};
        for (word, flags) in [
            ("كتب", KATABA),
            ("كتبت", KATABA),
            ("والفريق", TEAM),
            ("لمضيفه", TEAM | FAMILY),
            ("بمسجد", FACILITY),
            ("فان", VAN),
            ("بهدف", SCORER),
            ("وجدول", EPONYM),
            ("ثابت", EPONYM),
            ("امضاء", SCORER),
            ("عائله", FAMILY),
            ("قال", 0),
            ("كتبه", FAMILY),
            ("", 0),
            ("2024", 0),
        ] {
            assert_eq!(super::start_flags(word.as_bytes()), flags, "{word}");
        }
    }

    #[test]
    fn written_endings_are_read_first_in_the_folded_form() {
        // `Segment::ends_with_ta_marbuta`, `person::pronoun_ha` and `entries::nisba_after_noun` read the
        // folded form's last letter before the written one, `person::written_tanween` asks whether the
        // word folds to itself: ة folds to ه, ه and ي to themselves, and a tanween mark is dropped.
        use crate::normalize::fold;
        for (written, last) in [
            ("سلحفاة", 'ه'),
            ("دفتره", 'ه'),
            ("فنجاني", 'ي'),
            ("مرتقى", 'ي'),
        ] {
            assert_eq!(fold(written).chars().next_back(), Some(last), "{written}");
        }
        for written in ["فنجاناً", "قلمٌ", "ساكتٍ"] {
            assert_ne!(fold(written), written);
        }
    }

    #[test]
    fn every_club_rule_is_a_rule_of_organization_rs() {
        let source = include_str!("organization.rs");
        for name in super::CLUB_RULES {
            assert!(
                source.contains(&format!("Origin::Rule(\"{name}\")")),
                "no rule `{name}` in organization.rs: update CLUB_RULES"
            );
        }
    }
}
