//! The rules that propose persons, in the order [`run`](super::run) calls them:
//!
//! 1. `title-name` ([`title_name`]): a name chain after a title, with the role before the title. This rule,
//!    `role-name` and `nationality-name` also take a name between quotation marks or brackets right after
//!    their clue ([`quoted_name`]).
//! 2. `role-name` ([`role_name`]): a name after a role and its complements.
//! 3. `nationality-name` ([`nationality_name`]): a name after a nationality standing as a noun.
//! 4. `speech-name` ([`speech_name`]): a name right after a speech verb.
//! 5. `name-speech` ([`name_speech`]): a name that opens a sentence, before a speech verb.
//! 6. `name-role` ([`name_role`]): a known name before a role in apposition.
//! 7. `given-chain` ([`given_chain`]): a known given name followed by more name words.
//! 8. `van-name` ([`van_name`]): فان + a family name; `family-name` ([`family_name`]): أسرة، عائلة،
//!    عشيرة + a family name.
//!    `eponym` ([`eponym_name`]): a discoverer's name after a noun of science (جدول، ثابت، قانون، نظرية).
//!    `scorer` ([`scorer_name`]): the scorer after a goal noun + ل, or after إمضاء.
//! 9. `coordinated` ([`coordinated_names`]): a name joined by و to a person already proposed.
//! 10. `byline` ([`byline`]): the writer's name between a byline's separators.
//! 11. `name-tokens` ([`name_tokens`]): two or more person-name tokens in a row, one of them from a
//!     `name` lexicon (foreign and rare names).
//!
//! The name chain they share ([`name_chain`], [`is_name_word`], [`name_from`]) follows `title_name`;
//! other helpers follow the rule that uses them first.

use super::shape::{
    has_pronoun_suffix, is_singular_nisba, lam_verb_or_masdar, looks_like_accusative_masdar,
    looks_like_accusative_participle, looks_like_broken_plural, looks_like_construct_participle,
    looks_like_definite_derived_masdar, looks_like_derived_masdar, looks_like_derived_participle,
    looks_like_future_or_plural_past, looks_like_imperfect, looks_like_indefinite_participle,
    looks_like_masdar, looks_like_nominative_plural_participle, looks_like_plural_participle,
    looks_like_verb, preposition_and_verbal_noun, ORDINALS,
};
use super::{
    bare_word_before, bytes_are, is_in_names, is_named, Asked, Candidate, Evidence, Origin,
    Segment, LEXICON, STRONG,
};
use crate::clitic::Reading;
use crate::lexicon::EntryKind;
use crate::lookup::{Lex, Marks, PhraseMatch};
use crate::mention::{Gender, Kind};
use crate::tokenize::TokenKind;

/// The longest name chain after a title: given name, father and grandfather with their particles (حمد بن
/// جاسم بن جبر آل ثاني), family.
const MAX_NAME_WORDS: usize = 7;

/// How far before a title a role may start.
const MAX_ROLE_WORDS: usize = 12;

/// The longest complement of a role before the name (وزير الخارجية التركي ; رئيس الاتحاد الدولي لكرة القدم).
const MAX_ROLE_COMPLEMENTS: usize = 5;

/// A person after a title: `[role] title+ [nationality] name-chain`.
///
/// Fires: الأستاذ محمد عبدالله الحامد ; والأمين العام المساعد الدكتور عبدالعزيز سعيد الصيغ ; الشيخ المبجل خالد
/// الحامد (an unknown epithet before a given name is passed over) ; وحكم السلطان العثماني مراد الحضراني (a nisba
/// before a given name, even after a royal title) ; وحضر الشيخ سالم الموقف . (a word of the
/// vocabulary after a given name, at the sentence's end or before a role, is the family name).
/// Does not fire: الأستاذ في الجامعة ; الدكتور ، ; الملك على الحاجة (the preposition written with ى) ; وصل
/// اللواء العاشر (an ordinal alone: `ordinal_or_elative`) ; حضر الشاعر المبجل إلى القاهرة (a word the
/// lexicon does not know, of an adjective's shape — `adjective_shape` —, alone after a title that is not
/// royal: an epithet with no name after it, where the vocabulary would have made it one; after a royal
/// title such a word is a regnal name, الخليفة المستنصر).
/// A known given name alone takes a nationality after it as its nisba: واضاف الشيخ سامر الإيرلندي ،.
/// A nisba with no given name after it is the name: وقال الدكتور الحضراني إن.
#[inline(never)]
pub(super) fn title_name(seg: &Segment<'_, '_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    // The first token after the last name or title found: a title inside them is not read again.
    let mut next = 0;
    for &i in triggers {
        if i < next {
            continue;
        }
        let Some(first_title) = seg.phrase_of(i, EntryKind::Title) else {
            continue;
        };
        // Stacked titles (سعادة الشيخ): the one nearest the name is the person's title.
        let mut title = first_title;
        while let Some(next) = (title.end < seg.len() && !seg.newline_before(title.end))
            .then(|| seg.phrase_of(title.end, EntryKind::Title))
            .flatten()
        {
            title = next;
        }
        // After a royal title a word with ال before the name is a regnal name, part of the name (الملك
        // الأشرف خليل).
        let royal = seg.index.entry(title.entry).entry.category() == Some("royal");
        let mut j = title.end;
        while j < seg.len()
            && (seg.has(j, EntryKind::Nationality)
                || (title_epithet(seg, j) && caliph_epithet_end(seg, j, j + 1).is_none())
                || (!royal && unknown_epithet(seg, j))
                || nisba_epithet(seg, j)
                || (royal && dynasty_epithet(seg, j)))
            && !seg.newline_before(j)
        {
            j += 1;
        }
        let quoted = quoted_name(seg, j);
        if let Some((start, _)) = quoted {
            j = start;
        }
        let end = if let Some((_, end)) = quoted {
            end
        } else if j < seg.len() && seg.newline_before(j) {
            j
        } else if let Some(end) = caliph_epithet_end(seg, j, j + 1) {
            // a regnal name of the vocabulary (الآمر بأحكام الله) is the name with its suffix
            end
        } else {
            let end = regnal_end(seg, j, name_chain(seg, j));
            let end = end + usize::from(end == j + 1 && vocabulary_family(seg, j, end));
            // After a title, a known given name alone + a singular nisba nationality is the name with its
            // nisba (الشيخ خالد الإيرلندي), as after two name words (`nationality_as_family`).
            let end = end
                + usize::from(
                    end == j + 1
                        && end < seg.len()
                        && seg.has(j, EntryKind::Given)
                        && nationality_as_family(seg, end),
                );
            // An ordinal or an elative in ى alone after a title qualifies it (الأب الأول، السيدة
            // الأولى، اللواء العاشر، الممثل الأعلى): no name.
            if end == j + 1
                && (ordinal_or_elative(seg, j)
                    || (!royal && seg.lex[j].is_unknown() && adjective_shape(seg.tokens.folded(j)))
                    || (royal && lone_dynasty(seg, j)))
            {
                j
            } else {
                end
            }
        };
        if end > j {
            let mut c = Candidate::new(Kind::Person, j, end, 0, STRONG, Origin::Rule("title-name"));
            c.title = Some((title.entry, title.start as u32, title.reading.clitic_chars));
            c.role = role_before(seg, first_title.start)
                .map(|(from, to, skip, elided)| (from as u32, to as u32, skip, elided));
            c.gender = seg
                .index
                .entry(title.entry)
                .entry
                .gender()
                .or_else(|| {
                    c.role
                        .and_then(|(r, _, _, _)| seg.lex[r as usize].info.and_then(|w| w.gender))
                })
                .or_else(|| given_gender(seg, j));
            out.push(c);
            next = end;
        } else {
            next = title.end;
        }
    }
}

/// Whether token `j` is an ordinal with ال, masculine or feminine (الأول، الأولى، العاشر، الثانية), or an
/// elative written ال + أ + two letters + ى (الأعلى، الأدنى، الأقصى): an adjective, never a name's only
/// word. After a title in `anercorp_lex` + `aqmar_train` such a word alone is O 9 times and never a
/// person (a regnal ordinal follows a name: الملك لويس الرابع).
fn ordinal_or_elative(seg: &Segment<'_, '_>, j: usize) -> bool {
    let word = seg.tokens.folded(j);
    let written = &seg.text[seg.tokens.bytes(j)];
    let masculine = word.strip_suffix('ه').unwrap_or(word);
    ORDINALS.contains(&word)
        || ORDINALS.contains(&masculine)
        || matches!(word, "الاولي" | "الاولى")
        || (written.starts_with("الأ") && written.ends_with('ى') && written.chars().count() == 6)
}

/// Whether token `j`, after a title, is an epithet that qualifies the title rather than starting the
/// name: a word with ال that the lexicon knows only as vocabulary (الكاتب الكبير، الصحابي الجليل سعد،
/// الأمير المفدي). The name, if any, follows it.
fn title_epithet(seg: &Segment<'_, '_>, j: usize) -> bool {
    let l = &seg.lex[j];
    seg.is_word(j)
        && l.definite()
        && !l.conj()
        && seg.reading(j).clitic_chars == 0
        && l.has(EntryKind::Common)
        && !l.has(EntryKind::Function)
        && !is_named(seg, j)
        && !seg.has(j, EntryKind::Place)
        // a role is the person's office, which `role-name` reads with the title before it (فخامة الرئيس X)
        && seg.phrase_of(j, EntryKind::Role).is_none()
}

/// Whether token `j`, after a title, is a word with ال that the lexicon does not know, followed on the
/// same line by a given name: an epithet of the title (الإمام المجتهد خالد), not a family name. Not
/// asked after a royal title, where it is a regnal name (الملك الأشرف خليل).
/// A word of an adjective's shape (`adjective_shape`) is an epithet before a foreign name token or a
/// kinship particle too: Fires: حضر الكاتب المبجل ابن سالم الحضراني ; حضر الكاتب المخضرم فالتر كوفالسكي.
/// Does not fire: وقال الدكتور المنصور إن (no name after it: the family name). In `anercorp_lex`
/// (5-fold CV) this gains 2 persons and loses no other.
fn unknown_epithet(seg: &Segment<'_, '_>, j: usize) -> bool {
    let l = &seg.lex[j];
    seg.is_word(j)
        && l.definite()
        && !l.conj()
        && seg.reading(j).clitic_chars == 0
        && l.is_unknown()
        && !seg.hamza_al(j)
        && j + 1 < seg.len()
        && seg.is_word(j + 1)
        && !seg.newline_before(j + 1)
        && (seg.has(j + 1, EntryKind::Given)
            || (adjective_shape(seg.tokens.folded(j))
                && !seg.lex[j + 1].conj()
                && (is_name_token(seg, j + 1, 0) || seg.has(j + 1, EntryKind::Particle))))
        && seg.reading(j + 1).clitic_chars == 0
}

/// Whether `word`, written with ال, has the shape of an adjective rather than of a family name: a
/// participle ال + م + three to five letters (المشهور، المؤقت، المخضرم) or فعيل (الكبير، الشهير). A family
/// name with ال is most often a nisba (الحضراني) or another shape (الحامد، الشمري).
fn adjective_shape(word: &str) -> bool {
    let Some(stem) = word.strip_prefix("ال") else {
        return false;
    };
    let c: Vec<char> = stem.chars().collect();
    let participle = c.first() == Some(&'م') && (4..=6).contains(&c.len());
    let fail = c.len() == 4 && c[2] == 'ي' && !matches!(c[0], 'ا' | 'و' | 'ي');
    (participle || fail) && !word.ends_with(['ي', 'ه', 'ة'])
}

/// Whether token `j`, after a title, is a word with ال and the nisba ending ي followed on the same line by a
/// given name: an adjective of the title (السلطان العثماني محمد، الباحث الفلكي سامر), even where the lexicon
/// also knows it as a family name or does not know it, and after a royal title too.
fn nisba_epithet(seg: &Segment<'_, '_>, j: usize) -> bool {
    let l = &seg.lex[j];
    seg.is_word(j)
        && l.definite()
        && !l.conj()
        && seg.last_char(j) == Some('ي')
        && seg.reading(j).clitic_chars == 0
        && !seg.has(j, EntryKind::Place)
        && j + 1 < seg.len()
        && seg.is_word(j + 1)
        && !seg.newline_before(j + 1)
        && seg.has(j + 1, EntryKind::Given)
        && seg.reading(j + 1).clitic_chars == 0
}

/// Whether token `j`, after a royal title, is a word with ال and the nisba ending ي followed on the same
/// line by another word with ال: the dynasty or the realm of the title (الخليفة العباسي المأمون، السلطان
/// المملوكي الظاهر), the regnal name after it.
fn dynasty_epithet(seg: &Segment<'_, '_>, j: usize) -> bool {
    let l = &seg.lex[j];
    seg.is_word(j)
        && l.definite()
        && !l.conj()
        && matches!(seg.last_char(j), Some('ي' | 'ى'))
        && seg.reading(j).clitic_chars == 0
        && !seg.has(j, EntryKind::Place)
        && j + 1 < seg.len()
        && seg.is_word(j + 1)
        && !seg.newline_before(j + 1)
        // a regnal name that a lexicon lists whole (المستنصر) is read without its article
        && (seg.lex[j + 1].definite() || seg.tokens.folded(j + 1).starts_with("ال"))
        && !seg.lex[j + 1].conj()
        && seg.reading(j + 1).clitic_chars == 0
}

/// Whether token `j`, the only word of a name after a royal title, is a nisba with ال that the lexicon
/// knows as no given name or person: the realm or dynasty of the title (السلطان الحفصي ،), no name.
fn lone_dynasty(seg: &Segment<'_, '_>, j: usize) -> bool {
    let l = &seg.lex[j];
    l.definite()
        && !l.conj()
        && matches!(seg.last_char(j), Some('ي' | 'ى'))
        && seg.reading(j).clitic_chars == 0
        && !is_named(seg, j)
}

/// Whether token `k`, after a title and a known given name at token `j` (الدكتور رائف | نجم، الشيخ عبدالله |
/// المنيع), is the family name although the vocabulary knows it or a shape stopped the chain (ليتام, read
/// as ل + a verb): a plain word the lexicon knows as vocabulary or not at all (no clitic, و, ة, verb or
/// verbal-noun shape, time adverb), followed by the sentence's end, punctuation, a role, a relative
/// pronoun or إن/أن (ورأى الدكتور رائد ليتام إن …).
fn vocabulary_family(seg: &Segment<'_, '_>, j: usize, k: usize) -> bool {
    const TIME: [&str; 6] = ["امس", "اليوم", "ايضا", "غدا", "الان", "مساء"];
    if !seg.has(j, EntryKind::Given) || k >= seg.len() {
        return false;
    }
    let l = &seg.lex[k];
    let word = seg.tokens.folded(k);
    let plain = seg.is_word(k)
        && !seg.newline_before(k)
        && !l.conj()
        && seg.reading(k).clitic_chars == 0
        && (l.has(EntryKind::Common) || l.is_unknown())
        && !l.has(EntryKind::Function)
        && !l.has(EntryKind::Nationality)
        && !seg.is_trigger(k)
        && !seg.has(k, EntryKind::Place)
        && !seg.ends_with_ta_marbuta(k)
        && !TIME.contains(&word)
        && word.chars().count() >= 3
        && !looks_like_verb(word)
        && !looks_like_imperfect(word)
        && !looks_like_masdar(word)
        && !looks_like_derived_masdar(word)
        && !has_pronoun_suffix(word)
        && !pronoun_ha(seg, k);
    let n = k + 1;
    let after = n >= seg.len()
        || !seg.is_word(n)
        || seg.newline_before(n)
        || seg.phrase_of(n, EntryKind::Role).is_some()
        || matches!(seg.tokens.folded(n), "الذي" | "التي" | "ان");
    plain && after
}

/// A person over tokens `start..end` found by `rule`, with the gender of its first word as a given name.
fn person(
    seg: &Segment<'_, '_>,
    start: usize,
    end: usize,
    skip: u8,
    evidence: Evidence,
    rule: &'static str,
) -> Option<Candidate> {
    // After a particle that governs a verb (لم يشر ماهر، عندما هاجر سامر), the first word is the verb:
    // the name is what follows it if the lexicon knows that as a name, else there is none.
    let (start, skip) = if verb_particle_before(seg, start) {
        if end - start < 2 || !is_named(seg, start + 1) {
            return None;
        }
        (start + 1, 0)
    } else {
        (start, skip)
    };
    let end = regnal_end(seg, start, end);
    let mut c = Candidate::new(Kind::Person, start, end, skip, evidence, Origin::Rule(rule));
    c.gender = given_gender(seg, start);
    Some(c)
}

