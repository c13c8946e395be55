//! The lexicon's own entries as mentions, of every kind: the first rule [`run`](super::run) calls.
//!
//! * `lexicon_mentions` ([`lexicon_mentions`]): an entry that names a person, organization or place,
//!   unless it is a single word that context must confirm (a common word, a nationality, a short stem,
//!   a place that qualifies a noun or stands in construct before another, or after a number or quantity
//!   word or a kinship word of names (بن، ابن، أبو), a place inside a competition's name, a name known
//!   as a district only, a bare name read after the conjunction ف, a GeoNames town shaped like a word
//!   with no sign of a place around it); a place or organization with ال
//!   after a demonstrative (هذه الإمارات) neither; a group of persons (`sub=group`: a dynasty in the plural)
//!   that completes a state noun or a definite noun before it neither, and after an army noun it is the
//!   army's name, an organization (`army_of_group`).

use once_cell::sync::Lazy;
use rustc_hash::FxHashSet;

use super::shape::ORDINALS;
use super::{bare_word_before, stem_of, Candidate, Origin, Segment, LEXICON, STRONG};
use crate::lexicon::EntryKind;
use crate::lookup::{has_hamza_alif, List, PhraseMatch};
use crate::mention::Kind;
use crate::tokenize::TokenKind;

/// A stem shorter than this, read out of a word with clitics (بها، لها), is too short to be a name alone.
const MIN_CLITIC_STEM_CHARS: usize = 3;

/// Lexicon entries that name a person, organization or place. A single word that is also a common word
/// or a nationality needs context from another rule, so it is not proposed here.
///
/// Fires: وصل الوفد إلى بالمكلا ; وصنعاء مدينة قديمة ; زار الولايات المتحدة ; عام 1984 بفرنسا.
/// Does not fire: وقال اليمني إن ; ثم قال بها ; وتحدث بشأن الاتفاق ; كمية كبيرة ; 0.23 يورو ; أحمد بن طولون (a
/// place after بن is the father's name) ; تقع الروضة في وسط الحي (a name known as a district only) ;
/// وقضى الزوار يومهم في الحمامات القديمة (a GeoNames town shaped like a plural) ; لعب الفريق بقوة فازوا بالكأس
/// (ف before a verb, not before a place: `fa_before_bare_name`) ; وكان لكل إمارة من هذه الإمارات أمير (a
/// demonstrative points at the common noun: `after_demonstrative`).
#[inline(never)]
pub(super) fn lexicon_mentions(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for p in seg.phrases {
        let kind = match seg.kind_of(p) {
            EntryKind::Person => Kind::Person,
            EntryKind::Organization => Kind::Organization,
            EntryKind::Place => Kind::Place,
            _ => continue,
        };
        let single = p.end - p.start == 1;
        let ambiguous = seg.has(p.start, EntryKind::Common)
            || seg.has(p.start, EntryKind::Nationality)
            || seg.has(p.start, EntryKind::Function);
        if single
            && (ambiguous
                || short_stem(seg, p)
                || hamza_differs(seg, p)
                || (kind == Kind::Place
                    && (qualifies_noun(seg, p)
                        || nisba_after_noun(seg, p)
                        || construct_before_place(seg, p)
                        || after_quantity(seg, p))))
        {
            continue;
        }
        if single
            && kind == Kind::Place
            && (district_only(seg, p)
                || geonames_noun(seg, p)
                || geonames_without_context(seg, p)
                || fa_before_bare_name(seg, p))
        {
            continue;
        }
        if single && kind == Kind::Person && group_qualifies_noun(seg, p) {
            if let Some(c) = army_of_group(seg, p) {
                out.push(c);
            }
            continue;
        }
        if kind == Kind::Place && after_name_particle(seg, p.start) {
            continue;
        }
        if matches!(kind, Kind::Place | Kind::Organization) && after_demonstrative(seg, p) {
            continue;
        }
        if kind == Kind::Place && in_competition(seg, p.start) {
            continue;
        }
        if kind == Kind::Place && !single && is_generic_place_noun(seg, p.start) {
            // مدينة المكلا: the noun is not part of the name; `place_noun` reports the name alone.
            continue;
        }
        let evidence = if single { LEXICON } else { STRONG };
        let mut c = Candidate::new(
            kind,
            p.start,
            p.end,
            p.reading.clitic_chars,
            evidence,
            Origin::Entry(p.entry),
        );
        c.attrs = Some(p.entry);
        if kind == Kind::Person {
            c.gender = seg.index.entry(p.entry).entry.gender();
        }
        out.push(c);
    }
}

