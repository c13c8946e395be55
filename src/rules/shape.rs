//! Tests of a folded word's shape, asked by rules of several kinds and by the document pass: verb forms
//! ([`looks_like_verb`], [`looks_like_imperfect`]), participles ([`looks_like_accusative_participle`],
//! [`looks_like_construct_participle`], [`looks_like_plural_participle`],
//! [`looks_like_derived_participle`]), verbal nouns ([`looks_like_masdar`], [`lam_verb_or_masdar`],
//! [`looks_like_derived_masdar`]), broken plurals ([`looks_like_broken_plural`]),
//! pronoun suffixes ([`has_pronoun_suffix`]) and nisba adjectives ([`is_singular_nisba`]). Each reads
//! the word alone, with nothing allocated; none is a rule.

/// True for words shaped like a verb of form X (استفعل): no Arabic name starts so; or like a past verb
/// of form VIII (ارتكب، انتقد، اعتبر): five letters, ا then a root letter then ت, and two root letters
/// that are not long vowels (a foreign name of that length has one: اشتون، استون).
pub(crate) fn looks_like_verb(folded: &str) -> bool {
    // Every shape below starts with ا (not ال: its second letter is no ل) or ت, or ends with ت: most
    // words are turned away by their bytes before their chars are read.
    if folded.starts_with("ال")
        || !(folded.starts_with('ا') || folded.starts_with('ت') || folded.ends_with('ت'))
    {
        return false;
    }
    // Six chars tell five from more; the rules ask this of many words, so nothing is allocated.
    let mut c = ['\0'; 6];
    let mut len = 0;
    for ch in folded.chars().take(c.len()) {
        c[len] = ch;
        len += 1;
    }
    let long_vowel = |ch: &char| matches!(ch, 'ا' | 'و' | 'ي' | 'ه');
    let form_viii = len == 5
        && c[0] == 'ا'
        && c[2] == 'ت'
        && !matches!(c[1], 'ل' | 'ت')
        && !c[3..5].iter().any(long_vowel);
    // A past verb or verbal noun of form V (تمسك، تقدم، تعرض): ت and three root letters, none a long
    // vowel; in `anercorp_lex` and `aqmar_train` 577 words of this shape are O and one is a name, with تش
    // (a transliterated ch: تشنغ).
    let form_v = len == 4 && c[0] == 'ت' && c[1] != 'ش' && !c[1..4].iter().any(long_vowel);
    // A feminine past verb of form III (راقبت، تابعت): five letters, ا second, ت last — 110 O and one name
    // in `anercorp_lex` + `aqmar_train`.
    let form_iii_feminine = len == 5 && c[0] != 'ا' && c[1] == 'ا' && c[4] == 'ت';
    (folded.starts_with("است") && len >= 5) || form_viii || form_v || form_iii_feminine
}

/// True for words ending in the pronouns ـها، ـهم، ـهما (توقعاتها، اعتقلتهم): nouns and verbs, not names.
pub(crate) fn has_pronoun_suffix(folded: &str) -> bool {
    // The endings first: counting the chars costs more than the three comparisons.
    (folded.ends_with("ها") || folded.ends_with("هم") || folded.ends_with("هما"))
        && folded.chars().count() >= 5
}

/// True for ل + an imperfect verb or a تفعيل verbal noun (ليقرر، لتمثيل): a purpose clause, not a name.
pub(super) fn lam_verb_or_masdar(folded: &str) -> bool {
    folded
        .strip_prefix('ل')
        .is_some_and(|rest| looks_like_imperfect(rest) || looks_like_masdar(rest))
}

/// The chars of a word of exactly five chars, read one by one with nothing allocated: the shape tests
/// ask this of many words in a chain.
fn five_chars(folded: &str) -> Option<[char; 5]> {
    let mut c = folded.chars();
    let five = [c.next()?, c.next()?, c.next()?, c.next()?, c.next()?];
    c.next().is_none().then_some(five)
}