/// Whether the word before token `i` is a particle that a verb follows, not a name: لم، لن، قد، لقد،
/// سوف، عندما، حينما، بعدما، كما، ما (with و/ف before it). In `anercorp_lex` + `aqmar_train` these
/// particles stand before a word 2,061 times and never before the first word of a person's name.
fn verb_particle_before(seg: &Segment<'_, '_>, i: usize) -> bool {
    bare_word_before(seg, i).is_some_and(|bare| {
        matches!(
            bare,
            "لم" | "لن"
                | "قد"
                | "لقد"
                | "سوف"
                | "عندما"
                | "حينما"
                | "بعدما"
                | "كما"
                | "ما"
        )
    })
}

/// The end of a one-word name over tokens `start..end` with the ordinal of a regnal name after it (لويس
/// السابع، بنديكتوس السادس عشر); `end` when none follows or the name has more words.
fn regnal_end(seg: &Segment<'_, '_>, start: usize, end: usize) -> usize {
    if let Some(end) = caliph_epithet_end(seg, start, end) {
        return end;
    }
    let plain = |k: usize| {
        k < seg.len()
            && seg.is_word(k)
            && !seg.newline_before(k)
            && seg.reading(k).clitic_chars == 0
            && !seg.lex[k].conj()
    };
    let teen = |k: usize| plain(k) && matches!(seg.tokens.folded(k), "عشر" | "عشره");
    // The chain took the ordinal already (بنديكتوس السادس): the teen after it.
    if end >= start + 2 && is_ordinal(seg, end - 1) {
        return end + usize::from(teen(end));
    }
    if end != start + 1 || !plain(end) || !is_ordinal(seg, end) {
        return end;
    }
    end + 1 + usize::from(teen(end + 1))
}

/// The end of a caliph's regnal name: a word with ال alone over tokens `start..end`, followed by بالله or
/// by لدين، بأمر، بأحكام + الله, which are part of it (المستنصر بالله، العاضد لدين الله، الحاكم بأمر الله).
/// None when no such words follow.
///
/// Fires: وفي عهد الخليفة المعتمد بالله بني القصر ; أمر الخليفة القائم بأمر الله ببناء السور. Does not fire:
/// وقال الشيخ سامر بالله عليكم (the name has no article).
fn caliph_epithet_end(seg: &Segment<'_, '_>, start: usize, end: usize) -> Option<usize> {
    let plain =
        |k: usize| k < seg.len() && seg.is_word(k) && !seg.newline_before(k) && !seg.lex[k].conj();
    if end != start + 1 || !plain(end) || !seg.lex[start].definite() {
        return None;
    }
    match seg.tokens.folded(end) {
        "بالله" => Some(end + 1),
        "لدين" | "بامر" | "باحكام" if plain(end + 1) && seg.tokens.folded_is(end + 1, "الله") => {
            Some(end + 2)
        }
        _ => None,
    }
}

/// Whether token `k`'s folded form is one of `ORDINALS`, all of ten or twelve bytes with ال: the length
/// and the article are compared first, as bytes (asked of the last word of every chain).
fn is_ordinal(seg: &Segment<'_, '_>, k: usize) -> bool {
    let word = seg.tokens.folded_bytes(k);
    matches!(word.len(), 10 | 12)
        && word.starts_with("ال".as_bytes())
        && ORDINALS.iter().any(|o| o.as_bytes() == word)
}

/// The gender of token `i` as a given name.
fn given_gender(seg: &Segment<'_, '_>, i: usize) -> Option<Gender> {
    seg.has(i, EntryKind::Given)
        .then(|| seg.lex[i].info.and_then(|w| w.gender))
        .flatten()
}

/// The end of the name chain that starts at token `start` (equal to `start` when there is none).
///
/// A chain takes names and unknown words; it stops at punctuation, a line break, a word with the
/// conjunction و/ف, vocabulary, a trigger word, a verb-shaped word, and a word read with a preposition.
/// A particle (بن، أبو) cannot end it.
fn name_chain(seg: &Segment<'_, '_>, start: usize) -> usize {
    name_chain_from(seg, start, start)
}

/// [`name_chain`] for a name whose first word is token `first`, read on from token `start` (after a
/// given name of one or more words: the words from `start` are not the name's first).
fn name_chain_from(seg: &Segment<'_, '_>, first: usize, start: usize) -> usize {
    let mut end = start;
    while end < seg.len()
        && end - start < MAX_NAME_WORDS
        && (is_name_word(seg, end, end == first) || (end > first && foreign_particle(seg, end)))
        && !(end >= first + 2 && unlisted_after_name(seg, end))
    {
        end += 1;
    }
    if end >= first + 2 && end < seg.len() && nationality_as_family(seg, end) {
        end += 1;
    }
    while end > start
        && seg.has(end - 1, EntryKind::Particle)
        && !seg.has(end - 1, EntryKind::Given)
    {
        end -= 1;
    }
    end
}

/// Whether token `i`, after two words of a name chain, is a word that no list knows in any reading and that
/// is no name token, shaped like a verb or a noun of the sentence rather than a transliterated name: five
/// letters or fewer without the nisba ending (تم، يصف، عاهل، خريج، تجاوز، مفاوض), a word written with ة
/// (فكرة، جلسة), or ال + م + three to five letters with no long vowel and no ending ي or ة, a participle
/// (المصنف، المحترف، المختص). Foreign family names are longer (ثاباتيرو، رافاران، هونتييولو), Arab ones
/// end in ي (الرمحي، زنكي). In `anercorp_lex` + `aqmar_train` (the harvested lists left out) such a word
/// after two words of a person's name is O 85 times and continues the name 5 times; with six letters it
/// would be 19 O against 3 names (هاردين، ايكيدر), and on the CV six letters lost five names. The harvested vocabulary
/// knows many of these words; news with other words needs the shape.
///
/// Fires (the chain stops before it): وكان الرئيس ماركو دوفال وبخ الوزير ; فاز السويسري كارل هوبنر المعتزل
/// بالسباق. Does not fire: وقال الوزير خوسيه لويس ثاباتيرو إن (a long word with long vowels) ; الشيخ سامر يوسف
/// الرمحي (a nisba) ; استقبل الشيخ سالم بن راشد آل خامس الوفد (after a particle).
fn unlisted_after_name(seg: &Segment<'_, '_>, i: usize) -> bool {
    let l = &seg.lex[i];
    // The bits first (most words a chain reads are known to the lexicon), the word's shape after them;
    // after a particle (آل خامس، بن سالم) the word is the name's, whatever its shape.
    if !l.is_unknown() || seg.reading(i).clitic_chars != 0 || seg.has(i - 1, EntryKind::Particle) {
        return false;
    }
    let word = seg.tokens.folded(i);
    let n = word.chars().count();
    let shape = if let Some(stem) = word.strip_prefix("الم") {
        let r = stem.chars().count();
        (3..=5).contains(&r) && !stem.contains(['ا', 'و', 'ي']) && !word.ends_with(['ي', 'ه', 'ة'])
    } else {
        !l.definite() && ((n <= 5 && !word.ends_with('ي')) || seg.ends_with_ta_marbuta(i))
    };
    shape && seg.index.word(word).is_none() && !is_name_token(seg, i, 0)
}

/// Whether token `i`, after two name words or more whose last the lexicon knows as a name (or عبد +
/// a divine name), is a singular nisba that is the family name (محمد سعيد الكندي، أبو حمزة المصري): in
/// `anercorp_lex` a nationality after two name words continues the name 7 times in 10, and the others
/// follow a foreign name (… اكس الأميركي), a plural, or go on with a word with ال (البريطاني الجنسية;
/// not a relative pronoun: أبو حمزة المصري التي …).
fn nationality_as_family(seg: &Segment<'_, '_>, i: usize) -> bool {
    let l = &seg.lex[i];
    // The words around are read only for a nationality (the tests of token `i` come first): asked after
    // every chain of two name words or more.
    let named_before = || is_named(seg, i - 1) || (i >= 2 && seg.tokens.folded(i - 2) == "عبد");
    // a relative pronoun or another function word with ال (الذي، التي) ends the name as punctuation does
    let next_definite = || {
        i + 1 < seg.len()
            && seg.is_word(i + 1)
            && !seg.newline_before(i + 1)
            && seg.lex[i + 1].definite()
            && !seg.lex[i + 1].conj()
            && !seg.has(i + 1, EntryKind::Function)
    };
    seg.is_word(i)
        && !seg.newline_before(i)
        && l.has(EntryKind::Nationality)
        && seg.tokens.folded(i).starts_with("ال")
        && !l.conj()
        && seg.reading(i).clitic_chars == 0
        && is_singular_nisba(seg.tokens.folded(i))
        && named_before()
        && !next_definite()
}

/// Whether `word` ends in an ASCII or an Arabic-Indic digit (U+0660–0669, D9 A0–A9 in UTF-8).
fn ends_in_digit(word: &[u8]) -> bool {
    match word {
        [.., 0xD9, d] => (0xA0..=0xA9).contains(d),
        [.., d] => d.is_ascii_digit(),
        [] => false,
    }
}

/// Whether token `i` can be part of a person's name chain (`first`: it would start the chain). Asked
/// of a token again by later rules: answered once a segment (see `Answers`).
fn is_name_word(seg: &Segment<'_, '_>, i: usize, first: bool) -> bool {
    let asked = if first {
        Asked::FirstNameWord
    } else {
        Asked::NameWord
    };
    seg.answers
        .get_or(i, asked, || name_word_worked_out(seg, i, first))
}

/// [`is_name_word`], worked out.
fn name_word_worked_out(seg: &Segment<'_, '_>, i: usize, first: bool) -> bool {
    // A word in Latin letters or digits is a quoted term, the name's original spelling or a number after
    // it (ميلِفا ماريك Mileva Maric; جوليان مارسو | computer), not part of the Arabic name.
    // A line break before the first word is the caller's concern (a name may open a line).
    // (U+0600 to U+06FF are the two-byte forms led by D8 to DB: read by the first byte, without slicing
    // the folded form as a str and decoding its first char.)
    let arabic = matches!(seg.tokens.folded_bytes(i).first(), Some(0xD8..=0xDB));
    // An Arabic word that ends in a digit (ص83، ج1: a page or volume reference) is no name word either.
    if !seg.is_word(i)
        || (seg.newline_before(i) && !first)
        || !arabic
        || ends_in_digit(seg.tokens.folded_bytes(i))
        || written_tanween(seg, i)
    {
        return false;
    }
    let l = &seg.lex[i];
    if whole_name_token(seg, i) {
        return true;
    }
    // The word before, read once for the two tests below, which compare its bytes (none before the
    // first word).
    let before = if first {
        &[][..]
    } else {
        seg.tokens.folded_bytes(i - 1)
    };
    // After عبد, a word with ال is a divine name (عبد العظيم، عبد الرازق), whatever else it is.
    if bytes_are(before, "عبد") && seg.tokens.folded_bytes(i).starts_with("ال".as_bytes()) {
        return seg.reading(i).clitic_chars == 0;
    }
    // After آل, the word is the family's name (آل ثاني، آل باشراحيل), whatever else it is: in
    // `anercorp_lex` + `aqmar_train` آل after a name word is followed by the name's next word 11 times in 11.
    if bytes_are(before, "ال") && !l.conj() && seg.reading(i).clitic_chars == 0 {
        return true;
    }
    let given = l.has(EntryKind::Given);
    let named =
        given || l.has(EntryKind::Family) || l.has(EntryKind::Particle) || l.has(EntryKind::Person);
    // A given name that folds like a function word (علي / على) starts a chain; it continues one only when
    // written with ي, since edited text writes the preposition with ى. Written with ى it is the
    // preposition even as the first word (الملك على الحاجة).
    let function = l.has(EntryKind::Function)
        && !(given && seg.last_char(i) != Some('ى') && (first || seg.last_char(i) == Some('ي')));
    // After the first word, a given name that is also a word of the vocabulary (صاحب، أمير، بطل، عالم)
    // is the word: in `anercorp_lex` such a word right after a name ends it 47 times and continues it
    // twice (علي، which is also the preposition, aside).
    // As the first word, such a word before a word with ال is a noun in the construct state (أمير البلاد،
    // صاحب السمو، بطل العالم): 216 O and two names in `anercorp_lex` + `aqmar_train`.
    let construct = || {
        i + 1 < seg.len()
            && seg.is_word(i + 1)
            && seg.lex[i + 1].definite()
            && seg.reading(i + 1).clitic_chars == 0
    };
    let vocabulary_given = given && !l.has(EntryKind::Function) && (!first || construct());
    let common = l.has(EntryKind::Common) && (!named || vocabulary_given);
    // After the first word, an unknown word with ف is a foreign name (أوليفر فيلدمان) more often than a
    // clause joined by ف right after a name.
    // Read only for a word with a conjunction (the one test below that asks it).
    let foreign_fa = || {
        first
            || seg
                .tokens
                .folded(i)
                .strip_prefix('ف')
                .is_some_and(|stem| !looks_like_verb(stem))
    };
    // After the first word, a word of the vocabulary or a trigger without a conjunction is no name
    // word, unless it is a title that is the family name: the tests between, each of which says no or
    // asks for a conjunction (`transliterated_waw`), are not asked of it (most chains end at such a word).
    if !first && !l.conj() && (function || common || seg.is_trigger(i)) {
        return title_as_family(seg, i);
    }
    if !first && title_as_family(seg, i) {
        return true;
    }
    // After the first word, ب/ل/ك + a word written with hamza (لإطلاق، بأن، لأكثر) is a preposition and a
    // word: no name is so written (`preposition_hamza`).
    if !first && preposition_hamza(seg, i) {
        return false;
    }
    // After the first word, و + a name the lexicon knows (وبلير، وكارل) starts the next person of a
    // list, even when the lexicon knows the whole token as a name (ANERcorp tags such tokens apart).
    if !first && conjoined_name(seg, i) {
        return false;
    }
    if !first && transliterated_waw(seg, i) {
        return true;
    }
    if (l.conj() && !(foreign_fa() && foreign_initial(seg, i)))
        || function
        || common
        || seg.is_trigger(i)
    {
        return false;
    }
    let word = seg.tokens.folded(i);
    if !first && !named && is_country(seg, i) {
        // A country after a name is an object or a complement (وانتقد فيتوريني إيران), not part of it.
        return false;
    }
    if named || l.has(EntryKind::Place) {
        // After a title a place name is a person's name or nisba (a place called أوسان, الحامد).
        let clitics = seg.reading(i).clitic_chars;
        if clitics == 0 {
            return true;
        }
        // In a name chain, a word read only as ك + a name (كلود = ك + لود) is a foreign name that starts
        // with ك far more often than "like" + a name: it goes on as an unknown word.
        if !ka_name(seg, i) {
            return false;
        }
    } else if l.info.is_some_and(|w| w.classes != 0) {
        // Known only as something else (an organization): not part of a person's name.
        return false;
    }
    // A token seen in persons' names (مبارك، ستيفنسون) is a name word even when shaped like a plural or a
    // verb, as long as nothing ties it to the words around it (ال after a preposition, و after the first).
    if is_name_token(seg, i, 0) && !l.definite() && seg.reading(i).clitic_chars == 0 && !l.conj() {
        return true;
    }
    // A name token read as a preposition + ال + a word no list knows (كالفيرت = ك + الفيرت، بالدوين)
    // is the name as written, after the first word (رامون كالفيرت); not a divine name (العزيز بالله).
    if !first
        && !l.conj()
        && l.clitic_chars() > 0
        && l.is_unknown()
        && !word_has_divine_name(seg.tokens.folded(i))
        && is_name_token(seg, i, 0)
    {
        return true;
    }
    // An unknown word: a name unless it carries a preposition before ال, is shaped like a verb
    // (استعرض، يتقمص), or is a definite word written with ة (a feminine noun such as الندوة; family
    // names do not end so). Also at the first word: ل/ب + a verbal noun or ل + an imperfect (ويدعو لنشر،
    // وتعهد بتسيير: `preposition_and_verbal_noun`) and a verbal noun in the accusative (أبدى شغفا،
    // كشف نفقا: `looks_like_accusative_masdar`), which with the harvested vocabulary left out a speech
    // verb or a role took as a name.
    let verb = looks_like_verb(word)
        || looks_like_definite_derived_masdar(word)
        || looks_like_broken_plural(word)
        || looks_like_accusative_participle(word)
        || looks_like_construct_participle(word)
        || looks_like_nominative_plural_participle(word)
        || preposition_and_verbal_noun(word, false)
        || looks_like_accusative_masdar(word)
        || (!first
            && (looks_like_imperfect(word)
                || definite_plural(word)
                || looks_like_plural_participle(word)
                || (looks_like_future_or_plural_past(word) && !l.definite())
                || has_pronoun_suffix(word)
                || looks_like_masdar(word)
                || looks_like_derived_masdar(word)
                || looks_like_derived_participle(word)));
    // The tests below are asked in turn, each only of a word the ones before let through (all of them
    // read the word alone or its neighbours, and none is needed once one says no).
    if verb {
        return false;
    }
    // A word written with أ and three root letters (أهدر، أعلن، أغرق) after the first word is a past verb
    // of form IV or an elative (أكبر), not a name word: names of that shape are known (أحمد، أسعد). In
    // `anercorp_lex` + `aqmar_train` the shape is O 586 times; the names are the known ones.
    let form_iv = !first && {
        let raw = &seg.text[seg.tokens.bytes(i)];
        let mut c = word.chars();
        raw.starts_with('أ')
            && word.chars().count() == 4
            && c.next().is_some()
            && !c.any(|ch| matches!(ch, 'ا' | 'و' | 'ي'))
    };
    if form_iv {
        return false;
    }
    // ك + a participle or noun of place م… (كمقدم، كمدير) after the first word: "as a …", what the person
    // is or does, not a name word (O 35 times in `anercorp_lex` + `aqmar_train`).
    let ka_participle = !first
        && word
            .strip_prefix("كم")
            .is_some_and(|rest| rest.chars().count() >= 3 && !rest.starts_with(['ا', 'و', 'ي']));
    if ka_participle {
        return false;
    }
    let prepositional =
        l.definite() && l.clitic_chars() > 0 && !(l.conj() && foreign_initial(seg, i));
    if prepositional {
        return false;
    }
    // ... except right after بن/أبو + a name, where a word with ال is the family name
    // (عبدالله بن سالم المري): in ANERcorp 17 of 21 such words are part of the name.
    // آل + a name is already the family name (آل باشراحيل الرمضانية).
    let family_slot =
        !first && i >= 2 && seg.has(i - 2, EntryKind::Particle) && seg.tokens.folded(i - 2) != "ال";
    let feminine_noun = l.definite() && seg.ends_with_ta_marbuta(i) && !family_slot;
    if feminine_noun {
        return false;
    }
    let accusative = is_accusative_noun(seg, word) || is_dual_or_plural_noun(seg, word);
    if accusative {
        return false;
    }
    // A noun or verb with the pronoun ـه (مرماه، قواته، تحرمه) or ل + a verb or verbal noun (ليعوض،
    // لتمثيل) is what the person did or has, not a name word.
    // ب/ل + a verbal noun of form V or VIII or تفعيل (بتمزق، بانتقاد، لتحسين) after the first word is a
    // prepositional phrase.
    let prepositional_masdar = !first
        && word.strip_prefix(['ب', 'ل']).is_some_and(|stem| {
            looks_like_verb(stem) || looks_like_masdar(stem) || looks_like_derived_masdar(stem)
        });
    // ل + a noun before a place or a word with ال (لراديو إسرائيل، لصحيفة الأهرام) is "to the X of Y".
    let lam_genitive = !first
        && word.starts_with('ل')
        && !word.starts_with("لا")
        && i + 1 < seg.len()
        && seg.is_word(i + 1)
        && !seg.newline_before(i + 1)
        && (seg.has(i + 1, EntryKind::Place) || seg.lex[i + 1].definite())
        && !seg.lex[i + 1].conj();
    let clause =
        pronoun_ha(seg, i) || lam_verb_or_masdar(word) || prepositional_masdar || lam_genitive;
    !clause
}

