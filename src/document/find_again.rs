//! Finding names again: the persons found with strong evidence (a title, a role, a context rule, a long
//! chain), and the organizations a naming rule found, are looked for again in the rest of the document,
//! where no mention covers the text. A filter of the names' first words ([`NameFilter`]) passes over most
//! tokens; a long text is read again from a summary of each segment ([`SegmentSummary`]), tokenized
//! again only where a name may start, or, with `low_memory`, tokenized again segment by segment
//! ([`Read::Again`]): the same walk as over a text of one segment, for less memory and more time.

use std::cell::RefCell;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Found, Keys};
use crate::clitic::for_each_reading;
use crate::lexicon::EntryKind;
use crate::lookup::Index;
use crate::mention::{count_chars, Gender, Kind, Mention, Source, Span, SubValue};
use crate::rules::shape;
use crate::tokenize::{segments, token_span, tokenize, TokenKind, Tokens};

/// A person known with strong evidence (a title or a role), as folded words.
struct Strong {
    key: String,
    words: Vec<String>,
    /// A person, or an organization named by a rule (a company after its head noun, a club after a team
    /// noun), found again by its full name only.
    kind: Kind,
    sub_kind: SubValue,
    gender: Option<Gender>,
    /// How the first and the last word are written.
    first: Written,
    last: Written,
    /// Found by a chain of name words alone, with no title or context: its family name stands for it
    /// alone only when long (five letters or more), a short one being as often a word.
    chain_only: bool,
    /// Found by a [`CHAIN_RULES`] rule, of any length: its known given name never stands for it alone.
    by_chain: bool,
    /// A full name of the lexicon whose family name has the article (توفيق الحكيم): the family name
    /// stands for it alone even where its stem is a word or a given name ([`plain_family`]).
    lexicon_definite: bool,
}

/// What folding loses of a name's word that tells a name from a noun.
#[derive(Debug, Clone, Copy, Default)]
struct Written {
    /// Written with أل or إل (ألميرو): a foreign name, which the article never is.
    hamza_al: bool,
    /// Written with a final ة (كرة): a feminine noun more often than a name; a final ه (دوريه) is not.
    ta_marbuta: bool,
    /// Written with a final ى (المصلى): folded as ي, but a nisba (الكندي) is never written so.
    alif_maqsura: bool,
}

impl Written {
    fn of(word: &str) -> Written {
        Written {
            hamza_al: word.starts_with("أل") || word.starts_with("إل"),
            ta_marbuta: word.ends_with('ة'),
            alif_maqsura: word.ends_with('ى'),
        }
    }

    /// The first and the last word of `text`.
    fn ends(text: &str) -> (Written, Written) {
        let mut words = text.split_whitespace();
        let first = words.next().map(Written::of).unwrap_or_default();
        (first, words.next_back().map_or(first, Written::of))
    }
}

/// Looks for the persons found with a title or role again, in the places no mention covers: the full name
/// (its first word may carry clitics), or the family name or an unknown first name alone. New mentions join
/// the same person. Organizations named by a naming rule (`strong_organizations`) are looked for again by
/// their full name only, when `organizations` is on (شركة فولفو … وقالت فولفو). "Document" is the text
/// given to `extract`: a file of many articles is one document.
///
/// Fires (cases in `tests/data/rules.tsv`, rule `document`): الرئيس الفرنسي مروان دوفال … وكان دوفال ;
/// التقى خالد المطيري … ونشر المطيري (a given name and a family name of five letters or more) ;
/// المدرب ماتياس فالنتي … وسجل ماتياس ; أبو يوسف حسن بن خالد الكندوري … واشتهر الكندوري ; التقى خالد
/// المطيري … وزار ابن المطيري (ابن/بن before a family name goes with it: the nasab the person is called by,
/// as أحمد بن فلان is ابن فلان).
/// الكاتب المصري مروان منصور … ونشر منصور ; التقى خالد محفوظ … ونشر محفوظ (a family name that is also
/// a given name).
/// قال وزير الخارجية مروان دوفال … وكان مروان قد زار (a known given name, near the full name of a
/// person found by a title, role or context rule, when no other person found has that given name and no
/// family name is written so).
/// Does not fire: the family name after a kunya (التقى الوزير سامر أبو دوفال … ثم زار دوفال: the person
/// is called أبو دوفال) ; a known given name alone of a name found by its words alone (التقى مروان دوفال … وكان
/// مروان), or shared by two persons (مروان دوفال … مروان ساندر … وكان مروان) ; a family name of fewer than five letters of a name found by
/// its words alone (التقى مروان سعيد … ونشر سعيد) ; a noun a chain took by mistake (كرة) ; a one-word name found
/// only after a role (كمبوديا) ; a family name the document also writes with the article (دوفال … الدوفال:
/// a noun, see [`written_definite`]) ; a name right after a noun things are named after (بجائزة دوفال, see
/// [`named_after`]).
///
/// `read` is what the extractor kept of the text's tokens: all of them for a text of one segment, a
/// summary per segment for a longer text, from which only the stretches where a name may start are
/// tokenized again.
///
/// Returns the new mentions in text order; none overlaps another or a mention of `found`, and
/// [`assemble`](fn@super::assemble) resolves them with `found` again, so that the document's mentions
/// never overlap whatever this pass proposes. Linear in the text: a name is matched in as many steps as
/// it has words ([`NameTrie`]), and a one-word name's nearness tested by a binary search ([`Anchors`]).
pub(crate) fn find_again<'t>(
    index: &Index,
    text: &'t str,
    read: Read<'_>,
    (found, keys): (&[Found<'t>], &Keys),
    (persons, organizations): (bool, bool),
) -> (Vec<Found<'t>>, Keys<'t>) {
    let mut strong: Vec<Strong> = if persons {
        strong_persons(index, found, keys)
    } else {
        Vec::new()
    };
    if organizations {
        strong_organizations(index, found, keys, &mut strong);
    }
    if strong.is_empty() {
        return (Vec::new(), Keys::new(text));
    }
    // Of a text of one segment, each token's keys, read by both walks below (and twice by the second,
    // as the token and as the one after): worked out once.
    let whole_keys: Vec<WordKeys> = match read {
        Read::Whole(tokens) => tokens
            .in_segment()
            .map(|(folded, word)| WordKeys::of_bytes(folded, word))
            .collect(),
        Read::Segments(_) | Read::Again(_) => Vec::new(),
    };
    // The words the document also writes with the article, of those asked below: a one-word name
    // (here) and a family or first name standing alone (further down). The text is read once for both:
    // whether a word is written so depends on the word alone, and the second list is drawn from the
    // words that may stand for a person alone, of which those of the persons kept below are some.
    let definite: FxHashSet<String> = {
        let persons = strong.iter().filter(|s| s.kind == Kind::Person);
        let one_word = persons
            .clone()
            .filter(|s| s.words.len() == 1)
            .map(|s| s.key.as_str());
        let parts = persons.flat_map(|s| alone_parts(index, s).map(|(part, _)| part));
        written_definite(text, &read, &whole_keys, one_word.chain(parts))
            .into_iter()
            .map(str::to_string)
            .collect()
    };
    // A one-word name the document also writes with the article is a noun there, as below.
    strong.retain(|s| s.kind != Kind::Person || s.words.len() > 1 || !definite.contains(&s.key));
    if strong.is_empty() {
        return (Vec::new(), Keys::new(text));
    }
    let names = NameTrie::new(&strong);
    let mut by_family: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    let mut given_first: Vec<(&str, usize)> = Vec::new();
    for (n, s) in strong.iter().enumerate() {
        if s.kind != Kind::Person {
            continue;
        }
        for (part, alone) in alone_parts(index, s) {
            if alone == Alone::Given {
                given_first.push((part, n));
                continue;
            }
            by_family
                .entry(part)
                .and_modify(|v| {
                    if v.is_some_and(|o| !same_person(&strong[o], s)) {
                        *v = None;
                    }
                })
                .or_insert(Some(n));
        }
    }
    // A known given name stands for its person where no family name is written so, and no other
    // person has it.
    let mut given_parts: FxHashSet<&str> = FxHashSet::default();
    let mut given_of: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    // The persons found whose first word is one of these given names: the family name each is written
    // with ("" when two differ), and where and with which key each was found.
    let mut firsts: FxHashMap<&str, FirstSeen<'_>> = given_first
        .iter()
        .map(|&(part, _)| (part, FirstSeen::default()))
        .collect();
    if !firsts.is_empty() {
        for (n, f) in found.iter().enumerate() {
            if f.mention.kind != Kind::Person {
                continue;
            }
            let key = f.key(keys);
            let (w, rest) = key.split_once(' ').unwrap_or((key, key));
            if let Some(seen) = firsts.get_mut(w) {
                let last = rest.rsplit_once(' ').map_or(rest, |(_, l)| l);
                seen.last = match seen.last {
                    None => Some(last),
                    Some(l) if l == last => Some(l),
                    Some(_) => Some(""),
                };
                // Fewer found mentions than bytes of text, whose offsets fit 32 bits.
                seen.found.push(n as u32);
            }
        }
    }
    for &(part, n) in &given_first {
        if by_family.contains_key(part)
            || firsts
                .get(part)
                .is_none_or(|f| f.last != strong[n].words.last().map(String::as_str))
        {
            continue;
        }
        given_of
            .entry(part)
            .and_modify(|v| {
                // two names that share a given name are one person only when their family names
                // are one too (مروان دوفال، مروان بن خالد دوفال; not مروان ساندر)
                if v.is_some_and(|o| strong[o].words.last() != strong[n].words.last()) {
                    *v = None;
                }
            })
            .or_insert(Some(n));
    }
    for (part, who) in given_of {
        given_parts.insert(part);
        by_family.insert(part, who);
    }
    // A word the document also writes with the article (القطار after a false name X قطار) is a noun
    // there, not a family name: it is not looked for alone.
    for (word, who) in by_family.iter_mut() {
        if definite.contains(*word) {
            *who = None;
        }
    }
    // A family name shared by two persons stands for neither, and is not looked for.
    let alone = by_family
        .iter()
        .filter(|(_, who)| who.is_some())
        .map(|(name, _)| *name);
    let filter = NameFilter::new(&strong, alone);
    let mut anchors = one_word_anchors(&strong, found, keys);
    // Where each person whose given name may stand for it alone was found by its full name.
    let mut given_anchors: FxHashMap<usize, Anchors> = FxHashMap::default();
    for part in &given_parts {
        if let (Some(Some(who)), Some(seen)) = (by_family.get(part), firsts.get(part)) {
            let anchors = given_anchors.entry(*who).or_default();
            for &n in &seen.found {
                let f = &found[n as usize];
                if f.key(keys) == strong[*who].key {
                    anchors.found.push(f.mention.start());
                }
            }
        }
    }
    // Not needed by the walk below, which is where the document pass holds the most.
    drop(firsts);
    let mut added = Vec::new();
    // The keys of the mentions added that differ from their text.
    let mut added_keys = Keys::new(text);
    let mut buf = String::new();
    // The walk asks of matches in text order.
    let mut found_after = FoundAfter { found, from: 0 };
    // A match at token `i` of `tokens` (which must hold the longest name's words after it, or the rest of
    // the segment): the token after it. `uncounted`: the bytes of the text whose chars the tokens' char
    // offsets leave out (a stretch of a long text, see `SegmentSummary::tokenize`), counted for a mention
    // added only.
    let mut try_at = |tokens: &Tokens, i: usize, uncounted: Range<usize>| {
        // A word of the vocabulary as written is not a name with a clitic (لدينا is not ل + دينا).
        let whole_only = || {
            let vocabulary = EntryKind::Common.bit() | EntryKind::Function.bit();
            index
                .word(tokens.folded(i))
                .is_some_and(|w| w.classes & vocabulary != 0)
        };
        let (end, skip, who) = match_name(tokens, i, &names, &by_family, whole_only, &mut buf)?;
        // A given name alone is the person's near a mention of its full name only.
        let given_only = end == i + 1
            && strong[who].words.len() > 1
            && given_parts.contains(strong[who].words[0].as_str())
            && tokens.folded(i).ends_with(strong[who].words[0].as_str());
        // A match that overlaps a mention found already is dropped below, whatever the tests between
        // say: unless it may move the anchor of a one-word name or of a given name (`Anchors::near`,
        // asked before the overlap), all it decides is where the walk goes on. Most matches are so
        // (the rules found the name there already), and the tests are passed over. The mention's span
        // holds the match's from its stem on, which it starts at or before.
        if anchors[who].is_none()
            && !given_only
            && found_after.overlaps(&token_span(text, tokens, i, end, skip))
        {
            return Some(end);
        }
        // A family name found alone right after a given name that the lexicon does not know is that
        // name's end: another member of the family (ليلى | فارنر after مارك فارنر) or the person's
        // first name (توماس | بيرغلوند), which the chain that found it had not reached.
        let family_only = strong[who].kind == Kind::Person
            && end == i + 1
            && skip == 0
            && strong[who]
                .words
                .last()
                .is_some_and(|w| w == tokens.folded(i));
        // A name of one word right after a noun that things are named after (جائزة نوبل، نظرية نيوتن، مسجد
        // X) names the thing, not the person.
        if end == i + 1 && skip == 0 && i > 0 && named_after(tokens, i - 1) {
            return Some(end);
        }
        if family_only
            && (adjective_after_noun(index, tokens, i) || noun_of_a_phrase(tokens, i, end))
        {
            return Some(end);
        }
        // A family name written with ه (عبده) is not the word written with ة (عبدة) that folds the same.
        if family_only && text[tokens.bytes(i)].ends_with('ة') && !strong[who].last.ta_marbuta {
            return Some(end);
        }
        // After ابن/بن (ابن طولون) the family name is the person's nasab: the particle goes with it.
        // So does the particle of a European name that the full name has before its family name (دي
        // ستيفانو of ألفريدو دي ستيفانو; فان، فون، دا …).
        let nasab = family_only
            && i > 0
            && !tokens.list[i].newline_before
            && tokens.list[i - 1].kind == TokenKind::Word
            && (matches!(tokens.folded(i - 1), "ابن" | "بن")
                || (matches!(
                    tokens.folded(i - 1),
                    "دي" | "دا" | "دو" | "دل" | "ديل" | "فون" | "فان"
                ) && strong[who].words.len() >= 3
                    && strong[who].words[strong[who].words.len() - 2] == tokens.folded(i - 1)));
        let start = if nasab || (family_only && is_given_before(index, text, tokens, i, &mut buf)) {
            i - 1
        } else {
            i
        };
        // The given name may be a name this pass has just found again alone (دوفال غونزاليز, each known
        // alone): the longer mention takes its place, as the longer wins in `resolve` (against keeping
        // the two words apart: the same scores on the four evaluation files and in cross-validation).
        let replaces_last = start < i
            && added
                .last()
                .is_some_and(|a: &Found| a.mention.end() > tokens.bytes(start).start);
        let mut span = token_span(text, tokens, start, end, skip);
        // A name known by one word only is found again near where it was seen: the same word further on
        // in a file of many articles is as often another word (دين "debt" after a Mr Dean).
        let near = anchors[who].as_mut().is_none_or(|a| a.near(span.start()));
        let near = near
            && (!given_only
                || given_anchors
                    .get_mut(&who)
                    .is_some_and(|a| a.near(span.start())));
        if near && !overlaps_any(found, &span) {
            if !uncounted.is_empty() {
                let chars = count_chars(&text[uncounted]);
                span = Span::new(
                    span.start(),
                    span.end(),
                    span.char_start() + chars,
                    span.char_end() + chars,
                );
            }
            // A given name before the family name of a person known by a fuller name is another member
            // of the family (مارك فارنر, then ليلى فارنر); before a name known by that one word it is
            // the same person's first name, so the mention joins that person.
            let (key, gender) = if start < i && !nasab && strong[who].words.len() > 1 {
                let given = tokens.folded(start);
                (format!("{given} {}", tokens.folded(i)), None)
            } else {
                (strong[who].key.clone(), strong[who].gender)
            };
            let mut mention = person_mention(text, span, gender);
            mention.kind = strong[who].kind;
            mention.set_sub(strong[who].sub_kind.clone());
            if replaces_last {
                added.pop();
            }
            added.push(Found::new(&key, mention, &mut added_keys));
        }
        Some(end)
    };
    // The tokens of a segment walked, with their keys: a match's tokens after its first are passed
    // over.
    let mut walk = |tokens: &Tokens, keys: &[WordKeys]| {
        let mut i = 0;
        while i < tokens.len() {
            let next = keys.get(i + 1).copied();
            let hit = filter.may_start(keys[i], next) != MayStart::Nothing;
            i = hit
                .then(|| try_at(tokens, i, 0..0))
                .flatten()
                .unwrap_or(i + 1);
        }
    };
    match read {
        Read::Whole(tokens) => walk(tokens, &whole_keys),
        Read::Again(_) => {
            // Each segment tokenized again as the segment pass did (the same tokens, with their byte
            // and char offsets in the text), one at a time.
            let (mut tokens, mut keys) = (Tokens::default(), Vec::new());
            let mut char_base = 0;
            for (start, segment) in segments(text) {
                char_base += tokenize(segment, start, char_base, &mut tokens);
                keys.clear();
                keys.extend(
                    tokens
                        .in_segment()
                        .map(|(folded, word)| WordKeys::of_bytes(folded, word)),
                );
                walk(&tokens, &keys);
            }
        }
        Read::Segments(segments) => {
            // Whether a name may start at a token, by the number of its keys: the filter's first test,
            // asked once of each number of a code of one or two bytes (of the rest, of each token),
            // where it was asked of every token.
            let may = MayStartAt::new(&filter, &segments.dict);
            let mut tokens = Tokens::default();
            for seg in segments.iter() {
                // The tokens `from..to` of the segment are in `tokens`.
                let (mut from, mut to) = (0, 0);
                let mut uncounted = 0..0;
                let n = seg.tokens;
                // Token `i`'s code is at byte `at`.
                let (mut at, mut i) = (0, 0);
                while let Some((k, id, after)) = seg.next_may(&may, i, at) {
                    // Token `i` may start a name; the next token's code is at byte `at`.
                    (i, at) = (k, after);
                    let next = (i + 1 < n).then(|| seg.read(at).0);
                    let words = match filter.may_start(seg.dict[id], next) {
                        MayStart::Nothing => {
                            i += 1;
                            continue;
                        }
                        MayStart::OneWord => 1,
                        MayStart::Longer(words) => words,
                    };
                    // As many tokens as the longest name that may start here has words, and the one
                    // after it, which tells a noun from a name (`noun_of_a_phrase`: الذئب الرمادي); a
                    // stretch of more, shared by names close together, cost more on the news text than
                    // it saved.
                    let need = (i + words + 1).min(n);
                    // From two tokens before: a given name there may join the family name, and the
                    // word before it tells whether it may be a word of the vocabulary.
                    let back = i.saturating_sub(2);
                    if !(from <= back && need <= to) {
                        (from, to, uncounted) = seg.tokenize(text, back, need, &mut tokens);
                    }
                    let end = try_at(&tokens, i - from, uncounted.clone())
                        .map_or(i + 1, |end| from + end);
                    debug_assert!(end > i);
                    i += 1;
                    // The tokens of the match after its first are passed over.
                    while i < end {
                        at += seg.code(at).1;
                        i += 1;
                    }
                }
            }
        }
    }
    (added, added_keys)
}

/// The words of the person `s` that may stand for it alone, and how: its family name (not after a
/// kunya), and a foreign first name the lexicon does not know (ماتياس، ليلى), when distinctive enough
/// ([`is_distinctive_family_of`]); a known given name (مروان) only near its full name; the commonest
/// given names (محمد) never.
fn alone_parts<'s>(index: &'s Index, s: &'s Strong) -> impl Iterator<Item = (&'s str, Alone)> + 's {
    let family = s.words.last().map(String::as_str).unwrap_or_default();
    // A foreign first name the lexicon does not know (ماتياس، ليلى) also stands for the person
    // alone, as the family name does; a known given name (محمد) only near the full name (`Alone::Given`).
    let first = (s.words.len() >= 2).then(|| s.words[0].as_str());
    // A family name after a kunya (أبي طالب، أبو بكر) is not the person's name alone.
    let after_kunya = s.words.len() >= 2
        && matches!(
            s.words[s.words.len() - 2].as_str(),
            "ابو" | "ابي" | "ابا" | "ام"
        );
    // The end of a caliph's regnal name (العزيز بالله، العاضد لدين الله) is none of his name alone.
    let regnal_suffix = matches!(family, "بالله" | "الله");
    let family_part = (!after_kunya && !regnal_suffix).then_some((family, s.last));
    [family_part, first.map(|f| (f, s.first))]
        .into_iter()
        .flatten()
        .filter_map(move |(part, written)| {
            // The family name may be a given name as well (نجيب محفوظ … ونشر محفوظ): it stands for the
            // person too (of a name found by its words alone, when long: `MIN_CHAIN_FAMILY`).
            let given_ok = s.words.len() >= 2 && part == family;
            let definite_ok = given_ok && !s.chain_only;
            if (is_distinctive_family_of(index, part, written, given_ok, definite_ok)
                || (s.lexicon_definite && part == family && lexicon_definite_family(index, part)))
                && !(s.chain_only && part.chars().count() < MIN_CHAIN_FAMILY)
            {
                return Some((part, Alone::Family));
            }
            // A known given name stands for a person found by a title, role or context rule or the
            // lexicon near its full name only (`given_anchors`).
            let given = part != family
                && !s.by_chain
                && index
                    .word(part)
                    .is_some_and(|w| w.classes & EntryKind::Given.bit() != 0)
                && is_distinctive_family(index, part, written, true)
                && !COMMONEST_GIVEN.contains(&part);
            given.then_some((part, Alone::Given))
        })
}

