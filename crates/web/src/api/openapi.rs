//! The OpenAPI 3 document, generated from the handlers' annotations (snapshot-tested). The paths are
//! relative to the server URL `/api/v1` (major version in the URL, NL API Design Rules). What every
//! operation shares is added in one place ([`DesignRules`]): the `API-Version` header on every
//! response, the error answers every operation can give, `ETag`/`Location` on the records.

use axum::Json;
use utoipa::openapi::content::Content;
use utoipa::openapi::header::Header;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::response::Response;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{Modify, OpenApi};

use super::envelope::{Link, PaginaLinks};
use super::households::{dto as hh, handlers as hh_handlers};
use super::intake::{dto as bi, handlers as bi_handlers};
use super::koppeling::{dto as kp, handlers as kp_handlers};
use super::persons::{create, dto, get, list, regisseur, update, verwerkingen};
// The inburgering trajectory: PIP (issue 7).
use super::pips::{dto as pip_dto, handlers as pip_h, problem as pip_problem, writes as pip_w};
use super::problem::{InvalidParam, Problem};
use super::progress::{
    afronding as pg_afronding, dto as pg, gesprekken as pg_gesprekken, registraties as pg_reg,
    termijnen as pg_termijnen,
}; // progress slice
// Taakstelling (issue 7).
use super::taakstellingen as ts;
// Chain partners (issue 8).
use super::partners::{dto as kpd, uitvoering as kp_u, verwijzingen as kp_v};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Wegwijs API",
        version = "1.0.0",
        description = "Regie op inburgering en participatie (Wet inburgering 2021). Alle lees- en schrijfacties op persoonsgegevens worden vastgelegd in het verwerkingenlog. Fouten zijn application/problem+json (RFC 9457) met per veld invalidParams; onbekende queryparameters en onbekende velden worden geweigerd.",
        contact(name = "Wegwijs ontwikkelteam", email = "ontwikkelaars@wegwijs.example", url = "https://wegwijs.example"),
        license(name = "EUPL-1.2", identifier = "EUPL-1.2"),
    ),
    servers((url = "/api/v1", description = "Deze installatie, versie 1 van de API")),
    paths(
        list::list_personen, create::create_persoon, get::get_persoon, update::update_persoon,
        regisseur::assign_regisseur, verwerkingen::list_verwerkingen,
        hh_handlers::list_huishoudens, hh_handlers::create_huishouden, hh_handlers::get_huishouden, hh_handlers::update_huishouden,
        // progress slice
        pg_termijnen::get_termijnen, pg_termijnen::post_verlenging,
        pg_gesprekken::list_gesprekken, pg_gesprekken::create_gesprek, pg_gesprekken::update_gesprek,
        pg_reg::list_examens, pg_reg::create_examen, pg_reg::list_uren, pg_reg::create_uren,
        pg_reg::list_besluiten, pg_reg::create_besluit, pg_afronding::get_afronding, pg_afronding::put_afronding,
        // Werkvoorraad (issue 7).
        super::werkvoorraad::get_werkvoorraad,
        // The inburgering trajectory: PIP (issue 7).
        pip_h::list_pips, pip_w::create_pip, pip_h::get_pip, pip_w::update_pip, pip_w::decide_pip, pip_w::withdraw_pip,
        pip_h::get_beschikking, pip_h::get_verschillen, pip_w::create_rechtsmiddel,
        // koppeling (issue 7)
        kp_handlers::get_koppeling, kp_handlers::put_koppeling,
        // The brede intake (issue 7, intake slice).
        bi_handlers::get_intake, bi_handlers::post_gesprek, bi_handlers::put_sectie, bi_handlers::get_versies,
        bi_handlers::post_afronding,
        // Taakstelling (issue 7).
        ts::list_taakstellingen, ts::put_taakstelling,
        // Chain partners (issue 8).
        kp_v::list_aanbod, kp_v::list_verwijzingen, kp_v::get_verwijzing, kp_v::create_verwijzing,
        kp_v::post_overgang, kp_v::put_medewerker, kp_v::list_aanwezigheid, kp_v::post_aanwezigheid,
        kp_u::list_contactmomenten, kp_u::create_contactmoment, kp_u::list_metingen, kp_u::create_meting,
        kp_u::list_urenregistraties, kp_u::create_urenregistratie, kp_u::list_plaatsingen, kp_u::create_plaatsing,
        kp_u::list_handhaving, kp_u::create_handhaving,
    ),
    components(schemas(
        Problem, InvalidParam, dto::Persoon, dto::PersoonGegevens, dto::PersoonInvoer, dto::PersoonWijziging, dto::PersoonLijst,
        dto::PersoonSamenvatting, Link, dto::PersoonLinks, PaginaLinks, dto::SelfLink,
        regisseur::RegisseurToewijzing, verwerkingen::Verwerking, verwerkingen::VerwerkingLijst,
        hh::Huishouden, hh::Huishoudlid, hh::HuishoudenInvoer, hh::HuishoudlidInvoer,
        hh::HuishoudenLijst, hh::HuishoudenSamenvatting, hh::LidLinks,
        // progress slice
        pg::Termijn, pg::TermijnVerlenging, pg::Termijnen, pg::VerlengingInvoer, pg::DoelVoortgang,
        pg::Voortgangsgesprek, pg::GesprekLinks, pg::Voortgangsgesprekken, pg::GesprekInvoer, pg::GesprekWijziging,
        pg::ExamenUitslagDto, pg::Examens, pg::ExamenInvoer, pg::UrenRegistratie, pg::UrenStand, pg::UrenLijst,
        pg::UrenInvoer, pg::DuoBesluitDto, pg::DuoBesluiten, pg::DuoBesluitInvoer, pg::Afronding, pg::AfrondingInvoer,
        // Werkvoorraad (issue 7).
        super::werkvoorraad::WerkvoorraadLijst, super::werkvoorraad::WerkvoorraadActie, super::werkvoorraad::ActieLinks,
        // The inburgering trajectory: PIP (issue 7).
        pip_dto::Pip, pip_dto::PipInhoudDto, pip_dto::DoelDto, pip_dto::ActiviteitDto, pip_dto::PipLinks, pip_dto::PipSamenvattingDto,
        pip_dto::PipLijst, pip_dto::PipLijstLinks, pip_dto::RechtsmiddelDto, pip_h::PipMetRechtsmiddelen, pip_h::VeldVerschilDto,
        pip_h::ItemVerschilDto, pip_h::PipVerschillen, pip_w::NieuwPip, pip_w::Vaststelling, pip_w::Intrekking,
        pip_w::RechtsmiddelInvoer, pip_problem::RegelProbleem, pip_problem::Weigering,
        // koppeling (issue 7)
        kp::KoppelingDto, kp::Profiel, kp::ProfielGegeven, kp::Score, kp::ToetsDto, kp::KansenverkennerDto, kp::OverdrachtDto,
        // The brede intake (issue 7, intake slice).
        bi::BredeIntake, bi::IntakeLinks, bi::IntakeGesprek, bi::IntakeSectie, bi::IntakeGesprekInvoer,
        bi::GesprekAangemaakt, bi::SectieInvoer, bi::SectieOpgeslagen, bi::SectieVersies,
        bi::IntakeAfrondingInvoer, bi::IntakeAfronding,
        // Taakstelling (issue 7).
        ts::TaakstellingItem, ts::TaakstellingLijst, ts::TaakstellingInvoer,
        // Chain partners (issue 8).
        kpd::AanbodDto, kpd::AanbodLijst, kpd::VerwijzingDto, kpd::VerwijzingLijst, kpd::StapDto, kpd::VerwijzingMetStappen,
        kpd::VerwijzingInvoer, kpd::OvergangInvoer, kpd::ToewijzingInvoer, kpd::BijeenkomstInvoer, kpd::BijeenkomstDto,
        kpd::BijeenkomstLijst, kpd::ContactInvoer, kpd::ContactDto, kpd::ContactLijst, kpd::ScoreDto, kpd::MetingInvoer,
        kpd::MetingDto, kpd::MetingLijst, kpd::UrenregistratieInvoer, kpd::UrenregistratieDto, kpd::UrenregistratieLijst,
        kpd::PlaatsingInvoer, kpd::PlaatsingDto, kpd::PlaatsingLijst, kpd::HandhavingInvoer, kpd::HandhavingDto, kpd::HandhavingLijst,
    )),
    modifiers(&BearerAuth, &DesignRules),
    tags(
        (name = "personen", description = "Inburgeraars en hun gegevens"),
        (name = "huishoudens", description = "Huishoudens en gezinsleden"),
        (name = "pips", description = "Persoonlijk plan inburgering en participatie: versies, vaststelling, bezwaar en de beschikking"),
        (name = "koppeling", description = "Koppeling, COA-profiel, voorintake en warme overdracht"),
        (name = "brede-intake", description = "De brede intake: gesprekken en onderdelen (Wet inburgering 2021 art. 14)"),
        (name = "verwerkingen", description = "Het verwerkingenlog (Logboek Dataverwerkingen)"),
        (name = "voortgang", description = "Inburgeringstermijn, voortgangsgesprekken, examens, uren, vrijstelling en ontheffing, afronding"),
        (name = "werkvoorraad", description = "Wat aandacht nodig heeft, dringendste eerst"),
        // Taakstelling (issue 7).
        (name = "taakstellingen", description = "Taakstelling per halfjaar en de realisatie (alleen aantallen)"),
        (name = "ketenpartners", description = "Verwijzingen naar ketenpartners, aanwezigheid, contactmomenten, metingen, uren, plaatsingen en handhaving"),
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

/// The conventions every operation follows, added once instead of repeated per handler.
struct DesignRules;

fn string_header(doc: &str) -> Header {
    let mut h = Header::new(ObjectBuilder::new().schema_type(Type::String));
    h.description = Some(doc.to_owned());
    h
}

fn problem(description: &str) -> Response {
    let mut r = Response::new(description);
    r.content.insert(
        "application/problem+json".into(),
        Content::new(Some(RefOr::<utoipa::openapi::schema::Schema>::Ref(
            Ref::from_schema_name("Problem"),
        ))),
    );
    r
}

/// Whether a success answer carries one record (then with its version as `ETag`).
fn is_record(r: &Response) -> bool {
    r.content.get("application/json").is_some_and(|c| {
        matches!(&c.schema, Some(RefOr::Ref(r)) if r.ref_location.ends_with("/Persoon") || r.ref_location.ends_with("/Huishouden"))
    })
}

fn apply(path: &str, op: &mut Operation) {
    // Every operation says what it does beyond its one-line summary.
    if op.description.as_deref().is_none_or(str::is_empty) {
        op.description = op.summary.clone();
    }
    let has_if_match = op.parameters.iter().flatten().any(|p| {
        p.name.eq_ignore_ascii_case("if-match") && matches!(p.parameter_in, ParameterIn::Header)
    });
    let mut standard: Vec<(&str, &str)> = vec![
        (
            "400",
            "Ongeldige invoer: invalidParams noemt per veld of parameter wat er mis is (ook een onbekende queryparameter)",
        ),
        (
            "401",
            "Niet geauthenticeerd: geen, een onbekende of een verlopen API-sleutel",
        ),
        ("403", "Uw rol mag dit niet"),
    ];
    if path.contains('{') {
        standard.push(("404", "Niet gevonden of buiten uw gemeente"));
    }
    if op.request_body.is_some() {
        standard.push(("413", "Het verzoek is te groot (hoogstens 64 KiB)"));
        standard.push(("415", "Geen JSON: stuur Content-Type: application/json"));
        // A write can meet the dossier in a state that does not allow it yet (invalidParams with code
        // `state`), and one with a `versie` in its body can meet a newer version.
        standard.push((
            "409",
            "Niet mogelijk in de huidige stand van het dossier (invalidParams, code state), of in strijd met een ander record",
        ));
        standard.push((
            "412",
            "Iemand anders wijzigde dit intussen: de meegestuurde versie is niet meer de huidige",
        ));
    }
    if has_if_match {
        standard.push((
            "412",
            "Iemand anders wijzigde dit intussen; ETag bevat de huidige versie",
        ));
        standard.push(("428", "If-Match ontbreekt"));
    }
    for (code, description) in standard {
        if !op.responses.responses.contains_key(code) {
            op.responses
                .responses
                .insert(code.into(), RefOr::T(problem(description)));
        }
    }
    for (code, response) in op.responses.responses.iter_mut() {
        let RefOr::T(response) = response else {
            continue;
        };
        response.headers.insert(
            "API-Version".into(),
            string_header("De volledige (semantische) versie van de API, bijvoorbeeld 1.0.0."),
        );
        if (code == "200" || code == "201") && is_record(response) {
            response.headers.insert(
                "ETag".into(),
                string_header("De versie van de resource, voor If-Match bij wijzigen."),
            );
        }
        if code == "201" {
            response.headers.insert(
                "Location".into(),
                string_header("Het pad van de nieuwe resource."),
            );
        }
        if code == "401" {
            response
                .headers
                .insert("WWW-Authenticate".into(), string_header("Bearer"));
        }
        if code == "412" {
            response.headers.insert(
                "ETag".into(),
                string_header("De huidige versie van de resource."),
            );
        }
    }
}

/// A response that flattens a request shape (`Pip` = its fields + `PipInhoudDto`) is an `allOf` of a
/// reference to that shape and its own fields. The request shape refuses unknown fields
/// (`additionalProperties: false`), and under `allOf` that would refuse the response's own fields
/// too; so the parts of an `allOf` are written out in place, without that restriction.
fn inline_all_of_parts(openapi: &mut utoipa::openapi::OpenApi) {
    let Some(components) = openapi.components.as_mut() else {
        return;
    };
    let originals = components.schemas.clone();
    let open_copy = |name: &str| -> Option<RefOr<Schema>> {
        let key = name.rsplit('/').next()?;
        let mut schema = match originals.get(key)? {
            RefOr::T(s) => s.clone(),
            RefOr::Ref(_) => return None,
        };
        open_up(&mut schema, &originals);
        Some(RefOr::T(schema))
    };
    for schema in components.schemas.values_mut() {
        if let RefOr::T(Schema::AllOf(all)) = schema {
            for part in all.items.iter_mut() {
                if let RefOr::Ref(r) = part
                    && let Some(copy) = open_copy(&r.ref_location)
                {
                    *part = copy;
                }
            }
        }
    }
}

/// Drops `additionalProperties: false` from a schema meant as one part of an `allOf`, and writes its
/// own `allOf` parts out the same way (a response flattening a response that flattens a request shape).
fn open_up(schema: &mut Schema, originals: &std::collections::BTreeMap<String, RefOr<Schema>>) {
    match schema {
        Schema::Object(o) => o.additional_properties = None,
        Schema::AllOf(all) => {
            for part in all.items.iter_mut() {
                if let RefOr::Ref(r) = part
                    && let Some(RefOr::T(found)) = r
                        .ref_location
                        .rsplit('/')
                        .next()
                        .and_then(|k| originals.get(k))
                {
                    let mut copy = found.clone();
                    open_up(&mut copy, originals);
                    *part = RefOr::T(copy);
                } else if let RefOr::T(inner) = part {
                    open_up(inner, originals);
                }
            }
        }
        _ => {}
    }
}

impl Modify for DesignRules {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        inline_all_of_parts(openapi);
        for (path, item) in openapi.paths.paths.iter_mut() {
            for op in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                apply(path, op);
            }
        }
    }
}

pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(document())
}