/// The army of a group of persons (`sub=group`) that completes an army noun right before it (قوات، جيش،
/// جيوش، جنود، with و، ب، ل، ف), and a nationality in the plural right after it (the Seljuk Turks): an
/// organization, as history articles name an army by the people that raised it. The noun's clitic is left
/// outside the span.
///
/// Fires (an organization): وتقدمت جيوش الأيوبيين نحو المدينة ; هزمت قوات السلاجقة الأتراك.
/// Does not fire: انتصر الأيوبيون ; دولة الأيوبيين.
fn army_of_group(seg: &Segment<'_, '_>, p: &PhraseMatch) -> Option<Candidate> {
    const ARMIES: [&str; 4] = ["قوات", "جيش", "جيوش", "جنود"];
    let i = p.start.checked_sub(1)?;
    let clitics = seg.reading(i).clitic_chars;
    if !ARMIES.contains(&stem_of(seg, i, clitics)) {
        return None;
    }
    let mut end = p.end;
    if end < seg.len()
        && seg.is_word(end)
        && !seg.newline_before(end)
        && seg.reading(end).clitic_chars == 0
        && !seg.lex[end].conj()
        && seg.has(end, EntryKind::Nationality)
        && seg
            .phrase_of(end, EntryKind::Nationality)
            .is_some_and(|n| seg.index.entry(n.entry).entry.gender().is_none())
    {
        end += 1;
    }
    Some(Candidate::new(
        Kind::Organization,
        i,
        end,
        clitics,
        STRONG,
        Origin::Entry(p.entry),
    ))
}

/// True for a group of persons of the lexicon (`sub=group`: a dynasty or historical people in the plural,
/// `historical_peoples.tsv`) written without a clitic right after a noun that it completes: a state noun
/// (دولة، مملكة، سلطنة: the state named after its rulers is the state's name, an organization or place, not
/// the group) or a word with ال (the plural nisba is the noun's adjective: the emirs of the dynasty).
///
/// Fires (no person): قامت دولة الطاهريين في خراسان ; قاتل الأمراء الأيوبيين.
/// Does not fire: حكم الطاهريون خراسان ; في عهد الطاهريين ; وانتصر على الأيوبيين.
fn group_qualifies_noun(seg: &Segment<'_, '_>, p: &PhraseMatch) -> bool {
    let i = p.start;
    if i == 0
        || p.reading.clitic_chars != 0
        || seg.newline_before(i)
        || !seg.is_word(i - 1)
        || seg.index.entry(p.entry).entry.sub() != Some("group")
    {
        return false;
    }
    let before = seg.tokens.folded(i - 1);
    let state_noun = seg
        .phrase_of(i - 1, EntryKind::PlaceNoun)
        .is_some_and(|n| n.end == i && seg.index.entry(n.entry).entry.sub() == Some("country"));
    let army = ["قوات", "جيش", "جيوش", "جنود"].contains(&stem_of(
        seg,
        i - 1,
        seg.reading(i - 1).clitic_chars,
    ));
    state_noun
        || army
        || (before.starts_with("ال")
            && seg.reading(i - 1).clitic_chars == 0
            && !seg.has(i - 1, EntryKind::Function))
}

