//! Grouping mentions into entities: mentions with one grouping key (their folded words) are one person,
//! organization or place, numbered in order of first mention. A person takes its longest mention's text
//! as its name, and the first title, role and gender found.

use rustc_hash::FxHashMap;

use super::{Document, Organization, Person, Place};
use crate::mention::{Kind, Mention};

/// Room for an entity's first mentions, allocated with the entity: growing an empty list on its first push
/// takes a slower path, for every entity.
const FIRST_MENTIONS: usize = 4;

/// The entity number of each grouping key, a map per kind.
#[derive(Default)]
pub(super) struct EntityIds {
    persons: FxHashMap<String, usize>,
    organizations: FxHashMap<String, usize>,
    places: FxHashMap<String, usize>,
}

/// The entity of mention `m` with grouping key `key`, a new one when the key is new. `name_chars[p]` is
/// the length in chars of person `p`'s name, which the longest of its mentions gives.
pub(super) fn entity_of<'t>(
    doc: &mut Document<'t>,
    ids: &mut EntityIds,
    name_chars: &mut Vec<usize>,
    key: &str,
    m: &Mention<'t>,
) -> usize {
    let (ids, next) = match m.kind {
        Kind::Person => (&mut ids.persons, doc.persons.len()),
        Kind::Organization => (&mut ids.organizations, doc.organizations.len()),
        Kind::Place => (&mut ids.places, doc.places.len()),
    };
    // Looked up by the borrowed key: only a new entity's key is copied into the map.
    let id = match ids.get(key) {
        Some(&id) => id,
        None => {
            ids.insert(key.to_string(), next);
            next
        }
    };
    // The span's chars are the text's: no need to count them.
    let chars = m.span.char_end() - m.span.char_start();
    if id == next {
        match m.kind {
            Kind::Person => {
                name_chars.push(chars);
                doc.persons.push(Person {
                    name: m.text.clone(),
                    title: None,
                    role: None,
                    gender: None,
                    mentions: Vec::with_capacity(FIRST_MENTIONS),
                })
            }
            Kind::Organization => doc.organizations.push(Organization {
                name: m.text.clone(),
                sub_kind: m.sub_kind(),
                mentions: Vec::with_capacity(FIRST_MENTIONS),
            }),
            Kind::Place => doc.places.push(Place {
                name: m.text.clone(),
                sub_kind: m.sub_kind(),
                country: m.country,
                mentions: Vec::with_capacity(FIRST_MENTIONS),
            }),
        }
    }
    match m.kind {
        Kind::Person => {
            let p = &mut doc.persons[id];
            if chars > name_chars[id] {
                name_chars[id] = chars;
                p.name = m.text.clone();
            }
            if p.title.is_none() {
                p.title = m.title_arc().cloned();
            }
            if p.role.is_none() {
                p.role = m.extra.as_ref().and_then(|e| e.role.clone());
            }
            p.gender = p.gender.or(m.gender);
            p.mentions.push(m.span);
        }
        Kind::Organization => doc.organizations[id].mentions.push(m.span),
        Kind::Place => doc.places[id].mentions.push(m.span),
    }
    id
}