/// Whether `word` (folded) is a word with ال in the masculine sound plural, nominative (المشاركون،
/// العداؤون، الإسرائيليون), or a feminine sound plural of five letters or more, with ال or without
/// (السلطات، محادثات): the subject or object after a verb, never a name's word after its first (a name
/// the lexicon knows, such as عرفات, is read before this test). In `anercorp_lex` + `aqmar_train` such words
/// are inside a person's name after its first word once (a group: المسيحيون), O about 2,500 times.
fn definite_plural(word: &str) -> bool {
    (word.starts_with("ال") && word.ends_with("ون") && word.chars().nth(5).is_some())
        || (word.ends_with("ات") && word.chars().nth(4).is_some())
}

/// Whether token `i` is written ب، ل or ك + a word with hamza on its first alif (لإطلاق، بأن، لأكثر، كأس):
/// a preposition and a word, never a name's second word or a transliterated family name. In
/// `anercorp_lex` + `aqmar_train` such words are O 699 times; inside a person's name after its first
/// word twice, both a regnal name with a divine name (الحاكم بأمر الله).
fn preposition_hamza(seg: &Segment<'_, '_>, i: usize) -> bool {
    // Read as bytes (ب D8 A8, ل D9 84, ك D9 83; أ D8 A3, إ D8 A5, آ D8 A2): asked of most name tokens.
    matches!(
        seg.text.as_bytes().get(seg.tokens.bytes(i)),
        Some(
            [0xD8, 0xA8, 0xD8, 0xA2 | 0xA3 | 0xA5, ..]
                | [0xD9, 0x83 | 0x84, 0xD8, 0xA2 | 0xA3 | 0xA5, ..]
        )
    )
}

/// Whether a word ends in a divine name (بالله، لله): a prepositional phrase, never a name read whole.
fn word_has_divine_name(word: &str) -> bool {
    word.ends_with("الله") || word.ends_with("لله")
}

/// Whether token `i` is a `name` lexicon token as written (كوفي، باول) that the lexicon reads only as a
/// preposition + a word of the vocabulary (ك + وفي، ب + اول) and does not know whole: in a name's place
/// (after a title, role or speech verb, after a name's first word, or in a run of name tokens) it is the
/// foreign name as written. Not when a hamza follows the clitic as written (بأول، كأول: the preposition
/// and a word), nor with و/ف (وان "and that", ويمر "and passes": a conjunction before a word is far
/// commoner than a name so spelled). In `anercorp_lex` + `aqmar_train` (the harvested names left out)
/// such tokens are persons' words 30 times, nearly all in a name's place, and O 117 times, nearly all
/// وأن، وان، وإن outside one; بلا "without", the commonest of the others, is a function word.
///
/// Fires: التقى المدرب ماركو باول أمس. Does not fire: فاز الفريق بأول لقب (a hamza after the preposition).
///
/// The reading's bits are tested inline (190,000 calls on 10.8 MB of news, nearly all of them turned
/// away there), the written hamza and the two look-ups in [`whole_name_token_written`].
#[inline(always)]
fn whole_name_token(seg: &Segment<'_, '_>, i: usize) -> bool {
    // Asked of every word of the vocabulary (`name_run_may_start`): the reading's bits first.
    let l = &seg.lex[i];
    let r = seg.reading(i);
    if r.clitic_chars == 0
        || r.conj
        || l.definite()
        || !l
            .info
            .is_some_and(|w| w.classes != 0 && w.classes & !VOCABULARY_CLASSES == 0)
    {
        return false;
    }
    whole_name_token_written(seg, i, r.clitic_chars)
}

/// The rest of [`whole_name_token`], for a token read as `clitic_chars` chars of a preposition + a word of
/// the vocabulary: no hamza after the clitic as written, a name token as written, and no word of the
/// lexicon as written.
#[inline(never)]
fn whole_name_token_written(seg: &Segment<'_, '_>, i: usize, clitic_chars: u8) -> bool {
    let written = &seg.text[seg.tokens.bytes(i)];
    !written
        .chars()
        .nth(usize::from(clitic_chars))
        .is_some_and(|c| matches!(c, 'أ' | 'إ' | 'آ' | 'ؤ' | 'ئ'))
        && seg.index.is_name_token(seg.tokens.folded(i))
        && seg.index.word(seg.tokens.folded(i)).is_none()
}

/// The classes of a word of the vocabulary alone: common and function words.
const VOCABULARY_CLASSES: u16 = (1 << EntryKind::Common as u16) | (1 << EntryKind::Function as u16);

/// Whether token `i` is و + a name the lexicon knows (وبلير، وسعيد) or + a name token when the whole word
/// is none (وسميث, not ويليامز), and not a given name as written (وليد، وائل): the next person of a list
/// (وقال فيراتي وسميث: two persons, not one).
fn conjoined_name(seg: &Segment<'_, '_>, i: usize) -> bool {
    // و (D9 88) read as bytes before the word is sliced as a str: asked of most words after a name's first.
    if !seg.tokens.folded_bytes(i).starts_with(&[0xD9, 0x88]) {
        return false;
    }
    let word = seg.tokens.folded(i);
    let Some(stem) = word.strip_prefix('و') else {
        return false;
    };
    let names = EntryKind::Given.bit() | EntryKind::Family.bit() | EntryKind::Person.bit();
    stem.chars().count() >= 2
        && seg
            .index
            .word(word)
            .is_none_or(|w| w.classes & EntryKind::Given.bit() == 0)
        && ((seg.index.word(stem).is_some_and(|w| w.classes & names != 0)
            // a name token as written whose stem is no name token (وانغ = و + انغ، a given name the
            // harvested list knows): the transliterated name, not و + a name
            && (!seg.index.is_name_token(word) || seg.index.is_name_token(stem)))
            // a name token after و, the whole word none (وإيمرسون، not ويليامز)
            || (stem.chars().count() >= 3
                && seg.index.is_name_token(stem)
                && !seg.index.is_name_token(word)))
}

/// Whether token `i` is written with a tanween mark (مشتبهاً، كثيراً، رجلٌ): an indefinite noun, adjective
/// or adverb of the sentence, which news never writes on a name.
///
/// Fires (ends no chain, starts none): وكان الملك حازماً في قراره ; وبقي الرئيس صامتاً طوال الجلسة. Does not
/// fire: any word without the mark. In `anercorp_lex` (5-fold CV) this drops two false persons and no true one.
fn written_tanween(seg: &Segment<'_, '_>, i: usize) -> bool {
    // Folding drops the marks: a word that folds to itself has none, and its bytes are not read (most
    // words asked). The marks are D9 8B, D9 8C and D9 8D in UTF-8 (D9 leads a char wherever it stands),
    // looked for in the bytes: decoding every char of every word asked cost some 60 instructions a word.
    !seg.tokens.folds_to_itself(i)
        && seg.text.as_bytes()[seg.tokens.bytes(i)]
            .windows(2)
            .any(|pair| matches!(pair, [0xD9, 0x8B..=0x8D]))
}

/// Whether token `i`, after a name's first word, is a `name` lexicon token as written that starts with و
/// and reads as و + a word that is no name token and no word of the vocabulary (وانغ = و + انغ، a given
/// name of the harvested list or no word at all): the transliterated name the chain is reading, not the
/// conjunction before the next person (`conjoined_name` keeps و + a name token, وسميث).
///
/// Fires: وقال الوزير لي وانغ إن. Does not fire: وقال فيراتي وسميث (two persons) ; وان (و + a function word).
fn transliterated_waw(seg: &Segment<'_, '_>, i: usize) -> bool {
    let l = &seg.lex[i];
    l.conj()
        && !l.definite()
        && seg.tokens.folded(i).starts_with('و')
        && l.info.is_none_or(|w| w.classes & VOCABULARY_CLASSES == 0)
        && !seg.is_trigger(i)
        && is_name_token(seg, i, 0)
        && !is_name_token(seg, i, 1)
}

/// Whether token `i` ends with the pronoun ـه, written ه (ة folds the same): four letters or more, and
/// not ـيه، ـوه (French and Persian names: دولانويه، سيبويه) nor الله (عبد الله، نصر الله). In
/// `anercorp_lex`, a word of this shape that the lexicon does not know as a name follows a person's name
/// 60 times and continues it three times; in `anercorp_lex` + `aqmar_train` such words without ال or و/ف
/// are 2,017 times O and twice a name.
fn pronoun_ha(seg: &Segment<'_, '_>, i: usize) -> bool {
    let word = seg.tokens.folded(i);
    let mut rev = word.chars().rev();
    // The folded form's last letter first: a word written with a last ه ends with ه folded, and reading
    // the written char costs more than most words' whole test.
    rev.next() == Some('ه')
        && seg.last_char(i) == Some('ه')
        && !matches!(rev.next(), Some('ي' | 'و'))
        && word.chars().count() >= 4
        && !word.ends_with("لله")
}

/// Whether token `i`, after a name word, is a title with ال that is the family name (سامي الشاعر، نور
/// الشريف، طارق السيد): masculine, no role, and the name's last word — the sentence goes on with
/// punctuation, و or a word of the vocabulary without a preposition. A title followed by a name
/// introduces it, and one followed by a complement (الكاتب بصحيفة، الصحفي العربي) is an occupation in
/// apposition. In `anercorp_lex` a title with ال right after a name word continues the name 10 times in
/// 15.
fn title_as_family(seg: &Segment<'_, '_>, i: usize) -> bool {
    let l = &seg.lex[i];
    let next = i + 1;
    // Read only for a title (the tests of token `i` come first): asked of most words after a name's first.
    let ends_name = || {
        next >= seg.len()
            || !seg.is_word(next)
            || seg.newline_before(next)
            || seg.lex[next].conj()
            || ((seg.has(next, EntryKind::Function) || seg.has(next, EntryKind::Common))
                && seg.reading(next).clitic_chars == 0
                && !seg.lex[next].definite()
                && !seg.is_trigger(next))
    };
    l.has(EntryKind::Title)
        && l.definite()
        && !l.conj()
        && seg.reading(i).clitic_chars == 0
        && !l.has(EntryKind::Role)
        && !l.has(EntryKind::SpeechVerb)
        && !l.has(EntryKind::Nationality)
        && !seg.ends_with_ta_marbuta(i)
        && ends_name()
}

/// Whether `folded` is a word of the vocabulary + the dual or plural ending ـين (اتصالين، مسؤولين), or a
/// feminine word of the vocabulary in the dual (اتفاقيتين، طائرتين: ة becomes ت before ـين). In
/// `anercorp_lex` and `aqmar_train` words of this shape are never a person's name (845 O).
fn is_dual_or_plural_noun(seg: &Segment<'_, '_>, folded: &str) -> bool {
    let Some(stem) = folded.strip_suffix("ين") else {
        return false;
    };
    if stem.chars().count() < 3 {
        return false;
    }
    let common = |w: &str| {
        seg.index
            .word(w)
            .is_some_and(|w| w.classes & EntryKind::Common.bit() != 0)
    };
    if common(stem) {
        return true;
    }
    // ـتين: the word with ة (folded ه) in a buffer on the stack, as words are short.
    let Some(base) = stem.strip_suffix('ت') else {
        return false;
    };
    let mut buf = [0u8; 64];
    let with_ta = base.len() + 'ه'.len_utf8();
    if with_ta > buf.len() {
        return false;
    }
    buf[..base.len()].copy_from_slice(base.as_bytes());
    'ه'.encode_utf8(&mut buf[base.len()..with_ta]);
    std::str::from_utf8(&buf[..with_ta]).is_ok_and(common)
}

/// Whether token `i`, as written, starts a country's name (إيران، الولايات المتحدة).
fn is_country(seg: &Segment<'_, '_>, i: usize) -> bool {
    seg.phrase_of(i, EntryKind::Place).is_some_and(|p| {
        p.reading.clitic_chars == 0 && seg.index.entry(p.entry).entry.sub() == Some("country")
    })
}

/// Whether `folded` is a word of the vocabulary + the accusative ending ا (برنامجا، فجرا، هجوما): the
/// object or adverb after a name (قدم هشام أبو راشد برنامجا), not a name word. In ANERcorp such words
/// follow a person's name 28 times and end one once.
fn is_accusative_noun(seg: &Segment<'_, '_>, folded: &str) -> bool {
    folded.strip_suffix('ا').is_some_and(|stem| {
        stem.chars().count() >= 3
            && seg
                .index
                .word(stem)
                .is_some_and(|w| w.classes & EntryKind::Common.bit() != 0)
    })
}

/// A role that ends right before the title at token `title`: a role entry, then the words of its
/// complements up to the title, however many (الأمين العام المساعد ; رئيس دائرة الشباب ; وكيل محافظة X
/// لشؤون مديريات الوادي والصحراء). The role starts at the first role entry of the stretch of such words
/// before the title, except a leader's verbal noun (`sub=led-by`: برئاسة، بقيادة) before another role, which
/// starts there (برئاسة | رئيس الجامعة).
fn role_before(seg: &Segment<'_, '_>, title: usize) -> Option<(usize, usize, u8, u8)> {
    // The words a role may hold, walking back from the title.
    let mut from = title;
    while from > 0 && title - from < MAX_ROLE_WORDS && !seg.newline_before(from) {
        let k = from - 1;
        let role_here = seg
            .phrase_of(k, EntryKind::Role)
            .is_some_and(|m| m.end <= title);
        if !role_gap_word(seg, k) && !role_here {
            break;
        }
        from = k;
        if seg.lex[k].conj() {
            // و + a role (والأمين العام) starts this one; و + another word is inside it (والصحراء).
            if role_here || !seg.lex[k].definite() {
                if !role_here {
                    from = k + 1;
                }
                break;
            }
        }
    }
    let roles: Vec<PhraseMatch> = (from..title)
        .filter_map(|r| seg.phrase_of(r, EntryKind::Role).filter(|m| m.end <= title))
        .collect();
    let led_by = |m: &PhraseMatch| seg.index.entry(m.entry).entry.sub() == Some("led-by");
    let first = roles.first()?;
    let role = if led_by(first) {
        roles.iter().find(|m| m.start >= first.end).unwrap_or(first)
    } else {
        first
    };
    Some((
        role.start,
        title,
        role.reading.clitic_chars,
        elided_article(seg, role),
    ))
}

