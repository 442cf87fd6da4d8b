//! The dossier's timeline as an inline SVG: a pure function from the app's `Tijdlijn` to positioned
//! shapes, which `templates/person_timeline.html` draws. All text reaches the SVG through askama's
//! escaping (never string concatenation). Every point carries a number that matches the ordered list
//! beside it, and a deadline's state is a shape and a word, not a colour alone.

use chrono::NaiveDate;
use wegwijs_app::tijdlijn::{Staat, Tijdlijn};

/// Drawing width and the margins of the axis, in SVG units.
pub const BREEDTE: i64 = 800;
const LINKS: i64 = 40;
const RECHTS: i64 = 40;
/// The axis' height; points stack in lanes above it.
pub const AS_Y: i64 = 150;
const LAAN_HOOGTE: i64 = 26;
const LANEN: usize = 4;
/// Points closer than this share no lane.
const MIN_AFSTAND: i64 = 24;
pub const HOOGTE: i64 = AS_Y + 40;

/// What a point stands for, which decides its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vorm {
    /// Something that happened: a circle.
    Mijlpaal,
    /// A deadline met: a square.
    Gehaald,
    /// A deadline still open: a hollow diamond.
    Open,
    /// A deadline passed without the action: a triangle.
    TeLaat,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Punt {
    pub nr: usize,
    pub x: i64,
    pub y: i64,
    pub vorm: Vorm,
    pub datum: String,
    pub label: String,
    /// "gehaald", "te laat", ... for deadlines; empty for milestones.
    pub staat: &'static str,
}

impl Punt {
    pub fn is_mijlpaal(&self) -> bool {
        self.vorm == Vorm::Mijlpaal
    }

    pub fn is_gehaald(&self) -> bool {
        self.vorm == Vorm::Gehaald
    }

    pub fn is_open(&self) -> bool {
        self.vorm == Vorm::Open
    }

    /// The SVG points of a diamond or triangle around (x, y).
    pub fn hoeken(&self) -> String {
        let (x, y) = (self.x, self.y);
        match self.vorm {
            Vorm::Open => format!("{x},{} {},{y} {x},{} {},{y}", y - 8, x + 8, y + 8, x - 8),
            _ => format!("{x},{} {},{} {},{}", y - 9, x + 9, y + 7, x - 9, y + 7),
        }
    }
}

/// A year mark on the axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Streep {
    pub x: i64,
    pub jaar: i32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tekening {
    pub punten: Vec<Punt>,
    pub strepen: Vec<Streep>,
    pub vandaag_x: i64,
    pub van: String,
    pub tot: String,
}

fn datum(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

fn staat_vorm(s: Staat) -> Vorm {
    match s {
        Staat::Gehaald | Staat::TeLaatGehaald => Vorm::Gehaald,
        Staat::Open => Vorm::Open,
        Staat::TeLaat => Vorm::TeLaat,
    }
}

/// Positions every milestone and deadline of `t` on one axis from its first to its last day.
pub fn teken(t: &Tijdlijn) -> Tekening {
    let (van, tot) = t.bereik();
    let dagen = (tot - van).num_days().max(1);
    let x = |d: NaiveDate| LINKS + (d - van).num_days() * (BREEDTE - LINKS - RECHTS) / dagen;
    let mut items: Vec<(NaiveDate, Vorm, String, &'static str)> = t
        .mijlpalen
        .iter()
        .map(|m| (m.datum, Vorm::Mijlpaal, m.label.clone(), ""))
        .chain(t.deadlines.iter().map(|d| {
            (
                d.datum,
                staat_vorm(d.staat),
                d.label.clone(),
                d.staat.label(),
            )
        }))
        .collect();
    // Stable: on one day, milestones before deadlines, each in the app's order.
    items.sort_by_key(|i| i.0);
    let mut laatste_x = [i64::MIN; LANEN];
    let punten = items
        .into_iter()
        .enumerate()
        .map(|(i, (d, vorm, label, staat))| {
            let px = x(d);
            // The first lane with room; when all are taken, the one freed longest ago.
            let laan = (0..LANEN)
                .find(|l| laatste_x[*l].saturating_add(MIN_AFSTAND) <= px)
                .unwrap_or_else(|| (0..LANEN).min_by_key(|l| laatste_x[*l]).unwrap_or_default());
            laatste_x[laan] = px;
            Punt {
                nr: i + 1,
                x: px,
                y: AS_Y - 20 - LAAN_HOOGTE * i64::try_from(laan).unwrap_or(0),
                vorm,
                datum: datum(d),
                label,
                staat,
            }
        })
        .collect();
    let strepen = (chrono::Datelike::year(&van) + 1..=chrono::Datelike::year(&tot))
        .filter_map(|jaar| NaiveDate::from_ymd_opt(jaar, 1, 1))
        .map(|d| Streep {
            x: x(d),
            jaar: chrono::Datelike::year(&d),
        })
        .collect();
    Tekening {
        punten,
        strepen,
        vandaag_x: x(t.vandaag),
        van: datum(van),
        tot: datum(tot),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wegwijs_app::tijdlijn::{Deadline, Mijlpaal};

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn points_stay_on_the_drawing_and_are_numbered_by_date() {
        let t = Tijdlijn {
            vandaag: d("2026-06-01"),
            mijlpalen: vec![
                Mijlpaal {
                    datum: d("2026-01-10"),
                    label: "Koppeling".into(),
                },
                Mijlpaal {
                    datum: d("2026-01-11"),
                    label: "Kennisgeving DUO".into(),
                },
            ],
            deadlines: vec![Deadline {
                datum: d("2029-05-01"),
                label: "Einde inburgeringstermijn".into(),
                staat: Staat::Open,
            }],
        };
        let k = teken(&t);
        assert_eq!(k.punten.len(), 3);
        assert_eq!(k.punten[0].x, LINKS);
        assert_eq!(k.punten[2].x, BREEDTE - RECHTS);
        assert_ne!(
            k.punten[0].y, k.punten[1].y,
            "close points take other lanes"
        );
        assert_eq!(k.punten[2].vorm, Vorm::Open);
        assert_eq!(
            k.strepen.iter().map(|s| s.jaar).collect::<Vec<_>>(),
            [2027, 2028, 2029]
        );
        assert!(k.vandaag_x > LINKS && k.vandaag_x < BREEDTE - RECHTS);
    }
}
