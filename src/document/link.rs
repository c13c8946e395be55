//! Linking shorter mentions to the full name written before them, whichever rule found each: a person's
//! family name alone (وقال باوزير after المهندس عبدالله أحمد باوزير), or its given name after a title
//! (المهندس عبدالله), joins that person and takes its title and gender; an organization's name cut short
//! after its first words (جامعة المكلا after جامعة المكلا للعلوم والتقنية) joins that organization. A
//! short form that two full names share stands for neither.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::{Found, Keys};
use crate::mention::{Gender, Kind, Source};

/// What is known of a person by the mentions of its key read so far.
#[derive(Default)]
struct Known {
    title: Option<Arc<str>>,
    gender: Option<Gender>,
}

/// Links the mentions of `mentions` (in text order) to the full names before them: a linked mention takes
/// the full name's grouping key, and a person's mention without a title or gender takes those of the
/// mentions of its person before it.
pub(crate) fn link<'t>(mentions: &mut [Found<'t>], keys: &mut Keys<'t>) {
    // A short form → the key of the one full name it stands for so far, `None` once two do.
    let mut family: FxHashMap<String, Option<String>> = FxHashMap::default();
    let mut given: FxHashMap<String, Option<String>> = FxHashMap::default();
    let mut org_prefix: FxHashMap<String, Option<String>> = FxHashMap::default();
    let mut known: FxHashMap<String, Known> = FxHashMap::default();
    for f in mentions.iter_mut() {
        match f.mention.kind {
            Kind::Person => link_person(f, keys, &mut family, &mut given, &mut known),
            Kind::Organization => link_organization(f, keys, &mut org_prefix),
            Kind::Place => {}
        }
    }
}

fn link_person<'t>(
    f: &mut Found<'t>,
    keys: &mut Keys<'t>,
    family: &mut FxHashMap<String, Option<String>>,
    given: &mut FxHashMap<String, Option<String>>,
    known: &mut FxHashMap<String, Known>,
) {
    let key = f.key(keys);
    // The first and last words of a name of two words or more: found by bytes (a space is one byte
    // in UTF-8), cheaper than a char search in these short keys.
    let bytes = key.as_bytes();
    let first_space = bytes.iter().position(|&b| b == b' ');
    let last_space = bytes.iter().rposition(|&b| b == b' ');
    if let (Some(at_first), Some(at_last)) = (first_space, last_space) {
        // A name read before (it is in `known`) was remembered then, and remembering it again changes
        // nothing (see `remember`).
        if !known.contains_key(key) {
            let (first, last) = (&key[..at_first], &key[at_last + 1..]);
            remember(family, last, key, same_person);
            remember(given, first, key, same_person);
        }
    } else {
        // A family name alone; a given name only after a title (محمد alone is anyone).
        let full = family
            .get(key)
            .or_else(|| f.title(keys).is_some().then(|| given.get(key)).flatten())
            .and_then(Option::as_deref);
        let theirs = full.and_then(|full| known.get(full)).and_then(|k| k.gender);
        let agrees = f.mention.gender.is_none() || theirs.is_none() || theirs == f.mention.gender;
        if let Some(full) = full.filter(|_| agrees) {
            let full = full.to_string();
            f.set_key(&full, keys);
        }
    }
    let k = match known.get_mut(f.key(keys)) {
        Some(k) => k,
        None => known.entry(f.key(keys).to_string()).or_default(),
    };
    match (f.title_arc(keys), &k.title) {
        (None, Some(title)) => f.extra_mut(keys).title = Some(Arc::clone(title)),
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
    keys: &mut Keys,
    prefix: &mut FxHashMap<String, Option<String>>,
) {
    let key = f.key(keys);
    // A name the lexicon knows is a name of its own (الاتحاد الأوروبي, not الاتحاد الأوروبي لكرة القدم).
    let own_name = matches!(f.source(keys), Source::Lexicon { .. });
    if let Some(Some(full)) = prefix.get(key).filter(|_| !own_name) {
        let full = full.clone();
        f.set_key(&full, keys);
        return;
    }
    // Each cut of two words or more, the whole name but its last word at most.
    // Spaces found by bytes (one byte in UTF-8), and no list of them made.
    let spaces = key.bytes().enumerate().filter(|&(_, b)| b == b' ');
    for (at, _) in spaces.skip(1) {
        remember(prefix, &key[..at], key, |a, b| a == b);
    }
}

/// Records that `short` stands for the full name `key`, unless it stands for another already. Doing it
/// twice for one `key` and `short` changes nothing: the first time left `short` standing for `key`, for a
/// name that `same` finds the same, or for none, and a name it stands for is only ever dropped.
fn remember(
    map: &mut FxHashMap<String, Option<String>>,
    short: &str,
    key: &str,
    same: impl Fn(&str, &str) -> bool,
) {
    match map.get_mut(short) {
        Some(who) => {
            if who.as_deref().is_some_and(|w| !same(w, key)) {
                *who = None;
            }
        }
        None => {
            map.insert(short.to_string(), Some(key.to_string()));
        }
    }
}

/// Whether two full names are one person's: the words of the shorter are all words of the longer
/// (محمد باوزير ; محمد أحمد باوزير).
fn same_person(a: &str, b: &str) -> bool {
    // A name is its own person (most keys are remembered again by a later mention of the same name).
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.split(' ').all(|w| long.split(' ').any(|l| l == w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembering_a_name_twice_changes_nothing() {
        let mut map = FxHashMap::default();
        remember(&mut map, "qz", "qa qz", same_person);
        remember(&mut map, "qz", "qa qb qz", same_person);
        let once = map.clone();
        remember(&mut map, "qz", "qa qz", same_person);
        assert_eq!(map, once);
        remember(&mut map, "qz", "qk qz", same_person);
        assert_eq!(map["qz"], None);
        let once = map.clone();
        remember(&mut map, "qz", "qa qz", same_person);
        assert_eq!(map, once);
    }
}
