//! The rule that proposes places from their context, the last one [`run`](super::run) calls (places
//! named by the lexicon alone come from [`entries`](super::entries)):
//!
//! 1. `place-noun` ([`place_noun`]): the name after a place noun (مدينة المكلا), and the second name
//!    after a dual one (بلدتي عنبتا وكفرمان).

use super::shape::{
    has_pronoun_suffix, looks_like_definite_derived_masdar, looks_like_imperfect,
    looks_like_indefinite_participle, looks_like_verb,
};
use super::{is_unknown_word, stem_of, Candidate, Origin, Segment, LEXICON, STRONG};
use crate::lexicon::EntryKind;
use crate::mention::Kind;

/// A place after a place noun: `مدينة المكلا`, `محافظة حضرموت`. After a dual noun (مدينتي، بلدتي) the
/// second name, joined by و, is a place too (بلدتي عنبتا وكفرمان). The noun gives its sub-kind to a known
/// name that the lexicon has with that sub-kind (محافظة صنعاء: governorate, while صنعاء alone is a city).
///
/// A name the lexicon does not know goes on over a second such word (مدينة زوتا ميرانكو), unless that word
/// has a number, a verb's or an adjective's shape ([`second_name_word`]). An unknown word that agrees with
/// the noun as its adjective, or that a state's noun takes as its complement, is no name
/// ([`agrees_with_noun`]).
///
/// Fires: مدينة المكلا ; محافظة حضرموت ; بين بلدتي عنبتا وكفرمان ; مدينة زوتا ميرانكو ; مدينة زوتا (وسط
/// البلاد). Does not fire: مدينة كبيرة (a common word) ; مدينة ، ; منطقة الشمال، مدن وسط البلاد (a
/// direction) ; دولة المؤسسات، منطقة الانتشار (a feminine plural or a derived verbal noun with ال) ;
/// مطار دولي، دولة القانون (`agrees_with_noun`).
#[inline(never)]
pub(super) fn place_noun(seg: &Segment<'_, '_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    for &i in triggers.iter().filter(|&&i| i + 1 < seg.len()) {
        if !seg.has(i, EntryKind::PlaceNoun) {
            continue;
        }
        let j = i + 1;
        if seg.newline_before(j) || !seg.is_word(j) || seg.lex[j].conj() {
            continue;
        }
        let end = if let Some(p) = seg
            .phrase_of(j, EntryKind::Place)
            .filter(|p| p.reading.clitic_chars == 0)
        {
            let mut c =
                Candidate::new(Kind::Place, j, p.end, 0, STRONG, Origin::Rule("place-noun"));
            c.attrs = Some(p.entry);
            // محافظة صنعاء is the governorate, مدينة صنعاء the city: the noun says which.
            c.sub_from = seg.phrase_of(i, EntryKind::PlaceNoun).map(|n| n.entry);
            out.push(c);
            p.end
        } else if ((is_unknown_word(seg, j)
            && !describes_noun(seg.tokens.folded(j))
            && !agrees_with_noun(seg, i, j))
            || settlement_name(seg, i, j))
            && seg.lex[j].clitic_chars() == 0
        {
            let k = j + 1;
            let end = if k < seg.len()
                && seg.is_word(k)
                && !seg.newline_before(k)
                && !seg.lex[j].definite()
                && !seg.lex[k].definite()
                && !seg.lex[k].conj()
                && seg.lex[k].clitic_chars() == 0
                && seg.reading(k).clitic_chars == 0
                && is_unknown_word(seg, k)
                && second_name_word(seg.tokens.folded(k))
            {
                k + 1
            } else {
                k
            };
            let mut c = Candidate::new(Kind::Place, j, end, 0, LEXICON, Origin::Rule("place-noun"));
            c.attrs = seg.phrase_of(i, EntryKind::PlaceNoun).map(|p| p.entry);
            out.push(c);
            end
        } else {
            continue;
        };
        if is_dual(seg.tokens.folded(i)) {
            second_place(seg, i, end, out);
        }
    }
}

