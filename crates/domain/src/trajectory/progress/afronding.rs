//! The parts of the obligation that end with a date: PVT signed, MAP eindgesprek (each with DUO's
//! verwijtbaar flag), Z-route eindgesprek, onderwijsroute completed, and "inburgeringsplicht voldaan".
//!
//! DUO's registration rules for the MAP and PVT dates (README "Module Arbeidsmarkt en Participatie" and
//! "Participatieverklaringstraject"; rows M-7 and M-8 of the verified rules file) are checked here, and
//! a refusal names its rule:
//! - M-7: there is a current PIP (so a termijn); the date is not before the termijn's start, not after
//!   the Z-route's completion, and not in the future.
//! - M-8: the flag is absent when the date lies before the termijn's (exclusive) einddatum; after it
//!   (an overrun) the flag is required; 'Ja' only with an overrun; 'Nee' only when the einddatum lies
//!   within two months before the date. "Binnen twee maanden" is read as: date < einddatum + 2 months
//!   (derived: DUO does not say from which day the two months count).

use chrono::{Months, NaiveDate};

use super::{code, datum_opt};
use crate::trajectory::codes::{Leerroute, VoldaanGrond};
use crate::trajectory::deadlines::Regel;
use crate::trajectory::deadlines::termijn::Inburgeringstermijn;
use crate::validation::ValidationErrors;

code_enum! {
    /// DUO's "Verwijtbaar (Ja/Nee)" for a late MAP or PVT.
    pub enum Verwijtbaar {
        Ja = "Ja", "Ja, verwijtbaar",
        Nee = "Nee", "Nee, niet verwijtbaar",
    }
}

#[derive(Debug, Clone, Default)]
pub struct RawAfronding {
    pub pvt_ondertekend_op: String,
    pub pvt_verwijtbaar: String,
    pub map_eindgesprek_op: String,
    pub map_verwijtbaar: String,
    pub z_eindgesprek_op: String,
    pub onderwijsroute_afgerond_op: String,
    pub voldaan_op: String,
    pub voldaan_grond: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AfrondingInvoer {
    pub pvt_ondertekend_op: Option<NaiveDate>,
    pub pvt_verwijtbaar: Option<Verwijtbaar>,
    pub map_eindgesprek_op: Option<NaiveDate>,
    pub map_verwijtbaar: Option<Verwijtbaar>,
    pub z_eindgesprek_op: Option<NaiveDate>,
    pub onderwijsroute_afgerond_op: Option<NaiveDate>,
    pub voldaan_op: Option<NaiveDate>,
    pub voldaan_grond: Option<VoldaanGrond>,
}

/// What the checks need besides the input.
#[derive(Debug, Clone, Copy)]
pub struct AfrondingContext<'a> {
    /// `None` before the first vastgesteld PIP.
    pub termijn: Option<&'a Inburgeringstermijn>,
    /// The current PIP's leerroute.
    pub leerroute: Option<Leerroute>,
    pub today: NaiveDate,
}

/// M-8 for one date and its flag. `Err` is the Dutch refusal naming the rule.
pub fn check_verwijtbaar(
    datum: NaiveDate,
    verwijtbaar: Option<Verwijtbaar>,
    termijn: &Inburgeringstermijn,
) -> Result<(), String> {
    let regel = Regel::DuoVerwijtbaar.id();
    let overschreden = datum >= termijn.einddatum;
    let laatste = termijn.laatste_dag().format("%d-%m-%Y");
    match (overschreden, verwijtbaar) {
        (false, None) => Ok(()),
        (false, Some(_)) => Err(format!(
            "DUO-regel {regel}: de datum ligt binnen de inburgeringstermijn (laatste dag {laatste}); laat ‘verwijtbaar’ leeg."
        )),
        (true, None) => Err(format!(
            "DUO-regel {regel}: de datum ligt na het einde van de inburgeringstermijn (laatste dag {laatste}); geef aan of de overschrijding verwijtbaar is (Ja of Nee)."
        )),
        (true, Some(Verwijtbaar::Ja)) => Ok(()),
        (true, Some(Verwijtbaar::Nee)) => {
            let grens = termijn
                .einddatum
                .checked_add_months(Months::new(2))
                .unwrap_or(NaiveDate::MAX);
            if datum < grens {
                Ok(())
            } else {
                Err(format!(
                    "DUO-regel {regel}: ‘Nee’ mag alleen als de einddatum van de inburgeringstermijn binnen twee maanden voor deze datum valt (laatste dag {laatste})."
                ))
            }
        }
    }
}