/// How a part of a person's name may stand for the person alone ([`alone_parts`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Alone {
    /// Anywhere in the document: a family name, or a first name the lexicon does not know.
    Family,
    /// Only near a mention of the full name: a known given name.
    Given,
}

/// The words of `words` (folded, without ال) that the document writes with the article too, under
/// clitic letters or none (القطار، بالقطار، والقطار): a name does not take the article, a noun does.
///
/// Fires: مع كريم قطار … ركب الركاب القطار (قطار is not looked for alone). Does not fire: وكان دوفال … وقال
/// دوفال (no الدوفال in the document).
fn written_definite<'w>(
    text: &str,
    read: &Read<'_>,
    whole_keys: &[WordKeys],
    words: impl Iterator<Item = &'w str>,
) -> Vec<&'w str> {
    let definite: FxHashMap<String, &'w str> = words
        .filter(|w| !w.starts_with("ال"))
        .map(|w| (format!("ال{w}"), w))
        .collect();
    if definite.is_empty() {
        return Vec::new();
    }
    let mut out: FxHashSet<&'w str> = FxHashSet::default();
    // The word as written, and without one or two clitic letters.
    let mut check = |folded: &str| {
        let mut form = Some(folded);
        while let Some(f) = form {
            if let Some(&w) = definite.get(f) {
                out.insert(w);
                return;
            }
            form = without_clitic_letter(f);
        }
    };
    // A token is read only when one of its keys is a form's asked (`check` reads the forms the keys are
    // of): the key may be another word's.
    let keys = KeySet::new(definite.keys().map(|f| key_of(f.as_bytes())));
    match read {
        Read::Whole(tokens) => {
            for (i, k) in whole_keys.iter().enumerate() {
                if k.is_definite_word() && k.keys().any(|k| keys.contains(k)) {
                    check(tokens.folded(i));
                }
            }
        }
        Read::Segments(segments) => {
            // A number's tokens are all of one form (`form_ident`), and `check` reads the form alone:
            // each number of a word with the article is read at its first token, where every token's
            // code was walked and each token of such a number read (6,138 on the 10.8 MB news).
            let mut tokens = Tokens::default();
            for (id, token) in segments.definite.take() {
                if segments.dict[id as usize].keys().any(|k| keys.contains(k)) {
                    // The key may be another word's: the token is read to tell.
                    let (seg, i) = segments.token(token as usize);
                    let (from, ..) = seg.tokenize(text, i, i + 1, &mut tokens);
                    check(tokens.folded(i - from));
                }
            }
        }
        Read::Again(long) => {
            for form in &long.forms {
                if WordKeys::of_bytes(form.as_bytes(), true)
                    .keys()
                    .any(|k| keys.contains(k))
                {
                    check(form);
                }
            }
        }
    }
    let mut out: Vec<&'w str> = out.into_iter().collect();
    out.sort_unstable();
    out
}

/// A set of keys (see [`WordKeys`]) that every token of a long text is tested against: a bit set
/// with one bit in [`BITS_PER_KEY`] set turns away nearly every token with a test of one bit, and the few
/// others are looked up in the set itself. (A hash set alone, asked of every token, cost some 40
/// instructions a token.)
struct KeySet {
    bits: Vec<u64>,
    mask: u32,
    keys: FxHashSet<u32>,
}

impl KeySet {
    fn new(keys: impl Iterator<Item = u32>) -> KeySet {
        let keys: FxHashSet<u32> = keys.collect();
        let size = (keys.len() * BITS_PER_KEY)
            .next_power_of_two()
            .clamp(MIN_FILTER_BITS, MAX_FILTER_BITS);
        let mut bits = vec![0u64; size / 64];
        let mask = (size - 1) as u32;
        for &k in &keys {
            let bit = k & mask;
            bits[bit as usize / 64] |= 1 << (bit % 64);
        }
        KeySet { bits, mask, keys }
    }

    #[inline]
    fn contains(&self, key: u32) -> bool {
        let bit = key & self.mask;
        self.bits[bit as usize / 64] & (1 << (bit % 64)) != 0 && self.keys.contains(&key)
    }
}

/// Whether token `k` (on the line of the token after it) is a noun that things are named after a person
/// by (جائزة، مسجد، شارع …), under clitic letters or none (بجائزة، لجائزة).
///
/// Fires: مروان دوفال … فاز بجائزة دوفال (not the person). Does not fire: مروان دوفال … وقال دوفال.
fn named_after(tokens: &Tokens, k: usize) -> bool {
    if tokens.list[k].kind != TokenKind::Word || tokens.list[k + 1].newline_before {
        return false;
    }
    let mut form = Some(tokens.folded(k));
    while let Some(f) = form {
        if NAMED_AFTER.contains(&f) {
            return true;
        }
        form = without_clitic_letter(f);
    }
    false
}

/// Whether the family name with ال at token `i` stands right after a word with ال (under و، ف، ب، ك or
/// none; لل) on the same line that the lexicon knows as no title, role or name: there it agrees with that
/// noun as its adjective (العالم العربي، القطاع السياحي، المشروع الجديد), not the person found before.
///
/// Fires (after قال الصحفي سامر العربي): وزار البلد العربي. Does not fire: وقال الرئيس العربي (a title) ;
/// وقال العربي إن.
fn adjective_after_noun(index: &Index, tokens: &Tokens, i: usize) -> bool {
    if i == 0
        || tokens.list[i].newline_before
        || tokens.list[i - 1].kind != TokenKind::Word
        || !tokens.folded(i).starts_with("ال")
    {
        return false;
    }
    let before = tokens.folded(i - 1);
    let definite = before.starts_with("ال")
        || before.starts_with("لل")
        || ["وال", "فال", "بال", "كال", "وبال", "ولل"]
            .iter()
            .any(|p| before.starts_with(p));
    // the second half of a compound name (صلاح الدين الأيوبي، عبد الله الحامد) is no noun
    if !definite || before.chars().count() < 4 || matches!(before, "الدين" | "الله") {
        return false;
    }
    let person = EntryKind::Title.bit()
        | EntryKind::Role.bit()
        | EntryKind::Given.bit()
        | EntryKind::Family.bit()
        | EntryKind::Person.bit()
        | EntryKind::Nationality.bit();
    index.word(before).is_none_or(|w| w.classes & person == 0)
}

/// Whether the family name with ال at token `i` (ending at `end`) is a noun of the sentence: right after a
/// demonstrative (هذه القوى، ذلك العام: a demonstrative points at a common noun) or right before a number
/// on the same line (في العام 1921: a year's noun), or before a nisba adjective with ال that agrees with
/// it (القوى الشعبية: a noun and its adjective, not a person).
///
/// Fires (after قال الصحفي سامر القوى): وبدأت هذه القوى ; في العام 1921 (after سامر العام). Does not fire:
/// وقال القوى إن.
fn noun_of_a_phrase(tokens: &Tokens, i: usize, end: usize) -> bool {
    if !tokens.folded(i).starts_with("ال") {
        return false;
    }
    let demonstrative = i > 0
        && !tokens.list[i].newline_before
        && tokens.list[i - 1].kind == TokenKind::Word
        && DEMONSTRATIVES.contains(&tokens.folded(i - 1));
    let number = end < tokens.list.len()
        && !tokens.list[end].newline_before
        && tokens.list[end].kind == TokenKind::Number;
    // a nisba adjective with ال after it agrees with a noun (the Asian lion: X الآسيوي)
    let nisba_after = end < tokens.list.len()
        && !tokens.list[end].newline_before
        && tokens.list[end].kind == TokenKind::Word
        && tokens.folded(end).starts_with("ال")
        && tokens.folded(end).ends_with('ي')
        && tokens.folded(end).chars().count() >= 5;
    demonstrative || number || nisba_after
}

/// Demonstratives (folded), with و or ف or none.
const DEMONSTRATIVES: [&str; 16] = [
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "هذان",
    "هاتان",
    "هؤلاء",
    "اولئك",
    "وهذا",
    "وهذه",
    "وذلك",
    "وتلك",
    "فهذا",
    "فهذه",
    "فذلك",
    "فتلك",
];

/// Nouns (folded) before a person's name that name a thing after the person: a prize, a project, a
/// building, a street, a resort. Not a theory or a law (نظرية أينشتاين), which `anercorp_lex` tags as the
/// person and `aqmar_train` does not (with them: CV 0.78700 → 0.78678, aqmar_train 0.5788 → 0.5798).
const NAMED_AFTER: [&str; 13] = [
    "جائزه",
    "جوائز",
    "مشروع",
    "مسجد",
    "جامع",
    "منتجع",
    "شارع",
    "ميدان",
    "متحف",
    "فندق",
    "مطار",
    "ملعب",
    "حديقه",
];

