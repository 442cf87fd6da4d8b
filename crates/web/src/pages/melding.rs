//! The confirmation after an action ("Gegevens opgeslagen"). A handler that saved something redirects
//! with `?melding=<code>` (and `&aantal=N` for a count); the layout shows the fixed Dutch text for that
//! code in a `role="status"` region, which screen readers announce without moving focus.
//!
//! Only known codes are shown and only their fixed text: nothing typed into the URL ever reaches the
//! page, so a crafted link cannot make Wegwijs "say" something (phishing through a trusted page).

/// Every confirmation a page can show. The code is what travels in the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Melding {
    Opgeslagen,
    Aangemaakt,
    /// A referral to a chain partner was sent (issue 8).
    VerwijzingVerstuurd,
    /// A regisseur assigned; the number is how many household members moved along (`gezinsleden`).
    Toegewezen(u32),
    /// The regisseur took the person on; with how many household members.
    Overgenomen(u32),
    /// Several persons moved to another regisseur; `aantal` says how many, then the household members
    /// who moved along.
    Verplaatst(Option<u32>, u32),
    HuishoudenOpgeslagen,
    WachtwoordGewijzigd,
    TweedeFactorAan,
    TweedeFactorUit,
    OrganisatieOpgeslagen,
    /// A save whose input equalled what was stored: nothing written.
    Ongewijzigd,
    /// A beheerder removed someone's second factor. No name: the URL must not carry text to show.
    TweedeFactorGereset,
    /// A beheerder gave someone a new one-time password (shown once on the same page).
    WachtwoordGereset,
    // --- progress slice ---
    /// A voortgangsgesprek planned or recorded.
    GesprekOpgeslagen,
    /// "Inburgeringsplicht voldaan" confirmed.
    VoldaanVastgelegd,
    // --- end progress slice ---
    // The inburgering trajectory: PIP (issue 7).
    PipConcept,
    PipVastgesteld,
    PipIngetrokken,
    RechtsmiddelVastgelegd,
    // koppeling slice (issue 7).
    KoppelingOpgeslagen,
    // --- intake slice (issue 7) ---
    /// A section of the brede intake saved as a new version.
    SectieOpgeslagen,
    IntakeGesprekOpgeslagen,
    DerdeInfoOpgeslagen,
    IntakeAfgerond,
    // --- end intake slice ---
}