/// M-7 for one MAP or PVT date.
fn check_datum(
    e: &mut ValidationErrors,
    field: &'static str,
    datum: NaiveDate,
    c: &AfrondingContext<'_>,
    z_eind: Option<NaiveDate>,
) -> bool {
    let regel = Regel::DuoMapPvtDatum.id();
    let Some(t) = c.termijn else {
        e.push(field, "duo_regel", format!("DUO-regel {regel}: er is nog geen vastgesteld PIP, dus nog geen inburgeringstermijn."));
        return false;
    };
    if datum < t.start {
        e.push(
            field,
            "duo_regel",
            format!(
                "DUO-regel {regel}: de datum ligt voor de start van de inburgeringstermijn ({}).",
                t.start.format("%d-%m-%Y")
            ),
        );
        return false;
    }
    if let Some(z) = z_eind
        && datum > z
    {
        e.push(
            field,
            "duo_regel",
            format!("DUO-regel {regel}: de datum ligt na de afronding van de Z-route."),
        );
        return false;
    }
    true
}

fn verwijtbaar(
    e: &mut ValidationErrors,
    field: &'static str,
    raw: &str,
) -> Option<Option<Verwijtbaar>> {
    if raw.trim().is_empty() {
        return Some(None);
    }
    code(e, field, raw, Verwijtbaar::parse, Verwijtbaar::CHOICES).map(Some)
}

/// One MAP or PVT pair (date field, flag field) with M-7 and M-8.
fn pair(
    e: &mut ValidationErrors,
    (datum_veld, vlag_veld): (&'static str, &'static str),
    (raw_datum, raw_vlag): (&str, &str),
    c: &AfrondingContext<'_>,
    z_eind: Option<NaiveDate>,
) -> (Option<NaiveDate>, Option<Verwijtbaar>) {
    let d = datum_opt(e, datum_veld, raw_datum, c.today, true).flatten();
    let v = verwijtbaar(e, vlag_veld, raw_vlag).flatten();
    match d {
        None if v.is_some() && raw_datum.trim().is_empty() => {
            e.push(
                vlag_veld,
                "inconsistent",
                "‘Verwijtbaar’ hoort bij een datum: vul eerst de datum in.",
            );
        }
        Some(d) if check_datum(e, datum_veld, d, c, z_eind) => {
            // check_datum passed, so there is a termijn.
            if let Some(Err(m)) = c.termijn.map(|t| check_verwijtbaar(d, v, t)) {
                e.push(vlag_veld, "duo_regel", m);
            }
        }
        _ => {}
    }
    (d, v)
}

impl AfrondingInvoer {
    /// The whole afronding as one resource (like DUO's PUT): an empty field withdraws a date.
    pub fn parse(
        raw: &RawAfronding,
        c: &AfrondingContext<'_>,
    ) -> Result<AfrondingInvoer, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let z = datum_opt(
            &mut e,
            "zEindgesprekOp",
            &raw.z_eindgesprek_op,
            c.today,
            true,
        )
        .flatten();
        let o = datum_opt(
            &mut e,
            "onderwijsrouteAfgerondOp",
            &raw.onderwijsroute_afgerond_op,
            c.today,
            true,
        )
        .flatten();
        for (field, d, route, naam) in [
            ("zEindgesprekOp", z, Leerroute::Z, "de Z-route"),
            (
                "onderwijsrouteAfgerondOp",
                o,
                Leerroute::Onderwijs,
                "de onderwijsroute",
            ),
        ] {
            let Some(d) = d else { continue };
            if c.leerroute.is_none() {
                e.push(
                    field,
                    "state",
                    "Er is nog geen vastgesteld PIP, dus nog geen leerroute.",
                );
            } else if c.leerroute != Some(route) {
                e.push(
                    field,
                    "state",
                    format!("Het huidige PIP heeft niet {naam} als leerroute."),
                );
            } else if c.termijn.is_some_and(|t| d < t.start) {
                e.push(
                    field,
                    "state",
                    "De datum ligt voor de start van de inburgeringstermijn.",
                );
            }
        }
        let (pvt, pvt_v) = pair(
            &mut e,
            ("pvtOndertekendOp", "pvtVerwijtbaar"),
            (&raw.pvt_ondertekend_op, &raw.pvt_verwijtbaar),
            c,
            z,
        );
        let (map, map_v) = pair(
            &mut e,
            ("mapEindgesprekOp", "mapVerwijtbaar"),
            (&raw.map_eindgesprek_op, &raw.map_verwijtbaar),
            c,
            z,
        );
        let voldaan_op = datum_opt(&mut e, "voldaanOp", &raw.voldaan_op, c.today, true).flatten();
        let voldaan_grond = if raw.voldaan_grond.trim().is_empty() {
            None
        } else {
            code(
                &mut e,
                "voldaanGrond",
                &raw.voldaan_grond,
                VoldaanGrond::parse,
                VoldaanGrond::CHOICES,
            )
        };
        if voldaan_op.is_none() && voldaan_grond.is_some() && raw.voldaan_op.trim().is_empty() {
            e.push(
                "voldaanOp",
                "required",
                "Vul de datum in waarop aan de inburgeringsplicht is voldaan.",
            );
        }
        e.into_result(AfrondingInvoer {
            pvt_ondertekend_op: pvt,
            pvt_verwijtbaar: pvt_v,
            map_eindgesprek_op: map,
            map_verwijtbaar: map_v,
            z_eindgesprek_op: z,
            onderwijsroute_afgerond_op: o,
            voldaan_op,
            voldaan_grond,
        })
    }
}