/// True for a verbal noun of the pattern تفعيل (تمثيل، تحسين).
pub(crate) fn looks_like_masdar(folded: &str) -> bool {
    // The first letter's bytes before the chars are read.
    if !folded.starts_with('ت') {
        return false;
    }
    let Some([t, r1, r2, ya, _]) = five_chars(folded) else {
        return false;
    };
    // Names of that length with ت have a long vowel second (توفيق، توريس، تيسير).
    let vowel = |ch: char| matches!(ch, 'ا' | 'و' | 'ي');
    t == 'ت' && ya == 'ي' && !vowel(r1) && !vowel(r2)
}

/// True for a verbal noun of form III (مفاعلة: مشاركة) or a verbal noun or past verb of the derived forms VI (تفاعل: تباحث، تبادل; ت, a root letter, ا,
/// two root letters, not تش, a transliterated ch), VII (انفعال: انسحاب) and VIII (افتعال: ارتكاب،
/// اصطدام، ازدحام), the root letters not long vowels. In `anercorp_lex` + `aqmar_train` the form VI shape
/// is O 122 times and never a name; the forms VII and VIII shapes are O 289 times and never a person's
/// name, and with ب or ل before them O 70 times.
pub(crate) fn looks_like_derived_masdar(folded: &str) -> bool {
    // Every shape below starts with ت, م or ا: the first letter's bytes before the chars are read.
    if !(folded.starts_with('ت') || folded.starts_with('م') || folded.starts_with('ا')) {
        return false;
    }
    let vowel = |ch: char| matches!(ch, 'ا' | 'و' | 'ي' | 'ه');
    if let Some([t, r1, alif, r2, r3]) = five_chars(folded) {
        return t == 'ت' && r1 != 'ش' && alif == 'ا' && !vowel(r1) && !vowel(r2) && !vowel(r3);
    }
    let mut c = ['\0'; 7];
    let mut len = 0;
    for ch in folded.chars().take(c.len()) {
        c[len] = ch;
        len += 1;
    }
    // Form III, مفاعلة (مشاركة، مطالبة): O 193 times, a place once (مقاطعة), never a person's name.
    if len == 6 && c[0] == 'م' && c[2] == 'ا' && c[5] == 'ه' && !c[3..5].iter().any(|&ch| vowel(ch))
    {
        return !vowel(c[1]);
    }
    if len != 6 || c[0] != 'ا' || c[4] != 'ا' || vowel(c[5]) {
        return false;
    }
    let form_viii = !matches!(c[1], 'ل') && !vowel(c[1]) && matches!(c[2], 'ت' | 'ط' | 'د');
    let form_vii = c[1] == 'ن' && !vowel(c[2]);
    (form_viii || form_vii) && !vowel(c[3])
}

/// True for a word with ال whose stem is a verbal noun of the forms III, VI, VII or VIII
/// ([`looks_like_derived_masdar`]: المشاركة، التبادل، الانسحاب، الاجتماع). In `anercorp_lex` + `aqmar_train` the
/// shape is O 472 times and inside a MISC four times, never in a person's, organization's or place's name: a
/// given name before it is a noun in the construct state (ختام الاجتماع), not a person.
pub(crate) fn looks_like_definite_derived_masdar(folded: &str) -> bool {
    folded
        .strip_prefix("ال")
        .is_some_and(looks_like_derived_masdar)
}

/// True for a participle of the derived forms V, VI and X (متحمس، مترابط، مستخدم): مت + three root
/// letters, مت + a root letter, ا and two root letters, or مست + three root letters, none a long vowel.
/// In `anercorp_lex` + `aqmar_train` the shape is O 45 times and never a name.
pub(crate) fn looks_like_derived_participle(folded: &str) -> bool {
    let vowel = |ch: char| matches!(ch, 'ا' | 'و' | 'ي' | 'ه');
    let root = |rest: &str, n: usize| rest.chars().count() == n && !rest.chars().any(vowel);
    if let Some(rest) = folded.strip_prefix("مست") {
        return root(rest, 3);
    }
    let Some(rest) = folded.strip_prefix("مت") else {
        return false;
    };
    let mut c = rest.chars();
    root(rest, 3)
        || (rest.chars().count() == 4
            && c.next().is_some_and(|ch| !vowel(ch))
            && c.next() == Some('ا')
            && !c.any(vowel))
}