/// Whether token `i - 1` is a given name that the family name at token `i` completes: a word on the same
/// line that the lexicon knows only as a given name (under no clitic reading either: بإدارة is ب + a
/// word), or, right after a title, role or nationality, as a given name or vocabulary; without ال, a final
/// ة or the shape of a verb or a broken plural.
///
/// Fires (after قال الوزير مروان قرطافي): ثم حضر نوفل قرطافي الحفل (a known given name). Does not fire: ثم
/// حضر كرتوم قرطافي الحفل (a word the lexicon does not know: قرطافي alone is found again).
fn is_given_before(index: &Index, text: &str, tokens: &Tokens, i: usize, buf: &mut String) -> bool {
    if i == 0 || tokens.list[i].newline_before || tokens.list[i - 1].kind != TokenKind::Word {
        return false;
    }
    let written = &text[tokens.bytes(i - 1)];
    let word = tokens.folded(i - 1);
    let plain = !word.starts_with("ال")
        && !word.starts_with(['و', 'ف'])
        && word.chars().count() >= 3
        && !written.ends_with('ة')
        // the pronoun ـه as written (أهمله), not ـيه/ـوه (دوريه)
        && (!written.ends_with('ه') || word.ends_with("يه") || word.ends_with("وه"))
        && !shape::looks_like_verb(word)
        // the future س + a verb (ستبعد)
        && !word.strip_prefix('س').is_some_and(shape::looks_like_verb)
        && !shape::looks_like_imperfect(word)
        && !shape::looks_like_broken_plural(word)
        && !shape::has_pronoun_suffix(word)
        && !shape::looks_like_masdar(word)
        && !looks_like_noun_or_verb(word);
    // The tests below look the word up: asked of a plain word only.
    if !plain {
        return false;
    }
    // A word the lexicon does not know is not taken: before a name found again it is more often a noun or
    // verb of the text (أعمام X، ترأس X، أتكد X) than the first name of another member of the family.
    let other = !(EntryKind::Given.bit());
    let given = index.word(word).is_some_and(|w| w.classes & other == 0);
    // Right after a title, role or nationality (الرئيس اللبناني | X حداد) a word of the vocabulary is
    // the first name too: the corpus vocabulary holds rare words seen once (a name it tagged O).
    let trigger = EntryKind::Title.bit() | EntryKind::Role.bit() | EntryKind::Nationality.bit();
    let after_trigger = || {
        i >= 2
            && !tokens.list[i - 1].newline_before
            && index
                .word(tokens.folded(i - 2))
                .is_some_and(|w| w.classes & trigger != 0)
    };
    let plain_vocabulary = || {
        !ADVERBS.contains(&word)
            && index.word(word).is_some_and(|w| {
                w.classes & !(EntryKind::Given.bit() | EntryKind::Common.bit()) == 0
            })
    };
    let given_or_trigger = given || (after_trigger() && plain_vocabulary());
    // Nor a word read as a clitic and a word the lexicon knows (بإدارة).
    given_or_trigger
        && for_each_reading(word, buf, |r, stem| {
            r.clitic_chars > 0 && index.word(stem).is_some_and(|w| w.classes != 0)
        })
        .is_none()
}

/// Adverbs of time and manner (folded) that stand between a role and a name (قال الرئيس الفرنسي أمس
/// …): never a first name.
const ADVERBS: [&str; 9] = [
    "امس",
    "مساء",
    "صباح",
    "ليله",
    "فجر",
    "ظهر",
    "عصر",
    "ايضا",
    "مجددا",
];

/// Word shapes that go before a name as its head or verb and are rarely a given name: a plural in ـات
/// (مؤلفات: 1,036 O and 3 names in `anercorp_lex` + `aqmar_train`), a plural participle in construct
/// (مؤرخو), a past verb or participle فاعل (هاجم، ضايق) and a form VI verbal noun تفاعل (تواضع).
fn looks_like_noun_or_verb(word: &str) -> bool {
    // The first five chars, and how many the word has (six for six or more): the shapes below have four
    // or five. (Collected into a list, they cost an allocation a word.)
    let mut c = ['\0'; 5];
    let mut len = 0;
    for ch in word.chars() {
        if len == c.len() {
            len += 1;
            break;
        }
        c[len] = ch;
        len += 1;
    }
    let c = &c[..len.min(c.len())];
    let consonant = |ch: char| !matches!(ch, 'ا' | 'و' | 'ي' | 'ه');
    let faa3il = len == 4 && c[1] == 'ا' && c[0] != 'ا' && consonant(c[3]);
    let tafaa3ul = len == 5 && c[0] == 'ت' && c[2] == 'ا' && consonant(c[3]) && consonant(c[4]);
    word.ends_with("ات") || shape::looks_like_construct_participle(word) || faa3il || tafaa3ul
}

/// The commonest given names (folded), the Prophet's among them: alone, as often another person as the
/// one named in full nearby.
const COMMONEST_GIVEN: [&str; 4] = ["محمد", "احمد", "علي", "محمود"];

/// How far (in bytes) from a mention of a one-word strong name the word is found again: some articles'
/// length.
const ONE_WORD_WINDOW: usize = 6000;

/// For each strong name of one word, the byte starts of its mentions in `found`; `None` for longer names,
/// which are found again anywhere.
fn one_word_anchors(strong: &[Strong], found: &[Found], keys: &Keys) -> Vec<Option<Anchors>> {
    let mut anchors: Vec<Option<Anchors>> = strong
        .iter()
        .map(|s| (s.words.len() == 1).then(Anchors::default))
        .collect();
    let one_word: FxHashMap<&str, usize> = strong
        .iter()
        .enumerate()
        .filter(|(_, s)| s.words.len() == 1)
        .map(|(n, s)| (s.key.as_str(), n))
        .collect();
    if one_word.is_empty() {
        return anchors;
    }
    for f in found {
        if let Some(&n) = one_word.get(f.key(keys)) {
            if let Some(a) = anchors[n].as_mut() {
                a.found.push(f.mention.start());
            }
        }
    }
    anchors
}

/// The persons found whose first word is a given name that may stand for a person alone.
#[derive(Default)]
struct FirstSeen<'a> {
    /// The family name (last word) they are written with; `""` when two differ.
    last: Option<&'a str>,
    /// Their numbers in the found mentions, in text order: 4 bytes each, where their start and key
    /// took 24 (0.1 M persons of 100 MB of news, held through the document pass's walk).
    found: Vec<u32>,
}

/// Where a one-word strong name stands: its mentions in `found`, and the last place it was found again.
#[derive(Debug, Default)]
struct Anchors {
    /// The byte starts of its mentions in `found`, in text order.
    found: Vec<usize>,
    /// The byte start of the last mention the document pass added for it.
    last_added: Option<usize>,
}

impl Anchors {
    /// Whether byte `at` is within [`ONE_WORD_WINDOW`] of an anchor; if so it becomes one, so that a
    /// person talked of all through a long article is followed to its end.
    ///
    /// The pass reads the text in order, so of the mentions it added the nearest is the last: keeping
    /// that one alone, and the found mentions apart, makes each test a binary search. (Inserting each
    /// mention found again into one sorted list moved the whole list's tail every time: quadratic on a
    /// text that repeats one name, 29 s for 20 MB.)
    fn near(&mut self, at: usize) -> bool {
        let k = self.found.partition_point(|&p| p < at);
        let close = |p: usize| p.abs_diff(at) <= ONE_WORD_WINDOW;
        let near = (k > 0 && close(self.found[k - 1]))
            || self.found.get(k).is_some_and(|&p| close(p))
            || self.last_added.is_some_and(close);
        if near {
            self.last_added = Some(at);
        }
        near
    }
}

/// Rules that find a person from its context (a speech verb, a nationality), as strong as a title.
const CONTEXT_RULES: [&str; 4] = [
    "speech-name",
    "nationality-name",
    "name-role",
    "name-speech",
];

/// Rules that find a person by its name words alone, trusted with a two-word name or longer.
const CHAIN_RULES: [&str; 2] = ["given-chain", "name-tokens"];

/// The fewest letters of the family name of a name found by a [`CHAIN_RULES`] rule that stands for the
/// person alone.
const MIN_CHAIN_FAMILY: usize = 5;

/// The persons found with a title, role or context rule, or a given name with a chain of three words or
/// more (حسن بن خالد الكندوري); a one-word name only when it is distinctive.
fn strong_persons<'a>(index: &Index, found: &'a [Found], keys: &'a Keys) -> Vec<Strong> {
    let mut out: Vec<Strong> = Vec::new();
    // The keys in `out`: a text of many articles has thousands of strong names.
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    for f in found {
        let m = &f.mention;
        if m.kind != Kind::Person || seen.contains(f.key(keys)) {
            continue;
        }
        let rule = f.source(keys).rule_name();
        // A full name of the lexicon is strong by its family name alone, title or not (the title it
        // takes from the rule it won over says nothing of the name: الملك عبد الله الثاني).
        let lexicon = matches!(f.source(keys), Source::Lexicon { .. });
        let by_context = (!lexicon && (f.title(keys).is_some() || f.role(keys).is_some()))
            || rule.is_some_and(|r| CONTEXT_RULES.contains(&r))
            || (rule == Some("given-chain") && f.key(keys).split(' ').count() >= 3);
        // A given name and one more name word (سامر دوفيلان): trusted too, its family name alone only
        // when long.
        let chain_only = !by_context && rule.is_some_and(|r| CHAIN_RULES.contains(&r));
        let strong = by_context
            || chain_only
            // a full name the lexicon knows (أنجيلا برانت): its family name stands for the person
            || (lexicon && plain_family(index, f.key(keys)));
        if !strong {
            continue;
        }
        // A one-word name needs evidence that marks a person: a title or speech verb, not only a nisba or
        // a role before it (رئيس وزراء الدانمارك).
        let (first, last) = Written::ends(f.text(keys));
        let long_enough = f.key(keys).contains(' ')
            || (!matches!(rule, Some("nationality-name" | "role-name"))
                && is_distinctive_family(index, f.key(keys), last, false));
        if long_enough {
            seen.insert(f.key(keys));
            out.push(Strong {
                key: f.key(keys).to_string(),
                words: f.key(keys).split(' ').map(str::to_string).collect(),
                kind: Kind::Person,
                sub_kind: SubValue::default(),
                gender: m.gender,
                first,
                last,
                chain_only,
                by_chain: rule.is_some_and(|r| CHAIN_RULES.contains(&r)),
                lexicon_definite: lexicon
                    && f.key(keys)
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| w.starts_with("ال")),
            });
        }
    }
    out
}

/// Whether `word`, the family name with ال of a full name of the lexicon, may stand for the person alone:
/// not vocabulary, a function word, a nationality, a place, a title (طارق السيد … السيد: "Mr."), a role
/// or another trigger as it is written with the article, and its stem has no noun shape
/// ([`definite_noun_shape`]).
fn lexicon_definite_family(index: &Index, word: &str) -> bool {
    let vague = EntryKind::Common.bit()
        | EntryKind::Function.bit()
        | EntryKind::Nationality.bit()
        | EntryKind::Place.bit()
        | EntryKind::Title.bit()
        | EntryKind::Role.bit()
        | EntryKind::SpeechVerb.bit()
        | EntryKind::OrgHead.bit()
        | EntryKind::PlaceNoun.bit()
        | EntryKind::Particle.bit();
    word.strip_prefix("ال").is_some_and(|stem| {
        stem.chars().count() >= 3
            && !definite_noun_shape(stem)
            && !shape::ORDINALS.contains(&word)
            && !matches!(word, "الدين" | "الله" | "الرحمن")
    }) && index.word(word).is_none_or(|w| w.classes & vague == 0)
}

/// Whether a full name of the lexicon ends with a family name that may stand for the person alone: two
/// words or more, the last not after a particle (بن لادن, which is not called لادن) or عبد (عبد الرحمن),
/// and without ال unless [`lexicon_definite_family`] takes it (an ordinal: عبد الله الثاني, or a word
/// of the vocabulary with the article, never: الشريف). A family name with ال whose stem is a given name
/// or a word (مروان القرطاف … وقال القرطاف) stands for the person as an unknown one does: in the
/// cross-validated `anercorp_lex` 18 persons found so, one false.
fn plain_family(index: &Index, key: &str) -> bool {
    let mut words = key.rsplit(' ');
    let (Some(last), Some(before)) = (words.next(), words.next()) else {
        return false;
    };
    let particle = index
        .word(before)
        .is_some_and(|w| w.classes & EntryKind::Particle.bit() != 0);
    let definite_ok = !last.starts_with("ال") || lexicon_definite_family(index, last);
    definite_ok && !particle && before != "عبد"
}

/// Rules whose organizations are names, not descriptions, and so stand for the organization wherever
/// they are written again: a transliterated name after a company or newspaper noun (شركة فولفو … فولفو), a
/// club after a team noun or before its country.
const NAMING_RULES: [&str; 3] = ["head-name", "team-name", "club-country"];

/// Adds to `out` the organizations found by a naming rule whose name is distinctive: its word, or one of its
/// words, has three letters or more and the lexicon knows it as nothing but an organization or place (not
/// vocabulary, a given name, a nationality…), so that it is not a phrase the rule took by mistake.
fn strong_organizations<'a>(
    index: &Index,
    found: &'a [Found],
    keys: &'a Keys,
    out: &mut Vec<Strong>,
) {
    let mut orgs = Vec::new();
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let persons: FxHashSet<&str> = out
        .iter()
        .flat_map(|p| p.words.iter().map(String::as_str))
        .collect();
    let name_like = EntryKind::Organization.bit() | EntryKind::Place.bit();
    for f in found {
        let m = &f.mention;
        let naming = f
            .source(keys)
            .rule_name()
            .is_some_and(|r| NAMING_RULES.contains(&r));
        if m.kind != Kind::Organization || !naming || seen.contains(f.key(keys)) {
            continue;
        }
        // A word that is nothing but a name, or unknown: not vocabulary (كرة القدم after فريق).
        // As for family names, a word ending in ة or with ال but no nisba is more often a noun (القدم).
        let named = |w: &str| {
            let noun_shape = w.ends_with('ه') || (w.starts_with("ال") && !w.ends_with('ي'));
            !noun_shape
                && w.chars().count() >= 3
                && index.word(w).is_none_or(|i| i.classes & !name_like == 0)
        };
        // One word alone must be unknown to the lexicon (a town's name stays a place elsewhere: ليون) and
        // no word of a person found strongly (فريق ماتياس took a player's name).
        let distinctive = if f.key(keys).contains(' ') {
            f.key(keys).split(' ').any(named)
        } else {
            named(f.key(keys))
                && index.word(f.key(keys)).is_none()
                && !persons.contains(f.key(keys))
        };
        if distinctive {
            seen.insert(f.key(keys));
            let (first, last) = Written::ends(f.text(keys));
            orgs.push(Strong {
                key: f.key(keys).to_string(),
                words: f.key(keys).split(' ').map(str::to_string).collect(),
                kind: Kind::Organization,
                sub_kind: f.sub(keys),
                gender: None,
                first,
                last,
                chain_only: false,
                by_chain: false,
                lexicon_definite: false,
            });
        }
    }
    out.extend(orgs);
}

/// Whether two strong names sharing a family name are one person: all the words of the shorter but one
/// at most are in the longer (سالم بن عوض الحضرمي ; أبو يوسف حسن بن خالد بن عوض الحضرمي ; أبي علي
/// محمد بن سالم بن عوض الحضرمي), and the shorter has two words or more.
fn same_person(a: &Strong, b: &Strong) -> bool {
    let (short, long) = if a.words.len() <= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    let missing = short
        .words
        .iter()
        .filter(|w| !long.words.contains(w))
        .count();
    short.words.len() >= 2 && missing <= 1
}

/// A family name distinctive enough to stand for the person alone: not a given name, a common or
/// function word, a particle nor a nationality, and at least three letters. Unless the lexicon knows it as a name, a
/// word with ال must have the shape of a nisba (الكندوري، الشاطري; not العالم in بطل العالم), and a word
/// written with a final ة is more often a noun that a chain took by mistake (كرة); one written with ه
/// is a name (دوريه، دولانويه).
fn is_distinctive_family(index: &Index, word: &str, written: Written, given_ok: bool) -> bool {
    is_distinctive_family_of(index, word, written, given_ok, false)
}