/// How many chars of the article ال the writing of a role's first word left out: ل + ال is written لل,
/// and the role's text takes them back as a title's canonical form does (للرئيس → الرئيس: 1, the ا;
/// للواء → اللواء, ل + ال + لواء written with two lams: 2). Its span stays on the letters written.
fn elided_article(seg: &Segment<'_, '_>, role: &PhraseMatch) -> u8 {
    if !role.reading.restored_article {
        return 0;
    }
    let stem = seg
        .tokens
        .folded(role.start)
        .chars()
        .skip(usize::from(role.reading.clitic_chars));
    let entry = seg.index.entry(role.entry).entry.folded();
    // The entry is ا + the letters written (الرئيس = ا + لرئيس) or ال + them (اللواء = ال + لواء).
    if entry.chars().skip(1).zip(stem).all(|(a, b)| a == b) {
        1
    } else {
        2
    }
}

/// Whether token `k` can stand inside a role before a title: a word of the same line that is no function
/// word, speech verb, verb shape or accusative noun (وفدا برئاسة: the object of a verb before the role).
fn role_gap_word(seg: &Segment<'_, '_>, k: usize) -> bool {
    let word = seg.tokens.folded(k);
    seg.is_word(k)
        && !seg.has(k, EntryKind::Function)
        && !seg.has(k, EntryKind::SpeechVerb)
        && !looks_like_verb(word)
        && !is_accusative_noun(seg, word)
}

/// The title written right before token `i` (معالي | وزير الخارجية، لفخامة | الرئيس): its entry, token and
/// clitic chars.
fn title_before(seg: &Segment<'_, '_>, i: usize) -> Option<(u32, usize, u8)> {
    (i.saturating_sub(4)..i)
        .filter(|&t| (t + 1..=i).all(|k| !seg.newline_before(k)))
        .find_map(|t| seg.phrase_of(t, EntryKind::Title).filter(|m| m.end == i))
        .map(|m| (m.entry, m.start, m.reading.clitic_chars))
}

/// A person after a role: `role [complements] name-chain`, the role outside the span.
///
/// Fires: وزير الداخلية فيليب مارشان ; الرئيس الفرنسي ماركو دوفال ; رئيس الاتحاد الدولي لكرة القدم سامي غداف ;
/// المدرب الإيطالي فرانسيس كوبر (a place named like a person, after a nationality).
/// Does not fire: وزير الخارجية في الحكومة ; رئيس الوزراء يزور صنعاء ; وزير خارجية كوريا الجنوبية (a
/// place) ; المسؤول الأمريكي سوريا (a country after the nationality) ; برئيس الوزراء ليقرر (a purpose clause) ; وكان كاتب متخصص في العمارة (a role with no ال and no
/// possessive, before a word not known as a name: its adjective) ; وقال سائق قطار بنها (its genitive).
/// With a place or organization as complement the role is definite: وشارك لاعب ريال مدريد سابينو بارينغا.
/// An organization's head noun and its genitive, and ل + a noun with its genitive, stay in the role:
/// وصرح المتحدث باسم وزارة الخارجية سامر يوسف ; نائب رئيس الوزراء لشؤون الاقتصاد سامر يوسف.
/// A role written with a preposition names the person after it: وأشاد المدرب بالحارس ماجد عادل الشمري (role
/// الحارس; the coach is someone else). A foreign name written فال… is a name: وقال المستشار فالتر كوفالسكي.
#[inline(never)]
pub(super) fn role_name(seg: &Segment<'_, '_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    for &i in triggers {
        let Some(role) = seg.phrase_of(i, EntryKind::Role) else {
            continue;
        };
        // A relation noun with a possessive pronoun (زميله، ابنه، شقيقتها) takes an adjective or a
        // nationality (شقيقه الأكبر، زميله الصربي), not a genitive: a name or a word the lexicon does
        // not know there starts the person's name (لابنه الحسن بن علي).
        let mut j = role_complements(seg, role.end);
        if role.end == i + 1 && has_possessive(seg, i) {
            j = (role.end..j)
                .find(|&k| {
                    is_named(seg, k)
                        || !(seg.has(k, EntryKind::Nationality) || seg.has(k, EntryKind::Common))
                })
                .unwrap_or(j);
        }
        // العالم، الدولي name a person only with a nationality (العالم الألماني X); alone they are nouns.
        let with_nationality = seg.index.entry(role.entry).entry.sub() == Some("with-nationality");
        if with_nationality && !(role.end..j).any(|k| seg.has(k, EntryKind::Nationality)) {
            continue;
        }
        let (j, end) = match name_after(seg, j) {
            Some(end) => (j, end),
            None => match quoted_name(seg, j) {
                Some(q) => q,
                None => continue,
            },
        };
        // A role with no ال anywhere, no possessive and no place or organization as complement (كاتب،
        // كزعيم، سائق قطار) is a noun of the sentence, not the office of someone named: a word after it
        // that the lexicon does not know as a name is its adjective or genitive (كاتب متخصص، زعيم عليل،
        // سائق قطار بنها). Not after ب (بقيادة X), where the role is the clue of a name.
        let indefinite = !has_possessive(seg, role.end - 1)
            && !seg.tokens.folded(role.start).starts_with('ب')
            && (role.start..j).all(|k| {
                !seg.lex[k].definite()
                    && !seg.has(k, EntryKind::Nationality)
                    && !seg.has(k, EntryKind::Place)
                    && !seg.has(k, EntryKind::Organization)
            });
        if indefinite && !is_named(seg, j) {
            continue;
        }
        let mut c = Candidate::new(Kind::Person, j, end, 0, STRONG, Origin::Rule("role-name"));
        c.role = Some((
            i as u32,
            j as u32,
            role.reading.clitic_chars,
            elided_article(seg, &role),
        ));
        c.title = title_before(seg, i).map(|(entry, at, skip)| (entry, at as u32, skip));
        c.gender = seg
            .index
            .entry(role.entry)
            .entry
            .gender()
            .or_else(|| given_gender(seg, j));
        out.push(c);
    }
}

/// Whether token `i` ends in the possessive pronoun ـه or ـها as written (ابنه، شقيقتها; not a final ة).
fn has_possessive(seg: &Segment<'_, '_>, i: usize) -> bool {
    let raw = &seg.text[seg.tokens.bytes(i)];
    raw.ends_with('ه') || raw.ends_with("ها")
}

