//! The one shape of every list response (NL API Design Rules): the items under the collection's
//! name (`personen`, `huishoudens`, `verwerkingen`), then `pagina`, `paginaGrootte`, `totaal`,
//! `totaalBegrensd` and `_links` with `self` and, where they exist, `next` and `prev`. A new list
//! endpoint implements [`Collection`] for its item type and answers with a [`ListEnvelope`]; its
//! OpenAPI schema follows from the same trait, so the document and the answer cannot drift apart.

use std::borrow::Cow;

use serde::Serialize;
use serde::ser::SerializeMap;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, Type};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{PartialSchema, ToSchema};

/// A link (HAL style, as the NL API Design Rules use).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Link {
    /// Het pad van de gelinkte resource, relatief aan de host.
    pub href: String,
}

impl Link {
    pub fn to(href: impl Into<String>) -> Link {
        Link { href: href.into() }
    }
}

/// The links of a page: itself, and the pages next to it when they exist.
#[derive(Debug, Serialize, ToSchema)]
pub struct PaginaLinks {
    #[serde(rename = "self")]
    pub self_: Link,
    /// De volgende pagina; ontbreekt op de laatste pagina.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<Link>,
    /// De vorige pagina; ontbreekt op de eerste pagina.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prev: Option<Link>,
}

/// An item type that is listed: the property its items go under and the schema of its list.
pub trait Collection: Serialize + ToSchema {
    /// Property name of the items, e.g. "personen".
    const ITEMS: &'static str;
    /// Schema name of the list in the OpenAPI document, e.g. "PersoonLijst".
    const LIST_SCHEMA: &'static str;
    /// Description of the list schema (Dutch).
    const LIST_DESCRIPTION: &'static str;
}

/// One page of a collection.
pub struct ListEnvelope<T> {
    pub items: Vec<T>,
    /// Page number, from 1.
    pub pagina: u32,
    pub pagina_grootte: u32,
    /// Counted up to a cap where counting further costs too much (then `totaal_begrensd`).
    pub totaal: i64,
    pub totaal_begrensd: bool,
    pub links: PaginaLinks,
}

impl<T: Collection> Serialize for ListEnvelope<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry(T::ITEMS, &self.items)?;
        m.serialize_entry("pagina", &self.pagina)?;
        m.serialize_entry("paginaGrootte", &self.pagina_grootte)?;
        m.serialize_entry("totaal", &self.totaal)?;
        m.serialize_entry("totaalBegrensd", &self.totaal_begrensd)?;
        m.serialize_entry("_links", &self.links)?;
        m.end()
    }
}

impl<T: Collection> PartialSchema for ListEnvelope<T> {
    fn schema() -> RefOr<Schema> {
        let int = |min: f64, doc: &str| {
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                    utoipa::openapi::KnownFormat::Int64,
                )))
                .minimum(Some(min))
                .description(Some(doc))
        };
        let object = ObjectBuilder::new()
            .description(Some(T::LIST_DESCRIPTION))
            .property(
                T::ITEMS,
                ArrayBuilder::new().items(Ref::from_schema_name(T::name())),
            )
            .required(T::ITEMS)
            .property("pagina", int(1.0, "Het nummer van deze pagina, vanaf 1."))
            .required("pagina")
            .property(
                "paginaGrootte",
                int(1.0, "Het (hoogste) aantal items per pagina."),
            )
            .required("paginaGrootte")
            .property(
                "totaal",
                int(
                    0.0,
                    "Het aantal gevonden items; bij totaalBegrensd = true geteld tot die grens.",
                ),
            )
            .required("totaal")
            .property(
                "totaalBegrensd",
                ObjectBuilder::new()
                    .schema_type(Type::Boolean)
                    .description(Some(
                        "true: er zijn meer items dan totaal; er is niet verder geteld.",
                    )),
            )
            .required("totaalBegrensd")
            .property("_links", Ref::from_schema_name(PaginaLinks::name()))
            .required("_links");
        RefOr::T(object.into())
    }
}

impl<T: Collection> ToSchema for ListEnvelope<T> {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed(T::LIST_SCHEMA)
    }
}

/// A query string with `pagina` (and, where the list takes it, `paginaGrootte`) set and the other
/// parameters kept as sent, for the `_links` of a page.
pub fn page_href(base: &str, keep: &[(&str, String)], pagina: u32, grootte: Option<u32>) -> String {
    let mut pairs: Vec<(&str, String)> = keep
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .cloned()
        .collect();
    pairs.push(("pagina", pagina.to_string()));
    if let Some(per) = grootte {
        pairs.push(("paginaGrootte", per.to_string()));
    }
    let qs = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    format!("{base}?{qs}")
}

/// Offset paging's links: `next` while rows remain after this page, `prev` after the first page.
/// `grootte_param`: whether the list takes `paginaGrootte` (then the links carry it).
pub fn offset_links(
    base: &str,
    keep: &[(&str, String)],
    pagina: u32,
    per: u32,
    grootte_param: bool,
    totaal: i64,
) -> PaginaLinks {
    let grootte = grootte_param.then_some(per);
    let shown = i64::from(pagina).saturating_mul(i64::from(per));
    PaginaLinks {
        self_: Link::to(page_href(base, keep, pagina, grootte)),
        next: (shown < totaal).then(|| Link::to(page_href(base, keep, pagina + 1, grootte))),
        prev: (pagina > 1).then(|| Link::to(page_href(base, keep, pagina - 1, grootte))),
    }
}