/// [`is_distinctive_family`], and with `definite_ok` (the family name of a person found by a title, role
/// or context rule) a word with ال that is no nisba is distinctive too when neither it nor its stem is
/// in the lexicon and the stem has no noun shape ([`definite_noun_shape`]): ANERcorp's Arab family
/// names (الدويك، السقاف) stand alone after the full name as the nisba does.
///
/// Fires: قال وزير الخارجية مروان القرطاف إن … وكان القرطاف قد زار (القرطاف found again). Does not
/// fire: … مروان المقراض … وكان المقراض (م…: a participle's shape) ; a name found by its words alone.
fn is_distinctive_family_of(
    index: &Index,
    word: &str,
    written: Written,
    given_ok: bool,
    definite_ok: bool,
) -> bool {
    let named = EntryKind::Family.bit() | EntryKind::Person.bit();
    let info = index.word(word);
    let known = info.is_some_and(|w| w.classes & named != 0);
    let article = word.starts_with("ال") && !written.hamza_al;
    let noun_shape =
        (article && (!word.ends_with('ي') || written.alif_maqsura)) || written.ta_marbuta;
    let definite_name = definite_ok
        && article
        && !written.ta_marbuta
        && !written.alif_maqsura
        && info.is_none()
        && word
            .strip_prefix("ال")
            .is_some_and(|stem| index.word(stem).is_none() && !definite_noun_shape(stem));
    if noun_shape && !known && !definite_name {
        return false;
    }
    // An ordinal, which ends in ي as a nisba does (عبدالله الثاني … الشوط الثاني), the teen of a regnal
    // name (بنديكتوس السادس عشر … خمسة عشر), a verbal noun of forms VI–VIII or X (اقتحام، انسحاب: a
    // false name's last word, never a family name), and the shapes of a
    // verb or a plural (تباحث، تناقش، مشروعات) that a chain took: 24 false persons fewer in the
    // cross-validated anercorp_lex and 2 found fewer (micro F1 0.7326 → 0.7338), aqmar_train 0.5184 →
    // 0.5213.
    let shaped = looks_like_noun_or_verb(word)
        || shape::looks_like_derived_masdar(word)
        || shape::looks_like_imperfect(word)
        || shape::looks_like_verb(word);
    if matches!(word, "الثاني" | "الحادي" | "عشر" | "عشره") || (shaped && !known)
    {
        return false;
    }
    let given = if given_ok { 0 } else { EntryKind::Given.bit() };
    let vague = [
        EntryKind::Common,
        EntryKind::Function,
        EntryKind::Particle,
        // a nisba that is a nationality (الإيرلندي of الشيخ خالد الإيرلندي) is an adjective elsewhere
        EntryKind::Nationality,
    ]
    .iter()
    .fold(given, |acc, k| acc | k.bit());
    word.chars().count() >= 3 && info.is_none_or(|w| w.classes & vague == 0)
}

/// Shapes of a noun with the article that is no family name: a participle or a noun of place م…
/// (المعلم، المحترف), a sound plural (الأرجنتينيين، المشاركون), a broken plural أفعال (الأعصاب), a verbal
/// noun of form II تفعيل (الترويج، التطوير: O 357 times in `anercorp_lex` + `aqmar_train`, never a
/// person's word).
fn definite_noun_shape(stem: &str) -> bool {
    let c: Vec<char> = stem.chars().collect();
    let af3al = c.len() == 5 && c[0] == 'ا' && c[3] == 'ا';
    // a verbal noun of form II تفعيل (الترويج، التطوير): ت, a consonant, a root letter, ي
    let taf3il = c.len() == 5 && c[0] == 'ت' && c[3] == 'ي' && !matches!(c[1], 'ا' | 'و' | 'ي');
    c.first() == Some(&'م') || stem.ends_with("ين") || stem.ends_with("ون") || af3al || taf3il
}

/// A filter of the tokens where a strong name may start, so that most words are passed over without
/// their clitic readings or map lookups, and the stretch tokenized again around a word of a long text is
/// no longer than the names it may start: a bit set of the keys (see [`WordKeys`]) of the names of one
/// word, of the family names that stand for a person alone, and of the first two words of longer names.
///
/// Every clitic reading of a word is the word without its first 0, 1 or 2 chars (و/ف, ب/ل/ك, both), or ا
/// and the word without its first 1 or 2 chars (لل → ال); the words after the first are compared as they
/// are. So a name can start at a word only when one of the word's keys is the key of the name's first
/// word (or of that word but its ا, for a word with ال), and the next token's whole form has the key of
/// its second word. The filter lets through little but the words that start a name: a filter of the
/// words' last chars let through seven times as many on news text, every محمد among them.
struct NameFilter {
    bits: Vec<u64>,
    /// The keys of the names' first words alone (of one-word names and of longer ones), as many bits:
    /// tested first, once for each key of a word, it turns away nearly every word that starts no name
    /// with half the tests of the pairs and single words in `bits`. (A word that starts a name has a
    /// key here; one that passes only by another key's bit is matched, and fails, as before.)
    firsts: Vec<u64>,
    /// The number of bits less one: a key is tested by its low bits.
    mask: u32,
    /// For the key of each pair of first words, the most words a name that starts so has: the stretch a
    /// long text is tokenized again for (most names have two or three words, the longest seven).
    longest: FxHashMap<u32, usize>,
}

/// What a [`NameFilter`] says may start at a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MayStart {
    Nothing,
    /// A name of one word only, found alone.
    OneWord,
    /// A name of more words, as many as this at most, and maybe one of one word.
    Longer(usize),
}

/// The most bits a [`NameFilter`] has (128 KiB): as many as a key has values.
const MAX_FILTER_BITS: usize = 1 << KEY_BITS;

/// The fewest bits a [`NameFilter`] has, for a text with few names (most documents of a batch), so that
/// clearing it costs little.
const MIN_FILTER_BITS: usize = 1 << 12;

/// Bits of the filter per key it holds: one bit in 512 set, so that the tests of a word (two for most
/// words, six at most) let through one word in 250 to 80 that starts no name.
const BITS_PER_KEY: usize = 512;

impl NameFilter {
    /// A filter of the `strong` names and of the family names `alone` (those that stand for a person).
    fn new<'a>(strong: &'a [Strong], alone: impl Iterator<Item = &'a str> + Clone) -> NameFilter {
        // Each name adds a key or two (with ال).
        let keys = (strong.len() + alone.clone().count()) * 2;
        let size = (keys * BITS_PER_KEY)
            .next_power_of_two()
            .clamp(MIN_FILTER_BITS, MAX_FILTER_BITS);
        let mut filter = NameFilter {
            bits: vec![0; size / 64],
            firsts: vec![0; size / 64],
            mask: (size - 1) as u32,
            longest: FxHashMap::default(),
        };
        let one_word = strong.iter().filter(|s| s.words.len() == 1);
        for word in one_word.map(|s| s.words[0].as_str()).chain(alone) {
            filter.add_first(word, None);
        }
        for s in strong.iter().filter(|s| s.words.len() > 1) {
            let second = key_of(s.words[1].as_bytes());
            filter.add_first(&s.words[0], Some((second, s.words.len())));
        }
        filter
    }

    /// Adds a name's first word, read with clitics, followed by a word with key `second` if any, in a
    /// name of that many words.
    fn add_first(&mut self, word: &str, second: Option<(u32, usize)>) {
        let mut add = |first: &[u8]| {
            let key = key_of(first);
            let bit = key & self.mask;
            self.firsts[bit as usize / 64] |= 1 << (bit % 64);
            match second {
                None => self.set(key),
                Some((second, words)) => {
                    let pair = pair_key(key, second);
                    self.set(pair);
                    let longest = self.longest.entry(pair).or_default();
                    *longest = words.max(*longest);
                }
            }
        };
        add(word.as_bytes());
        // A stem ال + rest may be restored from لل + rest: the token then holds the word but its ا.
        if word.starts_with("ال") {
            add(&word.as_bytes()['ا'.len_utf8()..]);
        }
    }

    fn set(&mut self, key: u32) {
        let bit = key & self.mask;
        self.bits[bit as usize / 64] |= 1 << (bit % 64);
    }

    fn has(&self, key: u32) -> bool {
        let bit = key & self.mask;
        self.bits[bit as usize / 64] & (1 << (bit % 64)) != 0
    }

    /// The most words of a name whose first two words a word with `keys` and one with key `second` may
    /// be; none when the pairs' bits are other keys'. Out of line: it is asked only where a name may
    /// start, and inlined it kept [`NameFilter::may_start`] from being inlined in the loop over every
    /// token.
    #[inline(never)]
    fn longest_from(&self, keys: impl Iterator<Item = u32>, second: u32) -> Option<usize> {
        let pairs = keys.map(|k| pair_key(k, second));
        pairs
            .filter_map(|pair| self.longest.get(&pair))
            .max()
            .copied()
    }

    /// Whether a name may start at a token with `keys`, whatever token follows: the first test of
    /// [`NameFilter::may_start`], which passes every token where it says something may start.
    fn may_start_at(&self, keys: WordKeys) -> bool {
        let first = |k: u32| {
            let bit = k & self.mask;
            self.firsts[bit as usize / 64] & (1 << (bit % 64)) != 0
        };
        keys.is_word() && keys.keys().any(first)
    }

    /// What may start at a token with `keys`, followed by a token with `next` (none at the end of a
    /// segment).
    #[inline(always)]
    fn may_start(&self, keys: WordKeys, next: Option<WordKeys>) -> MayStart {
        if !keys.is_word() {
            return MayStart::Nothing;
        }
        let (whole, count) = (keys.whole(), keys.count());
        let keys = keys.keys();
        let first = |k: u32| {
            let bit = k & self.mask;
            self.firsts[bit as usize / 64] & (1 << (bit % 64)) != 0
        };
        // Most tokens have one key, the whole form's: tested alone first.
        if !first(whole) && (count == 1 || !keys.clone().skip(1).any(first)) {
            return MayStart::Nothing;
        }
        let longer = next.map(WordKeys::whole).and_then(|second| {
            let pair = keys.clone().any(|k| self.has(pair_key(k, second)));
            pair.then(|| self.longest_from(keys.clone(), second))
                .flatten()
        });
        if let Some(words) = longer {
            MayStart::Longer(words)
        } else if keys.clone().any(|k| self.has(k)) {
            MayStart::OneWord
        } else {
            MayStart::Nothing
        }
    }
}

/// The key of a word with key `first` followed by a word with key `second`.
fn pair_key(first: u32, second: u32) -> u32 {
    // Keys are hashes already: a rotation keeps the pair (a, b) apart from (b, a), and from `a` alone.
    first.rotate_left(7) ^ second ^ 0x5555
}

/// The bits of a key of [`WordKeys`].
const KEY_BITS: u32 = 20;

/// The keys of a token for a [`NameFilter`]: hashes of its folded form, and of that form without its
/// first char and its first two chars while those are clitic letters (the readings it may have), and
/// whether it is a word (names start at words only; a later word of a name may be any token, so every
/// token has keys), and whether it is a word with the article (see [`WordKeys::is_definite_word`]).
/// Up to three keys of [`KEY_BITS`] bits, their number and the flags in a `u64`: the first key, the
/// flags and the number in the low 3 bytes, the second key in the next 3 (its top 4 bits clear), the
/// third in the top 20 bits; the bits of keys a token does not have are 0, so that equal keys are equal
/// `u64`s (a summary keeps each value once, [`Summaries`]).
#[derive(Debug, Clone, Copy)]
struct WordKeys(u64);

impl WordKeys {
    #[cfg(test)]
    fn of(folded: &str, word: bool) -> WordKeys {
        WordKeys::of_bytes(folded.as_bytes(), word)
    }

    /// [`WordKeys::of`] a folded form read as bytes.
    #[inline(always)]
    fn of_bytes(folded: &[u8], word: bool) -> WordKeys {
        // Only a word that starts with a clitic letter is read without its first char, and only one
        // with two without its first two: most words have one key, hashed once and tested once, and
        // are made here without the others' steps.
        let whole = key_of(folded);
        let mut definite = starts_with_article(folded);
        let Some(rest) = after_clitic_letter(folded) else {
            let keys = u64::from(whole)
                | u64::from(word) << WORD_SHIFT
                | 1 << COUNT_SHIFT
                | u64::from(word && definite) << DEFINITE_SHIFT;
            return WordKeys(keys);
        };
        let mut keys = [whole, key_of(rest), 0];
        let mut count = 2;
        definite |= starts_with_article(rest);
        if let Some(rest) = after_clitic_letter(rest) {
            keys[2] = key_of(rest);
            count = 3;
            definite |= starts_with_article(rest);
        }
        WordKeys(
            u64::from(keys[0])
                | u64::from(word) << WORD_SHIFT
                | (count as u64) << COUNT_SHIFT
                | u64::from(word && definite) << DEFINITE_SHIFT
                | u64::from(keys[1]) << KEY_SHIFTS[1]
                | u64::from(keys[2]) << KEY_SHIFTS[2],
        )
    }

    fn is_word(self) -> bool {
        self.0 >> WORD_SHIFT & 1 != 0
    }

    /// Whether the token is a word one of whose forms (the keys' forms) starts with ال: the words
    /// [`written_definite`] reads (a test of one bit, where testing its keys cost some 8 instructions
    /// a token).
    fn is_definite_word(self) -> bool {
        self.0 >> DEFINITE_SHIFT & 1 != 0
    }

    fn count(self) -> usize {
        (self.0 >> COUNT_SHIFT) as usize & 3
    }

    /// The key of the whole form.
    fn whole(self) -> u32 {
        self.0 as u32 & KEY_MASK
    }

    /// The keys, the whole form's first.
    fn keys(self) -> impl Iterator<Item = u32> + Clone {
        (0..self.count()).map(move |n| (self.0 >> KEY_SHIFTS[n]) as u32 & KEY_MASK)
    }
}

const KEY_MASK: u32 = (1 << KEY_BITS) - 1;
const WORD_SHIFT: u32 = KEY_BITS;
const COUNT_SHIFT: u32 = KEY_BITS + 1;
const DEFINITE_SHIFT: u32 = KEY_BITS + 3;
/// Where each key is in a [`WordKeys`].
const KEY_SHIFTS: [u32; 3] = [0, 24, 64 - KEY_BITS];
const _: () = assert!(DEFINITE_SHIFT < KEY_SHIFTS[1] && KEY_SHIFTS[1] + KEY_BITS <= KEY_SHIFTS[2]);
const _: () = assert!(COUNT_SHIFT + 2 <= DEFINITE_SHIFT);

/// The bytes of padding after a summary's last token, so that [`read_code`] reads any token's code as
/// a `u64`.
const CODE_PAD: usize = 8;

/// The most bytes a token's code takes ([`code_of`]).
const CODE_MAX: usize = 5;

/// The numbers a code of one byte holds ([`code_of`]): 0 to `ONE_BYTE - 1`, the first byte itself.
const ONE_BYTE: u32 = 144;
/// The first bytes of codes of two bytes: `TWO_BYTES` × 256 numbers after those of one byte.
const TWO_BYTES: u32 = 104;
/// The first bytes of codes of three bytes: `THREE_BYTES` × 65,536 numbers after those of two; the
/// last first byte (255) starts a code of five, whose number is the next four bytes.
const THREE_BYTES: u32 = 7;
const _: () = assert!(ONE_BYTE + TWO_BYTES + THREE_BYTES == 255);
/// The first number of two bytes, and of three.
const TWO_FROM: u32 = ONE_BYTE;
const THREE_FROM: u32 = TWO_FROM + (TWO_BYTES << 8);
const FIVE_FROM: u32 = THREE_FROM + (THREE_BYTES << 16);