/// The end of the complements of a role that ends at token `start`: words that continue the role
/// (`is_role_complement`) and whole places or organizations without clitics, the body or town the person
/// serves (المتحدث باسم البيت الأبيض، رئيس بلدية باريس، وزير خارجية كوريا الجنوبية).
fn role_complements(seg: &Segment<'_, '_>, start: usize) -> usize {
    let mut j = start;
    while j < seg.len() && j - start < MAX_ROLE_COMPLEMENTS {
        // Only a noun in the construct state takes a genitive: after a definite word (الرئيس شيراك) a
        // place is the person's name or a word of another phrase.
        let construct =
            j > 0 && !seg.lex[j - 1].definite() && !seg.has(j - 1, EntryKind::Nationality);
        if let Some(p) = complement_entity(seg, j)
            .or_else(|| place_noun_entity(seg, j))
            .filter(|_| construct)
        {
            j = p;
        } else if is_role_complement(seg, j) || is_bi_place(seg, j) {
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// Whether token `k` is ب + a place or an organization's head noun (السفير الألماني بأفغانستان X، وزير الدولة
/// بوزارة الخارجية X): where the person holds the role.
fn is_bi_place(seg: &Segment<'_, '_>, k: usize) -> bool {
    seg.is_word(k)
        && !seg.newline_before(k)
        && seg.reading(k).clitic_chars == 1
        && seg.tokens.folded(k).starts_with('ب')
        && (seg.has(k, EntryKind::Place) || seg.has(k, EntryKind::OrgHead))
}

/// The end of a place noun and the place or organization after it (جمهورية الصين، إمارة دبي), both without
/// clitics: the state or town the person serves, which the place rules name as a whole (rule
/// `place-noun`) but no lexicon entry does (وزير خارجية جمهورية الصين الشعبية X).
fn place_noun_entity(seg: &Segment<'_, '_>, k: usize) -> Option<usize> {
    if !seg.is_word(k) || seg.newline_before(k) || seg.lex[k].definite() {
        return None;
    }
    let noun = seg
        .phrase_of(k, EntryKind::PlaceNoun)
        .filter(|p| p.reading.clitic_chars == 0)?;
    complement_entity(seg, noun.end)
}

/// The end of a place or organization entry that starts at token `k` with no clitic and no line break;
/// `None` past the segment's end (a place noun that ends the text: وزير خارجية جمهورية).
fn complement_entity(seg: &Segment<'_, '_>, k: usize) -> Option<usize> {
    if k >= seg.len() || !seg.is_word(k) || seg.newline_before(k) {
        return None;
    }
    [EntryKind::Place, EntryKind::Organization]
        .iter()
        .filter_map(|&kind| seg.phrase_of(k, kind))
        .filter(|p| p.reading.clitic_chars == 0)
        .map(|p| p.end)
        .max()
}

/// Whether token `k` continues a role before the name: a genitive or adjective with ال, a nationality
/// or a لِ- complement (الخارجية، التركي، لكرة), not a conjunction, title or name, nor a role written
/// with a preposition (بالحارس، للرئيس): that is the role of the person named next, and the role before
/// it is another person's (وأشاد المدرب بالحارس X: X is the keeper, not the coach).
fn is_role_complement(seg: &Segment<'_, '_>, k: usize) -> bool {
    let l = &seg.lex[k];
    if org_head_genitive(seg, k) {
        return true;
    }
    seg.is_word(k)
        && !seg.newline_before(k)
        && !l.conj()
        && !seg.has(k, EntryKind::Function)
        && !seg.has(k, EntryKind::Title)
        && !seg.has(k, EntryKind::SpeechVerb)
        && !(seg.reading(k).clitic_chars > 0 && seg.has(k, EntryKind::Role))
        // أل with hamza starts a foreign name (ألفريد), never the article.
        && ((l.definite() && !seg.hamza_al(k))
            || l.lam()
            || seg.has(k, EntryKind::Nationality)
            || is_lam_genitive(seg, k)
            // a place read whole (الشمالي، الأبيض) is still a word with the article
            || (seg.has(k, EntryKind::Place) && seg.tokens.folded(k).starts_with("ال")))
}

/// Whether token `k` is an organization's head noun as written, without clitics, followed by a word with
/// ال on the same line (المتحدث باسم وزارة الخارجية X، مدير عام مكتب الصحة X): the body the person serves,
/// which no lexicon entry names whole, inside the role. A head noun that begins with و (وزارة، وكالة) is the
/// noun, not و + a word, when read without clitics.
fn org_head_genitive(seg: &Segment<'_, '_>, k: usize) -> bool {
    seg.is_word(k)
        && !seg.newline_before(k)
        && seg.reading(k).clitic_chars == 0
        && seg.has(k, EntryKind::OrgHead)
        && !seg.lex[k].definite()
        && k + 1 < seg.len()
        && seg.is_word(k + 1)
        && !seg.newline_before(k + 1)
        && seg.lex[k + 1].definite()
        && seg.reading(k + 1).clitic_chars == 0
}

/// Whether token `k` is ل + an indefinite noun followed by a definite one (لكرة القدم، لشؤون الاقتصاد),
/// which the lexicon does not read as a لِ- complement because the noun after ل has no ال: a word the
/// lexicon does not know, knows as a name or knows only as vocabulary (لشؤون is harvested whole).
fn is_lam_genitive(seg: &Segment<'_, '_>, k: usize) -> bool {
    seg.tokens.folded(k).starts_with('ل')
        && (seg.lex[k]
            .info
            .is_none_or(|w| w.classes != 0 && w.classes & !VOCABULARY_CLASSES == 0)
            || is_in_names(seg, k))
        && k + 1 < seg.len()
        && seg.lex[k + 1].definite()
        && !seg.newline_before(k + 1)
}

/// A person after a nationality adjective that stands as a noun: `الإسباني خافيير مولينا`.
///
/// Fires: فاز المصري سامح عبد الرحيم ; فاز المصري سامح جابر بالذهبية.
/// Does not fire: الجانب الأمريكي يرى ; القوات الأميركية اعتقالهم (an adjective) ; اليمنيون محمد (a plural).
#[inline(never)]
pub(super) fn nationality_name(
    seg: &Segment<'_, '_>,
    triggers: &[usize],
    out: &mut Vec<Candidate>,
) {
    for &i in triggers.iter().filter(|&&i| i + 1 < seg.len()) {
        if !seg.has(i, EntryKind::Nationality) || !is_singular_nisba(seg.tokens.folded(i)) {
            continue;
        }
        // After a nisba used as a noun (الدولي "the international") a second nisba is its nationality
        // and a name follows (الدولي الفرنسي …).
        let stacked = i > 1 && seg.tokens.folded(i - 1) == "الدولي" && !seg.newline_before(i);
        if i > 0 && follows_noun(seg, i) && !stacked {
            // After a definite noun or a name (القوات الأميركية، مدريد الإسباني) the nisba is that
            // noun's adjective, and what follows is not a person.
            continue;
        }
        if let Some(end) = name_after(seg, i + 1) {
            out.extend(person(seg, i + 1, end, 0, STRONG, "nationality-name"));
        } else if let Some(end) = foreign_first_name(seg, i + 1) {
            out.extend(person(seg, i + 1, end, 0, STRONG, "nationality-name"));
        } else if let Some((start, end)) = quoted_name(seg, i + 1) {
            out.extend(person(seg, start, end, 0, STRONG, "nationality-name"));
        }
    }
}

/// The end of a name after a nisba noun whose first word the lexicon does not know and whose shape
/// looks like a verb (ليونيل، يوري: ل or ي + …), when the next word is a family name the lexicon knows
/// (الأرجنتيني ماتياس فالنتي): a verb right after a nisba noun is rare, a foreign first name is not.
fn foreign_first_name(seg: &Segment<'_, '_>, j: usize) -> Option<usize> {
    let next = j + 1;
    let plain = |k: usize| {
        k < seg.len()
            && seg.is_word(k)
            && !seg.newline_before(k)
            && !seg.lex[k].conj()
            && !seg.lex[k].definite()
    };
    let surname = next < seg.len()
        && (seg.has(next, EntryKind::Family) || seg.has(next, EntryKind::Person))
        && !seg.has(next, EntryKind::Common)
        && seg.reading(next).clitic_chars == 0;
    let unknown = seg.lex[j].is_unknown()
        && seg
            .index
            .word(seg.tokens.folded(j))
            .is_none_or(|w| w.classes == 0);
    (plain(j) && plain(next) && unknown && surname)
        .then(|| name_chain_from(seg, j, next).max(next + 1))
}

/// Whether token `i` comes right after a definite word or a known name that it would qualify.
fn follows_noun(seg: &Segment<'_, '_>, i: usize) -> bool {
    let p = &seg.lex[i - 1];
    seg.is_word(i - 1)
        && !seg.newline_before(i)
        && (p.definite()
            || p.has(EntryKind::Place)
            || p.has(EntryKind::Organization)
            || p.has(EntryKind::OrgHead))
}

/// A person right after a speech verb: `قال مولينا`, `وأكد ريتشارد هاملتون`.
///
/// Fires: وقال هاني مانديل ; قال فيتوريني إن ; يقول فيرتشنكو.
/// A name token with ال that the lexicon knows as nothing else is the family name alone: وقال البطاينة إن.
/// After a feminine verb, a name token that no list knows: وقالت هيلغا إن.
/// Does not fire: وقال إن ; يقول إن ; قالت وزارة الخارجية ; يعتبر سبام ; وذكر بيان (a given name that is a word) ;
/// وقال مستثمرون إن (a plural participle) ; متحمسا لكشف أسرار المدينة (ل + the verb's letters: a noun) ;
/// فنسوا ذكر الله (a divine name).
#[inline(never)]
pub(super) fn speech_name(seg: &Segment<'_, '_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    for &i in triggers.iter().filter(|&&i| i + 1 < seg.len()) {
        if !seg.has(i, EntryKind::SpeechVerb) {
            continue;
        }
        let verb = seg.tokens.folded(i);
        // A preposition before the verb's letters (بدافع، لكشف، لمؤرخ) makes it a noun, and ل before an
        // imperfect (ليؤكد) a purpose clause whose subject comes later: a verb that says who spoke takes
        // neither.
        let clitics = seg.reading(i).clitic_chars as usize;
        if verb
            .chars()
            .take(clitics)
            .any(|c| matches!(c, 'ب' | 'ل' | 'ك'))
        {
            continue;
        }
        if verb.starts_with(['ي', 'ت']) && verb != "يقول" {
            // An imperfect verb (يعتبر، تقول) is followed by its object or a clause more often than by
            // its subject; يقول takes a clause, never a noun object, so a name after it is the speaker.
            continue;
        }
        if verb.ends_with('ت') && !is_named(seg, i + 1) && !unlisted_name_token(seg, i + 1) {
            // A feminine verb (دعت، قالت) has organizations, countries and plurals as subjects: only a
            // known name, or a name token that no other list knows, is taken after it.
            continue;
        }
        if let Some(end) = name_after(seg, i + 1).or_else(|| town_speaker(seg, i + 1)) {
            out.extend(person(seg, i + 1, end, 0, STRONG, "speech-name"));
        } else if is_family_alone(seg, i + 1) {
            out.extend(person(seg, i + 1, i + 2, 0, STRONG, "speech-name"));
        }
    }
}

/// Whether token `j` is a name token as written (ليفني، أنيت) that no other list knows, without ال, clitics or
/// a line break before it: after a feminine speech verb (وقالت ليفني) the speaker, since organizations,
/// countries and towns, which take that verb, are in the place and organization lists.
fn unlisted_name_token(seg: &Segment<'_, '_>, j: usize) -> bool {
    j < seg.len()
        && seg.is_word(j)
        && !seg.newline_before(j)
        && !seg.lex[j].definite()
        && !seg.lex[j].conj()
        && seg.reading(j).clitic_chars == 0
        && seg.lex[j].is_unknown()
        && is_name_token(seg, j, 0)
}

/// A one-word town after a masculine speech verb (وقال فارس، ورفض بولتون) is a person of that family
/// name: a town that speaks takes the feminine verb (أعلنت واشنطن), and countries (وأكد العراق) and
/// definite names are left out. Returns the end of the name.
fn town_speaker(seg: &Segment<'_, '_>, j: usize) -> Option<usize> {
    let verb = seg.tokens.folded(j - 1);
    let l = &seg.lex[j];
    let town = j < seg.len()
        && !verb.ends_with('ت')
        && seg.is_word(j)
        && !seg.newline_before(j)
        && !l.conj()
        && !l.definite()
        && seg.reading(j).clitic_chars == 0
        && !l.has(EntryKind::Common)
        && !l.has(EntryKind::Function)
        && seg
            .phrase_of(j, EntryKind::Place)
            .is_some_and(|p| p.end == j + 1)
        && seg.index.is_town(seg.tokens.folded(j));
    town.then_some(j + 1)
}

/// Whether token `j` is a nisba with ال that the lexicon knows only as a family name or not at all
/// (وقال البرعمي، وناشد الراغبي): the subject of a speech verb, named by the family name alone. Nouns and
/// adjectives with ال that can be subjects (المسؤول، البيان، الأميركي) are vocabulary or nationalities;
/// an occupation the lexicon does not know is followed by a nationality or another adjective with ال
/// (الكيميائي الألماني، الاستشاري الطبي).
fn is_family_alone(seg: &Segment<'_, '_>, j: usize) -> bool {
    let next = j + 1;
    let adjective_follows = next < seg.len()
        && seg.is_word(next)
        && !seg.newline_before(next)
        && (seg.has(next, EntryKind::Nationality)
            || (seg.lex[next].definite()
                && !seg.lex[next].conj()
                && seg.reading(next).clitic_chars == 0));
    j < seg.len()
        && seg.is_word(j)
        && !seg.newline_before(j)
        && seg.lex[j].definite()
        && !seg.lex[j].conj()
        && seg.lex[j].clitic_chars() == 0
        && (unknown_family(seg, j) || unknown_name_token(seg, j))
        && !adjective_follows
}

/// Whether token `j` is a word with ال that the lexicon knows as nothing but a family name, or not at
/// all, and that is a name token as written (السنيورة، السقاف): a family name without the nisba ending.
fn unknown_name_token(seg: &Segment<'_, '_>, j: usize) -> bool {
    seg.lex[j]
        .info
        .is_none_or(|w| w.classes & !EntryKind::Family.bit() == 0)
        && seg.reading(j).clitic_chars == 0
        && !word_has_divine_name(seg.tokens.folded(j))
        && is_name_token(seg, j, 0)
}

/// A person followed by a role in apposition: `علي موسى مدير مستشفى`, `سلوى أبوزيد وزيرة التعاون`.
///
/// Fires: بحضور سامي غداف وزير الثقافة. Does not fire: في تقرير وزير الخارجية (vocabulary before the
/// role) ; أنقذ حارس العربي (an unknown word, often a verb, before it).
#[inline(never)]
pub(super) fn name_role(seg: &Segment<'_, '_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    for &k in triggers.iter().filter(|&&k| k >= 1) {
        // A role in the construct state (وزير، رئيس، مدير), not الرئيس which may start a new phrase.
        if seg.phrase_of(k, EntryKind::Role).is_none()
            || seg.lex[k].definite()
            || seg.newline_before(k)
        {
            continue;
        }
        // Without a trigger before it, the name must start with a known name: unknown words there are as
        // often verbs (أنقذ حارس …).
        let start =
            (k.saturating_sub(4)..k).find(|&s| is_named(seg, s) && name_from(seg, s) == Some(k));
        let Some(start) = start else {
            continue;
        };
        out.extend(person(seg, start, k, 0, STRONG, "name-role"));
    }
}

/// A person that opens a sentence and is followed by a speech verb: `ألميرو يتهم فيتوريني`.
///
/// Fires: ألميرو يتهم فيتوريني (at the start of a line). Does not fire: الحكومة أعلنت (a word with ال) ;
/// وقال مصدر (not at the start).
#[inline(never)]
pub(super) fn name_speech(seg: &Segment<'_, '_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    for &k in triggers.iter().filter(|&&k| k >= 1) {
        if !seg.has(k, EntryKind::SpeechVerb) || seg.newline_before(k) {
            continue;
        }
        // The name starts at a sentence boundary one to three words before the verb.
        let Some(start) = (k.saturating_sub(3)..k)
            .find(|&s| opens_sentence(seg, s) && name_from(seg, s) == Some(k))
        else {
            continue;
        };
        out.extend(person(seg, start, k, 0, STRONG, "name-speech"));
    }
}

/// Whether token `s` starts a sentence: the first of the segment or a line, or after a full stop, colon,
/// quotation mark or dash.
fn opens_sentence(seg: &Segment<'_, '_>, s: usize) -> bool {
    s == 0
        || seg.newline_before(s)
        || matches!(
            seg.tokens.list[s - 1].kind,
            TokenKind::Punct('.' | ':' | '"' | '-' | '«' | '»')
        )
}

/// A known given name (or عبد + a divine name, or أبو/ابن + a given name) followed by more name words:
/// `محمد عبد الرازق`, `وجاسم محمد مهدي`, `أبو يوسف حسن بن خالد`.
///
/// Fires: فاز محمود عبد الستار بالميدالية ; التقى سمير الهاشمي ; وعزا عبد الله ; ولد أبو يوسف حسن بن خالد ;
/// وصل ابو عبد الجليل الحضراني (أبو + عبد + a word with ال: the kunya is one name, not a chain after أبو) ;
/// زار سالم بن عدن (a place after بن is the father's name) ; تلاقى لويس السابع (a regnal ordinal) ; وصل علي
/// محمد الحضراني (علي written with ي before a particle or two name words: `ali_before_name`).
/// Does not fire: التقى محمد ، (a given name alone) ; زار محمد عدن (a place after it) ; بسبب وجود ثغرة (a
/// given name that is also a noun, before an unknown word) ; وقال ابو عبد ثم مضى (عبد alone is no name) ;
/// وأشاد بجهود عماد الاصطفاف (a verbal noun of a derived form with ال: `looks_like_definite_derived_masdar`).
#[inline(never)]
pub(super) fn given_chain(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for i in 0..seg.len().saturating_sub(1) {
        // Most tokens are vocabulary, which never starts a chain: the tests of their classes come first.
        if (seg.has(i, EntryKind::Common)
            || seg.has(i, EntryKind::Function)
            || seg.has(i, EntryKind::Nationality)
            || !seg.is_word(i))
            && !ali_before_name(seg, i)
        {
            continue;
        }
        let given = seg.phrase_of(i, EntryKind::Given);
        let abd = given.is_none() && is_abd_compound(seg, i);
        let abd_joined = given.is_none() && !abd && is_joined_abd(seg, i);
        let kunya = given.is_none() && is_kunya(seg, i);
        // أبو + عبد + a divine name (ابو عبد الله): the kunya is the name's first three words.
        let kunya_abd = given.is_none()
            && !abd
            && !kunya
            && is_kunya_word(seg, i)
            && is_abd_compound(seg, i + 1);
        let first_end = given
            .map(|g| g.end)
            .or(abd_joined.then_some(i + 1))
            .or((abd || kunya).then_some(i + 2))
            .or(kunya_abd.then_some(i + 3));
        let Some(first_end) = first_end else {
            continue;
        };
        // A word of the vocabulary as written is not a clitic + a given name (وجود is not و + جود).
        let vocabulary_whole = seg.reading(i).clitic_chars > 0
            && seg
                .index
                .word(seg.tokens.folded(i))
                .is_some_and(|w| w.classes & EntryKind::Common.bit() != 0);
        if vocabulary_whole
            || (i > 0 && given_chain_continues(seg, i))
            // a head noun of organizations (نادي "club") names a club before a word with ال
            || (seg.has(i, EntryKind::OrgHead) && seg.tokens.folded(i + 1).starts_with("ال"))
        {
            continue;
        }
        // Without a title, a place after a given name is more often where the person went (زار محمد عدن);
        // after بن or أبو it is the father's name (أحمد بن طولون).
        let chain = short_chain(seg, i, first_end);
        let end = (first_end..chain)
            .find(|&k| {
                seg.has(k, EntryKind::Place)
                    && !is_named(seg, k)
                    && !seg.has(k - 1, EntryKind::Particle)
            })
            .unwrap_or(chain);
        let end = regnal_end(seg, i, end);
        // A given name alone is too often a word (صالح، أمين); one of two words (عبد الله) is a name.
        if end == first_end && first_end - i < 2 {
            continue;
        }
        // Many given names are also nouns (وجود، تحسين، بطاقة): with one more word that the lexicon does not
        // know and that has no ال, the pair is as often a noun phrase (وجود ثغرة) as a name.
        // A given name that the lexicon also knows as a person alone (تشارلز) is a name, not a noun.
        if end - i == 2
            && first_end - i == 1
            && !seg.has(i, EntryKind::Person)
            && !is_named(seg, i + 1)
            && !is_joined_abd(seg, i + 1)
            && !seg.tokens.folded(i + 1).starts_with("ال")
            && given.is_none_or(|g| seg.index.entry(g.entry).entry.sub() != Some("corpus"))
        {
            continue;
        }
        let skip = given.map_or(seg.reading(i).clitic_chars, |g| g.reading.clitic_chars);
        // Three name words or more (حسن بن خالد الكندوري) are as sure a sign of a person as a title.
        let evidence = if end - i >= 3 { STRONG } else { LEXICON };
        out.extend(person(seg, i, end, skip, evidence, "given-chain"));
    }
}

/// True for the word at `j` when it is on the line of the word before it, has no clitic and is on neither
/// the common-word nor the function-word list: a word a name can go on to. `ali_before_name` and the
/// list rule of `coordinated` ask it of the word after theirs.
fn bare_unlisted_word(seg: &Segment<'_, '_>, j: usize) -> bool {
    j < seg.len()
        && seg.is_word(j)
        && !seg.newline_before(j)
        && seg.reading(j).clitic_chars == 0
        && !seg.lex[j].conj()
        && !seg.has(j, EntryKind::Common)
        && !seg.has(j, EntryKind::Function)
}

/// Whether token `i` is the given name علي written with ي (or و + it), followed on its line by a particle
/// (علي بن، علي عبد) or by a given name that is no word of the vocabulary and that a third name word
/// follows (علي محمد الريحاوي): the name, not the preposition على, which edited text writes with ى and
/// which a noun follows. علي is a function word in the lexicon, so `given-chain` would not start at it.
/// With a given name and nothing after it, the pair is as often the preposition and a noun that is also
/// a given name (علي أمل، علي يقين); with a family name with ال, as often a noun phrase (علي الصالح, where
/// the document pass would then look for الصالح alone: السلف الصالح).
///
/// Fires: وصل علي محمد الحضراني ; وقال علي بن سالم. Does not fire: اعتمد علي الزراعة (a noun) ; وقف علي
/// أمل أن (a given name that is also a word, no third name word).
#[inline]
fn ali_before_name(seg: &Segment<'_, '_>, i: usize) -> bool {
    // Asked of every word of the vocabulary: the class bit and the word's last bytes first.
    if !seg.has(i, EntryKind::Given) || !seg.tokens.folded_ends_with(i, "علي") {
        return false;
    }
    let next = i + 1;
    let r = seg.reading(i);
    seg.is_word(i)
        && (r.clitic_chars == 0 || (r.conj && r.clitic_chars == 1))
        && super::stem_of(seg, i, r.clitic_chars) == "علي"
        && seg.last_char(i) == Some('ي')
        && bare_unlisted_word(seg, next)
        && (seg.has(next, EntryKind::Particle)
            || (seg.has(next, EntryKind::Given)
                && next + 1 < seg.len()
                && !seg.newline_before(next + 1)
                && is_name_word(seg, next + 1, false)))
}

/// Whether token `i` is عبد + a divine name written as one word (عبدالهادي، وعبدالمنصف): a given name
/// whatever the lexicon knows of it, as عبد + a word with ال written apart is (`is_abd_compound`). Most
/// of them are in no given-name list. In `anercorp_lex` + `aqmar_train` a word so written is a person's
/// word 50 times in 50.
///
/// Fires: خرج سامر عبدالرؤوف من القائمة (a given name + such a word is a name, not a noun phrase).
///
/// Inlined, as `is_abd_compound` and `is_kunya_word` are: `given_chain` asks the three of every word
/// that is no vocabulary (105,000 on 10.8 MB of news), nearly all of which fail their first byte test,
/// and the three calls cost more than the tests (`given_chain` 44.0 → 31.5 M instructions).
#[inline(always)]
fn is_joined_abd(seg: &Segment<'_, '_>, i: usize) -> bool {
    // Asked of most words that are no vocabulary: the length, then the bytes (عبدال + two letters is
    // 14 bytes).
    if seg.tokens.folded_bytes(i).len() < 14 {
        return false;
    }
    let word = seg.tokens.folded(i);
    let stem = word.strip_prefix('و').unwrap_or(word);
    let Some(rest) = stem.strip_prefix("عبدال") else {
        return false;
    };
    let r = seg.reading(i);
    rest.chars().nth(1).is_some()
        && seg.is_word(i)
        && (r.clitic_chars == 0 || (r.conj && r.clitic_chars == 1))
        && super::stem_of(seg, i, r.clitic_chars) == stem
}

/// Whether tokens `i`, `i + 1` are عبد + a divine name written apart (عبد الله، وعبد الرازق): a given name.
/// Inlined (see `is_joined_abd`).
#[inline(always)]
fn is_abd_compound(seg: &Segment<'_, '_>, i: usize) -> bool {
    if !seg.tokens.folded_ends_with(i, "عبد") {
        return false;
    }
    let word = seg.tokens.folded(i);
    let stem = word
        .char_indices()
        .nth(usize::from(seg.reading(i).clitic_chars))
        .map_or("", |(b, _)| &word[b..]);
    stem == "عبد"
        && i + 1 < seg.len()
        && seg.is_word(i + 1)
        && !seg.newline_before(i + 1)
        && seg.tokens.folded(i + 1).starts_with("ال")
        && seg.reading(i + 1).clitic_chars == 0
}

/// The words that open a kunya or nasab: أبو/أبي/ابن/أم.
const KUNYA: [&str; 4] = ["ابو", "ابي", "ابن", "ام"];

/// Whether tokens `i`, `i + 1` are a kunya or nasab start, أبو/أبي/ابن/أم + a given name (أبو بكر).
fn is_kunya(seg: &Segment<'_, '_>, i: usize) -> bool {
    // The given name is tested first: it is one bit, and most words are not followed by one.
    i + 1 < seg.len()
        && seg.has(i + 1, EntryKind::Given)
        && !seg.has(i + 1, EntryKind::Function)
        && !seg.newline_before(i + 1)
        && is_kunya_word(seg, i)
}

/// Whether token `i` is one of `KUNYA` as written, with nothing before it on its line's word, or و/ف +
/// أبو/أبي (وأبو عبد الله، فأبو بكر: "and" + a kunya; وابن and وأم are as often "and the son", "and the
/// mother"). Inlined (see `is_joined_abd`).
#[inline(always)]
fn is_kunya_word(seg: &Segment<'_, '_>, i: usize) -> bool {
    // Asked of most words that are no vocabulary: their length (two, three or four letters) first,
    // without slicing them as a str.
    if !matches!(seg.tokens.folded_bytes(i).len(), 4 | 6 | 8) {
        return false;
    }
    let word = seg.tokens.folded(i);
    // و/ف + أبو/أبي: four letters, read only then
    let conj_father = || {
        word.len() == 8
            && word
                .strip_prefix(['و', 'ف'])
                .is_some_and(|rest| matches!(rest, "ابو" | "ابي"))
    };
    i + 1 < seg.len() && !seg.newline_before(i + 1) && (KUNYA.contains(&word) || conj_father())
}

/// Whether a chain started before token `i` already takes it (the father's name in محمد عبدالله الحامد).
fn given_chain_continues(seg: &Segment<'_, '_>, i: usize) -> bool {
    // A given name that is also a word (ووعد، أمل) takes no word after it, so the name starts at token
    // `i`; علي, which folds like the preposition على, may still be a name's first word.
    let word = seg.has(i - 1, EntryKind::Common) && !seg.has(i - 1, EntryKind::Function);
    let starts = seg.has(i - 1, EntryKind::Given) && !word;
    !seg.lex[i].conj() && starts && is_name_word(seg, i, false)
}

/// The end of a person's name that starts at token `j`, after a role, nationality or speech verb: it
/// must start like a name (a given or family name, a particle, a known person, or an unknown word
/// without ال and clitics), never a place, organization or vocabulary.
fn name_after(seg: &Segment<'_, '_>, j: usize) -> Option<usize> {
    if j < seg.len() && seg.newline_before(j) {
        return None;
    }
    name_from(seg, j)
}

/// The name between quotation marks or brackets right after a person's clue at token `j` (الرئيس « X »،
/// الصربي " X "، الدكتورة ( X )): token `j` opens, a name of one to four words as `name_after` reads it
/// follows, and the matching mark closes it (» and « either way round, as news writes them). The first
/// and the end token of the name.
///
/// Fires: وقال الرئيس « ماركو دوفال » إن ; اغتال الصربي " كارل هوبنر " الأمير. Does not fire: وقال الرئيس
/// " إن الوضع صعب " (no name inside) ; الرئيس « ماركو دوفال وزوجته » (the mark does not close the name).
fn quoted_name(seg: &Segment<'_, '_>, j: usize) -> Option<(usize, usize)> {
    let TokenKind::Punct(open) = seg.tokens.list.get(j)?.kind else {
        return None;
    };
    let close = match open {
        '"' => '"',
        '\'' => '\'',
        '«' => '»',
        '»' => '«',
        '“' => '”',
        '(' => ')',
        _ => return None,
    };
    let end = name_after(seg, j + 1)?;
    (end - (j + 1) <= 4
        && end < seg.len()
        && !seg.newline_before(end)
        && seg.tokens.list[end].kind == TokenKind::Punct(close))
    .then_some((j + 1, end))
}

/// The end of a person's name that starts at token `j`, as `name_after` reads it, where `j` may open a
/// line (a name before a verb or a role at the start of a line).
fn name_from(seg: &Segment<'_, '_>, j: usize) -> Option<usize> {
    if j >= seg.len() || !seg.is_word(j) {
        return None;
    }
    let l = &seg.lex[j];
    let word = seg.tokens.folded(j);
    // A name token written فال… that the lexicon reads as ف + ال + an unknown word (فالتر، فالنتينا) is
    // the foreign name as written: the conjunction and the article before an unknown word are rarer.
    let fa_al = l.definite() && foreign_initial(seg, j) && is_name_token(seg, j, 0);
    let ka = ka_name(seg, j) || whole_name_token(seg, j) || fa_al;
    // A given name that is also a function word (علي / على) cannot start a name here: after a verb it is
    // nearly always the preposition.
    // A given name that is also a common word (بيان، قائد) is the word here.
    // These tests of the token's bits come first: the shapes below are read only of a word they let
    // through (most words asked are vocabulary).
    let conj = l.conj() && !foreign_initial(seg, j);
    if (seg.reading(j).clitic_chars > 0 && !ka)
        || conj
        || ((l.has(EntryKind::Function) || l.has(EntryKind::Common)) && !ka)
    {
        return None;
    }
    let named = is_named(seg, j);
    let unknown = || {
        (ka || nationality_place_name(seg, j)
            || l.is_unknown() && seg.phrase_of(j, EntryKind::Place).is_none())
            && seg.phrase_of(j, EntryKind::Organization).is_none()
            && !lam_verb_or_masdar(word)
            && (!l.definite() || seg.hamza_al(j) || fa_al)
            && !looks_like_verb(seg.tokens.folded(j))
            && !looks_like_imperfect(seg.tokens.folded(j))
            && !looks_like_broken_plural(seg.tokens.folded(j))
            && !looks_like_construct_participle(seg.tokens.folded(j))
            && !looks_like_accusative_participle(seg.tokens.folded(j))
            && !looks_like_nominative_plural_participle(word)
            && !has_pronoun_suffix(seg.tokens.folded(j))
            && !looks_like_masdar(word)
            && !looks_like_derived_masdar(word)
            && !ba_noun(seg, j)
    };
    if !(named || unknown()) {
        return None;
    }
    let end = short_chain(seg, j, j);
    // An unknown word and a word with ال (كرة القدم، بطل العالم) is a construct noun phrase; a name of that
    // shape starts with a known given name (نوري المالكي), or with a place named like a person right after
    // a nationality (الرئيس السوري بشار الأسد).
    // A family name with ال that the vocabulary does not know either (هوشيار الزيباري) is no noun phrase.
    if !named
        && end > j + 1
        && !nationality_place_name(seg, j)
        && seg.tokens.folded(j + 1).starts_with("ال")
        && !seg.hamza_al(j + 1)
        && !unknown_family(seg, j + 1)
    {
        return None;
    }
    (end > j).then_some(end)
}

/// Whether token `j`, right after a nationality (الرئيس السوري X، العداء الهولندي X، المصري X), is a
/// one-word place that is not a country and that persons are named by (a name token: a village or
/// district called like a given name): the nationality has filled the slot of the place, and a name
/// follows. In `anercorp_lex` + `aqmar_train` such a word after a nationality is a person's first word
/// 13 times (بشار، سوم، كولن) and a place 6 times, all a capital after العاصمة + nationality, where no
/// person rule looks (العاصمة is no role, and a nationality after a definite noun is its adjective).
fn nationality_place_name(seg: &Segment<'_, '_>, j: usize) -> bool {
    j > 0
        && seg.has(j - 1, EntryKind::Nationality)
        && !seg.lex[j - 1].conj()
        && !seg.lex[j].definite()
        && !seg.lex[j].conj()
        && seg.reading(j).clitic_chars == 0
        && is_name_token(seg, j, 0)
        && !is_country(seg, j)
        && seg
            .phrase_of(j, EntryKind::Place)
            .is_some_and(|p| p.end == j + 1)
}

/// Whether token `k` is a word with ال that the lexicon knows as nothing but a family name, or not at
/// all, and that has the nisba ending ي (البارزاني): the family name of a foreign or unknown given name.
fn unknown_family(seg: &Segment<'_, '_>, k: usize) -> bool {
    let l = &seg.lex[k];
    l.info
        .is_none_or(|w| w.classes & !EntryKind::Family.bit() == 0)
        && seg.reading(k).clitic_chars == 0
        && seg.tokens.folded(k).ends_with('ي')
}

/// Persons joined by و to a person already proposed: `X Y وZ W` and `X Y ، وZ W` (lists of players, guests,
/// signatories). The word after و must be a known given or family name, or a word the lexicon does not
/// know (a foreign name: وكلارنس); vocabulary (ووزير، وزوجته), a word with ال and verb shapes end the list.
/// A one-word follower needs a one-word antecedent or a known name.
///
/// Fires: التقى ماركو دوفال وكارل هوبنر أمس ; وقال فيراتي وسميث (a name token after و) ; وصل سامر الحضراني
/// وخلف مروان (a given name that is also a word, before a known name). Does not fire: التقى ماركو دوفال ووزير الخارجية ; زار ماركو
/// دوفال والتقى ; قال ماركو دوفال وأضاف.
#[inline(never)]
pub(super) fn coordinated_names(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    let mut c = 0;
    // Candidates from here on are this rule's: a follower is proposed once even when several
    // candidates end where it starts.
    let first_own = out.len();
    while c < out.len() {
        let prev = &out[c];
        c += 1;
        if prev.kind != Kind::Person || prev.end >= seg.len() {
            continue;
        }
        let mut k = prev.end;
        if matches!(seg.tokens.list[k].kind, TokenKind::Punct('،' | ',')) {
            k += 1;
        }
        if k >= seg.len() || out[first_own..].iter().any(|o| o.start == k) {
            continue;
        }
        let Some(end) = coordinated_name(seg, k) else {
            continue;
        };
        out.extend(person(seg, k, end, 1, LEXICON, "coordinated"));
    }
}

/// The end of a person's name joined by و at token `k` (see `coordinated_names`).
fn coordinated_name(seg: &Segment<'_, '_>, k: usize) -> Option<usize> {
    let l = &seg.lex[k];
    let word = seg.tokens.folded(k);
    if !seg.is_word(k) || seg.newline_before(k) || !l.conj() || !word.starts_with('و') {
        return None;
    }
    let stem = &word['و'.len_utf8()..];
    // a name token after و (وسميث), as a known name
    let named = (is_named(seg, k)
        || (stem.chars().count() >= 3 && !l.definite() && is_name_token(seg, k, 1)))
        && !l.has(EntryKind::Function)
        && !l.has(EntryKind::Common)
        && !seg.marks[k].may_start(EntryKind::Place);
    // وعلي written with ي is the name or "and on" (على written without its dotless ى): a name only with
    // more name words after it (وعلي المقطري, not وعلي الرغم).
    let ali = l.has(EntryKind::Given)
        && seg.last_char(k) == Some('ي')
        && !seg.marks[k].may_start(EntryKind::Place);
    let unknown = l.is_unknown()
        && stem.chars().count() >= 3
        && !l.definite()
        && !looks_like_verb(stem)
        && !looks_like_imperfect(stem)
        && !has_pronoun_suffix(stem)
        && !stem.ends_with('ه');
    // و + a given name that is also a word (وخلف، وأمين) before a name the lexicon knows or a name token
    // (وخلف سالم): the next person of the list, not و + the word.
    let next = k + 1;
    let word_name = l.has(EntryKind::Given)
        && (l.has(EntryKind::Common) || l.has(EntryKind::Function))
        && !l.definite()
        && bare_unlisted_word(seg, next)
        && !seg.is_trigger(next)
        && (is_named(seg, next) || is_name_token(seg, next, 0));
    if !(named || unknown || ali || word_name) || seg.is_trigger(k) {
        return None;
    }
    let mut end = k + 1;
    // A place after the name is where the persons are (وبن سالم | الدوحة), as in `given_chain`.
    while end < seg.len()
        && end - k < MAX_NAME_WORDS
        && is_name_word(seg, end, false)
        && !is_place_after_name(seg, k, end)
    {
        end += 1;
    }
    while end > k + 1 && seg.has(end - 1, EntryKind::Particle) {
        end -= 1;
    }
    // An unknown word + a word with ال is as often a noun phrase (وبيت النابلسي) as a name.
    let construct = unknown && end > k + 1 && seg.tokens.folded(k + 1).starts_with("ال");
    ((named || end > k + 1) && !construct && (!word_name || named || unknown || ali || end > next))
        .then_some(end)
}

/// Whether token `end`, after the follower that starts at `k`, is a place that ends the list entry (وبن
/// عيسى | الدوحة): right after a given name a family name may be spelled like a town (ونادين سابا).
fn is_place_after_name(seg: &Segment<'_, '_>, k: usize, end: usize) -> bool {
    seg.has(end, EntryKind::Place)
        && !is_named(seg, end)
        && !(end == k + 1 && seg.has(k, EntryKind::Given))
}

/// The writer's name in a news byline: `كتب ـ X :`, `كتب : X`, `القاهرة ـ من X ـ`. The name stands between
/// separators (a dash, a colon, a tatweel standing alone) and holds only name words.
///
/// Fires: كتب ـ خالد منصور : وافق المجلس ; القاهرة ـ من سامي ليث ـ القدس. Does not fire: كتب المؤلف
/// روايته ; كتب : " الأمر خطير " ; قدم ـ من جهته ـ.
#[inline(never)]
pub(super) fn byline(seg: &Segment<'_, '_>, starts: &[usize], out: &mut Vec<Candidate>) {
    for &k in starts {
        let kataba = seg.tokens.folded_is(k, "كتب") || seg.tokens.folded_is(k, "كتبت");
        // كتب ـ X (the name closed by another separator is evidence enough, wherever it stands; a
        // running text may have lost the line break before it) ; or a place opening a line, a dash and من:
        // القاهرة ـ من X
        // Whether the place opens a line is asked only of a place: most words are none.
        let opens = || seg.newline_before(k) || opens_sentence(seg, k);
        let after = if kataba && seg.reading(k).clitic_chars == 0 {
            byline_separator(seg, k)
        } else if let Some(p) = seg
            .phrase_of(k, EntryKind::Place)
            .filter(|p| p.reading.clitic_chars == 0 && opens())
        {
            byline_separator(seg, p.end - 1)
                .filter(|&m| m < seg.len() && seg.tokens.folded(m) == "من")
                .map(|m| m + 1)
        } else {
            None
        };
        let Some(j) = after else {
            continue;
        };
        if j >= seg.len()
            || seg.newline_before(j)
            || !(is_named(seg, j) || is_plain_unknown(seg, j))
        {
            continue;
        }
        let end = name_chain(seg, j);
        let closed =
            end == seg.len() || seg.newline_before(end) || byline_separator(seg, end - 1).is_some();
        if end > j && end - j <= 4 && closed {
            out.extend(person(seg, j, end, 0, STRONG, "byline"));
        }
    }
}

/// Whether a byline may start at token `k`, whose folded bytes are `folded` (asked of every token but the
/// last, in `Starts::of`): كتب or the start of a place.
#[inline]
pub(super) fn byline_may_start(seg: &Segment<'_, '_>, k: usize, folded: &[u8]) -> bool {
    // Most tokens are neither كتب nor the start of a place: they are passed over at once.
    (kataba(folded) || seg.marks[k].may_start(EntryKind::Place)) && seg.is_word(k)
}

/// Whether the folded bytes `folded` are كتب or كتبت (the part of `byline_may_start` that reads the word
/// alone, worked out once a word: see `rules::start_flags`). The bytes are compared as they are:
/// slicing every word as a str would check its ends.
#[inline]
pub(super) fn kataba(folded: &[u8]) -> bool {
    bytes_are(folded, "كتب") || bytes_are(folded, "كتبت")
}

/// The token after a byline separator that follows token `k`: a dash or colon token, or a tatweel standing
/// alone between `k` and the next token (the tokenizer keeps no token for it).
fn byline_separator(seg: &Segment<'_, '_>, k: usize) -> Option<usize> {
    let next = k + 1;
    if next >= seg.len() || seg.newline_before(next) {
        return None;
    }
    if matches!(
        seg.tokens.list[next].kind,
        TokenKind::Punct(':' | '-' | '–')
    ) {
        return Some(next + 1);
    }
    let gap = &seg.text[seg.tokens.bytes(k).end..seg.tokens.bytes(next).start];
    gap.contains('ـ').then_some(next)
}

/// Whether token `j` is a word the lexicon does not know, without ال, clitics or a verb's shape.
fn is_plain_unknown(seg: &Segment<'_, '_>, j: usize) -> bool {
    let l = &seg.lex[j];
    let word = seg.tokens.folded(j);
    l.is_unknown()
        && !l.definite()
        && !l.conj()
        && l.clitic_chars() == 0
        && !looks_like_verb(word)
        && !looks_like_imperfect(word)
        && !has_pronoun_suffix(word)
}

/// Whether token `j` is ب + a noun written with a final ة (بلهجة، بطريقة) that the lexicon does not know:
/// a prepositional phrase, not a person's name (754 O and 6 names in `anercorp_lex` + `aqmar_train`).
fn ba_noun(seg: &Segment<'_, '_>, j: usize) -> bool {
    let word = seg.tokens.folded(j);
    word.starts_with('ب') && seg.ends_with_ta_marbuta(j) && word.chars().count() >= 4
}

/// A Dutch or Flemish name with the particle فان and an unknown word (فان دايك، فان ميرفي).
///
/// فان is also فإن written without hamza, but then a word of the vocabulary, a word with ال or a pronoun
/// follows (فان المجلس، فان هذه); in `anercorp_lex` no such فان is followed by an unknown word.
///
/// Fires: ويرى فان دايك أن. Does not fire: فان المجلس سيناقش ; فان هذه الأخيرة ; فإن كوستر يرى.
#[inline(never)]
pub(super) fn van_name(seg: &Segment<'_, '_>, starts: &[usize], out: &mut Vec<Candidate>) {
    for &i in starts {
        let j = i + 1;
        if plain_surname(seg, j) {
            out.push(Candidate::new(
                Kind::Person,
                i,
                j + 1,
                0,
                LEXICON,
                Origin::Rule("van-name"),
            ));
        }
    }
}

/// Whether `van_name` may start at token `i`, whose folded bytes are `folded` (asked of every token but
/// the last, in `Starts::of`): فان written with a bare alif (فإن with hamza is always the conjunction)
/// before a word on the same line.
#[inline]
pub(super) fn van_may_start(seg: &Segment<'_, '_>, i: usize, folded: &[u8]) -> bool {
    let j = i + 1;
    // The word is compared first: it turns away nearly every token.
    van_word(folded)
        && seg.is_word(i)
        && !seg.text[seg.tokens.bytes(i)].contains(['أ', 'إ'])
        && seg.is_word(j)
        && !seg.newline_before(j)
}

/// Whether the folded bytes `folded` are فان (the part of `van_may_start` that reads the word alone).
#[inline]
pub(super) fn van_word(folded: &[u8]) -> bool {
    bytes_are(folded, "فان")
}

/// A family or clan named by its family name after the noun أسرة، عائلة، عشيرة (with و، ف، ل before it):
/// the name, a word the lexicon does not know or knows as a family name only, is a person's (the
/// family's) name, as the corpora tag it.
///
/// بأسره ("in its entirety") is left out, and a word with ال or a clitic, a verb or a pronoun after the
/// noun is a phrase (أسرة التحرير، عائلة الضحية، عائلته).
///
/// Fires: وينتمي لأسرة بورغيلو العريقة ; وكانت عائلة ماكنتاير هناك. Does not fire: أسرة التحرير ;
/// العالم بأسره يتابع ; عائلة واحدة ; من عائلة ثرية (ة: an adjective) ; عائلة معالجات (a plural in ـات).
#[inline(never)]
pub(super) fn family_name(seg: &Segment<'_, '_>, starts: &[usize], out: &mut Vec<Candidate>) {
    for &i in starts {
        let j = i + 1;
        let noun = seg.tokens.folded(i);
        let noun = ["ول", "و", "ف", "ل", ""]
            .iter()
            .find_map(|p| noun.strip_prefix(p).filter(|n| FAMILY_NOUNS.contains(n)));
        if noun.is_none() {
            continue;
        }
        // not an adjective agreeing with the noun (عائلة ثرية) or a plural (عائلة معالجات)
        let name = !seg.ends_with_ta_marbuta(j)
            && !seg.tokens.folded(j).ends_with("ات")
            && plain_surname(seg, j);
        if name {
            out.push(Candidate::new(
                Kind::Person,
                j,
                j + 1,
                0,
                LEXICON,
                Origin::Rule("family-name"),
            ));
        }
    }
}

/// The scorer of a goal: a name after ل right after a goal noun (بهدف لماركو فيرنر، وهدفين لكارل، هاتريك
/// لسامر), or after إمضاء, the football writers' "signed by" (من إمضاء ماركو فيرنر), as match reports
/// and club histories write them. The word after ل is no place, organization or word of the vocabulary
/// (بهدفين لإنجلترا is the team's; أهداف للمنظمة a phrase); a word of the vocabulary after إمضاء or a
/// definite one (إمضاء الاتفاق) is no name (`name_after`). In `anercorp_lex` + `aqmar_train` a goal noun +
/// ل + a word is a person 16 times, a country 3 times and a number once.
///
/// Fires: فاز الفريق بهدف لماركو فيرنر ; بهدفين من إمضاء كارل هوبنر. Does not fire: فاز بهدفين لإنجلترا ;
/// بهدف التوصل لاتفاق ; بعد إمضاء الاتفاق.
#[inline(never)]
pub(super) fn scorer_name(seg: &Segment<'_, '_>, starts: &[usize], out: &mut Vec<Candidate>) {
    for &i in starts {
        let j = i + 1;
        let noun = seg.tokens.folded(i);
        let signed = noun.ends_with("مضاء");
        let (start, end, skip) = if signed {
            match name_after(seg, j) {
                Some(end) => (j, end, 0),
                None => continue,
            }
        } else {
            let word = seg.tokens.folded(j);
            let Some(stem) = word.strip_prefix('ل') else {
                continue;
            };
            let vague = EntryKind::Common.bit()
                | EntryKind::Function.bit()
                | EntryKind::Place.bit()
                | EntryKind::Organization.bit()
                | EntryKind::Nationality.bit();
            let plain = !stem.starts_with("ل")
                && !stem.starts_with("ال")
                && stem.chars().count() >= 3
                && seg.index.word(stem).is_none_or(|w| w.classes & vague == 0)
                && !seg.has(j, EntryKind::Place)
                && !looks_like_verb(stem)
                && !looks_like_masdar(stem)
                && !looks_like_derived_masdar(stem);
            if !plain {
                continue;
            }
            (j, name_chain_from(seg, j, j + 1).max(j + 1), 1)
        };
        out.extend(person(seg, start, end, skip, STRONG, "scorer"));
    }
}

/// Whether `scorer_name` may start at token `i` (asked of every token but the last whose word passes
/// [`scorer_word`], in `Starts::of`): a word before a word on the same line.
#[inline]
pub(super) fn scorer_may_start(seg: &Segment<'_, '_>, i: usize) -> bool {
    let j = i + 1;
    seg.is_word(i) && seg.is_word(j) && !seg.newline_before(j)
}

/// Whether the folded bytes `folded` are a goal noun (هدف، هدفين، هدفي، اهداف، هاتريك) or إمضاء, with و، ب
/// or both before it (the part of `scorer_may_start` that reads the word alone).
///
/// Compared as bytes, the length first: it is asked of every word the word table holds no flags for (some
/// 100,000 calls on 10 MB of news), and checking the bytes as UTF-8 first cost 135 instructions a call.
#[inline]
pub(super) fn scorer_word(folded: &[u8]) -> bool {
    const WORDS: [&str; 6] = ["هدف", "هدفين", "هدفي", "اهداف", "هاتريك", "امضاء"];
    // The words have 6 to 12 bytes, and و، ب before them two each.
    if !(6..=16).contains(&folded.len()) {
        return false;
    }
    let word = folded.strip_prefix("و".as_bytes()).unwrap_or(folded);
    let word = word.strip_prefix("ب".as_bytes()).unwrap_or(word);
    WORDS.iter().any(|w| w.as_bytes() == word)
}

/// Whether `family_name` may start at token `i`, whose folded bytes are `folded` (asked of every token
/// but the last, in `Starts::of`): a word of a family noun's length and last letter before a word on the
/// same line.
#[inline]
pub(super) fn family_may_start(seg: &Segment<'_, '_>, i: usize, folded: &[u8]) -> bool {
    let j = i + 1;
    family_noun_shaped(folded) && seg.is_word(i) && seg.is_word(j) && !seg.newline_before(j)
}

/// Whether the folded bytes `folded` have a family noun's length and last letter (the part of
/// `family_may_start` that reads the word alone): the nouns, folded, all end in ه, and with their
/// clitics have from 8 to 14 bytes, which turns nearly every word away.
#[inline]
pub(super) fn family_noun_shaped(folded: &[u8]) -> bool {
    (8..=14).contains(&folded.len()) && folded.ends_with("ه".as_bytes())
}

/// True when token `j` may be a family name standing after a word that announces one (فان، عائلة): a
/// word the lexicon does not know, or knows as a family name only (نيستلروي is as good as an unknown
/// word), of three letters or more, written without ال, و or another clitic, not shaped like a verb and
/// without a pronoun suffix.
fn plain_surname(seg: &Segment<'_, '_>, j: usize) -> bool {
    let l = &seg.lex[j];
    let word = seg.tokens.folded(j);
    let family = EntryKind::Person.bit() | EntryKind::Family.bit();
    let surname = |w: &crate::lookup::WordInfo| w.classes & !family == 0;
    seg.index.word(word).is_none_or(surname)
        && l.info.is_none_or(surname)
        && !l.definite()
        && !l.conj()
        && l.clitic_chars() == 0
        && word.chars().count() >= 3
        && !looks_like_verb(word)
        && !looks_like_imperfect(word)
        && !has_pronoun_suffix(word)
}

/// The discoverer of a law, constant or table of science, named after the noun that his name completes
/// (جدول، ثابت، قانون، نظرية، معادلة، مبدأ، مبرهنة، تجربة, with و، ف، ب، ل or none): the word after the
/// noun, written without ال or a clitic, that no list knows but as a name (a name token, a given or
/// family name, a person) is the discoverer, as encyclopedic text names him (Arabic forms no adjective
/// from a foreign name). Not an adjective agreeing with the noun (a word ending ة، ي or ات: قانون جديد
/// is no name, nor نظرية علمية), a verb, a word with a pronoun, a number or a known word of another kind.
///
/// Fires: ونشر العالم جدول كرافيتز عام 1900 ; وينص قانون هالبرين على. Does not fire: جدول زمني ; قانون
/// يهدف إلى ; تجربة جديدة ; نظرية النسبية ; قانون وضعه البرلمان.
#[inline(never)]
pub(super) fn eponym_name(seg: &Segment<'_, '_>, starts: &[usize], out: &mut Vec<Candidate>) {
    for &i in starts {
        let j = i + 1;
        let l = &seg.lex[j];
        let word = seg.tokens.folded(j);
        let other = EntryKind::Common.bit()
            | EntryKind::Function.bit()
            | EntryKind::Place.bit()
            | EntryKind::Organization.bit()
            | EntryKind::Nationality.bit()
            | EntryKind::Title.bit()
            | EntryKind::Role.bit()
            | EntryKind::SpeechVerb.bit()
            | EntryKind::OrgHead.bit()
            | EntryKind::PlaceNoun.bit();
        let named = |w: &crate::lookup::WordInfo| w.classes & other == 0;
        let name = seg.index.word(word).is_none_or(named)
            && l.info.is_none_or(named)
            && !seg.has(j, EntryKind::Place)
            && !l.definite()
            && !l.conj()
            && l.clitic_chars() == 0
            && word.chars().count() >= 3
            && !word.ends_with('ي')
            && !word.ends_with("ات")
            && !seg.ends_with_ta_marbuta(j)
            && !word.ends_with('ه')
            && !looks_like_verb(word)
            && !looks_like_imperfect(word)
            && !has_pronoun_suffix(word)
            && !looks_like_masdar(word)
            && !looks_like_derived_masdar(word)
            && !looks_like_broken_plural(word)
            && !noun_shaped(word);
        if name {
            out.push(Candidate::new(
                Kind::Person,
                j,
                j + 1,
                0,
                LEXICON,
                Origin::Rule("eponym"),
            ));
        }
    }
}

/// Whether an Arabic word's shape, folded, is that of a word after a noun of science that is no name: an
/// imperfect verb of four letters (تقوم، يحدد), a verbal noun إفعال (إطلاق، إعلان), a plural فعول (حقوق،
/// شعوب) or فعلاء (بدلاء، علماء).
fn noun_shaped(word: &str) -> bool {
    let c: Vec<char> = word.chars().collect();
    (c.len() == 4 && matches!(c[0], 'ت' | 'ي'))
        || (c.len() == 5 && c[0] == 'ا' && c[3] == 'ا')
        || (c.len() == 4 && c[2] == 'و' && !matches!(c[1], 'ا' | 'و' | 'ي'))
        || (c.len() >= 5 && word.ends_with("اء"))
}

/// Whether `eponym_name` may start at token `i`, whose folded bytes are `folded` (asked in `Starts::of`
/// of every token but the last whose start flags have `EPONYM`'s bit, which `van_word` shares): one of
/// the nouns before a word on the same line.
#[inline]
pub(super) fn eponym_may_start(seg: &Segment<'_, '_>, i: usize, folded: &[u8]) -> bool {
    let j = i + 1;
    eponym_noun(folded) && seg.is_word(i) && seg.is_word(j) && !seg.newline_before(j)
}

/// The nouns of science named after a discoverer, folded (the part of `eponym_may_start` that reads the
/// word alone): جدول، ثابت، قانون، قوانين، نظرية، معادلة، معادلات، مبدأ، مبرهنة، تجربة، with و، ف، ب، ل
/// or none before them.
#[inline]
pub(super) fn eponym_noun(folded: &[u8]) -> bool {
    const NOUNS: [&[u8]; 10] = [
        "جدول".as_bytes(),
        "ثابت".as_bytes(),
        "قانون".as_bytes(),
        "قوانين".as_bytes(),
        "نظريه".as_bytes(),
        "معادله".as_bytes(),
        "معادلات".as_bytes(),
        "مبدا".as_bytes(),
        "مبرهنه".as_bytes(),
        "تجربه".as_bytes(),
    ];
    // Asked of every word's start flags, so bytes only: the nouns are 8–14 bytes, 18 with وب/ول.
    if !(8..=18).contains(&folded.len()) {
        return false;
    }
    let is_noun = |w: &[u8]| NOUNS.contains(&w);
    let strip = |w: &'static str| folded.strip_prefix(w.as_bytes());
    is_noun(folded)
        || strip("و").is_some_and(|w| {
            is_noun(w)
                || ["ب", "ل"]
                    .iter()
                    .any(|p| w.strip_prefix(p.as_bytes()).is_some_and(is_noun))
        })
        || ["ف", "ب", "ل"]
            .iter()
            .any(|p| strip(p).is_some_and(is_noun))
}

/// The nouns of a family or clan (folded: أسرة، عائلة، عشيرة) before the family's name.
const FAMILY_NOUNS: [&str; 4] = ["اسره", "عائله", "عايله", "عشيره"];

/// Whether token `i` is read only as ك + a name or place (كلود = ك + لود), a reading that a name
/// chain does not take: a foreign name that starts with ك is far more frequent after a title or a speech
/// verb than "like" + a name.
fn ka_name(seg: &Segment<'_, '_>, i: usize) -> bool {
    let l = &seg.lex[i];
    seg.reading(i).clitic_chars == 1
        && seg.tokens.folded(i).starts_with('ك')
        && !l.definite()
        && !l.conj()
        && !l.has(EntryKind::Common)
        && !l.has(EntryKind::Function)
        && !l.has(EntryKind::Organization)
        // unknown as written: كلمة is a word of the vocabulary, not ك + لمة
        && seg
            .index
            .word(seg.tokens.folded(i))
            .is_none_or(|w| w.classes == 0)
}

/// A name chain, without a title to vouch for it, that ends at its first word with ال after the first
/// (the family name or nisba: سعد الحريري | التمسك), unless that word completes a particle (عبد الله).
/// `first` is the name's first word, `start` the chain's (after a given name of several words).
fn short_chain(seg: &Segment<'_, '_>, first: usize, start: usize) -> usize {
    let end = name_chain_from(seg, first, start);
    if first == start && definite_surname(seg, first) {
        return end.min(first + 1);
    }
    (start.max(first + 1)..end)
        .find(|&k| seg.tokens.folded(k).starts_with("ال") && !seg.has(k - 1, EntryKind::Particle))
        .map_or(end, |k| k + 1)
}

/// Whether token `i`, the first of a name found from its context, is a family name or nisba with ال
/// (السنيورة، المالكي) that stands for the person alone: in `anercorp_lex` a person's name that starts
/// with such a word ends there 102 times in 118, and most that go on are a given name with ال (الحسن) or
/// go on with بن. A given name with ال (الحسن) and a foreign name written أل (ألميرو) go on.
fn definite_surname(seg: &Segment<'_, '_>, i: usize) -> bool {
    seg.tokens.folded(i).starts_with("ال")
        && seg.reading(i).clitic_chars == 0
        && !seg.has(i, EntryKind::Given)
        && !seg.hamza_al(i)
        && !(i + 1 < seg.len() && seg.has(i + 1, EntryKind::Particle))
}

/// Whether token `j` is an unknown word starting with ف or و that begins a name: right after a title or
/// context word, that letter starts a foreign name (فرناندو، ويلي، وليام) more often than a conjunction.
/// A word with ال or a pronoun suffix after و is a conjunct (والدفاع، ونائبه).
fn foreign_initial(seg: &Segment<'_, '_>, j: usize) -> bool {
    let word = seg.tokens.folded(j);
    seg.lex[j].is_unknown()
        && word.starts_with(['ف', 'و'])
        // ف + ال is rare right after a name; فال starts foreign names (فالدانو، فالتيرا)
        && (!seg.lex[j].definite() || (word.starts_with("فال") && !seg.ends_with_ta_marbuta(j)))
        && !has_pronoun_suffix(word)
        // ـه is the pronoun (ونائبه); a name with ف written with ة is not (فرنجية، فايزة), while و + a
        // feminine noun is a conjunct (وبقية)
        && (!word.ends_with('ه') || (word.starts_with('ف') && seg.ends_with_ta_marbuta(j)))
}

/// Two or more person-name words in a row, at least one of them a token of a `name` lexicon (a foreign or
/// rare name seen in persons' names) and the others names too: `فالتر كوفالسكي`, `وكارلا بيرغمان`. A name
/// token alone is weak evidence (hundreds are also words), so the rule wants the second name word; a word
/// of the vocabulary, a trigger, a place or a word with a clitic after the first ends the run.
///
/// Fires: التقى فالتر بيرغمان أمس ; حضرت كارلا بيرغمان الحفل ; أشاد بأداء ماتيو فالتر ; التقى فالتر
/// كوفالسكي.
/// A name token may also take one word that no list knows when that word is shaped like a transliterated
/// family name (`foreign_surname`: التقى فالتر كوفالسكي), except after في, where such a pair is as often a
/// place. A particle of a European name between two of its words goes with them (التقى فرانكو دي ماركو).
///
/// Does not fire: فاز بيرغمان بالسباق (one name token alone) ; وقالت كارلا بيرغمان (after a feminine speech
/// verb: as often a newspaper) ; وكان فالتر تلميذا (an accusative after the name token: the next word of
/// the sentence) ; وأقام الحفل في فالتر كوفالسكي ; كأس العالم ; عقاب الله (a divine name: a construct
/// phrase) ; دخل نيو هامبشير (a place's first word) ; دفع النادي 500 فرنك نرويجي (an indefinite nationality
/// after a name token: an adjective, `is_indefinite_nisba`).
#[inline(never)]
pub(super) fn name_tokens(seg: &Segment<'_, '_>, starts: &[usize], out: &mut Vec<Candidate>) {
    if !seg.index.has_name_tokens() {
        return;
    }
    // The first token after the last name found: a name's own words start no other.
    let mut next = 0;
    for &i in starts {
        if i < next {
            continue;
        }
        let Some(skip) = name_run_start(seg, i) else {
            continue;
        };
        // After a feminine speech verb (وقالت، وأعلنت) the subject is as often an organization or a
        // newspaper with a foreign name as a woman: as in `speech-name`, only a known given name is taken.
        let feminine_verb = i > 0
            && seg.has(i - 1, EntryKind::SpeechVerb)
            && seg.tokens.folded(i - 1).ends_with('ت');
        if feminine_verb && !seg.has(i, EntryKind::Given) {
            continue;
        }
        let mut end = i + 1;
        let mut tokens = usize::from(is_name_token(seg, i, skip) && name_shaped(seg, i));
        while end < seg.len() && end - i < MAX_NAME_WORDS {
            match name_run_word(seg, end) {
                Some(token) => tokens += usize::from(token),
                // A particle of a foreign name between two of its words (ألفريدو دي ستيفانو).
                None if foreign_particle(seg, end) => {
                    end += 1;
                    continue;
                }
                None => break,
            }
            end += 1;
        }
        // A name token followed by one word that no list knows, shaped like a transliterated family name
        // (ألكسندر لوكاشنكو، أوليفر كرومويل).
        // After في the pair is as often a place (في نيو أورليانز).
        let after_fi = i > 0 && seg.tokens.folded_is(i - 1, "في");
        if end == i + 1 && tokens == 1 && end < seg.len() && !after_fi && foreign_surname(seg, end)
        {
            end += 1;
        }
        if end - i >= 2 && tokens >= 1 {
            out.extend(person(seg, i, end, skip, LEXICON, "name-tokens"));
            next = end;
        }
    }
}

/// Whether `name_tokens` may start at token `i`, whose marks are `m` and `Lex` `l`, a word if `word`
/// (asked of every token but the last, in `Starts::of`, which reads them as it walks): a word the lexicon
/// does not know as vocabulary, a function word, a place or an organization (the first tests of
/// `name_run_start`, on the marks already read).
#[inline]
pub(super) fn name_run_may_start(
    seg: &Segment<'_, '_>,
    i: usize,
    m: Marks,
    l: &Lex<'_>,
    word: bool,
) -> bool {
    (!(m.has(EntryKind::Common)
        || m.has(EntryKind::Function)
        || m.has(EntryKind::Place)
        || m.has(EntryKind::Organization))
        && word)
        // a name token read as a preposition + a word (كوفي أنان): only before a word that may go on a
        // run, tested by its bits first (most words of the vocabulary are followed by another)
        // (the token's features hold its reading's clitic chars when it has some: read first, as
        // `Starts::of` reads them for the start flags)
        || (l.clitic_chars() > 0
            && l.reading.is_some_and(|r| r.clitic_chars > 0)
            && i + 1 < seg.len()
            && !(seg.has(i + 1, EntryKind::Common)
                || seg.has(i + 1, EntryKind::Function)
                || seg.has(i + 1, EntryKind::Place)
                || seg.has(i + 1, EntryKind::Organization))
            && whole_name_token(seg, i))
}

/// Whether token `i`, read without its first `skip` clitic chars, is a `name` lexicon token.
fn is_name_token(seg: &Segment<'_, '_>, i: usize, skip: u8) -> bool {
    let look_up = || seg.index.is_name_token(super::stem_of(seg, i, skip));
    if skip != 0 {
        return look_up();
    }
    // A token read whole has its own word's info, which keeps the answer once asked; another, as
    // written, is asked again of the token (see `Answers`).
    let l = &seg.lex[i];
    match (l.reading, l.info) {
        (Some(Reading::WHOLE), Some(info)) => {
            seg.index.is_name_token_of(info, || seg.tokens.folded(i))
        }
        _ => seg.answers.get_or(i, Asked::NameToken, look_up),
    }
}

/// Whether token `i` can open a run of name words, and how many clitic chars (و، ف) come before the name.
/// The first word may be a name token or a known given name; never vocabulary, a trigger, a place or an
/// organization.
fn name_run_start(seg: &Segment<'_, '_>, i: usize) -> Option<u8> {
    let l = &seg.lex[i];
    if whole_name_token(seg, i) {
        return Some(0);
    }
    // Asked of every token: the bit tests before the word's text.
    if !seg.is_word(i)
        || l.has(EntryKind::Common)
        || l.has(EntryKind::Function)
        || l.has(EntryKind::Place)
        || l.has(EntryKind::Organization)
        || seg.is_trigger(i)
        || PLACE_PREFIXES.contains(&seg.tokens.folded(i))
    {
        return None;
    }
    if (l.has(EntryKind::Given) && seg.reading(i).clitic_chars == 0)
        || (is_name_token(seg, i, 0) && name_shaped(seg, i) && !preposition_hamza(seg, i))
    {
        return Some(0);
    }
    // و or ف before a name token (وكارلا): only the conjunction, one char.
    let word = seg.tokens.folded(i);
    (word.starts_with(['و', 'ف']) && is_name_token(seg, i, 1)).then_some(1)
}

/// Whether token `k`, right after a name token, is a word no list knows, shaped like a transliterated
/// family name: no article, clitic or conjunction, no verb, plural, participle or verbal-noun shape, no
/// final ة, ت (a feminine past verb or a plural: تباينت، مترات), accusative ا (تلميذا) or pronoun, four
/// letters or more; not ل or ب + a verbal noun or ل + an imperfect (`preposition_and_verbal_noun`: a call
/// for a conference لوضع a timetable, a plant لتصنيع cars), nor an indefinite participle with م and no long
/// vowel (`looks_like_indefinite_participle`: a partner محترم): with the harvested vocabulary left out, a
/// name token that is also a noun (شريك، مكان، دولي) took such a word as its family name 50 times in the
/// unseen-names folds, and a person's second word had that shape twice (both fixed by the length and
/// long-vowel tests: ليمبيروبولوس).
///
/// Fires: التقى فالتر كوفالسكي ; التقى فالتر بيرد. Does not fire: ودعا إلى حوار فالتر لتنظيم ; شريك محترم.
fn foreign_surname(seg: &Segment<'_, '_>, k: usize) -> bool {
    let word = seg.tokens.folded(k);
    !seg.newline_before(k)
        && seg.is_word(k)
        && word.starts_with(|c: char| ('\u{0621}'..='\u{064A}').contains(&c))
        && is_plain_unknown(seg, k)
        && seg.index.word(word).is_none()
        && word.chars().count() >= 4
        && !matches!(seg.last_char(k), Some('ة' | 'ت' | 'ا' | '\u{64b}'))
        && !pronoun_ha(seg, k)
        && !looks_like_broken_plural(word)
        && !looks_like_accusative_participle(word)
        && !looks_like_construct_participle(word)
        && !looks_like_plural_participle(word)
        && !looks_like_future_or_plural_past(word)
        && !looks_like_masdar(word)
        && !preposition_and_verbal_noun(word, true)
        && !looks_like_indefinite_participle(word)
        && !is_accusative_noun(seg, word)
        && !is_dual_or_plural_noun(seg, word)
        && !is_indefinite_nisba(seg, word)
        && !preposition_hamza(seg, k)
}

/// Whether `word` (folded) is the indefinite form of a nationality the lexicon knows with ال (سويسري،
/// أميركي): an adjective after a noun (فرنك سويسري), not a family name.
fn is_indefinite_nisba(seg: &Segment<'_, '_>, word: &str) -> bool {
    word.ends_with('ي')
        && seg
            .index
            .word(&format!("ال{word}"))
            .is_some_and(|w| w.classes & EntryKind::Nationality.bit() != 0)
}

/// Whether token `i` is shaped like a foreign or rare name rather than a noun of the vocabulary: no
/// article (a word written أل is a name: ألبرتو), no final ة as written, no pronoun ـه. The `name` lexicons
/// hold hundreds of Arabic words that are also names (شريك، هاتف، الجميل، رفقة).
/// Whether token `k` is the particle of a European name (دي، دا، دو، دل، ديل، فون، لا) followed on the
/// same line by a name token or a transliterated family name: ألفريدو دي ستيفانو، ليوناردو دا فينشي.
fn foreign_particle(seg: &Segment<'_, '_>, k: usize) -> bool {
    seg.is_word(k)
        && !seg.newline_before(k)
        // two or three letters, tested before the word is sliced as a str
        && matches!(seg.tokens.folded_bytes(k).len(), 4 | 6)
        && matches!(
            seg.tokens.folded(k),
            "دي" | "دا" | "دو" | "دل" | "ديل" | "فون" | "لا"
        )
        && k + 1 < seg.len()
        && !seg.newline_before(k + 1)
        && (name_run_word(seg, k + 1) == Some(true) || foreign_surname(seg, k + 1))
}

/// The first words of foreign place names (نيو أورليانز، لوس أنجلوس، بورت سعيد، كامب ديفيد), folded: a
/// run of name tokens that starts with one is a place, not a person. Not سان/سانت, which start saints'
/// names as often (سان برنار).
const PLACE_PREFIXES: [&str; 7] = ["نيو", "لوس", "لاس", "بورت", "فورت", "كامب", "ماونت"];

fn name_shaped(seg: &Segment<'_, '_>, i: usize) -> bool {
    seg.answers
        .get_or(i, Asked::NameShaped, || name_shape_worked_out(seg, i))
}

/// [`name_shaped`], worked out.
fn name_shape_worked_out(seg: &Segment<'_, '_>, i: usize) -> bool {
    let written = &seg.text[seg.tokens.bytes(i)];
    (!seg.tokens.folded(i).starts_with("ال") || seg.hamza_al(i))
        && !seg.ends_with_ta_marbuta(i)
        && !pronoun_ha(seg, i)
        // فإن، فأن: the conjunctions, not the particle فان of Dutch names
        && !written.starts_with("فإ")
        && !written.starts_with("فأ")
}

/// Whether token `k` goes on a run of name words: `Some(true)` for a name token, `Some(false)` for another
/// name the lexicon knows (given, family), `None` for anything else.
fn name_run_word(seg: &Segment<'_, '_>, k: usize) -> Option<bool> {
    let l = &seg.lex[k];
    if seg.is_word(k) && !seg.newline_before(k) && whole_name_token(seg, k) {
        return Some(true);
    }
    if !seg.is_word(k)
        // a divine name after a noun (بيوت الله، جامع الرحمن): a construct phrase; the names of that
        // shape (عبد الله) are `given-chain`'s
        || matches!(seg.tokens.folded(k), "الله" | "الرحمن")
        || seg.newline_before(k)
        || l.has(EntryKind::Common)
        || l.has(EntryKind::Function)
        || l.has(EntryKind::Place)
        || l.has(EntryKind::Organization)
        || seg.is_trigger(k)
    {
        return None;
    }
    if is_name_token(seg, k, 0) && !preposition_hamza(seg, k) {
        // A pronoun ـه or a final ة (ناديه، رفقة) is a noun's. A name token with ال after another name
        // word (زين الدين، فايز السعيد) is the second half of a compound or the family name; the article
        // keeps a run from starting (الجميل السلمي, in `name_run_start`).
        if pronoun_ha(seg, k) || (seg.ends_with_ta_marbuta(k) && !l.has(EntryKind::Given)) {
            return None;
        }
        return Some(true);
    }
    let known =
        (l.has(EntryKind::Given) || l.has(EntryKind::Family)) && seg.reading(k).clitic_chars == 0;
    known.then_some(false)
}

#[cfg(test)]
mod tests {
    #[test]
    fn preposition_hamza_bytes_are_the_letters() {
        for (prep, bytes) in [
            ('ب', [0xD8, 0xA8]),
            ('ل', [0xD9, 0x84]),
            ('ك', [0xD9, 0x83]),
        ] {
            assert_eq!(prep.to_string().as_bytes(), bytes);
        }
        for (hamza, bytes) in [
            ('أ', [0xD8, 0xA3]),
            ('إ', [0xD8, 0xA5]),
            ('آ', [0xD8, 0xA2]),
        ] {
            assert_eq!(hamza.to_string().as_bytes(), bytes);
        }
        for word in ["دي", "دا", "دو", "دل", "ديل", "فون", "لا"] {
            assert!(matches!(word.len(), 4 | 6), "{word}");
        }
    }

    #[test]
    fn ordinals_have_the_shape_is_ordinal_reads() {
        for word in super::ORDINALS {
            assert!(
                matches!(word.len(), 10 | 12) && word.starts_with("ال"),
                "{word}"
            );
        }
    }

    #[test]
    fn kunya_words_have_the_lengths_is_kunya_word_reads() {
        // `is_kunya_word` turns away a word of another length before comparing it.
        for word in super::KUNYA {
            assert!(matches!(word.len(), 4 | 6), "{word}");
        }
        for word in ["وابو", "فابي"] {
            assert_eq!(word.len(), 8, "{word}");
        }
    }

    #[test]
    fn van_takes_a_family_name_the_lexicon_knows() {
        let lexicon =
            crate::Lexicon::parse("extra", "فيلدهوفن\tperson\n").expect("a valid lexicon");
        let extractor = crate::Extractor::builder()
            .lexicon(lexicon)
            .build()
            .expect("an extractor");
        let doc = extractor.extract("وسجل فان فيلدهوفن الهدف الثاني");
        let texts: Vec<&str> = doc.mentions().iter().map(|m| m.text()).collect();
        assert_eq!(texts, ["فان فيلدهوفن"]);
        // فان + a word of the vocabulary is still فإن.
        let doc = extractor.extract("فان المجلس سيناقش القرار");
        assert!(doc.mentions().iter().all(|m| m.text() != "فان المجلس"));
    }

    #[test]
    fn tanween_bytes_are_the_marks() {
        // Every char of the Arabic block and a few others: its bytes match the pattern that
        // `written_tanween` looks for exactly when it is a tanween mark.
        let chars = ('\u{0600}'..='\u{06FF}').chain(['a', 'é', '€', '\u{FE8E}']);
        for c in chars {
            let mut bytes = [0; 4];
            let pattern = c
                .encode_utf8(&mut bytes)
                .as_bytes()
                .windows(2)
                .any(|pair| matches!(pair, [0xD9, 0x8B..=0x8D]));
            assert_eq!(pattern, matches!(c, '\u{064B}'..='\u{064D}'), "{c}");
        }
    }

    #[test]
    fn eponym_nouns_with_and_without_clitics() {
        for word in [
            "قانون",
            "وقانون",
            "فنظريه",
            "بمعادله",
            "ولجدول",
            "وبثابت",
            "معادلات",
        ] {
            assert!(super::eponym_noun(word.as_bytes()), "{word}");
        }
        // فب/فل are not taken, nor a longer word or another noun.
        for word in ["فبقانون", "قانوني", "قوانينها", "جدار", "و", ""] {
            assert!(!super::eponym_noun(word.as_bytes()), "{word}");
        }
    }
}