impl Melding {
    /// All codes, for tests and documentation.
    pub const CODES: &'static [&'static str] = &[
        "opgeslagen",
        "aangemaakt",
        "verwijzing-verstuurd",
        "toegewezen",
        "overgenomen",
        "verplaatst",
        "huishouden-opgeslagen",
        "wachtwoord-gewijzigd",
        "tweede-factor-aan",
        "tweede-factor-uit",
        "organisatie-opgeslagen",
        "ongewijzigd",
        "tweede-factor-gereset",
        "wachtwoord-gereset",
        // progress slice
        "gesprek-opgeslagen",
        "voldaan-vastgelegd",
        // PIP (issue 7).
        "pip-concept",
        "pip-vastgesteld",
        "pip-ingetrokken",
        "rechtsmiddel-vastgelegd",
        // koppeling slice (issue 7).
        "koppeling-opgeslagen",
        // --- intake slice (issue 7) ---
        "sectie-opgeslagen",
        "intake-gesprek-opgeslagen",
        "derde-info-opgeslagen",
        "intake-afgerond",
        // --- end intake slice ---
    ];

    /// The melding for a code; `aantal` only matters for `verplaatst`, `gezinsleden` for the three
    /// moves. Unknown codes give `None`.
    pub fn parse(code: &str, aantal: Option<&str>, gezinsleden: Option<&str>) -> Option<Melding> {
        // A count that is not a plain small number is dropped, not refused: the action did happen.
        let count = |v: Option<&str>| {
            v.and_then(|a| a.parse::<u32>().ok())
                .filter(|n| *n <= 1_000_000)
        };
        let leden = count(gezinsleden).unwrap_or(0);
        Some(match code {
            "opgeslagen" => Melding::Opgeslagen,
            "aangemaakt" => Melding::Aangemaakt,
            "verwijzing-verstuurd" => Melding::VerwijzingVerstuurd,
            "toegewezen" => Melding::Toegewezen(leden),
            "overgenomen" => Melding::Overgenomen(leden),
            "verplaatst" => Melding::Verplaatst(count(aantal), leden),
            "huishouden-opgeslagen" => Melding::HuishoudenOpgeslagen,
            "wachtwoord-gewijzigd" => Melding::WachtwoordGewijzigd,
            "tweede-factor-aan" => Melding::TweedeFactorAan,
            "tweede-factor-uit" => Melding::TweedeFactorUit,
            "organisatie-opgeslagen" => Melding::OrganisatieOpgeslagen,
            "ongewijzigd" => Melding::Ongewijzigd,
            "tweede-factor-gereset" => Melding::TweedeFactorGereset,
            "wachtwoord-gereset" => Melding::WachtwoordGereset,
            // progress slice
            "gesprek-opgeslagen" => Melding::GesprekOpgeslagen,
            "voldaan-vastgelegd" => Melding::VoldaanVastgelegd,
            // PIP (issue 7).
            "pip-concept" => Melding::PipConcept,
            "pip-vastgesteld" => Melding::PipVastgesteld,
            "pip-ingetrokken" => Melding::PipIngetrokken,
            "rechtsmiddel-vastgelegd" => Melding::RechtsmiddelVastgelegd,
            // koppeling slice (issue 7).
            "koppeling-opgeslagen" => Melding::KoppelingOpgeslagen,
            // --- intake slice (issue 7) ---
            "sectie-opgeslagen" => Melding::SectieOpgeslagen,
            "intake-gesprek-opgeslagen" => Melding::IntakeGesprekOpgeslagen,
            "derde-info-opgeslagen" => Melding::DerdeInfoOpgeslagen,
            "intake-afgerond" => Melding::IntakeAfgerond,
            // --- end intake slice ---
            _ => return None,
        })
    }

    /// The melding in a query string (`melding=...&aantal=...`); anything unreadable is no melding.
    pub fn from_query(query: Option<&str>) -> Option<Melding> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query?).ok()?;
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(name, _)| name == k)
                .map(|(_, v)| v.as_str())
        };
        Melding::parse(get("melding")?, get("aantal"), get("gezinsleden"))
    }

    pub fn code(self) -> &'static str {
        match self {
            Melding::Opgeslagen => "opgeslagen",
            Melding::Aangemaakt => "aangemaakt",
            Melding::VerwijzingVerstuurd => "verwijzing-verstuurd",
            Melding::Toegewezen(_) => "toegewezen",
            Melding::Overgenomen(_) => "overgenomen",
            Melding::Verplaatst(..) => "verplaatst",
            Melding::HuishoudenOpgeslagen => "huishouden-opgeslagen",
            Melding::WachtwoordGewijzigd => "wachtwoord-gewijzigd",
            Melding::TweedeFactorAan => "tweede-factor-aan",
            Melding::TweedeFactorUit => "tweede-factor-uit",
            Melding::OrganisatieOpgeslagen => "organisatie-opgeslagen",
            Melding::Ongewijzigd => "ongewijzigd",
            Melding::TweedeFactorGereset => "tweede-factor-gereset",
            Melding::WachtwoordGereset => "wachtwoord-gereset",
            // progress slice
            Melding::GesprekOpgeslagen => "gesprek-opgeslagen",
            Melding::VoldaanVastgelegd => "voldaan-vastgelegd",
            // PIP (issue 7).
            Melding::PipConcept => "pip-concept",
            Melding::PipVastgesteld => "pip-vastgesteld",
            Melding::PipIngetrokken => "pip-ingetrokken",
            Melding::RechtsmiddelVastgelegd => "rechtsmiddel-vastgelegd",
            // koppeling slice (issue 7).
            Melding::KoppelingOpgeslagen => "koppeling-opgeslagen",
            // --- intake slice (issue 7) ---
            Melding::SectieOpgeslagen => "sectie-opgeslagen",
            Melding::IntakeGesprekOpgeslagen => "intake-gesprek-opgeslagen",
            Melding::DerdeInfoOpgeslagen => "derde-info-opgeslagen",
            Melding::IntakeAfgerond => "intake-afgerond",
            // --- end intake slice ---
        }
    }

    /// The Dutch sentence the status region shows.
    pub fn text(self) -> String {
        match self {
            Melding::Opgeslagen => "Gegevens opgeslagen".into(),
            Melding::Aangemaakt => "Persoon aangemaakt".into(),
            Melding::VerwijzingVerstuurd => "Verwijzing verstuurd naar de partner".into(),
            Melding::Toegewezen(n) => format!("Regisseur toegewezen{}", en_gezinsleden(n)),
            Melding::Overgenomen(n) => format!("U bent nu de regisseur{}", en_gezinsleden(n)),
            Melding::Verplaatst(Some(1), n) => {
                format!("1 persoon overgedragen{}", en_gezinsleden(n))
            }
            Melding::Verplaatst(Some(p), n) => {
                format!("{p} personen overgedragen{}", en_gezinsleden(n))
            }
            Melding::Verplaatst(None, n) => format!("Personen overgedragen{}", en_gezinsleden(n)),
            Melding::HuishoudenOpgeslagen => "Huishouden opgeslagen".into(),
            Melding::WachtwoordGewijzigd => {
                "Uw wachtwoord is gewijzigd. Andere sessies zijn uitgelogd.".into()
            }
            Melding::TweedeFactorAan => "De tweede stap (authenticator-app) staat aan.".into(),
            Melding::TweedeFactorUit => "De tweede stap (authenticator-app) staat uit.".into(),
            Melding::OrganisatieOpgeslagen => "Organisatie opgeslagen".into(),
            Melding::Ongewijzigd => "Er was niets gewijzigd".into(),
            // PIP (issue 7).
            Melding::PipConcept => "PIP-concept opgeslagen".into(),
            Melding::PipVastgesteld => "PIP vastgesteld".into(),
            Melding::PipIngetrokken => "PIP ingetrokken".into(),
            Melding::RechtsmiddelVastgelegd => "Bezwaar of beroep vastgelegd".into(),
            Melding::TweedeFactorGereset => {
                "De tweestapsverificatie van de gebruiker is uitgezet; bij de \
                 volgende keer inloggen stelt de gebruiker een nieuwe in."
                    .into()
            }
            Melding::WachtwoordGereset => {
                "Er is een nieuw eenmalig wachtwoord ingesteld; de gebruiker \
                 kiest bij het inloggen een eigen wachtwoord."
                    .into()
            }
            // progress slice
            Melding::GesprekOpgeslagen => "Voortgangsgesprek opgeslagen".into(),
            Melding::VoldaanVastgelegd => "Vastgelegd: aan de inburgeringsplicht is voldaan".into(),
            // koppeling slice (issue 7).
            Melding::KoppelingOpgeslagen => "Koppeling en overdracht opgeslagen".into(),
            // --- intake slice (issue 7) ---
            Melding::SectieOpgeslagen => "Onderdeel opgeslagen als nieuwe versie".into(),
            Melding::IntakeGesprekOpgeslagen => "Gesprek vastgelegd".into(),
            Melding::DerdeInfoOpgeslagen => "Data van de informatie van derden opgeslagen".into(),
            Melding::IntakeAfgerond => "Intake afgerond".into(),
            // --- end intake slice ---
        }
    }
}