/// The code of the number `id`, the bytes it needs, as a `u64` whose top byte is their count: 1 byte
/// below 144, 2 below 26,768, 3 below 485,520, 5 else, the first byte's value saying which and holding
/// the number's high part (the rest little-endian after it). Where the first byte's low bits said the
/// length (1 byte below 128, 2 below 16 K, 3 below 2 M), the first keys seen, which hold the commonest
/// words, fill the short codes better: the codes of the 10.8 MB news take some 6 % fewer bytes (1.97 to
/// 1.85 a token, by a count of its words), the dense text's (all below 128) as many.
fn code_of(id: u32) -> u64 {
    let (word, len) = if id < TWO_FROM {
        (u64::from(id), 1)
    } else if id < THREE_FROM {
        let n = id - TWO_FROM;
        (u64::from(ONE_BYTE + (n >> 8)) | u64::from(n & 0xFF) << 8, 2)
    } else if id < FIVE_FROM {
        let n = id - THREE_FROM;
        let first = ONE_BYTE + TWO_BYTES + (n >> 16);
        (u64::from(first) | u64::from(n & 0xFFFF) << 8, 3)
    } else {
        (0xFF | u64::from(id) << 8, 5)
    };
    word | len << 56
}

/// Writes a code of [`code_of`] at byte `at` of `out`, and returns the byte after it. The whole `u64`
/// is written: `out` must have 8 bytes from `at`, and the bytes after the code's own (and its length in
/// the top byte) are written over by the next code (or the padding).
#[inline]
fn put_code(code: u64, out: &mut [u8], at: usize) -> usize {
    out[at..at + 8].copy_from_slice(&code.to_le_bytes());
    at + (code >> 56) as usize
}

/// Writes the number `id`'s code at byte `at` of `out` ([`code_of`], [`put_code`]).
#[cfg(test)]
fn write_code(id: u32, out: &mut [u8], at: usize) -> usize {
    put_code(code_of(id), out, at)
}

/// The number whose code ([`code_of`]) is at byte `at` of `bytes` (which holds [`CODE_PAD`] bytes
/// after the last code), and the bytes it takes: one read, and the length, base and mask by the first
/// byte.
#[inline]
fn read_code(bytes: &[u8], at: usize) -> (usize, usize) {
    let word = read_u64(bytes, at);
    let shape = CODE_SHAPES[word as usize & 0xFF];
    (
        (shape.base + (word >> 8 & shape.mask)) as usize,
        shape.len as usize,
    )
}

/// How a code is read, by its first byte ([`CODE_SHAPES`]).
#[derive(Clone, Copy)]
struct CodeShape {
    /// The number of the code whose bytes after the first are 0.
    base: u64,
    /// The bits of the number in the bytes after the first.
    mask: u64,
    /// The code's bytes.
    len: u64,
}

/// By the first byte of a code: how it is read.
const CODE_SHAPES: [CodeShape; 256] = {
    let mut shapes = [CodeShape {
        base: 0,
        mask: 0,
        len: 1,
    }; 256];
    let mut b = 0;
    while b < 256 {
        let first = b as u32;
        shapes[b] = if first < ONE_BYTE {
            CodeShape {
                base: first as u64,
                mask: 0,
                len: 1,
            }
        } else if first < ONE_BYTE + TWO_BYTES {
            CodeShape {
                base: (TWO_FROM + ((first - ONE_BYTE) << 8)) as u64,
                mask: 0xFF,
                len: 2,
            }
        } else if first < 255 {
            CodeShape {
                base: (THREE_FROM + ((first - ONE_BYTE - TWO_BYTES) << 16)) as u64,
                mask: 0xFFFF,
                len: 3,
            }
        } else {
            CodeShape {
                base: 0,
                mask: 0xFFFF_FFFF,
                len: 5,
            }
        };
        b += 1;
    }
    shapes
};

/// What tells a token's form apart in [`Summaries`]: the form's 64-bit [`hash_of`], whose top bits are
/// its key (and so the keys and flags of [`WordKeys`], all drawn from the form, are one for one ident),
/// with bit 1 saying whether the token is a word and bit 0 set, so that no token's is 0. Two forms of
/// one text with the same 62 bits of hash would share their keys: with the 10⁵ forms of 100 MB of news,
/// a chance of some 10⁻⁹; and keys are hashes anyway, which the filter's later steps check.
#[inline]
fn form_ident(hash: u64, word: bool) -> u64 {
    hash & !3 | u64::from(word) << 1 | 1
}

/// The slots of [`Summaries::slots`], by a token's whole key's low bits (1 MiB of `u32`).
const SLOTS: usize = 1 << 18;
const _: () = assert!(SLOTS <= 1 << KEY_BITS);

/// Which numbers of [`Summaries::dict`] may start a name ([`NameFilter::may_start_at`]), asked of
/// every token of a long text ([`SegmentSummary::next_may`]).
struct MayStartAt<'a> {
    filter: &'a NameFilter,
    dict: &'a [WordKeys],
    /// By a code's first two bytes, read little-endian: the code's length (1 or 2) where the number is
    /// one that may not start a name, [`MAY`] where it may, 0 for a code of 3 bytes or more (read in
    /// full, and its number asked). The walk passes over most tokens with one look-up, where reading
    /// the number and then a flag by number took 19 instructions a token.
    pass_over: Box<[u8; 1 << 16]>,
}

/// What [`MayStartAt::pass_over`] holds for a number that may start a name.
const MAY: u8 = 3;

impl<'a> MayStartAt<'a> {
    fn new(filter: &'a NameFilter, dict: &'a [WordKeys]) -> MayStartAt<'a> {
        let may = |id: usize| filter.may_start_at(dict[id]);
        let mut pass_over: Box<[u8; 1 << 16]> = vec![0; 1 << 16]
            .into_boxed_slice()
            .try_into()
            .expect("a table of 2^16 bytes");
        // A code of one byte is its number, whatever the byte after it.
        let mut one_byte = [0; ONE_BYTE as usize];
        for (id, entry) in one_byte.iter_mut().enumerate().take(dict.len()) {
            *entry = if may(id) { MAY } else { 1 };
        }
        // The entries by the second byte, then the first; of the first bytes of codes of two bytes,
        // those of the numbers there are.
        for (second, row) in pass_over.chunks_exact_mut(256).enumerate() {
            row[..one_byte.len()].copy_from_slice(&one_byte);
            for first in ONE_BYTE as usize..(ONE_BYTE + TWO_BYTES) as usize {
                let id = CODE_SHAPES[first].base as usize + second;
                if id >= dict.len() {
                    break;
                }
                row[first] = if may(id) { MAY } else { 2 };
            }
        }
        MayStartAt {
            filter,
            dict,
            pass_over,
        }
    }

    /// Whether number `id` may start a name.
    fn number(&self, id: usize) -> bool {
        self.filter.may_start_at(self.dict[id])
    }
}

/// How the document pass reads the tokens of the text again.
pub(crate) enum Read<'a> {
    /// The text was one segment, and these are its tokens.
    Whole(&'a Tokens),
    /// The text was many segments, kept as these summaries.
    Segments(&'a Summaries),
    /// The text was many segments, each tokenized again by the document pass; these are the words with
    /// the article they hold ([`ExtractorBuilder::low_memory`](crate::ExtractorBuilder::low_memory)).
    Again(&'a DefiniteWords),
}

/// What the document pass keeps of a long text (more than one segment) while its segments are read,
/// when it tokenizes each segment again ([`Read::Again`]) rather than reading [`Summaries`]: the folded
/// forms of its words with the article ([`is_definite_form`]), each once, which [`written_definite`]
/// asks of before the walk. Nothing is kept of each token: on the 100 MB news, some 0.4 MB where the
/// summaries take some 23 MB, for some 20 % more instructions.
#[derive(Debug, Default)]
pub(crate) struct DefiniteWords {
    /// The forms, each once.
    forms: Vec<Box<str>>,
    /// The [`hash_of`] of each form kept: most such words are seen again and again, and are known
    /// again by one hash of their bytes (a hash set of the forms themselves cost some 170 instructions
    /// a word with the article on news). Two forms of one text with the same 64 bits of hash would be
    /// kept as one: with the 10⁵ forms of 100 MB of news, a chance of some 10⁻⁹.
    seen: FxHashSet<u64>,
}

impl DefiniteWords {
    /// Adds the words with the article of a segment's `tokens`.
    pub(crate) fn add(&mut self, tokens: &Tokens) {
        for (i, (folded, word)) in tokens.in_segment().enumerate() {
            if word && is_definite_form(folded) && self.seen.insert(hash_of(folded)) {
                self.forms.push(tokens.folded(i).into());
            }
        }
    }
}

/// Whether a word's folded form starts with the article ال, as written or after one or two clitic
/// letters (القطار، والقطار، وبالقطار): the words [`written_definite`] reads, as
/// [`WordKeys::is_definite_word`] says of a word's keys.
#[inline]
fn is_definite_form(form: &[u8]) -> bool {
    starts_with_article(form)
        || after_clitic_letter(form).is_some_and(|rest| {
            starts_with_article(rest) || after_clitic_letter(rest).is_some_and(starts_with_article)
        })
}

/// What the document pass keeps of the segments of a long text: for each token, the number of its keys
/// (the keys its filter tests) in a list of the keys seen, in the bytes that number takes ([`code_of`]:
/// 1 for the 144 first keys seen, which hold the commonest words, 2 for the next 26 K: under 2 bytes a
/// token on the bench news, where the keys themselves took 3.7), for every [`MARK_EVERY`]th token the
/// bytes from the one before (1 byte) and for every [`CHARS_EVERY`]th its byte and char (4 bytes):
/// some 2.2 bytes a token on news, where the tokens themselves take some fifty. A stretch is
/// tokenized again from the mark before it; the keys are read in order.
///
/// The codes and the marks of every segment are in one list each, not one per segment: freed after the
/// document pass, a large list goes back to the system at once, where the lists of each segment, spread
/// among the mentions found meanwhile, left their memory to the process.
#[derive(Debug, Default)]
pub(crate) struct Summaries {
    segments: Vec<Summarized>,
    /// Each token's code, one token after the other, and [`CODE_PAD`] bytes of padding.
    keys: Vec<u8>,
    /// The keys seen, by number; number 0 is no token's (the padding reads as it).
    dict: Vec<WordKeys>,
    /// What tells the forms numbered apart, by number ([`form_ident`]), and the number's code
    /// ([`code_of`]): a token's keys are worked out for a form not seen before only, where working them
    /// out for every token, to find their number by them, took some 12 instructions a token (the
    /// clitic letters, the article, a second hash); and its code is read, where working it out took
    /// some 7.
    idents: Vec<(u64, u64)>,
    /// The number of the keys last seen with each value of a whole key's low bits, 0 for none: a key
    /// seen again is found here (one read, where a hash map's look-up cost some 20 instructions a
    /// token); a key whose slot another took meanwhile is numbered again.
    slots: Vec<u32>,
    /// Of each segment's tokens 0, [`MARK_EVERY`], 2 × [`MARK_EVERY`]… (its marks), the bytes from the
    /// mark before, or [`FAR`] when that is 255 or more (the mark is in `far`) and 0 for a mark of
    /// `groups`: 1 byte where the byte offset took 2 (some 2 MB of the 100 MB news).
    marks: Vec<u8>,
    /// The byte and char offsets in its segment (which is at most 64 KiB long) of each segment's
    /// tokens 0, [`CHARS_EVERY`], 2 × [`CHARS_EVERY`]…: a mark is counted from the one before it here
    /// (at most seven bytes added), and a stretch's first char from its char (the chars of 16 tokens
    /// on average, once for each stretch), where a char offset at every mark took 2 bytes for every 4
    /// tokens.
    groups: Vec<(u16, u16)>,
    /// The byte offsets of the marks [`FAR`] from the mark before, by their place in `marks` (few: a
    /// long token, a long run of spaces).
    far: Vec<(u32, u16)>,
    /// Of each number whose keys are a word's with the article ([`WordKeys::is_definite_word`]), the
    /// number and its first token, by its place among the text's tokens: [`written_definite`] reads
    /// each such form once, where it walked every token's code (8 bytes each: 125 KB on the 100 MB
    /// news). Taken out by it, so that it is freed before the walk, where the document pass holds the
    /// most (the document pass reads the summaries once).
    definite: RefCell<Vec<(u32, u32)>>,
    /// Room to write a segment's codes in.
    buf: Vec<u8>,
}

/// A segment in [`Summaries`].
#[derive(Debug)]
struct Summarized {
    /// Byte and char offsets of the segment in the text, and its length in bytes.
    start: usize,
    char_start: usize,
    len: usize,
    /// The number of tokens, and of the tokens of the segments before it.
    tokens: usize,
    tokens_before: usize,
    /// Where its keys and its marks start in the lists.
    keys_at: usize,
    marks_at: usize,
    groups_at: usize,
}

/// One segment of [`Summaries`], as the document pass reads it.
pub(crate) struct SegmentSummary<'a> {
    start: usize,
    char_start: usize,
    len: usize,
    tokens: usize,
    /// The segment's codes, and the next segments' and the padding after them.
    keys: &'a [u8],
    /// The keys, by the codes' numbers.
    dict: &'a [WordKeys],
    marks: &'a [u8],
    groups: &'a [(u16, u16)],
    /// Where `marks` starts in the whole list, and the marks of that list in `far`.
    marks_at: usize,
    far: &'a [(u32, u16)],
}

/// One token in this many has its offsets in a [`SegmentSummary`]: a stretch tokenized again starts at
/// most this many tokens less one before the token asked for, and ends at most as many after. With 16
/// (8.25 bytes a token) tokenizing took a fifth more instructions on the 10.8 MB news (callgrind: 275 →
/// 336 M); with 4, some 3 % more.
const MARK_EVERY: usize = 4;

/// One token in this many has its byte and char offsets in a [`SegmentSummary`]: a multiple of
/// [`MARK_EVERY`].
const CHARS_EVERY: usize = 8 * MARK_EVERY;

/// The marks of a group of [`Summaries::groups`].
const GROUP: usize = CHARS_EVERY / MARK_EVERY;

/// What [`Summaries::marks`] holds for a mark 255 bytes or more after the one before.
const FAR: u8 = u8::MAX;

const _: () = assert!(crate::tokenize::MAX_SEGMENT <= 1 << 16);
const _: () = assert!(std::mem::size_of::<WordKeys>() == 8);

impl Summaries {
    /// Summaries with room for the keys and marks of a text of `len` bytes, as news text has them:
    /// grown from empty, the lists were copied some twenty times over the 10.8 MB news (3.6 M
    /// instructions, and both copies resident while each was made). Room reserved and not written is
    /// not resident.
    pub(crate) fn for_text(len: usize) -> Summaries {
        Summaries {
            // News text has a token in some ten bytes and 2 bytes of codes a token; a text of
            // shorter words or rarer ones grows the list further.
            keys: Vec::with_capacity(len / 4 + CODE_PAD),
            marks: Vec::with_capacity(len / (10 * MARK_EVERY) + 1),
            ..Summaries::default()
        }
    }

    /// Adds the summary of `tokens`, the tokens of the segment at byte `start` and char `char_start`,
    /// `len` bytes long.
    pub(crate) fn add(&mut self, tokens: &Tokens, start: usize, char_start: usize, len: usize) {
        // Written at offsets in a buffer with room for the most they may take, not pushed (each push
        // checked the room left), then copied after the other segments' (making room in `keys` itself
        // wrote zeros over 8 bytes a token each time: 8.8 M instructions on the 10.8 MB news).
        let room = tokens.len() * CODE_MAX + CODE_PAD;
        if self.buf.len() < room {
            self.buf.resize(room, 0);
        }
        if self.dict.is_empty() {
            self.dict.push(WordKeys(0));
            self.idents.push((0, 0));
            self.slots = vec![0; SLOTS];
        }
        let mut at = 0;
        let tokens_before = self
            .segments
            .last()
            .map_or(0, |s| s.tokens_before + s.tokens);
        let mut forms = tokens.in_segment();
        while let Some((folded, word)) = forms.next() {
            let hash = hash_of(folded);
            let ident = form_ident(hash, word);
            // No token's ident is 0 (their number is at least 1): slot 0's `idents[0]` never matches.
            let slot = key_of_hash(hash) as usize % SLOTS;
            let id = self.slots[slot];
            let (mut seen, mut code) = self.idents[id as usize];
            if seen != ident {
                // The token's place, by the forms left to read (counting each token cost more).
                let token = tokens_before + tokens.len() - forms.len() - 1;
                let id = self.number(folded, word, ident, slot, token);
                (seen, code) = self.idents[id as usize];
            }
            debug_assert_eq!(seen, ident);
            at = put_code(code, &mut self.buf, at);
        }
        // The padding goes after the last segment only.
        let keys_at = self.keys.len().saturating_sub(CODE_PAD);
        self.keys.truncate(keys_at);
        self.keys.extend_from_slice(&self.buf[..at]);
        self.keys.extend_from_slice(&[0; CODE_PAD]);
        let (marks_at, groups_at) = (self.marks.len(), self.groups.len());
        self.marks.reserve(tokens.len().div_ceil(MARK_EVERY));
        let mut before = 0;
        for (k, (at, chars)) in tokens.offsets_every(MARK_EVERY).enumerate() {
            let mark = if k % GROUP == 0 {
                self.groups.push((at as u16, chars as u16));
                0
            } else if at - before < usize::from(FAR) {
                (at - before) as u8
            } else {
                let n = u32::try_from(self.marks.len()).expect("fewer marks than bytes of text");
                self.far.push((n, at as u16));
                FAR
            };
            self.marks.push(mark);
            before = at;
        }
        self.segments.push(Summarized {
            start,
            char_start,
            len,
            tokens: tokens.len(),
            tokens_before,
            keys_at,
            marks_at,
            groups_at,
        });
    }

    /// The number of `keys`, which slot `slot` does not hold: the one its pair (`slot ^ 1`, in the same
    /// cache line) holds, or a new one, put in the slot of the pair that is empty or holds the later
    /// number. With one slot a key, two common words whose slots were one were numbered again each
    /// time the other had been seen between: the 10.8 MB news numbered 48 K keys where it has some 25
    /// K, the 100 MB news (the same articles again and again) 261 K, and the commonest words drifted to
    /// long codes. `token`: the token's place among the text's tokens.
    #[cold]
    fn number(&mut self, folded: &[u8], word: bool, ident: u64, slot: usize, token: usize) -> u32 {
        let pair = slot ^ 1;
        let other = self.slots[pair];
        if self.idents[other as usize].0 == ident {
            return other;
        }
        let id = u32::try_from(self.dict.len()).expect("fewer keys than bytes of text");
        let keys = WordKeys::of_bytes(folded, word);
        if keys.is_definite_word() {
            let token = u32::try_from(token).expect("fewer tokens than bytes of text");
            self.definite.get_mut().push((id, token));
        }
        self.dict.push(keys);
        self.idents.push((ident, code_of(id)));
        // The earlier number of the two is kept: the earlier a key is first seen, the commoner it
        // is, as a rule. An empty slot holds 0, the earliest, but is taken first.
        let mine = self.slots[slot];
        let into = if mine == 0 || (other != 0 && mine > other) {
            slot
        } else {
            pair
        };
        self.slots[into] = id;
        id
    }

    /// Frees what numbers the tokens' forms (the slots and the idents, 1 MiB and 16 bytes a form), once
    /// every segment is added: the document pass, which reads the summaries, is where the extraction of
    /// a long text holds the most.
    pub(crate) fn all_added(&mut self) {
        self.slots = Vec::new();
        self.idents = Vec::new();
    }

    /// The segments, in order.
    fn iter(&self) -> impl Iterator<Item = SegmentSummary<'_>> {
        (0..self.segments.len()).map(|n| self.segment(n))
    }

    /// Segment `n`.
    fn segment(&self, n: usize) -> SegmentSummary<'_> {
        let s = &self.segments[n];
        let (marks_end, groups_end) = self
            .segments
            .get(n + 1)
            .map_or((self.marks.len(), self.groups.len()), |next| {
                (next.marks_at, next.groups_at)
            });
        SegmentSummary {
            start: s.start,
            char_start: s.char_start,
            len: s.len,
            tokens: s.tokens,
            keys: &self.keys[s.keys_at..],
            dict: &self.dict,
            marks: &self.marks[s.marks_at..marks_end],
            groups: &self.groups[s.groups_at..groups_end],
            marks_at: s.marks_at,
            far: &self.far,
        }
    }

    /// The segment of token `token` (its place among the text's tokens), and the token's place in it.
    fn token(&self, token: usize) -> (SegmentSummary<'_>, usize) {
        let n = self
            .segments
            .partition_point(|s| s.tokens_before + s.tokens <= token);
        (self.segment(n), token - self.segments[n].tokens_before)
    }
}

