//! Linking shorter mentions to the full name written before them, whichever rule found each: a person's
//! family name alone (وقال باوزير after المهندس عبدالله أحمد باوزير), or its given name after a title
//! (المهندس عبدالله), joins that person and takes its title and gender; an organization's name cut short
//! after its first words (جامعة المكلا after جامعة المكلا للعلوم والتقنية) joins that organization. A
//! short form that two full names share stands for neither.

use std::sync::Arc;

use super::{Found, KeyNumbers};
use crate::mention::{Gender, Kind, Side, Source};

/// What is known of a person by the mentions of its key read so far.
#[derive(Clone)]
struct Known {
    title: Option<Arc<str>>,
    gender: Option<Gender>,
    /// Whether the key has two words or more (a space), so that a key read before is not searched
    /// for spaces again.
    several_words: bool,
}

/// Short forms by their key's number (see [`KeyNumbers`]): the number of the one full name each stands
/// for so far, `Some(None)` once two do, `None` while none does.
type Shorts = Vec<Option<Option<u32>>>;

/// Links the mentions of `mentions` (in text order, each tagged with its key's number in `numbers`) to
/// the full names before them: a linked mention takes the full name's key, and a person's mention
/// without a title or gender takes those of the mentions of its person before it. `side` is the table
/// of the mentions' sources and extra parts.
///
/// What is known of a key is in lists indexed by its number. A short form that no mention has as its
/// key is never looked up, so it is not remembered.
pub(crate) fn link<'t>(mentions: &mut [Found<'t>], numbers: &KeyNumbers<'_>, side: &mut Side<'t>) {
    let n = numbers.len();
    let mut family: Shorts = vec![None; n];
    let mut given: Shorts = vec![None; n];
    let mut org_prefix: Shorts = vec![None; n];
    // Whether a person's key was read before (and so its short forms remembered), and what is known of it.
    let mut known: Vec<Option<Known>> = vec![None; n];
    // Whether an organization's key was cut into its short forms before.
    let mut cut = vec![false; n];
    for f in mentions.iter_mut() {
        match f.mention.kind {
            Kind::Person => link_person(f, numbers, side, (&mut family, &mut given), &mut known),
            Kind::Organization => link_organization(f, numbers, side, &mut org_prefix, &mut cut),
            Kind::Place => {}
        }
    }
}

fn link_person<'t>(
    f: &mut Found<'t>,
    numbers: &KeyNumbers<'_>,
    side: &mut Side<'t>,
    (family, given): (&mut Shorts, &mut Shorts),
    known: &mut [Option<Known>],
) {
    let key = f.mention.tag;
    let several = match &known[key as usize] {
        Some(k) => k.several_words,
        None => several_words(numbers.key(key)),
    };
    if several {
        // A name read before (it is in `known`) was remembered then, and remembering it again changes
        // nothing (see `remember`).
        if known[key as usize].is_none() {
            // The first and last words: found by bytes (a space is one byte in UTF-8), cheaper than a
            // char search in these short keys.
            let name = numbers.key(key);
            let bytes = name.as_bytes();
            let at_first = bytes.iter().position(|&b| b == b' ').unwrap_or_default();
            let at_last = bytes.iter().rposition(|&b| b == b' ').unwrap_or_default();
            let (first, last) = (&name[..at_first], &name[at_last + 1..]);
            let same = |a, b| same_person(numbers, a, b);
            remember(family, numbers.get(last), key, same);
            remember(given, numbers.get(first), key, same);
        }
    } else {
        // A family name alone; a given name only after a title (محمد alone is anyone).
        let full = match family[key as usize] {
            Some(full) => full,
            None if f.mention.title_arc(side).is_some() => given[key as usize].flatten(),
            None => None,
        };
        let theirs = full
            .and_then(|full| known[full as usize].as_ref())
            .and_then(|k| k.gender);
        let gender = f.mention.gender;
        let agrees = gender.is_none() || theirs.is_none() || theirs == gender;
        if let Some(full) = full.filter(|_| agrees) {
            f.mention.tag = full;
        }
    }
    let key = f.mention.tag;
    let k = known[key as usize].get_or_insert_with(|| Known {
        title: None,
        gender: None,
        several_words: several_words(numbers.key(key)),
    });
    match (f.mention.title_arc(side), &k.title) {
        (None, Some(title)) => f.mention.extra_mut(side).title = Some(Arc::clone(title)),
        (Some(title), None) => k.title = Some(Arc::clone(title)),
        _ => {}
    }
    let m = &mut f.mention;
    if m.gender.is_none() {
        m.gender = k.gender;
    }
    k.gender = k.gender.or(m.gender);
}