/// True for a one-word place of the bundled Yemen list (`places_yemen.tsv`, or a file so named, as the
/// cross-validation's) known as a district only (a مديرية: الروضة، الحصن، قارة), with no entry as a town,
/// governorate, region or country: many of that list's district names are words (garden, fort, continent)
/// and are found alone only after a place noun (`place_noun`: مديرية الروضة). A district of a lexicon of
/// the user's own is trusted as it is.
fn district_only(seg: &Segment<'_, '_>, p: &PhraseMatch) -> bool {
    let indexed = seg.index.entry(p.entry);
    let entry = &indexed.entry;
    // The list first: asked of every one-word place, and reading the sub-kind costs some 20 instructions.
    indexed.list == List::Yemen && entry.sub() == Some("district") && {
        let folded = entry.folded();
        ![
            "city",
            "governorate",
            "region",
            "country",
            "province",
            "state",
            "subdivision",
        ]
        .iter()
        .any(|sub| seg.index.is_place_of_sub(folded, sub))
    }
}

/// True for a one-word place read as the conjunction ف and a name without ال (فازوا =
/// ف + أزوا، فعدل، فترات): ف opens a clause and is written before its verb (فاز، فوجد، فعدل) far more
/// often than before a bare name, so the word is read as it stands. Before a definite name (فالصين) or
/// with و (وصنعاء) it is the place.
fn fa_before_bare_name(seg: &Segment<'_, '_>, p: &PhraseMatch) -> bool {
    p.reading.clitic_chars == 1 && p.reading.conj && {
        let word = seg.tokens.folded(p.start);
        word.starts_with('ف') && !word["ف".len()..].starts_with("ال")
    }
}

/// True for a one-word town of the GeoNames list (`places_cities_geonames.tsv`) shaped like an Arabic
/// common word — ال + a word (الخبر، الجمالية), or a word ending ة، ي or ا (سلالة، بحري، دوما) — written
/// without a sign that a place is meant: no ب or ل before it, no preposition or direction before it (في،
/// من، إلى، على، عبر، قرب، شمال …), no place next to it (before or after it, or across a comma). GeoNames
/// gives many towns whose name is also a word (a dynasty, the news, always, naval), and a word that
/// `anercorp_lex` happens to lack is not dropped by `build_lexicons.py`'s corpus test: this asks unseen text
/// for context instead. Towns of the other lists (capitals and large cities are in the CLDR and
/// subdivision lists too), and GeoNames towns of other shapes (بيشاور، تبريز), stay as they are.
///
/// Fires (the town is dropped): وصل الخبر متأخرا ; كان دوما يبتسم.
/// Does not fire: وصل الوفد إلى الخبر أمس ; اشتباكات في دوما ; بين الخبر والدمام.
fn geonames_without_context(seg: &Segment<'_, '_>, p: &PhraseMatch) -> bool {
    if seg.index.entry(p.entry).list != List::GeonamesTowns {
        return false;
    }
    let i = p.start;
    let stem = stem_of(seg, i, p.reading.clitic_chars);
    let word_shaped = stem.starts_with("ال") || stem.ends_with(['ه', 'ي', 'ا']);
    if !word_shaped {
        return false;
    }
    let word = seg.tokens.folded(i);
    let clitics = &word[..word.len() - stem.len()];
    if clitics.contains(['ب', 'ل']) {
        return false;
    }
    let place_at = |j: usize| j < seg.len() && seg.has(j, EntryKind::Place);
    let place_before =
        i > 0 && (place_at(i - 1) || (i > 1 && !seg.is_word(i - 1) && place_at(i - 2)));
    let place_after =
        place_at(i + 1) || (i + 1 < seg.len() && !seg.is_word(i + 1) && place_at(i + 2));
    !(place_before
        || place_after
        || bare_word_before(seg, i).is_some_and(|w| PLACE_PREPOSITIONS.contains(&w)))
}