/// Whether an unknown word after a place noun describes it rather than naming it: an indefinite feminine
/// adjective that agrees with the noun — a nisba (ولاية عثمانية، منطقة سهلية), a participle (مدينة مقدسة،
/// مدن مزدهرة) or a فاعلة (منطقة عازلة، قرية عائمة) — or a verb or a pronoun after it (مدينة يقطنها، دولة
/// تنتمي، منطقة قطرها). A plural people with ال (ending ين) names who rule a state, not a place (دولة
/// الموحدين، دولة الزيانيين). A word of four or five letters starting with ت is the feminine imperfect agreeing
/// with the noun (أول دولة تفوز، دولة تنفصل، بحيرة تنساب); the cost: a foreign name so shaped that no list
/// knows is lost after a place noun (ولاية تنيسي). A masculine participle مفعل/مفاعل (شارع مقفر، مكان مناسب)
/// and a feminine past verb of a derived form starting with ا (العاصمة انتشلت) describe the noun or start
/// the clause too.
fn describes_noun(word: &str) -> bool {
    let n = word.chars().count();
    // a people in the plural with ال names who rule the state, not a place (دولة الموحدين، دولة العباسيين)
    if word.starts_with("ال") && word.ends_with("ين") && n >= 7 {
        return true;
    }
    // a direction is the part of the place the noun is in, not its name (منطقة الشمال، مدن وسط البلاد)
    if is_direction(word) {
        return true;
    }
    // an abstract noun in the genitive: a feminine plural (دولة المؤسسات، منطقة المناورات) or a verbal
    // noun of a derived form (دولة الاستقلال، منطقة الانتشار), with ال
    if word.starts_with("ال")
        && ((word.ends_with("ات") && n >= 7) || looks_like_definite_derived_masdar(word))
    {
        return true;
    }
    // a word with ال takes no pronoun and is no verb (إمارة الرها)
    !word.starts_with("ال")
        && ((word.ends_with('ه')
            && (word.ends_with("يه")
                || (word.starts_with('م') && n >= 5)
                || (word.chars().nth(1) == Some('ا') && (4..=5).contains(&n))))
            || has_pronoun_suffix(word)
            || looks_like_imperfect(word)
            || (word.starts_with('ت') && (4..=5).contains(&n))
            || masculine_participle(word)
            || past_verb_feminine(word))
}

/// Whether a folded word has the shape of a feminine past verb of the derived forms starting with ا (انتشلت،
/// اعلنت، استقبلت: a verb right after the noun starts the clause, the noun stays unnamed): ا, a consonant,
/// and a final ت after a consonant. A name so spelled ends with ات (إيلات) or has a long vowel second.
///
/// Fires: انتشلت ; اعلنت ; استقبلت. Does not fire: ايلات ; الكويت ; اوت.
fn past_verb_feminine(word: &str) -> bool {
    let mut c = word.chars();
    word.chars().count() >= 5
        && c.next() == Some('ا')
        && c.next()
            .is_some_and(|ch| !matches!(ch, 'ا' | 'و' | 'ي' | 'ل'))
        && word.ends_with('ت')
        && !word.ends_with("ات")
        && !word.ends_with("وت")
        && !word.ends_with("يت")
}

/// Whether a folded word has the shape of a masculine participle or noun of place agreeing with a
/// masculine place noun: مفعل of four letters with no long vowel (شارع مقفر; the shape of
/// `looks_like_indefinite_participle`, without ه or ء) or مفاعل of five (مكان مناسب).
///
/// Fires: مقفر ; مناسب ; مبلغ. Does not fire: ميلانو ; مكناس (ا fourth) ; منبيج.
fn masculine_participle(word: &str) -> bool {
    let vowel = |ch: char| matches!(ch, 'ا' | 'و' | 'ي' | 'ه' | 'ء');
    let c: Vec<char> = word.chars().take(6).collect();
    match c.len() {
        4 => looks_like_indefinite_participle(word) && !word.contains(['ه', 'ء']),
        5 => c[0] == 'م' && c[2] == 'ا' && !vowel(c[1]) && !vowel(c[3]) && !vowel(c[4]),
        _ => false,
    }
}

/// Whether the unknown word `j` after the place noun `i` is read with the noun rather than as its name:
///
/// * after a state's noun (دولة، جمهورية، مملكة، سلطنة: `sub=country`), a word with ال: the country lists
///   know every state's name (دولة الكويت), so an unknown word names what the state is built on or who
///   rules it (دولة القانون، مملكة الحيوان، سلطنة الطوارق);
/// * after a masculine singular noun (مطار، ميناء، نهر، حي), an indefinite word of four letters or more
///   written with a final ي: a nisba adjective agreeing with it (مطار دولي، ميناء تجاري); a name so
///   ending is written with ى (نهر بردى) or is in the lists;
/// * an indefinite adjective فعيلة (صغيرة، جديدة) or مفعلة of four letters (مهمة). The cost: a town
///   named by a diminutive (فعيلة) that no list knows is lost after a place noun.
///
/// Fires (the word is not a place): دولة القانون ; مطار دولي ; جزيرة صغيرة ; منطقة مهمة.
/// Does not fire: دولة الكويت (a country) ; نهر بردى ; مدينة هلسنكي (a feminine noun) ; مدينة زوتا.
fn agrees_with_noun(seg: &Segment<'_, '_>, i: usize, j: usize) -> bool {
    let word = seg.tokens.folded(j);
    if word.starts_with("ال") {
        return seg
            .phrase_of(i, EntryKind::PlaceNoun)
            .is_some_and(|p| seg.index.entry(p.entry).entry.sub() == Some("country"));
    }
    let n = word.chars().count();
    let noun = stem_of(seg, i, seg.reading(i).clitic_chars);
    let noun = noun.strip_prefix("ال").unwrap_or(noun);
    let feminine_or_plural = noun.ends_with('ه')
        || noun.ends_with("ات")
        || is_dual(noun)
        || matches!(noun, "مدن" | "قري" | "جزر" | "بلاد");
    (!feminine_or_plural && n >= 4 && seg.last_char(j) == Some('ي'))
        || (word.ends_with('ه')
            && ((n == 5 && word.chars().nth(2) == Some('ي')) || (n == 4 && word.starts_with('م'))))
}