/// True for unknown words shaped like an imperfect verb (يزور، يتهم، تتواصل): names starting so are in
/// the lexicon.
pub(crate) fn looks_like_imperfect(folded: &str) -> bool {
    // The chars are counted only for a word that starts so.
    let n = || folded.chars().count();
    (folded.starts_with('ي') && n() >= 4) || (folded.starts_with("تت") && n() >= 5)
}

/// True for a verb in the future, س + an imperfect (ستزور، سيطلب، سنواصل), or a past verb in the masculine
/// plural, ending in وا (اندسوا، سيطروا). Transliterated names start with ست and سي too (ستانلي، ستيفن،
/// سيمون، سيروب): with ست the verb has a root letter third, not a long vowel; with سي and سن, three or
/// four letters follow with no long vowel among them (سيطلب، سنعمل; a verb of form VII or VIII: سينتقل،
/// سنعتبر). Asked of words the lexicon does not
/// know, after a name's first word.
pub(crate) fn looks_like_future_or_plural_past(folded: &str) -> bool {
    let Some(rest) = folded.strip_prefix('س') else {
        return folded.ends_with("وا") && folded.chars().count() >= 4;
    };
    let vowel = |ch: char| matches!(ch, 'ا' | 'و' | 'ي');
    let mut c = rest.chars();
    let (prefix, third) = (c.next(), c.next());
    let root = || rest.chars().skip(1);
    let future = match prefix {
        Some('ت') => third.is_some_and(|ch| !vowel(ch)) && rest.chars().count() >= 4,
        Some('ي' | 'ن') => matches!(root().count(), 3 | 4) && !root().any(vowel),
        _ => false,
    };
    future || (folded.ends_with("وا") && folded.chars().count() >= 4)
}

/// True for a broken plural of the pattern مفاعل (متاحف، مناطق، مصادر): five letters, م, a root letter,
/// ا, and two root letters that are not long vowels. In `anercorp_lex` and `aqmar_train` 249 words of
/// this shape are O and the 13 names are all مبارك, which the lexicon knows.
pub(crate) fn looks_like_broken_plural(folded: &str) -> bool {
    // The first letter's bytes before the chars are read.
    if !folded.starts_with('م') {
        return false;
    }
    let Some([m, r1, alif, r2, r3]) = five_chars(folded) else {
        return false;
    };
    let vowel = |ch: char| matches!(ch, 'ا' | 'و' | 'ي' | 'ه');
    m == 'م' && alif == 'ا' && !vowel(r1) && !vowel(r2) && !vowel(r3)
}

/// True for a participle in the accusative, م + a root letter … ا, five letters or more (مؤكدا، متسللا،
/// مشيرا): in `anercorp_lex` + `aqmar_train` 417 such words are O and the names are known (محمدا، مقدونيا).
pub(super) fn looks_like_accusative_participle(folded: &str) -> bool {
    let mut c = folded.chars();
    let (first, second) = (c.next(), c.next());
    first == Some('م')
        && second.is_some_and(|ch| !matches!(ch, 'ا' | 'و' | 'ي'))
        && folded.ends_with('ا')
        && !folded.ends_with("ها")
        && folded.chars().count() >= 5
}

/// True for a masculine plural participle in the construct state, م + a root letter … و (مراقبو، مسؤولو،
/// متمردو), or with the pronoun ـيه (محبيه، منتقديه), five letters or more: names of that shape have a
/// long vowel second (ماركو، ميتسو، ماسيمو، مونييه). In `anercorp_lex` + `aqmar_train` the shape is O 19
/// times and a name once (مليتو).
pub(crate) fn looks_like_construct_participle(folded: &str) -> bool {
    let mut c = folded.chars();
    let (first, second) = (c.next(), c.next());
    first == Some('م')
        && second.is_some_and(|ch| !matches!(ch, 'ا' | 'و' | 'ي'))
        && (folded.ends_with('و') || folded.ends_with("يه"))
        && folded.chars().count() >= 5
}

/// True for a masculine plural participle (مبتهلين، مسؤولين، متخصصين): a chain that reaches one has run
/// past the name.
pub(super) fn looks_like_plural_participle(folded: &str) -> bool {
    folded.starts_with('م') && folded.ends_with("ين") && folded.chars().count() >= 6
}