/// Words before a place, folded, without و or ف (`bare_word_before`): prepositions of place and
/// movement, directions, and مدينة.
const PLACE_PREPOSITIONS: [&str; 21] = [
    "في",
    "من",
    "الي",
    "عن",
    "قرب",
    "نحو",
    "حتي",
    "بين",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "مدينه",
    "علي",
    "عبر",
    "حول",
    "داخل",
    "خارج",
    "لدي",
    "عند",
];

/// True for a one-word town of the GeoNames list (`places_cities_geonames.tsv`) shaped like a plural in ـات
/// (سلطات، الحمامات): a word far more often than the town so named; the towns of the other lists stay.
/// (The same for a final ة, سلالة، العمارة, lost on `aqmar_train`: 0.5788 → 0.5782.)
fn geonames_noun(seg: &Segment<'_, '_>, p: &PhraseMatch) -> bool {
    // Asked of every one-word place: the word's last bytes are compared without slicing it as a str.
    seg.tokens.folded_ends_with(p.start, "ات")
        && seg.index.entry(p.entry).list == List::GeonamesTowns
}

/// True for a one-word match whose stem is too short to be a name (بها; سي) — a place of two letters
/// written alone stays — or that is read out of a word with clitics that is common vocabulary as written
/// (بشأن، فسيجد), or with the preposition ك (كمية).
fn short_stem(seg: &Segment<'_, '_>, p: &PhraseMatch) -> bool {
    let word = seg.tokens.folded(p.start);
    // A lookup of the whole word, asked only of a reading with clitics.
    let vocabulary = || {
        seg.index
            .word(word)
            .is_some_and(|w| w.classes & EntryKind::Common.bit() != 0)
    };
    // Two letters alone (سي، اف، إس) are initials or letters of a transliteration, not a name: fewer
    // than `MIN_CLITIC_STEM_CHARS` chars after the clitics (the word is read no further than that).
    let clitics = usize::from(p.reading.clitic_chars);
    let too_short = (p.reading.clitic_chars > 0 || !seg.has(p.start, EntryKind::Place))
        && word
            .chars()
            .nth(clitics + MIN_CLITIC_STEM_CHARS - 1)
            .is_none();
    // ك "like" is seldom put before a name; a word read so (كمية → ك + مية) is a word.
    let kaf = p.reading.clitic_chars > u8::from(p.reading.conj)
        && word.chars().nth(usize::from(p.reading.conj)) == Some('ك');
    too_short || kaf || (p.reading.clitic_chars > 0 && vocabulary())
}

/// True for a one-word place whose entries are all written with a bare alif (شان، امان) met in a token
/// written with a hamza on an alif (شأن، بأمان): a careful writer's hamza marks another word, while a
/// token without hamza says nothing (news often drops it: اسبانيا).
fn hamza_differs(seg: &Segment<'_, '_>, p: &PhraseMatch) -> bool {
    let l = &seg.lex[p.start];
    p.kind == EntryKind::Place
        && l.info.is_some_and(|w| w.place_bare_alif)
        && l.reading == Some(p.reading)
        // A token that folds to itself has no أ إ آ (they fold to ا).
        && !seg.tokens.folds_to_itself(p.start)
        && has_hamza_alif(&seg.text[seg.tokens.bytes(p.start)])
}

