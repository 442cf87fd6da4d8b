//! The gemeenten of the demo and how many persons each gets, plus the region's partner organisations.
//!
//! The region is the pilot of the seeds: Weert, Nederweert and Cranendonck (with their CBS codes and
//! real postcode areas). Above [`NATIONAL_THRESHOLD`] persons the set grows to 342 gemeenten, the
//! number of Dutch gemeenten, with fictitious "Demogemeente 004" ... "Demogemeente 342" (codes
//! 9004-9342, not used by CBS). Their sizes follow a Zipf-like curve, so a few are large:
//! Demogemeente 004 is always the largest, with about 9% of all persons.

/// At most this many persons: only the three region gemeenten.
pub const NATIONAL_THRESHOLD: usize = 5_000;
/// The number of gemeenten when the set is national.
pub const NATIONAL_GEMEENTEN: usize = 342;
/// The exponent of the size curve: rank k gets a share proportional to k^-0.8.
const ZIPF_EXPONENT: f64 = 0.8;

/// A gemeente as the generator uses it; ids are added when the plan is built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GemeenteSpec {
    pub naam: String,
    pub code: String,
    /// For e-mail addresses: `regisseur@{slug}.example`.
    pub slug: String,
    /// Postcode digits ranges with the woonplaats they belong to.
    pub areas: Vec<Area>,
    pub persons: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    pub first: u16,
    pub last: u16,
    pub woonplaats: String,
}

fn area(first: u16, last: u16, woonplaats: &str) -> Area {
    Area {
        first,
        last,
        woonplaats: woonplaats.to_owned(),
    }
}

fn region_spec(index: usize, persons: usize) -> GemeenteSpec {
    let (naam, code, areas) = match index {
        0 => ("Weert", "0988", vec![area(6001, 6006, "Weert")]),
        1 => ("Nederweert", "0946", vec![area(6031, 6031, "Nederweert")]),
        _ => (
            "Cranendonck",
            "1706",
            vec![
                area(6021, 6023, "Budel"),
                area(6026, 6026, "Maarheeze"),
                area(6027, 6029, "Soerendonk"),
            ],
        ),
    };
    GemeenteSpec {
        naam: naam.to_owned(),
        code: code.to_owned(),
        slug: naam.to_lowercase(),
        areas,
        persons,
    }
}

/// Demogemeente `nr` (4..=342) gets 26 postcode numbers of its own, skipping 6000-6099 (the region).
fn national_spec(nr: usize, persons: usize) -> GemeenteSpec {
    let naam = format!("Demogemeente {nr:03}");
    let offset = u16::try_from((nr - 4) * 26).unwrap_or(0);
    let mut first = 1000 + offset;
    if first + 25 >= 6000 {
        first += 100;
    }
    GemeenteSpec {
        code: format!("9{nr:03}"),
        slug: format!("demogemeente-{nr:03}"),
        areas: vec![area(first, first + 25, &naam)],
        naam,
        persons,
    }
}

/// Splits `total` over `weights` in proportion, exactly (largest remainder first).
pub fn apportion(total: usize, weights: &[f64]) -> Vec<usize> {
    let sum: f64 = weights.iter().sum();
    if weights.is_empty() || sum <= 0.0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut out: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|a, b| {
        let (ra, rb) = (exact[*a] - exact[*a].floor(), exact[*b] - exact[*b].floor());
        rb.total_cmp(&ra).then(a.cmp(b))
    });
    let short = total.saturating_sub(out.iter().sum());
    for i in order.into_iter().cycle().take(short) {
        out[i] += 1;
    }
    out
}

/// The gemeenten for a dataset of `persons`, largest region gemeente first.
pub fn gemeenten(persons: usize) -> Vec<GemeenteSpec> {
    gemeenten_with(persons, None)
}

