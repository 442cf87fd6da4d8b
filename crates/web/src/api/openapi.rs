//! The OpenAPI 3 document, generated from the handlers' annotations (snapshot-tested).

use axum::Json;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::households::{dto as hh, handlers as hh_handlers};
use super::persons::{create, dto, get, list, update, verwerkingen};
use super::problem::{InvalidParam, Problem};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Wegwijs API",
        version = "1.0.0",
        description = "Regie op inburgering en participatie (Wet inburgering 2021). Alle lees- en schrijfacties op persoonsgegevens worden vastgelegd in het verwerkingenlog.",
        contact(name = "Wegwijs ontwikkelteam", email = "ontwikkelaars@wegwijs.example", url = "https://wegwijs.example"),
        license(name = "EUPL-1.2", identifier = "EUPL-1.2"),
    ),
    servers((url = "/", description = "Deze installatie")),
    paths(
        list::list_personen, create::create_persoon, get::get_persoon, update::update_persoon,
        verwerkingen::list_verwerkingen,
        hh_handlers::list_huishoudens, hh_handlers::create_huishouden, hh_handlers::get_huishouden, hh_handlers::update_huishouden,
    ),
    components(schemas(
        Problem, InvalidParam, dto::Persoon, dto::PersoonGegevens, dto::PersoonInvoer, dto::PersoonLijst,
        dto::PersoonSamenvatting, dto::Link, dto::PersoonLinks, dto::PaginaLinks, dto::SelfLink,
        verwerkingen::Verwerking, hh::Huishouden, hh::Huishoudlid, hh::HuishoudenInvoer, hh::HuishoudlidInvoer,
        hh::HuishoudenLijst, hh::HuishoudenSamenvatting, hh::LidLinks,
    )),
    modifiers(&BearerAuth),
    tags(
        (name = "personen", description = "Inburgeraars en hun gegevens"),
        (name = "huishoudens", description = "Huishoudens en gezinsleden"),
        (name = "verwerkingen", description = "Het verwerkingenlog (Logboek Dataverwerkingen)"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "apiKey",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(document())
}