/// True for a place named by a definite feminine nisba (السعودية) right after a definite word written
/// with ة (الحكومة السعودية، الشركة الوطنية السعودية): there it is the adjective "Saudi", which
/// agrees with the noun, not the country. The same for a town named by an adjective of the shape فعلاء
/// (البيضاء، الجهراء) right after any definite word (الأسود البيضاء، الحجارة البيضاء). With a clitic
/// (والسعودية) or after another word it is the place.
fn qualifies_noun(seg: &Segment<'_, '_>, p: &PhraseMatch) -> bool {
    let i = p.start;
    if i == 0 || p.reading.clitic_chars != 0 {
        return false;
    }
    let word = seg.tokens.folded(i);
    word.starts_with("ال")
        && seg.is_word(i - 1)
        && !seg.newline_before(i)
        && ((word.ends_with("يه")
            && (seg.lex[i - 1].definite() || seg.tokens.folded(i - 1).starts_with("ال"))
            && seg.ends_with_ta_marbuta(i - 1))
            || (seg.lex[i - 1].definite()
                && word.ends_with("اء")
                && feminine_colour(&word["ال".len()..])
                && !seg.has(i - 1, EntryKind::Function)))
}

/// True for a place whose name is written like a masculine nisba adjective (ending ي, no ال) right after an
/// indefinite masculine noun of the vocabulary (اعتماد مركزي، دعم مالي): there it agrees with the noun as
/// its adjective — "financial", "central" — as the definite nisba does in `qualifies_noun`. A feminine noun
/// (جمهورية مالي) cannot take it as its adjective, a direction, a place noun or a preposition (جنوب مالي،
/// في مالي) is no noun it describes, and a word with a clitic before it (ومالي) is left as it is.
///
/// Fires: إيجاد اعتماد مركزي (when the vocabulary holds اعتماد and مركز). Does not fire: جمهورية مالي ;
/// شمال مالي ; زار مالي ; سوق أبوظبي (أبوظب is no word).
fn nisba_after_noun(seg: &Segment<'_, '_>, p: &PhraseMatch) -> bool {
    let i = p.start;
    if i == 0 || p.reading.clitic_chars != 0 || !seg.is_word(i - 1) || seg.newline_before(i) {
        return false;
    }
    let word = seg.tokens.folded(i);
    let prev = seg.tokens.folded(i - 1);
    let l = &seg.lex[i - 1];
    // The stem without ي is a word of the vocabulary (مال، مركز): a nisba, not a name ending ي (أبوظبي).
    let stem_is_word = word.strip_suffix('ي').is_some_and(|stem| {
        seg.index
            .word(stem)
            .is_some_and(|w| w.classes & EntryKind::Common.bit() != 0)
    });
    // The folded word's last byte first: ي folds to itself, so a word written with a last ي ends so
    // folded (asked of every one-word place, where reading the written char cost some 40 instructions).
    word.ends_with('ي')
        && seg.last_char(i) == Some('ي')
        && !word.starts_with("ال")
        && word.chars().count() >= 4
        && stem_is_word
        && seg.has(i - 1, EntryKind::Common)
        && !l.definite()
        && l.clitic_chars() == 0
        && seg.reading(i - 1).clitic_chars == 0
        && !prev.ends_with('ه')
        && !prev.ends_with("ات")
        && !seg.has(i - 1, EntryKind::Place)
        && !seg.has(i - 1, EntryKind::PlaceNoun)
        && !seg.has(i - 1, EntryKind::Function)
        && !seg.has(i - 1, EntryKind::Title)
        && !seg.has(i - 1, EntryKind::Role)
        && !seg.has(i - 1, EntryKind::OrgHead)
        && !PLACE_PREPOSITIONS.contains(&prev)
}

/// Whether a word without its ال has the shape فعلاء of a feminine colour or feature adjective (بيضاء،
/// حمراء، خضراء، زرقاء), which names towns too (البيضاء): three letters, none an alif, then اء.
fn feminine_colour(stem: &str) -> bool {
    let mut c = stem.chars();
    c.by_ref().take(3).all(|ch| ch != 'ا') && c.as_str() == "اء"
}

