//! Grouping mentions into entities: mentions with one grouping key (their folded words) are one person,
//! organization or place, numbered in order of first mention. A person takes its longest mention's text
//! as its name, and the first title, role and gender found.

use rustc_hash::FxHashMap;

use super::{Document, Organization, Person, Place};
use crate::mention::{Kind, Mention};

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
                    name: m.text.to_cow(),
                    title: None,
                    role: None,
                    gender: None,
                    mentions: Vec::new(),
                })
            }
            Kind::Organization => doc.organizations.push(Organization {
                name: m.text.to_cow(),
                sub_kind: m.sub_kind(),
                mentions: Vec::new(),
            }),
            Kind::Place => doc.places.push(Place {
                name: m.text.to_cow(),
                sub_kind: m.sub_kind(),
                country: m.country_code(),
                mentions: Vec::new(),
            }),
        }
    }
    match m.kind {
        Kind::Person => {
            let p = &mut doc.persons[id];
            if chars > name_chars[id] {
                name_chars[id] = chars;
                p.name = m.text.to_cow();
            }
            if p.title.is_none() {
                p.title = m.title_arc().cloned();
            }
            if p.role.is_none() {
                p.role = m.extra.as_ref().and_then(|e| e.role().cloned());
            }
            p.gender = p.gender.or(m.gender);
        }
        Kind::Organization | Kind::Place => {}
    }
    id
}

/// Gives each entity the spans of its mentions once every mention is numbered ([`entity_of`]), in the
/// order of the document's mentions, each nested place after the mention it is nested in. Each entity's
/// list is allocated once at its length: pushed as the mentions were numbered, the lists of the
/// entities named often grew (and were copied) several times.
pub(super) fn gather_mentions(doc: &mut Document<'_>) {
    let (persons, organizations) = (doc.persons.len(), doc.organizations.len());
    // Each entity's place in one list of counts: persons, then organizations, then places.
    let slot = |m: &Mention<'_>| {
        m.entity as usize
            + match m.kind {
                Kind::Person => 0,
                Kind::Organization => persons,
                Kind::Place => persons + organizations,
            }
    };
    let mut counts = vec![0u32; persons + organizations + doc.places.len()];
    for m in &doc.mentions {
        counts[slot(m)] += 1;
        for n in m.nested() {
            counts[slot(n)] += 1;
        }
    }
    let (of_persons, rest) = counts.split_at(persons);
    let (of_organizations, of_places) = rest.split_at(organizations);
    for (p, &n) in doc.persons.iter_mut().zip(of_persons) {
        p.mentions.reserve_exact(n as usize);
    }
    for (o, &n) in doc.organizations.iter_mut().zip(of_organizations) {
        o.mentions.reserve_exact(n as usize);
    }
    for (p, &n) in doc.places.iter_mut().zip(of_places) {
        p.mentions.reserve_exact(n as usize);
    }
    let mut push = |m: &Mention<'_>| {
        let spans = match m.kind {
            Kind::Person => &mut doc.persons[m.entity as usize].mentions,
            Kind::Organization => &mut doc.organizations[m.entity as usize].mentions,
            Kind::Place => &mut doc.places[m.entity as usize].mentions,
        };
        spans.push(m.span);
    };
    for m in &doc.mentions {
        push(m);
        for n in m.nested() {
            push(n);
        }
    }
}