impl SegmentSummary<'_> {
    /// The number of the keys of the token whose code is at byte `at`, and the bytes the code takes.
    #[inline]
    fn code(&self, at: usize) -> (usize, usize) {
        read_code(self.keys, at)
    }

    /// The first token from token `i` on (whose code is at byte `at`) whose number `may` lets
    /// through: the token, its number and the byte after its code; none when no token left does. Out
    /// of line, the walk over every token keeps its few values in registers: in the document pass's
    /// loop it read four of them from the stack, 23 instructions a token.
    #[inline(never)]
    fn next_may(
        &self,
        may: &MayStartAt,
        mut i: usize,
        mut at: usize,
    ) -> Option<(usize, usize, usize)> {
        while i < self.tokens {
            // Most tokens: passed over by their code's first two bytes (the padding after the last
            // code holds the second of a last code of one byte).
            let mut first = [0; 2];
            first.copy_from_slice(&self.keys[at..at + 2]);
            match may.pass_over[usize::from(u16::from_le_bytes(first))] {
                len @ (1 | 2) => at += usize::from(len),
                entry => {
                    let (id, len) = self.code(at);
                    at += len;
                    // Else a code of 3 bytes or more, whose number is asked.
                    if entry == MAY || may.number(id) {
                        return Some((i, id, at));
                    }
                }
            }
            i += 1;
        }
        None
    }

    /// The keys of the token whose code is at byte `at`, and the bytes the code takes.
    #[inline]
    fn read(&self, at: usize) -> (WordKeys, usize) {
        let (id, len) = self.code(at);
        (self.dict[id], len)
    }

    /// Each token's keys, in order.
    #[cfg(test)]
    fn keys(&self) -> impl Iterator<Item = WordKeys> + '_ {
        let mut at = 0;
        (0..self.tokens).map(move |_| {
            let (keys, len) = self.read(at);
            at += len;
            keys
        })
    }

    /// The words with the article ([`WordKeys::is_definite_word`]), by their index, with their keys.
    #[cfg(test)]
    fn definite_words(&self) -> impl Iterator<Item = (usize, WordKeys)> + '_ {
        let mut at = 0;
        (0..self.tokens).filter_map(move |i| {
            let (keys, len) = self.read(at);
            at += len;
            keys.is_definite_word().then_some((i, keys))
        })
    }

    /// The byte offset in the segment of mark `m` (of token `m` × [`MARK_EVERY`]): its group's, and
    /// the bytes from each mark to the next up to it.
    fn mark(&self, m: usize) -> usize {
        let group = m / GROUP;
        self.mark_after(usize::from(self.groups[group].0), group * GROUP, m)
    }

    /// The byte offset in the segment of mark `m`, from that of mark `from` (`at`), an earlier mark of
    /// its group.
    fn mark_after(&self, mut at: usize, from: usize, m: usize) -> usize {
        for k in from + 1..=m {
            match self.marks[k] {
                FAR => {
                    let n = self.marks_at + k;
                    let i = self.far.partition_point(|&(f, _)| (f as usize) < n);
                    at = usize::from(self.far[i].1);
                }
                bytes => at += usize::from(bytes),
            }
        }
        at
    }

    /// Tokenizes again into `out` a stretch of the segment's tokens that holds tokens `from..to`: from
    /// the mark at or before `from` to the one at or after `to` (or the segment's end). Returns the
    /// stretch's first and end token, and the bytes of the text whose chars the tokens' char offsets
    /// leave out (from the char mark at or before the stretch to its start: each token's char offsets
    /// are that many chars short, counted by the caller where it needs them, for the few mentions
    /// added, not for every stretch). Tokens depend only on the text from their first byte on, so a
    /// stretch starting where a token starts gives the same tokens (the first may lose its
    /// `newline_before`, which matching does not read).
    fn tokenize(
        &self,
        text: &str,
        from: usize,
        to: usize,
        out: &mut Tokens,
    ) -> (usize, usize, Range<usize>) {
        let first = from / MARK_EVERY;
        let last = to.div_ceil(MARK_EVERY);
        let a = self.mark(first);
        let b = if last >= self.marks.len() {
            self.len
        } else if last / GROUP == first / GROUP {
            // Most stretches: their end is counted on from their start.
            self.mark_after(a, first, last)
        } else {
            self.mark(last)
        };
        let segment = &text[self.start..self.start + self.len];
        // The chars before the char mark at or before the stretch: those between it and the stretch are
        // left to the caller to count, where it needs them.
        let (from_byte, chars) = self.groups[first / GROUP];
        let (from_byte, chars) = (usize::from(from_byte), self.char_start + usize::from(chars));
        tokenize(&segment[a..b], self.start + a, chars, out);
        let (first, end) = (first * MARK_EVERY, (last * MARK_EVERY).min(self.tokens));
        debug_assert_eq!(out.len(), end - first);
        (first, end, self.start + from_byte..self.start + a)
    }
}

/// The key of a form (a word, or a word without its first chars) in a [`NameFilter`]: a hash that reads
/// eight bytes at a time (one or two steps for most forms, which are short), as every token of a long
/// text is summarized by one to three of them.
#[inline]
fn key_of(form: &[u8]) -> u32 {
    key_of_hash(hash_of(form))
}

/// The key [`key_of`] takes from a form's [`hash_of`]: the top bits, which the multiplication mixes
/// best.
#[inline]
fn key_of_hash(hash: u64) -> u32 {
    (hash >> (64 - KEY_BITS)) as u32
}

/// The 64-bit hash of a form whose top bits are its [`key_of`].
#[inline]
fn hash_of(form: &[u8]) -> u64 {
    let n = form.len();
    let mut hash = n as u64;
    // Tested first (one comparison where the match by ranges took four): 61 % of the forms on news.
    if n.wrapping_sub(8) <= 8 {
        // Two words of eight bytes, which may overlap: most words of four to eight letters.
        return mix(mix(hash, read_u64(form, 0)), read_u64(form, n - 8));
    }
    match n {
        0 => {}
        1..=3 => {
            hash = mix(
                hash,
                u64::from_le_bytes([form[0], form[n / 2], form[n - 1], 0, 0, 0, 0, 0]),
            )
        }
        // Two words of four bytes, which may overlap.
        4..=7 => hash = mix(hash, read_u32(form, 0) << 32 | read_u32(form, n - 4)),
        // Read above; an arm of its own here, as before, gives the walk over a segment's tokens
        // (`Summaries::add`) 1.2 M instructions fewer on the 10.8 MB news than a match without it.
        8..=16 => unreachable!("forms of 8 to 16 bytes are read above"),
        _ => {
            // Words of eight bytes, the last of which may overlap the one before.
            let mut at = 0;
            while at + 8 < n {
                hash = mix(hash, read_u64(form, at));
                at += 8;
            }
            hash = mix(hash, read_u64(form, n - 8));
        }
    }
    hash
}

/// `form` without its first char if that is the letter of a clitic that a reading takes off a word (the
/// conjunctions و ف and the prepositions ب ل ك), read from the two bytes each of these letters takes in
/// UTF-8 (every token of a long text is asked).
fn without_clitic_letter(form: &str) -> Option<&str> {
    after_clitic_letter(form.as_bytes()).map(|_| &form[2..])
}

/// [`without_clitic_letter`] of a form read as bytes.
#[inline]
fn after_clitic_letter(form: &[u8]) -> Option<&[u8]> {
    // و ف ل ك are U+0648, U+0641, U+0644, U+0643; ب is U+0628.
    match form {
        [0xD9, 0x88 | 0x81 | 0x84 | 0x83, rest @ ..] | [0xD8, 0xA8, rest @ ..] => Some(rest),
        _ => None,
    }
}

/// Whether a folded form starts with the article ال.
#[inline]
fn starts_with_article(form: &[u8]) -> bool {
    form.starts_with("ال".as_bytes())
}