/// True for a town after a preposition and followed right away by a country, a continent or another town, with no
/// comma, bracket or conjunction between (في رالي المكسيك، برالي الأرجنتين، في بورصة طوكيو): a noun in construct
/// with the place (the Mexico rally, the Tokyo stock exchange), since a town is named with its country
/// after a comma or في, not in apposition. Without the preposition the two are often subject and object
/// (اتهمت واشنطن إيران).
fn construct_before_place(seg: &Segment<'_, '_>, p: &PhraseMatch) -> bool {
    let n = p.end;
    let after_preposition = p.reading.clitic_chars > u8::from(p.reading.conj)
        || (p.start > 0
            && seg.has(p.start - 1, EntryKind::Function)
            && !seg.newline_before(p.start));
    after_preposition
        && n < seg.len()
        && seg.is_word(n)
        && !seg.newline_before(n)
        && seg.reading(n).clitic_chars == 0
        && !seg.lex[n].conj()
        && seg.phrase_of(n, EntryKind::Place).is_some_and(|c| {
            matches!(
                seg.index.entry(c.entry).entry.sub(),
                Some("country" | "continent")
            ) || (c.end == n + 1 && seg.index.is_town(seg.tokens.folded(n)))
        })
        && {
            let stem = stem_of(seg, p.start, p.reading.clitic_chars);
            // The same town twice is a headline and the dateline after it (بالرباط الرباط ( د ب أ ).
            seg.index.is_town(stem) && stem != seg.tokens.folded(n)
        }
}

/// Number words, folded, that count or measure the noun after them: cardinals (3 to 10, the tens'
/// عشرات, hundreds, thousands, millions, billions) and quantity words (عدة، بعض); the ordinals are `ORDINALS`.
const QUANTITY_WORDS: [&str; 31] = [
    "ثلاث",
    "ثلاثه",
    "اربع",
    "اربعه",
    "خمس",
    "خمسه",
    "سته",
    "سبع",
    "سبعه",
    "ثماني",
    "ثمانيه",
    "تسع",
    "تسعه",
    "عشر",
    "عشره",
    "عشرات",
    "مئات",
    "مئه",
    "مائه",
    "الف",
    "الاف",
    "الوف",
    "مليون",
    "ملايين",
    "مليار",
    "مليارات",
    "بليون",
    "عده",
    "بعض",
    "اثنين",
    "اثنان",
];

/// `QUANTITY_WORDS` and `ORDINALS` as one set: asked of the word before every one-word place, where
/// a search of the two lists took some 400 instructions.
static QUANTITIES: Lazy<FxHashSet<&'static str>> =
    Lazy::new(|| QUANTITY_WORDS.iter().chain(&ORDINALS).copied().collect());

/// True for a number, quantity or ordinal word, folded (مليون، عدة، الثاني).
fn is_quantity(word: &str) -> bool {
    QUANTITIES.contains(word)
}

/// Whether `word` holds a digit, ASCII (0-9) or Arabic-Indic (٠-٩, U+0660 to U+0669: the bytes D9 A0 to
/// D9 A9), read from its bytes.
fn has_digit(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.iter().enumerate().any(|(k, &b)| {
        b.is_ascii_digit()
            || (b == 0xD9 && bytes.get(k + 1).is_some_and(|n| (0xA0..=0xA9).contains(n)))
    })
}

/// True when the word right before a one-word place counts or measures it: a number written in digits
/// (0.23 يورو، 1809 أقدام، و2400) or a number or quantity word (مليون يورو، عدة آلاف، بعض …). A place
/// is not counted; a currency or a unit is (after a number in `anercorp_lex`: MISC 156 times, a place 9).
/// A place with a preposition (1984 بفرنسا، 8 - 0 بلشبونة) is not the counted noun.
fn after_quantity(seg: &Segment<'_, '_>, p: &PhraseMatch) -> bool {
    let i = p.start;
    if i == 0 || seg.newline_before(i) || p.reading.clitic_chars > u8::from(p.reading.conj) {
        return false;
    }
    let prev = i - 1;
    if seg.tokens.list[prev].kind == TokenKind::Number {
        return true;
    }
    if !seg.is_word(prev) {
        return false;
    }
    let word = seg.tokens.folded(prev);
    // Folding writes Arabic-Indic digits as ASCII ones: a folded word's digits are ASCII bytes.
    debug_assert_eq!(has_ascii_digit(word.as_bytes()), has_digit(word));
    has_ascii_digit(word.as_bytes())
        || is_quantity(word)
        || word.strip_prefix('و').is_some_and(is_quantity)
}