/// True for a masculine plural participle in the nominative, م + a root letter … ون, six letters or more
/// (مسؤولون، محللون، مراقبون، متمردون): the subject of a speech verb (وقال محللون), not a name. Names of
/// that ending have a long vowel second (مورتون، ميلتون، ماديسون). In `anercorp_lex` + `aqmar_train` the
/// shape is O 29 times and never a name.
pub(super) fn looks_like_nominative_plural_participle(folded: &str) -> bool {
    // Asked of every word of a name chain: the ending's bytes first, which most words fail.
    if !folded.ends_with("ون") || !folded.starts_with('م') {
        return false;
    }
    let mut c = folded.chars().skip(1);
    c.next().is_some_and(|ch| !matches!(ch, 'ا' | 'و' | 'ي')) && folded.chars().nth(5).is_some()
}

/// True for ل or ب + a verbal word (لوضع، لتصنيع، بتمويل، ليقدم، لاطلاق): a preposition before a verbal
/// noun or ل before an imperfect verb, the phrase after a noun (a conference to set …, a plant to make …),
/// not a transliterated name. After either letter a verbal noun of the forms II (تفعيل: تصنيع، تمويل; a
/// long vowel second is left to names: بتوفيق), V, VI, VII and VIII (تمرد، تبادل، انسحاب، اعتداء); after ل
/// also three letters, the last two no long vowel and the first not ي (وضع، دعم، حشد), a verbal noun of
/// form IV (إفعال: اطلاق، اظهار), or an imperfect verb of four to six letters whose second is no long vowel
/// (ليقدم، ليستعيد; ليمبيروبولوس and ليانماو are names). After ب the three-letter and form IV shapes are
/// names as often (برند، بولس، باحماد, بيرد), so they are tested there only `after_name_token`: the one
/// word that would make a name token alone a person (a proposal by X بوقف the fire, a wave of X بحسب the
/// institute; with the harvested lists empty the false person spread by the document pass).
pub(crate) fn preposition_and_verbal_noun(folded: &str, after_name_token: bool) -> bool {
    let Some(rest) = folded
        .strip_prefix('ل')
        .or_else(|| folded.strip_prefix('ب'))
    else {
        return false;
    };
    let vowel = |ch: char| matches!(ch, 'ا' | 'و' | 'ي' | 'ه');
    let mut c = ['\0'; 6];
    let mut len = 0;
    for ch in rest.chars() {
        if len == c.len() {
            len += 1;
            break;
        }
        c[len] = ch;
        len += 1;
    }
    let lam = folded.starts_with('ل') || (after_name_token && folded.starts_with('ب'));
    let triliteral = lam && len == 3 && c[0] != 'ي' && c[0] != 'ا' && !vowel(c[1]) && !vowel(c[2]);
    // تفعيل with any root letters but a long vowel second (تمويل، تقييم; not توفيق)
    let form_ii = len == 5 && c[0] == 'ت' && c[3] == 'ي' && !vowel(c[1]) && c[1] != 'ش';
    let form_iv = lam
        && len == 5
        && c[0] == 'ا'
        && c[3] == 'ا'
        && !vowel(c[1])
        && !vowel(c[2])
        && !vowel(c[4]);
    // ي, a root letter (not a long vowel: ليانماو، ليونيل are names) and two to four more letters
    let imperfect =
        lam && c[0] == 'ي' && !vowel(c[1]) && (4..=6).contains(&len) && looks_like_imperfect(rest);
    triliteral
        || form_ii
        || form_iv
        || imperfect
        || looks_like_verb(rest)
        || looks_like_derived_masdar(rest)
}

/// True for an indefinite participle with م and no long vowel (ممكن، محترم، مكتمل، متصل، مربع): م and
/// three to five letters, none of them ا، و، ي. After a noun it is the noun's adjective (a possible
/// solution, a respected partner), not a family name; transliterated names with م have a long vowel
/// (ماتيو، ميرتس، مورينو), and the Arabic names of the shape (محمد، مصطفى) are given names the lexicon knows.
pub(crate) fn looks_like_indefinite_participle(folded: &str) -> bool {
    let Some(rest) = folded.strip_prefix('م') else {
        return false;
    };
    let n = rest.chars().count();
    (3..=5).contains(&n) && !rest.chars().any(|ch| matches!(ch, 'ا' | 'و' | 'ي' | 'ى'))
}