/// One step of [`key_of`]: the step of `FxHasher`.
#[inline]
fn mix(hash: u64, word: u64) -> u64 {
    (hash.rotate_left(5) ^ word).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

#[inline]
fn read_u64(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

#[inline]
fn read_u32(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0; 4];
    word.copy_from_slice(&bytes[at..at + 4]);
    u64::from(u32::from_le_bytes(word))
}

/// The strong names as a trie of their folded words, so that the longest name starting at a token is
/// found in as many steps as it has words, however many names share its first words.
struct NameTrie<'a> {
    /// The node reached from a node by a word; the root is node 0.
    next: FxHashMap<(u32, &'a str), u32>,
    /// For each node, the first strong name whose words lead there.
    ends: Vec<Option<usize>>,
    /// For each node, whether a name goes on past it: the word after a name that does not (most are
    /// of two words) is not looked up, where the failed look-up took some 80 instructions a match.
    inner: Vec<bool>,
}

impl<'a> NameTrie<'a> {
    fn new(strong: &'a [Strong]) -> NameTrie<'a> {
        let mut trie = NameTrie {
            next: FxHashMap::default(),
            ends: vec![None],
            inner: vec![false],
        };
        for (n, s) in strong.iter().enumerate() {
            let mut node = 0;
            for w in &s.words {
                trie.inner[node as usize] = true;
                let fresh = trie.ends.len() as u32;
                node = *trie.next.entry((node, w.as_str())).or_insert(fresh);
                if node == fresh {
                    trie.ends.push(None);
                    trie.inner.push(false);
                }
            }
            let end = &mut trie.ends[node as usize];
            *end = end.or(Some(n));
        }
        trie
    }

    /// The longest strong name whose first word is `first` (token `i` read without its clitics) and
    /// whose other words are the tokens after `i` on the same line: its end token and index.
    fn longest(&self, tokens: &Tokens, i: usize, first: &str) -> Option<(usize, usize)> {
        let mut node = *self.next.get(&(0, first))?;
        let mut best = self.ends[node as usize].map(|n| (i + 1, n));
        let mut t = i + 1;
        while self.inner[node as usize] && t < tokens.len() && !tokens.list[t].newline_before {
            let Some(&n) = self.next.get(&(node, tokens.folded(t))) else {
                break;
            };
            node = n;
            t += 1;
            if let Some(who) = self.ends[node as usize] {
                best = Some((t, who));
            }
        }
        best
    }
}

/// The longest strong name starting at token `i`: its end token, clitic chars and index in `strong`.
/// `whole_only`: whether the word is vocabulary as written, so that no reading with a clitic is tried;
/// asked only when a reading with a clitic is reached (most matches are of the word as written: the
/// word table's look-up cost 2.2 M instructions on the 10.8 MB news when asked first).
fn match_name(
    tokens: &Tokens,
    i: usize,
    names: &NameTrie<'_>,
    by_family: &FxHashMap<&str, Option<usize>>,
    whole_only: impl FnOnce() -> bool,
    buf: &mut String,
) -> Option<(usize, u8, usize)> {
    let mut best: Option<(usize, u8, usize)> = None;
    let mut whole_only = Some(whole_only);
    let mut only = false;
    for_each_reading(tokens.folded(i), buf, |r, stem| {
        if r.clitic_chars > 0 {
            if let Some(ask) = whole_only.take() {
                only = ask();
            }
            if only {
                return false;
            }
        }
        if let Some((end, n)) = names.longest(tokens, i, stem) {
            best = Some((end, r.clitic_chars, n));
        }
        if best.is_none() {
            if let Some(Some(n)) = by_family.get(stem) {
                best = Some((i + 1, r.clitic_chars, *n));
            }
        }
        best.is_some()
    });
    best
}

/// The mentions of `found` (sorted and disjoint) that end after the start of the last span asked of,
/// for spans asked of in text order: each test passes over the mentions before its span once, where a
/// binary search over all of them ([`overlaps_any`]) took some 100 instructions a match.
struct FoundAfter<'a, 't> {
    found: &'a [Found<'t>],
    /// The start of the last span asked of.
    from: usize,
}

impl FoundAfter<'_, '_> {
    /// Whether `span`, which starts at or after the last span asked of, overlaps a mention.
    fn overlaps(&mut self, span: &Span) -> bool {
        debug_assert!(span.start() >= self.from, "spans asked of out of order");
        self.from = span.start();
        let before = self
            .found
            .iter()
            .take_while(|f| f.mention.end() <= span.start())
            .count();
        self.found = &self.found[before..];
        self.found
            .first()
            .is_some_and(|f| f.mention.start() < span.end())
    }
}

/// Whether `span` overlaps a mention of `found`, which is sorted and disjoint.
fn overlaps_any(found: &[Found], span: &Span) -> bool {
    let k = found.partition_point(|f| f.mention.end() <= span.start());
    found
        .get(k)
        .is_some_and(|f| f.mention.start() < span.end() && span.start() < f.mention.end())
}

fn person_mention(text: &str, span: Span, gender: Option<Gender>) -> Mention<'_> {
    let mut m = Mention::new(Kind::Person, span, &text[span.range()], Source::Document);
    m.gender = gender;
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noun_or_verb_shapes_read_from_the_first_chars() {
        // The shapes by the chars collected in full, as before.
        let by_list = |word: &str| {
            let c: Vec<char> = word.chars().collect();
            let consonant = |ch: char| !matches!(ch, 'ا' | 'و' | 'ي' | 'ه');
            let faa3il = c.len() == 4 && c[1] == 'ا' && c[0] != 'ا' && consonant(c[3]);
            let tafaa3ul =
                c.len() == 5 && c[0] == 'ت' && c[2] == 'ا' && consonant(c[3]) && consonant(c[4]);
            word.ends_with("ات")
                || shape::looks_like_construct_participle(word)
                || faa3il
                || tafaa3ul
        };
        for word in [
            "هاجم",
            "ضايق",
            "تواضع",
            "تباحث",
            "مؤلفات",
            "مؤرخو",
            "دوفال",
            "ساما",
            "تاجرو",
            "اامن",
            "كاتبه",
            "تفاعلات",
            "",
            "ب",
            "باب",
        ] {
            assert_eq!(looks_like_noun_or_verb(word), by_list(word), "{word}");
        }
        assert!(looks_like_noun_or_verb("هاجم") && looks_like_noun_or_verb("تواضع"));
        assert!(!looks_like_noun_or_verb("دوفال"));
    }

    /// Tokens `from..to`, as the document pass compares them (the first one's line break aside).
    fn shape(tokens: &Tokens, from: usize, to: usize) -> Vec<(usize, usize, usize, usize, String)> {
        (from..to)
            .map(|i| {
                let t = &tokens.list[i];
                let nl = i > from && t.newline_before;
                let kind = format!("{:?}{nl}", t.kind);
                let (bytes, chars) = (tokens.bytes(i), tokens.chars(i));
                (
                    bytes.start,
                    bytes.end,
                    chars.start,
                    chars.end,
                    kind + tokens.folded(i),
                )
            })
            .collect()
    }

    /// The bench's news text, or `None` (said on stderr) where it is not: it is in the repository, not in
    /// the published package (it is CC BY-SA 4.0).
    fn corpus_news() -> Option<String> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/benches/data/anercorp_news.txt"
        );
        let news = std::fs::read_to_string(path).ok();
        if news.is_none() {
            eprintln!("skipped: {path} is not here (a packaged crate leaves the corpus text out)");
        }
        news
    }

    #[test]
    fn stretches_tokenize_as_the_whole_segment() {
        let Some(news) = corpus_news() else { return };
        let mut cut = 20_000;
        while !news.is_char_boundary(cut) {
            cut -= 1;
        }
        let odd =
            "أَلْ\u{0640}مكلا ،«الشيخ»\n\u{064E}محمد\u{200F} 12٣ abc-def\r\n\tوللمدينة؟ ﻻ x\u{0651}y ";
        let text = format!("{odd}{}{odd}", &news[..cut]);
        let (start, segment) = segments(&text).next().expect("a segment");
        let mut whole = Tokens::default();
        tokenize(segment, start, 0, &mut whole);
        let mut summaries = Summaries::default();
        // A segment before it, so that its keys and marks are not the first in the lists.
        let mut before = Tokens::default();
        tokenize("قال الرئيس", 0, 0, &mut before);
        summaries.add(&before, 0, 0, "قال الرئيس".len());
        summaries.add(&whole, start, 0, segment.len());
        let summary = summaries.iter().nth(1).expect("two segments");
        // The words with the article, as `definite_words` reads them, are those of the keys read.
        let definite: Vec<(usize, u64)> = summary
            .definite_words()
            .map(|(i, k)| (i, k.0 & ((1 << KEY_SHIFTS[1]) - 1)))
            .collect();
        let want: Vec<(usize, u64)> = summary
            .keys()
            .enumerate()
            .filter(|(_, k)| k.is_definite_word())
            .map(|(i, k)| (i, k.0 & ((1 << KEY_SHIFTS[1]) - 1)))
            .collect();
        assert!(!want.is_empty());
        assert_eq!(definite, want);
        let n = whole.len();
        let mut part = Tokens::default();
        for from in (0..n).step_by(7).chain(n.saturating_sub(20)..n) {
            for len in [1, 2, 9, 12, 100] {
                let to = (from + len).min(n);
                let (first, end, uncounted) = summary.tokenize(&text, from, to, &mut part);
                assert!(
                    first <= from && to <= end && end <= n,
                    "{from}..{to}: {first}..{end}"
                );
                assert!(from - first < MARK_EVERY && end - to < MARK_EVERY);
                let lost = count_chars(&text[uncounted]);
                let counted: Vec<_> = shape(&part, 0, part.len())
                    .into_iter()
                    .map(|(a, b, c, d, k)| (a, b, c + lost, d + lost, k))
                    .collect();
                assert_eq!(counted, shape(&whole, first, end), "{from}..{to}");
            }
        }
    }

    fn strong(name: &str) -> Strong {
        Strong {
            key: name.to_string(),
            words: name.split(' ').map(str::to_string).collect(),
            kind: Kind::Person,
            sub_kind: SubValue::default(),
            gender: None,
            first: Written::default(),
            last: Written::default(),
            chain_only: false,
            by_chain: false,
            lexicon_definite: false,
        }
    }

    #[test]
    fn a_name_passes_the_filter_at_the_words_it_can_be_read_from() {
        let names = [
            "الكندوري",
            "علي",
            "بو",
            "م",
            "الم",
            "مروان دوفال",
            "الحسن بن علي",
        ];
        let strong: Vec<Strong> = names.into_iter().map(strong).collect();
        let filter = NameFilter::new(&strong, ["فيبرمان"].into_iter());
        let at = |word: &str, next: Option<&str>| {
            let next = next.map(|n| WordKeys::of(n, true));
            filter.may_start(WordKeys::of(word, true), next)
        };
        for word in [
            "الكندوري",
            "والكندوري",
            "للكندوري",
            "وللكندوري",
            "وعلي",
            "بو",
            "م",
            "والم",
            "فيبرمان",
            "بفيبرمان",
        ] {
            assert_eq!(at(word, None), MayStart::OneWord, "{word}");
        }
        // A stretch as long as the longest name that starts with the two words.
        for (word, next, words) in [
            ("مروان", "دوفال", 2),
            ("ومروان", "دوفال", 2),
            ("للحسن", "بن", 3),
        ] {
            assert_eq!(
                at(word, Some(next)),
                MayStart::Longer(words),
                "{word} {next}"
            );
        }
        for (word, next) in [("القاضي", None), ("محمد", None), ("مروان", Some("محمد"))]
        {
            assert_eq!(at(word, next), MayStart::Nothing, "{word}");
        }
        // The second word of a name is compared as written, without clitics.
        assert_eq!(at("مروان", Some("ودوفال")), MayStart::Nothing);
        // A name starts at a word only.
        assert_eq!(
            filter.may_start(WordKeys::of("علي", false), None),
            MayStart::Nothing
        );
    }

    #[test]
    fn a_verbal_noun_of_the_derived_forms_is_no_family_name_alone() {
        // A false full name ending in a verbal noun of form VII (انتقاض): the noun alone is not the person.
        let lexicon =
            crate::Lexicon::parse("extra", "مروان انتقاض\tperson\n").expect("a valid lexicon");
        let ex = crate::Extractor::builder()
            .lexicon(lexicon)
            .build()
            .expect("an extractor");
        let doc = ex.extract("التقى مروان انتقاض بالوفد . وبدأ انتقاض الجيش على الحكومة");
        let texts: Vec<&str> = doc.mentions().iter().map(|m| m.text()).collect();
        assert_eq!(texts, ["مروان انتقاض"]);
    }

    #[test]
    fn a_definite_family_name_of_the_lexicon_stands_for_the_person() {
        // Fires: a full name of the lexicon with ال on its family name (whose stem is a given name here).
        // Does not fire: an ordinal (سامر الثالث), a compound's end (نور الدين).
        let lexicon = crate::Lexicon::parse(
            "extra",
            "مروان القرطاف\tperson\nسامر الثالث\tperson\nنور الدين\tperson\nقرطاف\tgiven\tgender=male\n",
        )
        .expect("a valid lexicon");
        let ex = crate::Extractor::builder()
            .lexicon(lexicon)
            .build()
            .expect("an extractor");
        let doc = ex.extract("نشر مروان القرطاف روايته . وقال القرطاف إن الرواية جاهزة");
        let texts: Vec<&str> = doc.mentions().iter().map(|m| m.text()).collect();
        assert_eq!(texts, ["مروان القرطاف", "القرطاف"]);
        let doc = ex.extract("زار سامر الثالث المدينة . وفاز الفريق الثالث بالكأس");
        let texts: Vec<&str> = doc.mentions().iter().map(|m| m.text()).collect();
        assert_eq!(texts, ["سامر الثالث"]);
        let doc = ex.extract("حضر نور الدين الحفل . وألقى رجل الدين كلمة");
        let texts: Vec<&str> = doc.mentions().iter().map(|m| m.text()).collect();
        assert!(!texts.contains(&"الدين"), "{texts:?}");
    }

    #[test]
    fn a_first_name_found_before_a_one_word_name_joins_that_person() {
        let ex = crate::Extractor::new();
        let doc = ex.extract("وصل نوفل فيبرمان إلى المدينة . وقال فيبرمان إن الخطة جاهزة");
        assert_eq!(doc.persons().len(), 1, "{:?}", doc.persons());
        assert_eq!(doc.persons()[0].name(), "نوفل فيبرمان");
        assert_eq!(doc.persons()[0].mentions().len(), 2);
        // Before a name known with its own first name, another first name is another person.
        let doc = ex.extract("وقال الرئيس رائد فيبرمان إن الخطة جاهزة . وحضر الحفل نوفل فيبرمان .");
        let names: Vec<&str> = doc.persons().iter().map(|p| p.name()).collect();
        assert_eq!(names, ["رائد فيبرمان", "نوفل فيبرمان"]);
        // A word the lexicon does not know is not taken as the first name: the name alone is found.
        let doc = ex.extract("وصل كوربينيان فيبرمان إلى المدينة . وقال فيبرمان إن الخطة جاهزة");
        let texts: Vec<&str> = doc.mentions().iter().map(|m| m.text()).collect();
        assert_eq!(texts, ["فيبرمان", "فيبرمان"]);
    }

    #[test]
    fn a_family_name_with_the_article_after_a_noun_or_a_demonstrative_or_before_a_number_is_no_person(
    ) {
        let ex = crate::Extractor::new();
        let first = "وقال الرئيس رائد الكرموني إن الخطة جاهزة . ";
        let texts = |text: &str| -> Vec<String> {
            ex.extract(text)
                .mentions()
                .iter()
                .filter(|m| m.kind() == Kind::Person)
                .map(|m| m.text().to_string())
                .collect()
        };
        // Found again alone after a verb.
        assert_eq!(
            texts(&format!("{first}وقال الكرموني إن الوفد وصل")),
            ["رائد الكرموني", "الكرموني"]
        );
        // After a definite noun (its adjective), a demonstrative, or before a number or a nisba adjective:
        // not the person.
        for rest in [
            "وزار الوفد البلد الكرموني أمس",
            "وقالت هذه الكرموني إن الوفد وصل",
            "ووصل في الكرموني 1990 إلى المدينة",
            "ووصل الكرموني الآسيوي إلى المدينة",
        ] {
            assert_eq!(
                texts(&format!("{first}{rest}")),
                ["رائد الكرموني"],
                "{rest}"
            );
        }
        // A verbal noun of form II with ال that a title's chain took is not looked for alone.
        let first = "وقال الرئيس رائد التسويج إن الخطة جاهزة . ";
        assert_eq!(texts(&format!("{first}وبدأ التسويج أمس")), ["رائد التسويج"]);
    }

    // The bundled speech verbs and titles of the default data.
    #[cfg(all(
        feature = "data-anercorp",
        feature = "data-cldr",
        feature = "data-geonames"
    ))]
    #[test]
    fn a_name_found_again_is_not_taken_as_the_next_name_s_first_name_twice() {
        // Issue 16: دوفال found again, then taken as غونزاليز's first name: one mention, not two that
        // overlap (a rule may find the two words first, and then the pass adds nothing there).
        let ex = crate::Extractor::builder()
            .kinds([Kind::Person])
            .build()
            .expect("build");
        for text in [
            "قال دوفال وقال غونزاليز. دوفال غونزاليز",
            "الأستاذ دوفال والأستاذ غونزاليز. دوفال غونزاليز",
        ] {
            let doc = ex.extract(text);
            let last: Vec<&str> = doc.mentions()[2..].iter().map(|m| m.text()).collect();
            assert_eq!(last, ["دوفال غونزاليز"], "{text}");
        }
    }

    // The filler sentence ends its name chains only with the corpus vocabulary of the default data.
    #[cfg(all(
        feature = "data-anercorp",
        feature = "data-cldr",
        feature = "data-geonames"
    ))]
    #[test]
    fn one_word_names_are_found_again_near_their_mention_only() {
        let filler = "وتناول الاجتماع عددا من القضايا الاقتصادية والاجتماعية . ".repeat(120);
        assert!(filler.len() > ONE_WORD_WINDOW);
        let text = format!("وصرح دين أمس بأن الفريق جاهز . وأشار دين إلى ذلك . {filler}وأصدرت الشركة سندات دين ثانوي .");
        let doc = crate::Extractor::new().extract(&text);
        let found: Vec<usize> = doc
            .mentions()
            .iter()
            .filter(|m| m.text() == "دين")
            .map(|m| m.span().start())
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|&at| at < 200));
    }

    #[test]
    fn anchors_follow_a_name_through_an_article() {
        let mut anchors = Anchors {
            found: vec![100, 100 + 10 * ONE_WORD_WINDOW],
            last_added: None,
        };
        assert!(anchors.near(100 + ONE_WORD_WINDOW));
        assert!(anchors.near(100 + 2 * ONE_WORD_WINDOW));
        assert!(!anchors.near(100 + 4 * ONE_WORD_WINDOW));
        assert_eq!(anchors.last_added, Some(100 + 2 * ONE_WORD_WINDOW));
        // A found mention further on is an anchor too.
        assert!(anchors.near(100 + 9 * ONE_WORD_WINDOW));
    }

    fn is_clitic_letter(c: char) -> bool {
        matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك')
    }

    #[test]
    fn clitic_letters_are_known_by_their_bytes() {
        for c in ('\u{0}'..='\u{800}').chain(['ﻻ', '€']) {
            let word = format!("{c}بو");
            let rest = without_clitic_letter(&word);
            assert_eq!(rest.is_some(), is_clitic_letter(c), "{c}");
            assert!(rest.is_none_or(|r| r == "بو"));
        }
    }

    #[test]
    fn a_word_s_keys_are_those_of_its_readings_forms() {
        for word in [
            "",
            "م",
            "بو",
            "علي",
            "دوفال",
            "والكندوري",
            "وبالكندوري",
            "للحسن",
            "a€b",
            "ﷺx",
        ] {
            let keys = WordKeys::of(word, true);
            assert!(keys.is_word());
            // The word, and the word without its first chars while they are clitic letters.
            let less_one = word.strip_prefix(is_clitic_letter);
            let less_two = less_one.and_then(|w| w.strip_prefix(is_clitic_letter));
            let forms = [Some(word), less_one, less_two].into_iter().flatten();
            let want: Vec<u32> = forms.map(|f| key_of(f.as_bytes())).collect();
            assert_eq!(keys.keys().collect::<Vec<_>>(), want, "{word}");
            assert_eq!(keys.whole(), want[0]);
            let not_a_word = WordKeys::of(word, false);
            assert_eq!(not_a_word.keys().collect::<Vec<_>>(), want, "{word}");
            assert!(!WordKeys::of(word, false).is_word());
        }
        assert_ne!(
            key_of("دي".as_bytes()),
            key_of("يد".as_bytes()),
            "the order of the bytes counts"
        );
    }

    #[test]
    fn a_word_with_the_article_is_flagged_under_its_clitic_letters() {
        for (word, definite) in [
            ("القطار", true),
            ("والقطار", true),
            ("بالقطار", true),
            ("وبالقطار", true),
            ("للقطار", false),
            ("قطار", false),
            ("ال", true),
            ("", false),
            ("وكال", true),
            ("وقال", false),
        ] {
            assert_eq!(
                WordKeys::of(word, true).is_definite_word(),
                definite,
                "{word}"
            );
            assert!(!WordKeys::of(word, false).is_definite_word(), "{word}");
        }
    }

    #[test]
    fn codes_read_as_they_were_written() {
        let ids = [
            0u32,
            1,
            127,
            128,
            143,
            144,
            300,
            26_767,
            26_768,
            485_519,
            485_520,
            u32::MAX,
            5,
        ];
        let mut buf = vec![0xFF; ids.len() * CODE_MAX + CODE_PAD];
        let mut at = 0;
        let mut lens = Vec::new();
        for &id in &ids {
            let next = write_code(id, &mut buf, at);
            lens.push(next - at);
            at = next;
        }
        assert_eq!(lens, [1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 5, 5, 1]);
        buf[at..at + CODE_PAD].fill(0);
        let mut read = 0;
        for &id in &ids {
            let (got, len) = read_code(&buf, read);
            assert_eq!(got, id as usize);
            read += len;
        }
        assert_eq!(read, at);
        // The padding reads as number 0, one byte.
        assert_eq!(read_code(&buf, at), (0, 1));
    }

    #[test]
    fn marks_far_from_the_one_before_are_read_back() {
        // Tokens of 300 bytes and of 2, and runs of spaces: marks 255 bytes or more after the one
        // before, in a group and at its start, in the second segment of the lists.
        let (long, spaces) = ("ب".repeat(150), " ".repeat(260));
        let mut text = String::new();
        for n in 0..40 {
            text.push_str(if n % 3 == 0 { &long } else { "من" });
            text.push_str(if n % 7 == 0 { &spaces } else { " " });
        }
        let mut summaries = Summaries::default();
        let mut tokens = Tokens::default();
        tokenize("قال", 0, 0, &mut tokens);
        summaries.add(&tokens, 0, 0, "قال".len());
        tokenize(&text, 0, 0, &mut tokens);
        summaries.add(&tokens, 0, 0, text.len());
        assert!(!summaries.far.is_empty());
        let summary = summaries.iter().nth(1).expect("two segments");
        for (m, (at, _)) in tokens.offsets_every(MARK_EVERY).enumerate() {
            assert_eq!(summary.mark(m), at, "mark {m}");
        }
    }

    #[test]
    fn keys_of_one_slot_keep_their_numbers() {
        let mut s = Summaries {
            dict: vec![WordKeys(0)],
            idents: vec![(0, 0)],
            slots: vec![0; SLOTS],
            ..Summaries::default()
        };
        // As `Summaries::add` numbers a token's form.
        let mut id_of = |ident: u64| {
            let slot = key_of_hash(ident) as usize % SLOTS;
            match s.slots[slot] {
                id if s.idents[id as usize].0 == ident => id,
                _ => s.number(b"x", true, ident, slot, 0),
            }
        };
        // Three forms of one slot (their keys' low bits are one), the third seen last.
        let [a, b, c] = [5u64, 5 | 1 << 18, 5 | 2 << 18].map(|k| k << (64 - KEY_BITS) | 1);
        let (na, nb) = (id_of(a), id_of(b));
        assert_eq!((na, nb), (1, 2));
        for _ in 0..3 {
            assert_eq!((id_of(a), id_of(b)), (na, nb));
        }
        // The third takes the later number's place: the first keeps its own.
        assert_eq!(id_of(c), 3);
        assert_eq!(id_of(a), na);
        assert_eq!(id_of(c), 3);
        assert_eq!(s.dict.len(), 4);
    }

    #[test]
    fn a_form_and_a_word_make_an_ident() {
        let hash = hash_of("دوفال".as_bytes());
        assert_eq!(key_of_hash(hash), key_of("دوفال".as_bytes()));
        // No ident is 0 (the number no token has), even of a hash of 0.
        assert_ne!(form_ident(0, false), 0);
        assert_ne!(form_ident(hash, true), form_ident(hash, false));
        assert_eq!(form_ident(hash, true), form_ident(hash, true));
    }

    #[test]
    fn summaries_keep_each_keys_once() {
        let text = "قال دوفال ثم قال دوفال وبالكندوري 12 ، قال";
        let mut tokens = Tokens::default();
        tokenize(text, 0, 0, &mut tokens);
        let mut summaries = Summaries::default();
        summaries.add(&tokens, 0, 0, text.len());
        summaries.add(&tokens, 0, 0, text.len());
        // What numbers the forms is not needed to read them.
        summaries.all_added();
        let want: Vec<u64> = tokens
            .in_segment()
            .map(|(folded, word)| WordKeys::of_bytes(folded, word).0)
            .collect();
        for summary in summaries.iter() {
            assert_eq!(summary.keys().map(|k| k.0).collect::<Vec<_>>(), want);
        }
        // Six distinct tokens (قال، دوفال، ثم، وبالكندوري، 12، the comma), and number 0; each token
        // in one byte.
        assert_eq!(summaries.dict.len(), 7);
        assert_eq!(summaries.keys.len(), 2 * tokens.len() + CODE_PAD);
    }

    #[test]
    fn each_form_with_the_article_is_listed_once_at_its_first_token() {
        let mut summaries = Summaries::default();
        let mut tokens = Tokens::default();
        let texts = [
            "كرتوم الدوفال قرطافي الدوفال",
            "وبالدوفال كرتوم الدوفال والكرتومي",
        ];
        for text in texts {
            tokenize(text, 0, 0, &mut tokens);
            summaries.add(&tokens, 0, 0, text.len());
        }
        summaries.all_added();
        // الدوفال (token 1), وبالدوفال (token 4) and والكرتومي (token 7): the second الدوفال and that of
        // the second segment are not listed again.
        let definite = summaries.definite.take();
        let firsts: Vec<usize> = definite.iter().map(|&(_, t)| t as usize).collect();
        assert_eq!(firsts, [1, 4, 7]);
        let read: Vec<(usize, String)> = firsts
            .iter()
            .map(|&t| {
                let (seg, i) = summaries.token(t);
                let mut part = Tokens::default();
                let (from, ..) = seg.tokenize(texts[usize::from(t >= 4)], i, i + 1, &mut part);
                (i, part.folded(i - from).to_string())
            })
            .collect();
        assert_eq!(
            read,
            [
                (1, "الدوفال".into()),
                (0, "وبالدوفال".into()),
                (3, "والكرتومي".into())
            ]
        );
        for &(id, _) in &definite {
            assert!(summaries.dict[id as usize].is_definite_word());
        }
    }

    #[test]
    fn each_form_with_the_article_is_kept_once() {
        let mut definite = DefiniteWords::default();
        let mut tokens = Tokens::default();
        for text in [
            "كرتوم الدوفال قرطافي الدوفال",
            "وبالدوفال كرتوم الدوفال والكرتومي 12 ال",
        ] {
            tokenize(text, 0, 0, &mut tokens);
            definite.add(&tokens);
        }
        let mut forms: Vec<&str> = definite.forms.iter().map(|f| &**f).collect();
        forms.sort_unstable();
        assert_eq!(forms, ["ال", "الدوفال", "والكرتومي", "وبالدوفال"]);
        // Many forms, each seen twice: every one kept, once.
        let many: Vec<String> = (0..3000).map(|n| format!("ال{n}ب")).collect();
        let text = many.join(" ");
        tokenize(&text, 0, 0, &mut tokens);
        definite.add(&tokens);
        definite.add(&tokens);
        assert_eq!(definite.forms.len(), 4 + many.len());
    }

    #[test]
    fn a_form_with_the_article_is_a_word_its_keys_flag_so() {
        let Some(news) = corpus_news() else { return };
        let mut tokens = Tokens::default();
        let mut definite = 0;
        for (start, segment) in segments(&news) {
            tokenize(segment, start, 0, &mut tokens);
            for (folded, word) in tokens.in_segment() {
                let keys = WordKeys::of_bytes(folded, word);
                assert_eq!(word && is_definite_form(folded), keys.is_definite_word());
                definite += usize::from(keys.is_definite_word());
            }
        }
        assert!(definite > 1000);
    }

    #[test]
    fn a_long_text_s_words_with_the_article_are_read_from_its_summaries() {
        let Some(news) = corpus_news() else { return };
        let mut summaries = Summaries::default();
        let mut tokens = Tokens::default();
        // Each form as the tokens of every segment have it, and each stem of a word with the article.
        let mut forms: FxHashSet<String> = FxHashSet::default();
        let mut stems: Vec<String> = vec!["دوفال".into()];
        for (start, segment) in segments(&news) {
            tokenize(segment, start, 0, &mut tokens);
            summaries.add(&tokens, start, 0, segment.len());
            for i in 0..tokens.len() {
                forms.insert(tokens.folded(i).to_string());
                if let Some(stem) = tokens.folded(i).strip_prefix("ال") {
                    stems.push(stem.to_string());
                }
            }
        }
        assert!(summaries.segments.len() > 1);
        summaries.all_added();
        let want: Vec<&str> = {
            let mut want: Vec<&str> = stems
                .iter()
                .map(String::as_str)
                // A word with ال is not asked of (as a name's word, it does not take the article).
                .filter(|stem| !stem.starts_with("ال"))
                .filter(|stem| {
                    let definite = format!("ال{stem}");
                    forms.iter().any(|f| {
                        let mut form = Some(f.as_str());
                        while let Some(f) = form {
                            if f == definite {
                                return true;
                            }
                            form = without_clitic_letter(f);
                        }
                        false
                    })
                })
                .collect();
            want.sort_unstable();
            want.dedup();
            want
        };
        let read = Read::Segments(&summaries);
        let got = written_definite(&news, &read, &[], stems.iter().map(String::as_str));
        assert!(want.len() > 100);
        assert_eq!(got, want);
        // The same from the words with the article alone (`Read::Again`).
        let mut long = DefiniteWords::default();
        for (start, segment) in segments(&news) {
            tokenize(segment, start, 0, &mut tokens);
            long.add(&tokens);
        }
        let read = Read::Again(&long);
        let got = written_definite(&news, &read, &[], stems.iter().map(String::as_str));
        assert_eq!(got, want);
    }

    #[test]
    fn found_mentions_walked_with_the_text_overlap_as_searched() {
        let text = "ب".repeat(40);
        let mut keys = Keys::new(&text);
        let found: Vec<Found> = [(4, 10), (10, 16), (30, 36)]
            .into_iter()
            .map(|(a, b)| {
                let span = Span::new(a, b, a / 2, b / 2);
                let m = Mention::new(Kind::Person, span, &text[a..b], Source::Document);
                Found::new(&text[a..b], m, &mut keys)
            })
            .collect();
        let mut after = FoundAfter {
            found: &found,
            from: 0,
        };
        for (a, b) in [
            (0, 2),
            (0, 4),
            (2, 6),
            (10, 12),
            (16, 30),
            (18, 32),
            (36, 40),
        ] {
            let span = Span::new(a, b, a / 2, b / 2);
            assert_eq!(
                after.overlaps(&span),
                overlaps_any(&found, &span),
                "{a}..{b}"
            );
        }
    }

    #[test]
    fn the_walk_stops_at_the_tokens_whose_number_may_start_a_name() {
        let text = "كرتوم دوفال قرطافي كرتوم دوفال الدوفال";
        let mut tokens = Tokens::default();
        tokenize(text, 0, 0, &mut tokens);
        let mut summaries = Summaries::default();
        summaries.add(&tokens, 0, 0, text.len());
        summaries.all_added();
        let seg = summaries.segment(0);
        // دوفال, the second form seen.
        let filter = NameFilter::new(&[strong("دوفال")], std::iter::empty());
        let may = MayStartAt::new(&filter, &summaries.dict);
        let (mut i, mut at, mut stops) = (0, 0, Vec::new());
        while let Some((k, id, after)) = seg.next_may(&may, i, at) {
            stops.push((k, id));
            (i, at) = (k + 1, after);
        }
        assert_eq!(stops, [(1, 2), (4, 2)]);
    }

    #[test]
    fn the_trie_finds_the_longest_name_and_stops_after_the_last_word_of_any() {
        let strong = [
            strong("كرتوم دوفال"),
            strong("كرتوم دوفال قرطافي"),
            strong("دوفال"),
        ];
        let names = NameTrie::new(&strong);
        let mut tokens = Tokens::default();
        tokenize(
            "كرتوم دوفال قرطافي دوفال كرتوم دوفال كرتوم",
            0,
            0,
            &mut tokens,
        );
        assert_eq!(names.longest(&tokens, 0, "كرتوم"), Some((3, 1)));
        assert_eq!(names.longest(&tokens, 3, "دوفال"), Some((4, 2)));
        assert_eq!(names.longest(&tokens, 4, "كرتوم"), Some((6, 0)));
        assert_eq!(names.longest(&tokens, 6, "كرتوم"), None);
        // A word goes on after the root, كرتوم and كرتوم دوفال only.
        assert_eq!(names.inner.iter().filter(|&&inner| inner).count(), 3);
    }
}
