//! Grouping mentions into entities: mentions with one grouping key (their folded words) are one person,
//! organization or place, numbered in order of first mention. A person takes its longest mention's text
//! as its name, and the first title, role and gender found.

use super::{Document, Organization, Person, Place, Spans};
use crate::mention::{Kind, Mention, Span};

/// The entity number of each grouping key by the key's number (see `KeyNumbers`), a list per kind.
#[derive(Default)]
pub(super) struct EntityIds {
    persons: Vec<u32>,
    organizations: Vec<u32>,
    places: Vec<u32>,
}

/// What [`EntityIds`] holds for a key without an entity of a kind.
const NO_ENTITY: u32 = u32::MAX;

impl EntityIds {
    /// Room for keys numbered below `keys` (a key numbered above is given room when it comes).
    pub(super) fn for_keys(keys: usize) -> EntityIds {
        EntityIds {
            persons: vec![NO_ENTITY; keys],
            organizations: vec![NO_ENTITY; keys],
            places: vec![NO_ENTITY; keys],
        }
    }

    /// The entity number of kind `kind` and key number `key`, [`NO_ENTITY`] if it has none yet.
    fn slot(&mut self, kind: Kind, key: u32) -> &mut u32 {
        let list = match kind {
            Kind::Person => &mut self.persons,
            Kind::Organization => &mut self.organizations,
            Kind::Place => &mut self.places,
        };
        let key = key as usize;
        if key >= list.len() {
            list.resize(key + 1, NO_ENTITY);
        }
        &mut list[key]
    }
}

/// The entity of mention `m` whose grouping key is numbered `key`, a new one when the key is new.
/// `name_chars[p]` is the length in chars of person `p`'s name, which the longest of its mentions gives.
pub(super) fn entity_of<'t>(
    doc: &mut Document<'t>,
    ids: &mut EntityIds,
    name_chars: &mut Vec<usize>,
    key: u32,
    m: &Mention<'t>,
) -> usize {
    let next = match m.kind {
        Kind::Person => doc.persons.len(),
        Kind::Organization => doc.organizations.len(),
        Kind::Place => doc.places.len(),
    };
    let slot = ids.slot(m.kind, key);
    if *slot == NO_ENTITY {
        *slot = u32::try_from(next).expect("fewer entities than bytes of text");
    }
    let id = *slot as usize;
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