/// As [`gemeenten`], with Demogemeente 004 (the largest) holding exactly `largest` persons when given
/// (the benchmark's "one gemeente of 100,000"); the others share the rest along the same curve.
pub fn gemeenten_with(persons: usize, largest: Option<usize>) -> Vec<GemeenteSpec> {
    if persons <= NATIONAL_THRESHOLD {
        let sizes = apportion(persons, &[60.0, 25.0, 15.0]);
        return sizes
            .into_iter()
            .enumerate()
            .map(|(i, n)| region_spec(i, n))
            .collect();
    }
    // The region keeps a realistic caseload (hundreds to a few thousand), growing slowly with the set.
    let weert = (persons * 6 / 1000).clamp(600, 3000);
    let region = [weert, weert * 25 / 60, weert * 15 / 60];
    let rest = persons - region.iter().sum::<usize>();
    let weights: Vec<f64> = (1..=NATIONAL_GEMEENTEN - 3)
        .map(|rank| (rank as f64).powf(-ZIPF_EXPONENT))
        .collect();
    let national = match largest {
        Some(big) if big <= rest && !weights.is_empty() => {
            let mut n = vec![big];
            n.extend(apportion(rest - big, &weights[1..]));
            n
        }
        _ => apportion(rest, &weights),
    };
    let mut out: Vec<GemeenteSpec> = region
        .iter()
        .enumerate()
        .map(|(i, n)| region_spec(i, *n))
        .collect();
    out.extend(
        national
            .into_iter()
            .enumerate()
            .map(|(i, n)| national_spec(i + 4, n)),
    );
    out
}

/// The chain partners of the Weert/Nederweert/Cranendonck pilot (seeds catalogue §2.1 and §2.2).
pub const PARTNERS: &[&str] = &[
    "Werk.Kom",
    "Gilde Educatie",
    "Stichting VluchtelingenWerk Zuid-Nederland",
    "Algemeen Maatschappelijk Werk Midden-Limburg",
    "Punt Welzijn",
    "Centrum voor Jeugd en Gezin Midden-Limburg",
    "GGD Limburg-Noord",
    "Bibliocenter",
    "Wonen Limburg",
    "COA (AZC Weert)",
    "Citaverde College",
    "Gilde Opleidingen",
    "Stichting Papili",
    "UAF",
    "Leerwerkloket Midden-Limburg",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_sets_are_the_region_split_60_25_15() {
        let g = gemeenten(1000);
        let sizes: Vec<_> = g.iter().map(|g| g.persons).collect();
        assert_eq!(sizes, vec![600, 250, 150]);
        assert_eq!(g[0].code, "0988");
        assert_eq!(g[2].slug, "cranendonck");
        assert_eq!(gemeenten(7).iter().map(|g| g.persons).sum::<usize>(), 7);
    }

    #[test]
    fn large_sets_span_342_gemeenten_with_a_large_one() {
        let g = gemeenten(250_000);
        assert_eq!(g.len(), NATIONAL_GEMEENTEN);
        assert_eq!(g.iter().map(|g| g.persons).sum::<usize>(), 250_000);
        let largest = g.iter().map(|g| g.persons).max().unwrap_or(0);
        assert!((20_000..=25_000).contains(&largest), "{largest}");
        assert_eq!(g[3].naam, "Demogemeente 004");
        assert_eq!(g[3].persons, largest);
        assert_eq!(g[341].code, "9342");
        assert!(
            (1000..=3000).contains(&g[0].persons),
            "Weert {}",
            g[0].persons
        );
        assert!(g.iter().all(|g| g.persons >= 100));
        let codes: std::collections::HashSet<_> = g.iter().map(|g| &g.code).collect();
        assert_eq!(codes.len(), NATIONAL_GEMEENTEN);
        assert!(g.iter().all(|g| g.areas.iter().all(|a| a.last <= 9999)));
        let clear_of_region = |a: &Area| a.last < 6001 || a.first > 6031;
        assert!(g[3..].iter().all(|g| g.areas.iter().all(clear_of_region)));
    }
}