fn link_organization(
    f: &mut Found<'_>,
    numbers: &KeyNumbers<'_>,
    side: &Side<'_>,
    prefix: &mut Shorts,
    cut: &mut [bool],
) {
    let key = f.mention.tag;
    // A name the lexicon knows is a name of its own (الاتحاد الأوروبي, not الاتحاد الأوروبي لكرة القدم).
    let own_name = matches!(f.mention.source(side), Source::Lexicon { .. });
    if let Some(Some(full)) = prefix[key as usize].filter(|_| !own_name) {
        f.mention.tag = full;
        return;
    }
    // Cut once a key: cutting it again would remember nothing new (see `remember`).
    if std::mem::replace(&mut cut[key as usize], true) {
        return;
    }
    // Each cut of two words or more, the whole name but its last word at most.
    // Spaces found by bytes (one byte in UTF-8), and no list of them made.
    let name = numbers.key(key);
    let spaces = name.bytes().enumerate().filter(|&(_, b)| b == b' ');
    for (at, _) in spaces.skip(1) {
        remember(prefix, numbers.get(&name[..at]), key, |a, b| a == b);
    }
}

/// Whether `key` has two words or more.
fn several_words(key: &str) -> bool {
    key.as_bytes().contains(&b' ')
}

/// Records that the short form numbered `short` stands for the full name numbered `key`, unless it
/// stands for another already. Doing it twice for one `key` and `short` changes nothing: the first time
/// left `short` standing for `key`, for a name that `same` finds the same, or for none, and a name it
/// stands for is only ever dropped. A short form that is no mention's key (`short` is `None`) is not
/// remembered: only a mention's key is looked up.
fn remember(shorts: &mut Shorts, short: Option<u32>, key: u32, same: impl Fn(u32, u32) -> bool) {
    let Some(short) = short else {
        return;
    };
    match &mut shorts[short as usize] {
        Some(who) => {
            if who.is_some_and(|w| !same(w, key)) {
                *who = None;
            }
        }
        none => *none = Some(Some(key)),
    }
}

/// Whether the full names numbered `a` and `b` are one person's: the words of the shorter are all words
/// of the longer (محمد باوزير ; محمد أحمد باوزير).
fn same_person(numbers: &KeyNumbers<'_>, a: u32, b: u32) -> bool {
    // A name is its own person (most keys are remembered again by a later mention of the same name).
    if a == b {
        return true;
    }
    let (a, b) = (numbers.key(a), numbers.key(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.split(' ').all(|w| long.split(' ').any(|l| l == w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembering_a_name_twice_changes_nothing() {
        let mut numbers = KeyNumbers::default();
        let [qz, a, b, k] = ["qz", "qa qz", "qa qb qz", "qk qz"].map(|key| numbers.number(key));
        let same = |x, y| same_person(&numbers, x, y);
        let mut shorts: Shorts = vec![None; numbers.len()];
        remember(&mut shorts, Some(qz), a, same);
        remember(&mut shorts, Some(qz), b, same);
        assert_eq!(shorts[qz as usize], Some(Some(a)));
        let once = shorts.clone();
        remember(&mut shorts, Some(qz), a, same);
        assert_eq!(shorts, once);
        remember(&mut shorts, Some(qz), k, same);
        assert_eq!(shorts[qz as usize], Some(None));
        let once = shorts.clone();
        remember(&mut shorts, Some(qz), a, same);
        assert_eq!(shorts, once);
        // A short form that no mention has as its key is not kept.
        remember(&mut shorts, None, a, same);
        assert_eq!(shorts, once);
    }
}
