//! `/caseload`: the regisseur's list, with search, filters, sorting and paging; every row shown is
//! logged. The heading names the chosen caseload; the order is the chosen sort over the whole list.
//! A teamleider selects persons here to move them to another regisseur; a regisseur takes on persons
//! without regisseur here when the gemeente allows it.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use wegwijs_app::model::{Cursor, ListQuery, Richting, Sort};
use wegwijs_domain::authz::{Action, Resource, can};
use wegwijs_domain::person::Doelgroep;

use super::forms::SelectOption;
use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::extract::PageQuery;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::{datum, geboren, render_status};
use crate::state::AppState;
use wegwijs_app::{list_filters, persons};

/// No `Debug`: `zoek` is a name or a BSN.
#[derive(Default, Deserialize)]
pub struct CaseloadQuery {
    pub zoek: Option<String>,
    pub doelgroep: Option<String>,
    /// "mij" (default for a regisseur), "alle", "geen" or a regisseur's id
    pub regisseur: Option<String>,
    pub sorteer: Option<String>,
    /// With a cursor only the number shown; without one the position (the first 1,000 rows).
    pub pagina: Option<i64>,
    /// Cursor of the next page (keyset paging: as fast on page 4,000 as on page 1).
    pub na: Option<String>,
    /// Cursor of the previous page.
    pub voor: Option<String>,
}

pub struct CaseloadRow {
    pub href: String,
    pub naam: String,
    pub bsn: String,
    pub v_nummer: String,
    pub geboortedatum: String,
    pub doelgroep: String,
    pub koppeling: String,
    pub regisseur: String,
    pub eigen: bool,
    /// "id:versie", the value of the row's checkbox in the teamleider's move form.
    pub keuze: String,
    pub id: String,
    pub versie: i64,
    /// The signed-in regisseur may take this person on (no regisseur, and the gemeente allows it).
    pub kan_overnemen: bool,
}

#[derive(Template)]
#[template(path = "caseload.html")]
pub struct CaseloadPage {
    pub layout: Layout,
    pub heading: String,
    /// Why a move from this list was refused (nobody moved).
    pub fouten: Vec<String>,
    /// A regisseur on "Zonder regisseur" while the gemeente does not allow taking on: say why there is
    /// no button and whom to ask.
    pub overnemen_uit: bool,
    /// Nothing found within the chosen caseload: the same search in the whole gemeente.
    pub elders_href: Option<String>,
    /// The doelgroep and sort of this list, sent back with the move form so a refused move shows the
    /// same list again.
    pub doelgroep: String,
    pub sorteer: String,
    /// The role may register persons ("Nieuwe persoon").
    pub can_create: bool,
    /// The role may move persons to another regisseur (checkboxes and the move form).
    pub can_move: bool,
    /// Active regisseurs to move to: (id, name).
    pub naar: Vec<(String, String)>,
    /// The current filter value, sent back with the move form so the list comes back the same.
    pub filter: String,
    pub zoek: String,
    /// Why the search term was refused, shown next to the search field.
    pub zoek_fout: Option<String>,
    pub doelgroepen: Vec<SelectOption>,
    pub regisseurs: Vec<SelectOption>,
    pub sorteringen: Vec<SelectOption>,
    pub rows: Vec<CaseloadRow>,
    /// "25 personen gevonden", "meer dan 1.000 personen gevonden"
    pub aantal: String,
    /// "pagina 2 van 3", "pagina 45"; empty when everything fits on one page.
    pub pagina_tekst: String,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
}

fn options(current: &str, items: Vec<(String, String)>) -> Vec<SelectOption> {
    items
        .into_iter()
        .map(|(value, label)| SelectOption {
            selected: value == current,
            value,
            label,
        })
        .collect()
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PageQuery(q): PageQuery<CaseloadQuery>,
) -> Result<Response, PageError> {
    render_list(&state, &signed, nonce, q, Vec::new()).await
}

