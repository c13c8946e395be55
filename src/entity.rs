//! From a mention to the entity it belongs to.
//!
//! A [`Mention`] records its entity as an index into one of the three entity lists of its [`Document`];
//! [`Document::entity_of`] and the typed `person_of`, `organization_of`, `place_of` look it up, so that a
//! caller need not know which list the index is for.

use crate::document::{Document, Organization, Person, Place};
use crate::mention::{Kind, Mention, Span};

/// The entity a mention belongs to: a person, an organization or a place of the document.
///
/// ```
/// use alam::EntityRef;
/// let doc = alam::Extractor::new().extract("زار الأستاذ محمد عبدالله الحامد مدينة المكلا");
/// for m in doc.mentions() {
///     match doc.entity_of(m) {
///         Some(EntityRef::Person(p)) => assert_eq!(p.name(), "محمد عبدالله الحامد"),
///         Some(EntityRef::Place(p)) => assert_eq!(p.name(), "المكلا"),
///         other => panic!("unexpected {other:?}"),
///     }
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EntityRef<'d> {
    /// A person.
    Person(&'d Person<'d>),
    /// An organization.
    Organization(&'d Organization<'d>),
    /// A place.
    Place(&'d Place<'d>),
}

impl<'d> EntityRef<'d> {
    /// The entity's kind.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("في مدينة المكلا");
    /// let entity = doc.entity_of(&doc.mentions()[0]).unwrap();
    /// assert_eq!(entity.kind(), alam::Kind::Place);
    /// ```
    pub fn kind(&self) -> Kind {
        match self {
            EntityRef::Person(_) => Kind::Person,
            EntityRef::Organization(_) => Kind::Organization,
            EntityRef::Place(_) => Kind::Place,
        }
    }

    /// The entity's name (see [`Person::name`], [`Organization::name`], [`Place::name`]).
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("من عدن إلى المكلا ثم إلى عدن");
    /// let last = doc.mentions().last().unwrap();
    /// assert_eq!(doc.entity_of(last).unwrap().name(), "عدن");
    /// ```
    pub fn name(&self) -> &'d str {
        match self {
            EntityRef::Person(p) => p.name(),
            EntityRef::Organization(o) => o.name(),
            EntityRef::Place(p) => p.name(),
        }
    }

    /// Where the entity is mentioned, in text order.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("من عدن إلى المكلا ثم إلى عدن");
    /// let aden = doc.entity_of(&doc.mentions()[0]).unwrap();
    /// assert_eq!(aden.mentions().len(), 2);
    /// ```
    pub fn mentions(&self) -> &'d [Span] {
        match self {
            EntityRef::Person(p) => p.mentions(),
            EntityRef::Organization(o) => o.mentions(),
            EntityRef::Place(p) => p.mentions(),
        }
    }
}

impl<'t> Document<'t> {
    /// The entity `mention` belongs to, in the list its kind says ([`Document::persons`],
    /// [`Document::organizations`] or [`Document::places`]). `None` when the mention is not one of this
    /// document's (no entity of its kind at its [`Mention::entity`] index is mentioned at its span), or
    /// of a kind this version does not know.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("عقد مؤتمر حضرموت الجامع ندوته في حضرموت");
    /// let org = &doc.mentions()[0];
    /// assert_eq!(doc.entity_of(org).unwrap().name(), "مؤتمر حضرموت الجامع");
    /// // a nested place belongs to the place entity of the later mention too
    /// let nested = &org.nested()[0];
    /// assert_eq!(doc.entity_of(nested), doc.entity_of(&doc.mentions()[1]));
    ///
    /// let other = alam::Extractor::new().extract("زار الرئيس صنعاء");
    /// assert_eq!(doc.entity_of(&other.mentions()[0]), None);
    /// ```
    pub fn entity_of(&self, mention: &Mention<'_>) -> Option<EntityRef<'_>> {
        Some(match mention.kind() {
            Kind::Person => EntityRef::Person(self.person_of(mention)?),
            Kind::Organization => EntityRef::Organization(self.organization_of(mention)?),
            Kind::Place => EntityRef::Place(self.place_of(mention)?),
        })
    }

    /// The person `mention` belongs to: [`Document::entity_of`] for a person's mention, `None` for
    /// another kind.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("قال الدكتور عبدالعزيز سعيد الصيغ في المكلا");
    /// let ms = doc.mentions();
    /// assert_eq!(doc.person_of(&ms[0]).unwrap().title(), Some("الدكتور"));
    /// assert!(doc.person_of(&ms[1]).is_none());
    /// ```
    pub fn person_of(&self, mention: &Mention<'_>) -> Option<&Person<'t>> {
        holding(self.persons(), Kind::Person, mention, Person::mentions)
    }

    /// The organization `mention` belongs to, or `None` (see [`Document::person_of`]).
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("مقر وزارة الصحة العامة والسكان في صنعاء");
    /// let org = doc.organization_of(&doc.mentions()[0]).unwrap();
    /// assert_eq!(org.sub_kind(), Some(alam::SubKind::Ministry));
    /// ```
    pub fn organization_of(&self, mention: &Mention<'_>) -> Option<&Organization<'t>> {
        holding(
            self.organizations(),
            Kind::Organization,
            mention,
            Organization::mentions,
        )
    }

    /// The place `mention` belongs to, or `None` (see [`Document::person_of`]).
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("في محافظة حضرموت");
    /// assert_eq!(doc.place_of(&doc.mentions()[0]).unwrap().country(), Some("YE"));
    /// ```
    pub fn place_of(&self, mention: &Mention<'_>) -> Option<&Place<'t>> {
        holding(self.places(), Kind::Place, mention, Place::mentions)
    }
}

/// The entity of `entities` that `mention` (of kind `kind`) belongs to: the one at its entity index,
/// when that entity is mentioned at its span.
fn holding<'e, E>(
    entities: &'e [E],
    kind: Kind,
    mention: &Mention<'_>,
    spans: impl Fn(&E) -> &[Span],
) -> Option<&'e E> {
    if mention.kind() != kind {
        return None;
    }
    entities
        .get(mention.entity())
        .filter(|e| spans(e).contains(&mention.span()))
}