/// True for a verbal noun in the accusative, three root letters and ا (رفضا، شغفا، نفقا): the object or
/// an adverb after a verb (أبدى شغفا), not a name; a foreign name of four letters ending ا has a long vowel
/// (بيلا، لورا، نورا).
pub(crate) fn looks_like_accusative_masdar(folded: &str) -> bool {
    // The last letter's bytes before the chars are read.
    if !folded.ends_with('ا') {
        return false;
    }
    let mut c = folded.chars();
    let four = [c.next(), c.next(), c.next(), c.next(), c.next()];
    matches!(four, [Some(a), Some(b), Some(d), Some('ا'), None]
        if ![a, b, d].iter().any(|ch| matches!(ch, 'ا' | 'و' | 'ي' | 'ه' | 'ء')))
}

/// A singular nisba adjective (الأمريكي، الأمريكية), not a plural (الأمريكيون، الأمريكيين).
pub(super) fn is_singular_nisba(folded: &str) -> bool {
    folded.ends_with('ي') || folded.ends_with("يه")
}

/// The ordinals from first to eleventh (folded: الأول … العاشر، الحادي), asked by rules of several kinds:
/// a regnal name (لويس السابع، بنديكتوس السادس عشر) and a counted noun (الثاني) that is not a place.
pub(crate) const ORDINALS: [&str; 11] = [
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "الحادي",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_turned_away_by_their_bytes() {
        // The first or last letter read as bytes before the chars (invented words of each shape): the
        // shapes still fire…
        for verb in ["استكتب", "اشتغب", "تلبط", "ساومت"] {
            assert!(looks_like_verb(verb), "{verb}");
        }
        assert!(looks_like_masdar("تقشير") && looks_like_broken_plural("مزاحف"));
        assert!(looks_like_derived_masdar("تناكف") && looks_like_derived_masdar("مزاحمه"));
        assert!(looks_like_derived_masdar("انزلاق") && looks_like_accusative_masdar("نقشا"));
        assert!(looks_like_imperfect("يرقص") && has_pronoun_suffix("دفترها"));
        // … and a word with ال is no verb of these shapes (its second letter is ل), nor are other words.
        for word in ["الاستكتاب", "الاختفاس", "التلبط", "فنجان", "ناصف"]
        {
            assert!(!looks_like_verb(word), "{word}");
        }
    }

    #[test]
    fn derived_masdar_shape() {
        for w in [
            "تباحث",
            "تبادل",
            "انسحاب",
            "ارتكاب",
            "اصطدام",
            "ازدحام",
            "مشاركه",
        ] {
            assert!(looks_like_derived_masdar(w), "{w}");
        }
        for w in [
            "تشافز",
            "توفيق",
            "التزام",
            "ابراهيم",
            "انطوني",
            "اسماعيل",
            "ستيفان",
        ] {
            assert!(!looks_like_derived_masdar(w), "{w}");
        }
    }

    #[test]
    fn preposition_and_verbal_noun_shape() {
        for w in [
            "لوضع",
            "لدعم",
            "لتصنيع",
            "بتمويل",
            "لاطلاق",
            "ليقدم",
            "ليستعيد",
            "لتمرد",
            "بانسحاب",
        ] {
            assert!(preposition_and_verbal_noun(w, false), "{w}");
        }
        for w in [
            "بلير",
            "بيرد",
            "بيرغمان",
            "بتوفيق",
            "ليمبيروبولوس",
            "ليانماو",
            "لوكاشنكو",
            "بوتين",
            "لامبارد",
        ] {
            assert!(!preposition_and_verbal_noun(w, false), "{w}");
        }
        for w in ["بوقف", "بحسب"] {
            assert!(preposition_and_verbal_noun(w, true), "{w}");
        }
    }

    #[test]
    fn accusative_masdar_shape() {
        for w in ["رفضا", "شغفا", "نفقا", "عزما"] {
            assert!(looks_like_accusative_masdar(w), "{w}");
        }
        for w in ["بيلا", "لورا", "نورا", "سولانا", "رضا", "فيرونيكا"]
        {
            assert!(!looks_like_accusative_masdar(w), "{w}");
        }
    }

    #[test]
    fn indefinite_participle_shape() {
        for w in ["ممكن", "محترم", "مكتمل", "متصل", "مربع"] {
            assert!(looks_like_indefinite_participle(w), "{w}");
        }
        for w in ["ماتيو", "ميرتس", "مورينو", "مجهول", "مندليف", "مبارك"]
        {
            assert!(!looks_like_indefinite_participle(w), "{w}");
        }
    }

    #[test]
    fn definite_derived_masdar_shape() {
        for w in ["الاجتماع", "المشاركه", "التبادل", "الانسحاب"] {
            assert!(looks_like_definite_derived_masdar(w), "{w}");
        }
        for w in ["اجتماع", "الاسماعيلي", "التزام", "الامين"] {
            assert!(!looks_like_definite_derived_masdar(w), "{w}");
        }
    }

    #[test]
    fn derived_participle_shape() {
        for w in ["متحمس", "مترابط", "مستخدم"] {
            assert!(looks_like_derived_participle(w), "{w}");
        }
        for w in ["متعب", "متولي", "منصف", "مستوري"] {
            assert!(!looks_like_derived_participle(w), "{w}");
        }
    }

    #[test]
    fn verb_shape() {
        assert!(looks_like_verb("استعرض"));
        assert!(!looks_like_verb("اسامه"));
        assert!(!looks_like_verb("است"));
        assert!(looks_like_verb("تمسك"));
        assert!(!looks_like_verb("تشنغ"));
        assert!(!looks_like_verb("تامر"));
        assert!(looks_like_verb("راقبت"));
        assert!(looks_like_masdar("تدريب"));
        assert!(!looks_like_masdar("توفيق"));
        assert!(!looks_like_verb("اوامت"));
    }

    #[test]
    fn future_and_plural_past_shape() {
        assert!(looks_like_future_or_plural_past("ستزور"));
        assert!(looks_like_future_or_plural_past("سيطروا"));
        assert!(!looks_like_future_or_plural_past("سيف"));
        assert!(!looks_like_future_or_plural_past("سلطان"));
        assert!(!looks_like_future_or_plural_past("ستانلي"));
        assert!(!looks_like_future_or_plural_past("سيمون"));
        assert!(looks_like_future_or_plural_past("سيطلب"));
        assert!(looks_like_future_or_plural_past("سينتقل"));
        assert!(looks_like_future_or_plural_past("سنعتبر"));
        assert!(!looks_like_future_or_plural_past("سيرجيو"));
        assert!(!looks_like_future_or_plural_past("سنكلير"));
    }

    #[test]
    fn construct_participle_shape() {
        assert!(looks_like_construct_participle("مراقبو"));
        assert!(looks_like_construct_participle("محبيه"));
        assert!(!looks_like_construct_participle("مونييه"));
        assert!(looks_like_accusative_participle("متسللا"));
        assert!(!looks_like_accusative_participle("ماريا"));
        assert!(looks_like_construct_participle("مسوولو"));
        assert!(!looks_like_construct_participle("ماركو"));
        assert!(!looks_like_construct_participle("ميتسو"));
    }

    #[test]
    fn nominative_plural_participle_shape() {
        for w in ["مسوولون", "محللون", "مراقبون", "متمردون"] {
            assert!(looks_like_nominative_plural_participle(w), "{w}");
        }
        for w in ["مورتون", "ميلتون", "ماديسون", "محمود"] {
            assert!(!looks_like_nominative_plural_participle(w), "{w}");
        }
    }

    #[test]
    fn broken_plural_shape() {
        assert!(looks_like_broken_plural("متاحف"));
        assert!(looks_like_broken_plural("مخافر"));
        assert!(!looks_like_broken_plural("ماريو"));
        assert!(!looks_like_broken_plural("مسافرون"));
        assert!(!looks_like_broken_plural("ميلان"));
    }
}