/// The list for `q`; with `fouten` (a refused move) shown above it as an error summary (422), so
/// the teamleider keeps the filters and the list they chose from.
pub async fn render_list(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    q: CaseloadQuery,
    fouten: Vec<String>,
) -> Result<Response, PageError> {
    let pagina = wegwijs_domain::validation::page_number(q.pagina)
        .map_err(|m| PageError(wegwijs_app::error::AppError::BadRequest(m)))?;
    // A refused search term is shown next to the field (HTTP 400) and nothing is searched.
    let (zoek, zoek_fout) = match q
        .zoek
        .as_deref()
        .map(wegwijs_domain::validation::search_term)
    {
        None => (None, None),
        Some(Ok(z)) => (Some(z), None),
        Some(Err(m)) => (None, Some(m)),
    };
    let ctx = signed.ctx(state);
    let today = ctx.now().date_naive();
    let me = signed.user.id;
    let is_regisseur = signed.actor.has(wegwijs_domain::authz::Role::Regisseur);
    // The same codes and default as the API's `regisseur` parameter (see app::list_filters).
    let regisseur_code = q
        .regisseur
        .clone()
        .filter(|s| !s.trim().is_empty())
        // "Mijn caseload" means nothing to someone who has none: they see the whole gemeente.
        .filter(|s| is_regisseur || s != "mij")
        .unwrap_or_else(|| list_filters::default_regisseur_code(&signed.actor).into());
    // The filter is exactly what the form shows: a search within "Mijn caseload" stays within it.
    // An unknown filter is refused as the API refuses it: silently showing another list misleads.
    let filter =
        list_filters::regisseur_filter(Some(&regisseur_code), &signed.actor).ok_or_else(|| {
            PageError(wegwijs_app::error::AppError::BadRequest(
                "Deze caseload bestaat niet: kies een filter in het menu.".into(),
            ))
        })?;
    let doelgroep = match q.doelgroep.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(code) => Some(Doelgroep::parse(code).ok_or_else(|| {
            PageError(wegwijs_app::error::AppError::BadRequest(
                "Onbekende doelgroep: kies er een uit de lijst.".into(),
            ))
        })?),
    };
    let sort = q
        .sorteer
        .as_deref()
        .and_then(Sort::parse)
        .unwrap_or_default();
    // Cursors travel sealed: they hold folded names (see app::paging).
    let key = state.app.config.secret_key.as_ref();
    let open_cursor = |c: &str| wegwijs_app::paging::open(key, c).and_then(|p| Cursor::decode(&p));
    // A cursor that does not open (tampered, another installation's, hand-made) is refused as the API
    // refuses it, rather than silently showing another page.
    let bad_cursor = || {
        PageError(wegwijs_app::error::AppError::BadRequest(
            "Deze paginalink is ongeldig. Ga terug naar de eerste pagina van de lijst.".into(),
        ))
    };
    let na =
        q.na.as_deref()
            .filter(|c| !c.is_empty())
            .map(|c| open_cursor(c).ok_or_else(bad_cursor))
            .transpose()?;
    let voor = q
        .voor
        .as_deref()
        .filter(|c| !c.is_empty())
        .map(|c| open_cursor(c).ok_or_else(bad_cursor))
        .transpose()?;
    let query = ListQuery {
        zoek: zoek.clone(),
        doelgroep,
        regisseur: filter,
        // The chosen order over the whole list: "Hele gemeente" sorted by name is one alphabet, not the
        // own persons first and the alphabet starting again after them.
        eigen_eerst: None,
        sort,
        pagina,
        per_pagina: 25,
        cursor: match (na, voor) {
            (Some(c), _) => Some(Richting::Na(c)),
            (None, Some(c)) => Some(Richting::Voor(c)),
            (None, None) => None,
        },
    };
    let page = if zoek_fout.is_some() {
        wegwijs_app::model::Page {
            items: vec![],
            totaal: 0,
            totaal_begrensd: false,
            pagina: 1,
            per_pagina: 25,
            volgende: None,
            vorige: None,
        }
    } else {
        persons::list(&ctx, &query).await?
    };
    if pagina > 1 && page.items.is_empty() && query.cursor.is_none() && zoek_fout.is_none() {
        let per = i64::from(page.per_pagina.max(1));
        let pages = (!page.totaal_begrensd).then(|| (page.totaal + per - 1) / per);
        let layout = Layout::new(signed, nonce, "Pagina niet gevonden", "/caseload");
        return Ok(crate::pages::error_page::past_the_end(layout, pages));
    }
    let gemeente = ctx.gemeente()?;
    let allowed = |a: Action| can(&signed.actor, a, Resource::Gemeente(gemeente)).is_allowed();
    let can_move = allowed(Action::PersonReassign);
    let mut regisseur_items = Vec::new();
    if is_regisseur {
        regisseur_items.push(("mij".to_string(), "Mijn caseload".to_string()));
    }
    regisseur_items.push(("alle".to_string(), "Hele gemeente".to_string()));
    regisseur_items.push(("geen".to_string(), "Zonder regisseur".to_string()));
    // Teamleiders compare caseloads; a regisseur's own view does not need every colleague listed
    // (a large gemeente has well over a hundred regisseurs).
    let browsing_other = !matches!(regisseur_code.as_str(), "mij" | "alle" | "geen");
    let regisseurs = if can_move || browsing_other {
        wegwijs_app::users::regisseurs(&ctx).await?
    } else {
        Vec::new()
    };
    for (id, naam) in &regisseurs {
        if *id != me || !is_regisseur {
            regisseur_items.push((id.to_string(), format!("Caseload van {naam}")));
        }
    }
    let heading = match regisseur_code.as_str() {
        "mij" => "Mijn caseload".to_string(),
        "alle" => "Hele gemeente".to_string(),
        "geen" => "Zonder regisseur".to_string(),
        other => match regisseurs.iter().find(|(id, _)| id.to_string() == other) {
            Some((_, naam)) => format!("Caseload van {naam}"),
            // An inactive or unknown regisseur: the list is what the filter finds, named neutrally.
            None => "Caseload van een andere medewerker".to_string(),
        },
    };
    let may_take_on = is_regisseur && allowed(Action::PersonTakeOn);
    let take_on_setting = if may_take_on {
        wegwijs_app::caseload::take_on_allowed(&ctx).await?
    } else {
        false
    };
    let take_on = may_take_on && take_on_setting;
    // A regisseur looking at "Zonder regisseur" while taking on is off would otherwise see no way on.
    let overnemen_uit = may_take_on && !take_on_setting && regisseur_code == "geen";
    // Nothing found in a narrower list: offer the same term in the whole gemeente.
    let elders_href = match (&zoek, page.totaal, regisseur_code.as_str()) {
        (Some(z), 0, code) if code != "alle" => Some(format!(
            "/caseload?{}",
            serde_urlencoded::to_string([("regisseur", "alle"), ("zoek", z.as_str())])
                .unwrap_or_default()
        )),
        _ => None,
    };
    let href = |n: u32, cursor: (&str, &Cursor)| {
        let pairs = [
            ("zoek", zoek.clone().unwrap_or_default()),
            ("doelgroep", q.doelgroep.clone().unwrap_or_default()),
            ("regisseur", regisseur_code.clone()),
            ("sorteer", sort.code().to_string()),
            ("pagina", n.to_string()),
            (cursor.0, wegwijs_app::paging::seal(key, &cursor.1.encode())),
        ];
        format!(
            "/caseload?{}",
            serde_urlencoded::to_string(pairs).unwrap_or_default()
        )
    };
    let (aantal, pagina_tekst) = counts(&page);
    let rows = page
        .items
        .iter()
        .map(|p| CaseloadRow {
            href: format!("/personen/{}", p.id),
            naam: match &p.tussenvoegsel {
                Some(t) => format!("{}, {} {}", p.geslachtsnaam, p.voornamen, t),
                None => format!("{}, {}", p.geslachtsnaam, p.voornamen),
            },
            bsn: p.bsn.clone().unwrap_or_else(|| "—".into()),
            v_nummer: p.v_nummer.clone().unwrap_or_else(|| "—".into()),
            geboortedatum: geboren(p.geboortedatum, today),
            doelgroep: p
                .doelgroep
                .as_deref()
                .and_then(Doelgroep::parse)
                .map(|d| d.label().to_string())
                .unwrap_or_else(|| "onbekend".into()),
            koppeling: datum(p.datum_koppeling),
            regisseur: p.regisseur_naam.clone().unwrap_or_else(|| "—".into()),
            eigen: p.regisseur_id == Some(me.0),
            keuze: format!("{}:{}", p.id, p.versie),
            id: p.id.to_string(),
            versie: p.versie,
            kan_overnemen: take_on && p.regisseur_id.is_none(),
        })
        .collect();
    let status = if !fouten.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else if zoek_fout.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    Ok(render_status(
        status,
        &CaseloadPage {
            layout: Layout::new(signed, nonce, heading.clone(), "/caseload"),
            heading,
            fouten,
            overnemen_uit,
            elders_href,
            doelgroep: q.doelgroep.clone().unwrap_or_default(),
            sorteer: sort.code().to_string(),
            can_create: allowed(Action::PersonCreate),
            can_move,
            naar: if can_move {
                regisseurs
                    .iter()
                    .map(|(id, naam)| (id.to_string(), naam.clone()))
                    .collect()
            } else {
                Vec::new()
            },
            filter: regisseur_code.clone(),
            // A refused term is not shown again: it holds characters that do not belong in a page.
            zoek: zoek.clone().unwrap_or_default(),
            zoek_fout,
            doelgroepen: options(
                q.doelgroep.as_deref().unwrap_or(""),
                std::iter::once((String::new(), "Alle doelgroepen".to_string()))
                    .chain(
                        Doelgroep::ALL
                            .iter()
                            .map(|d| (d.code().to_string(), d.label().to_string())),
                    )
                    .collect(),
            ),
            regisseurs: options(&regisseur_code, regisseur_items),
            sorteringen: options(
                sort.code(),
                vec![
                    ("naam".into(), "Naam".into()),
                    ("geboortedatum".into(), "Geboortedatum".into()),
                    ("koppeling".into(), "Koppeling (nieuwste eerst)".into()),
                ],
            ),
            rows,
            aantal,
            pagina_tekst,
            prev_href: page
                .vorige
                .as_ref()
                .map(|c| href(page.pagina.saturating_sub(1).max(1), ("voor", c))),
            next_href: page
                .volgende
                .as_ref()
                .map(|c| href(page.pagina.saturating_add(1), ("na", c))),
        },
    ))
}

/// "25 personen gevonden" / "meer dan 1.000 personen gevonden", and "pagina 2 van 3" (or "pagina 45"
/// when the total is capped); no page text when everything fits on one page.
fn counts(page: &wegwijs_app::model::Page) -> (String, String) {
    let per = i64::from(page.per_pagina.max(1));
    if page.totaal_begrensd {
        let n = thousands(page.totaal);
        return (
            format!("Meer dan {n} personen gevonden"),
            format!("pagina {}", page.pagina),
        );
    }
    let aantal = match page.totaal {
        1 => "1 persoon gevonden".to_string(),
        n => format!("{n} personen gevonden"),
    };
    let pages = (page.totaal + per - 1) / per;
    let text = if pages > 1 {
        format!("pagina {} van {pages}", page.pagina)
    } else {
        String::new()
    };
    (aantal, text)
}

/// 1000 -> "1.000" (Dutch digit grouping).
fn thousands(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}