/// Whether an unknown word right after the one-word name of a place noun goes on the name (مدينة نيو
/// أورليانز، شارع يو خوا): Arabic letters only (no number: إمارة الرها 492ه، جزيرة سومطرا و50), not
/// shaped like a describing word, a direction (إقليم هونان وسط البلاد) or a verb ending the name
/// (`describes_noun`), a past verb in the
/// feminine (مدينة قوانغتشو ارتبطت) or a dual or plural (نهر مهروت مصابتين).
fn second_name_word(word: &str) -> bool {
    let n = word.chars().count();
    n >= 2
        && word.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
        && !describes_noun(word)
        && !(n >= 4 && word.ends_with('ت'))
        && !["ين", "ون", "ان"]
            .iter()
            .any(|s| n >= 5 && word.ends_with(s))
}

/// The directions, with ال or without (شمال، الجنوب، وسط), folded.
const DIRECTIONS: [&str; 5] = ["شمال", "جنوب", "شرق", "غرب", "وسط"];

/// Whether a folded word is a direction, with ال or without: after a place noun or its one-word name it
/// says which part of the place is meant (منطقة الشمال، إقليم هونان وسط البلاد), never a word of the name.
fn is_direction(word: &str) -> bool {
    DIRECTIONS.contains(&word.strip_prefix("ال").unwrap_or(word))
}

/// Whether token `j`, a word with ال that is also vocabulary, names the settlement after the indefinite
/// noun `i` of a town, village or quarter (مدينة النور، حي الميدان، بلدة القرارة): such a noun in
/// construct is followed by its name. Not after a city's other nouns (ميناء الحاويات), a dual (مدينتي الكبيرة),
/// a region's (منطقة اليورو، بلاد المهجر) or a plural (قرى الحدود), and not a function word or a trigger.
fn settlement_name(seg: &Segment<'_, '_>, i: usize, j: usize) -> bool {
    let noun = stem_of(seg, i, seg.reading(i).clitic_chars);
    // قرى "villages" is plural: its complement is a region or a noun (قرى الحدود، قرى الجنوب); a dual
    // reads as "my …" before an adjective (مدينتي الكبيرة).
    let settlement = !seg.lex[i].definite()
        && !noun.starts_with("ال")
        && noun != "قري"
        && !is_dual(noun)
        && (noun == "مدينه"
            || seg.phrase_of(i, EntryKind::PlaceNoun).is_some_and(|p| {
                matches!(
                    seg.index.entry(p.entry).entry.sub(),
                    Some("town" | "village" | "subdivision")
                )
            }));
    let word = seg.tokens.folded(j);
    settlement
        && seg.reading(j).clitic_chars == 0
        && word.starts_with("ال")
        && !seg.has(j, EntryKind::Function)
        && !seg.is_trigger(j)
        && !looks_like_verb(word)
        && !has_pronoun_suffix(word)
}

/// Whether a place noun is a dual (مدينتي، بلدتي، مخيمي): it ends in ي, which the singular nouns of
/// `place_nouns.tsv` (and حي) do not.
fn is_dual(folded: &str) -> bool {
    folded.ends_with('ي') && folded.chars().count() > 3
}

/// The second name after a dual place noun: the word right after the first, written with و, that the
/// lexicon knows as a place or does not know at all (بلدتي عنبتا وكفرمان).
fn second_place(seg: &Segment<'_, '_>, noun: usize, k: usize, out: &mut Vec<Candidate>) {
    if k >= seg.len() || !seg.is_word(k) || seg.newline_before(k) || !seg.lex[k].conj() {
        return;
    }
    let (end, attrs) = match seg
        .phrase_of(k, EntryKind::Place)
        .filter(|p| p.reading.clitic_chars == 1)
    {
        Some(p) => (p.end, Some(p.entry)),
        None if is_unknown_word(seg, k) && !has_pronoun_suffix(seg.tokens.folded(k)) => (
            k + 1,
            seg.phrase_of(noun, EntryKind::PlaceNoun).map(|p| p.entry),
        ),
        None => return,
    };
    let mut c = Candidate::new(Kind::Place, k, end, 1, LEXICON, Origin::Rule("place-noun"));
    c.attrs = attrs;
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::{masculine_participle, past_verb_feminine};

    #[test]
    fn participles_and_derived_past_verbs_have_their_shapes() {
        for w in ["مقفر", "مناسب", "مبلغ"] {
            assert!(masculine_participle(w), "{w}");
        }
        for w in ["ميلانو", "مكناس", "منبيج", "ماري"] {
            assert!(!masculine_participle(w), "{w}");
        }
        for w in ["انتشلت", "اعلنت", "استقبلت"] {
            assert!(past_verb_feminine(w), "{w}");
        }
        for w in ["ايلات", "الكويت", "اوت", "ازميت"] {
            assert!(!past_verb_feminine(w), "{w}");
        }
    }
}
