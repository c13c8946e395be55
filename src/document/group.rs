//! Grouping mentions into entities: mentions with one grouping key (their folded words) are one person,
//! organization or place, numbered in order of first mention. A person takes its longest mention's text
//! as its name, and the first title, role and gender found.

use rustc_hash::FxHashMap;

use super::{Document, Organization, Person, Place, Spans};
use crate::mention::{Kind, Mention, Span};

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
                    mentions: Spans::default(),
                })
            }
            Kind::Organization => doc.organizations.push(Organization {
                name: m.text.to_cow(),
                sub_kind: m.sub_kind(),
                mentions: Spans::default(),
            }),
            Kind::Place => doc.places.push(Place {
                name: m.text.to_cow(),
                sub_kind: m.sub_kind(),
                country: m.country_code(),
                mentions: Spans::default(),
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
pub(super) fn gather_mentions(doc: &Document<'_>) {
    let (persons, organizations) = (doc.persons.len(), doc.organizations.len());
    // Each entity's place in one list of lists: persons, then organizations, then places.
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
    let mut lists: Vec<Vec<Span>> = counts
        .iter()
        .map(|&n| Vec::with_capacity(n as usize))
        .collect();
    drop(counts);
    for m in &doc.mentions {
        lists[slot(m)].push(m.span);
        for n in m.nested() {
            lists[slot(n)].push(n.span);
        }
    }
    let spans = doc
        .persons
        .iter()
        .map(|p| &p.mentions)
        .chain(doc.organizations.iter().map(|o| &o.mentions))
        .chain(doc.places.iter().map(|p| &p.mentions));
    for (spans, list) in spans.zip(lists) {
        // Set once: `Document::gather` calls this once, and a read document's are set already.
        let _ = spans.0.set(list);
    }
}