/// What is still due, in Dutch, for the page and for the refusal of "voldaan".
pub fn openstaand_tekst(o: &crate::trajectory::deadlines::Openstaand) -> String {
    use crate::trajectory::deadlines::Openstaand as O;
    match o {
        O::Leerroute => "een vastgesteld PIP met leerroute".into(),
        O::Examen(onderdeel, niveau) => format!(
            "examen {} ({}){}",
            onderdeel.code(),
            onderdeel.label(),
            if *onderdeel == crate::trajectory::codes::ExamenOnderdeel::Knm {
                String::new()
            } else {
                format!(" op ten minste {}", niveau.code())
            }
        ),
        O::Pvt => "ondertekening participatieverklaring (PVT)".into(),
        O::Map => "eindgesprek Module Arbeidsmarkt en Participatie (MAP)".into(),
        O::Onderwijsroute => "afronding onderwijsroute".into(),
        O::ZCursusuren { nog } => format!("nog {nog} cursusuren Z-route"),
        O::ZParticipatieuren { nog } => format!("nog {nog} participatie-uren Z-route"),
        O::ZEindgesprek => "eindgesprek Z-route".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trajectory::deadlines::termijn::inburgeringstermijn;
    use proptest::prelude::*;

    fn termijn() -> Inburgeringstermijn {
        // Start 15 Jan 2026, einddatum (exclusive) 15 Jan 2029.
        inburgeringstermijn(NaiveDate::from_ymd_opt(2026, 1, 14).expect("date"), &[])
    }

    #[test]
    fn verwijtbaar_follows_m8() {
        let t = termijn();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        assert!(check_verwijtbaar(d("2027-05-01"), None, &t).is_ok());
        assert!(check_verwijtbaar(d("2027-05-01"), Some(Verwijtbaar::Nee), &t).is_err());
        assert!(check_verwijtbaar(d("2029-01-15"), None, &t).is_err());
        assert!(check_verwijtbaar(d("2029-01-15"), Some(Verwijtbaar::Ja), &t).is_ok());
        assert!(check_verwijtbaar(d("2029-03-14"), Some(Verwijtbaar::Nee), &t).is_ok());
        let late =
            check_verwijtbaar(d("2029-03-15"), Some(Verwijtbaar::Nee), &t).expect_err("late");
        assert!(late.contains("M-8"), "{late}");
    }

    #[test]
    fn a_map_date_before_the_termijn_names_m7() {
        let t = termijn();
        let c = AfrondingContext {
            termijn: Some(&t),
            leerroute: Some(Leerroute::B1),
            today: NaiveDate::from_ymd_opt(2026, 6, 1).expect("date"),
        };
        let raw = RawAfronding {
            map_eindgesprek_op: "2026-01-10".into(),
            ..Default::default()
        };
        let e = AfrondingInvoer::parse(&raw, &c).expect_err("M-7");
        assert!(
            e.for_field("mapEindgesprekOp")
                .is_some_and(|f| f.message.contains("M-7"))
        );
    }

    proptest! {
        /// Within the termijn the flag must be absent; after it, 'Ja' is always accepted.
        #[test]
        fn flag_absent_inside_and_ja_accepted_after(days in 0i64..3000) {
            let t = termijn();
            let datum = t.start + chrono::Duration::days(days);
            let binnen = datum < t.einddatum;
            prop_assert_eq!(check_verwijtbaar(datum, None, &t).is_ok(), binnen);
            prop_assert_eq!(check_verwijtbaar(datum, Some(Verwijtbaar::Ja), &t).is_ok(), !binnen);
        }
    }
}