/// Whether `bytes` hold an ASCII digit, read eight bytes at a time: asked of the word before every
/// one-word place, most of them Arabic words of two-byte letters, where a walk byte by byte cost some
/// ten instructions a byte.
fn has_ascii_digit(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::MAX / 255;
    let mut chunks = bytes.chunks_exact(8);
    // A byte of 0x30 to 0x39 among eight (the test "has a byte between" for bounds under 128: a byte
    // of 0x80 or more is never taken).
    let between = |x: u64| {
        let low = x & (ONES * 127);
        ((ONES * (127 + b'9' as u64 + 1)).wrapping_sub(low)
            & !x
            & low.wrapping_add(ONES * (127 - (b'0' as u64 - 1))))
            & (ONES * 128)
            != 0
    };
    chunks.by_ref().any(|c| {
        between(u64::from_le_bytes([
            c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
        ]))
    }) || chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// True when token `i` follows بن، ابن، بنت، ابنة or أبو/أبي/أبا (with و/ف or not) and is not part of
/// a place that starts at the particle (أبو ظبي): there it is a father's name or a kunya (أحمد بن
/// طولون، أبو عدن), not the town.
fn after_name_particle(seg: &Segment<'_, '_>, i: usize) -> bool {
    // The longest of `NAME_PARTICLES`, after و or ف: ignoring longer words costs one comparison. Each of
    // them has ب (D8 A8): a word without it is turned away before it is sliced and stripped (asked of
    // the word before every place, 72,000 times on 10.8 MB of news).
    const LONGEST: usize = "وابنه".len();
    if i == 0 || {
        let before = seg.tokens.folded_bytes(i - 1);
        before.len() > LONGEST || !before.windows(2).any(|pair| pair == [0xD8, 0xA8])
    } {
        return false;
    }
    bare_word_before(seg, i).is_some_and(|bare| NAME_PARTICLES.contains(&bare))
        && seg
            .phrase_of(i - 1, EntryKind::Place)
            .is_none_or(|p| p.end <= i)
}

/// The particles before a father's name or a kunya's (`after_name_particle`), folded, without و or ف.
const NAME_PARTICLES: [&str; 7] = ["بن", "ابن", "بنت", "ابنه", "ابو", "ابي", "ابا"];

/// The demonstratives (هذه، تلك، هؤلاء …), folded, without clitics: all of them function words of
/// `function_words.tsv`, which `after_demonstrative` asks first.
const DEMONSTRATIVES: [&str; 8] = ["هذه", "هذا", "تلك", "ذلك", "هذان", "هاتان", "هؤلاء", "اولئك"];

/// True when a place or organization written with ال follows a demonstrative (هذه الإمارات، تلك الجزيرة،
/// لهذه المنظمة): the word is the common noun the demonstrative points at, not a name. In `anercorp_lex`
/// and `aqmar_train` a word with ال right after a demonstrative is O 917 times and a place once.
fn after_demonstrative(seg: &Segment<'_, '_>, p: &PhraseMatch) -> bool {
    let i = p.start;
    // Asked of every place and organization: the class bit of the word before is read first.
    if i == 0
        || !seg.has(i - 1, EntryKind::Function)
        || seg.newline_before(i)
        || p.reading.clitic_chars != 0
        || !seg.tokens.folded(i).starts_with("ال")
    {
        return false;
    }
    let word = seg.tokens.folded(i - 1);
    let bare = word
        .strip_prefix(['و', 'ف', 'ل', 'ب', 'ك'])
        .filter(|rest| rest.chars().count() >= 3)
        .unwrap_or(word);
    DEMONSTRATIVES.contains(&bare)
}

/// The words that continue a competition's name after بطولة (بطولة كأس، بطولة دوري أبطال، ببطولة أمم).
const COMPETITION_WORDS: [&str; 4] = ["كاس", "امم", "ابطال", "دوري"];

/// True when token `i` ends a competition's name opened by بطولة (بطولة كأس إنجلترا، بطولة دوري أبطال
/// أوروبا، ببطولة أمم آسيا): the place names the competition, which news corpora tag as a whole or
/// not at all, never as the place (`anercorp_lex` and `aqmar_train` have no place there).
fn in_competition(seg: &Segment<'_, '_>, i: usize) -> bool {
    // Asked before every place: the last byte is compared first, and no word is sliced as a str.
    let stem_is = |k: usize, word: &str| {
        seg.tokens.folded_ends_with(k, word)
            && seg.tokens.folded_bytes(k).len() - word.len() <= "وبال".len()
    };
    let mut k = i;
    while k > 0 && i - k < 3 && COMPETITION_WORDS.iter().any(|w| stem_is(k - 1, w)) {
        k -= 1;
    }
    k < i && k > 0 && stem_is(k - 1, "بطوله")
}

/// True when token `i` is a place noun such as مدينة or محافظة, which stands before a name, unlike the
/// country nouns (جمهورية، مملكة) that begin official names.
fn is_generic_place_noun(seg: &Segment<'_, '_>, i: usize) -> bool {
    seg.phrase_of(i, EntryKind::PlaceNoun)
        .is_some_and(|p| seg.index.entry(p.entry).entry.sub() != Some("country"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_particles_have_ba_and_fit_the_length_test() {
        // `after_name_particle` turns away a word before the place without ب or longer than و + ابنه.
        for particle in NAME_PARTICLES {
            assert!(particle.contains('ب'), "{particle}");
            assert!(particle.len() + "و".len() <= "وابنه".len(), "{particle}");
        }
    }

    #[test]
    fn ascii_digits_are_found_in_every_place_of_a_chunk() {
        for len in 0..20 {
            for at in 0..len {
                for fill in [b'a', 0xD9, b'/', b':', 0xFF, 0x00, 0x80] {
                    for digit in b'0'..=b'9' {
                        let mut bytes = vec![fill; len];
                        assert!(!has_ascii_digit(&bytes), "{bytes:?}");
                        bytes[at] = digit;
                        assert!(has_ascii_digit(&bytes), "{bytes:?}");
                    }
                }
            }
        }
        for b in 0..=255u8 {
            assert_eq!(has_ascii_digit(&[b; 8]), b.is_ascii_digit(), "{b}");
            assert_eq!(has_ascii_digit(&[b; 9]), b.is_ascii_digit(), "{b}");
        }
    }

    #[test]
    fn has_digit_reads_ascii_and_arabic_indic_digits() {
        for word in ["و2400", "1984", "٣", "عام٢٠٢٠", "x9"] {
            assert!(has_digit(word), "{word}");
        }
        // U+0661 is D9 A1; U+066A (٪, D9 AA) and U+0670 (D9 B0) are not digits, nor is a letter.
        for word in ["مليون", "٪", "\u{0670}", "عدة", ""] {
            assert!(!has_digit(word), "{word}");
        }
        for word in ["مليون", "و2400", "٣", "٪", "بعض", "x9", "\u{06F3}"] {
            let by_chars = word
                .chars()
                .any(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c));
            assert_eq!(has_digit(word), by_chars, "{word}");
        }
    }

    #[test]
    fn quantities_are_both_lists() {
        for word in QUANTITY_WORDS.iter().chain(&ORDINALS) {
            assert!(is_quantity(word), "{word}");
        }
        assert!(!is_quantity("مدينه") && !is_quantity(""));
    }
}