/// " en 2 gezinsleden" after a move that took household members along; nothing otherwise.
fn en_gezinsleden(n: u32) -> String {
    match n {
        0 => String::new(),
        1 => " en 1 gezinslid".into(),
        n => format!(" en {n} gezinsleden"),
    }
}

/// `path` with `?melding=<code>` added: where a handler redirects after a successful save.
pub fn redirect_to(path: &str, melding: Melding) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    let leden = |n: u32| {
        if n == 0 {
            String::new()
        } else {
            format!("&gezinsleden={n}")
        }
    };
    match melding {
        Melding::Verplaatst(Some(p), n) => {
            format!("{path}{sep}melding=verplaatst&aantal={p}{}", leden(n))
        }
        Melding::Verplaatst(None, n) | Melding::Toegewezen(n) | Melding::Overgenomen(n) => {
            format!("{path}{sep}melding={}{}", melding.code(), leden(n))
        }
        m => format!("{path}{sep}melding={}", m.code()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_code_round_trips_and_has_a_text() {
        for code in Melding::CODES {
            let m = Melding::parse(code, None, None).expect(code);
            assert_eq!(m.code(), *code);
            assert!(!m.text().is_empty());
        }
    }

    #[test]
    fn counts_are_read_from_aantal() {
        assert_eq!(
            Melding::from_query(Some("melding=verplaatst&aantal=3")).map(Melding::text),
            Some("3 personen overgedragen".into())
        );
        assert_eq!(
            Melding::from_query(Some("aantal=1&melding=verplaatst")).map(Melding::text),
            Some("1 persoon overgedragen".into())
        );
        assert_eq!(
            Melding::from_query(Some("melding=verplaatst&aantal=-4")).map(Melding::text),
            Some("Personen overgedragen".into())
        );
        assert_eq!(
            redirect_to("/caseload?regisseur=alle", Melding::Verplaatst(Some(2), 0)),
            "/caseload?regisseur=alle&melding=verplaatst&aantal=2"
        );
        assert_eq!(
            Melding::from_query(Some("melding=verplaatst&aantal=2&gezinsleden=3"))
                .map(Melding::text),
            Some("2 personen overgedragen en 3 gezinsleden".into())
        );
        assert_eq!(
            redirect_to("/personen/x", Melding::Toegewezen(1)),
            "/personen/x?melding=toegewezen&gezinsleden=1"
        );
        assert_eq!(
            redirect_to("/personen/x", Melding::Opgeslagen),
            "/personen/x?melding=opgeslagen"
        );
    }

    proptest! {
        /// Whatever is in the URL, the page shows one of the fixed texts or nothing.
        #[test]
        fn only_fixed_texts_are_shown(code in ".{0,40}", aantal in ".{0,12}") {
            let query = serde_urlencoded::to_string([("melding", &code), ("aantal", &aantal)]).unwrap_or_default();
            if let Some(m) = Melding::from_query(Some(&query)) {
                prop_assert!(Melding::CODES.contains(&code.as_str()));
                let text = m.text();
                prop_assert!(text.chars().all(|c| c.is_alphanumeric() || " ().-;".contains(c)));
            }
        }
    }
}
