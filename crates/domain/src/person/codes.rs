//! Code lists of the person record. Codes are stored and used in the API; labels are shown in the UI.

code_enum! {
    pub enum Geslacht {
        Man = "man", "Man",
        Vrouw = "vrouw", "Vrouw",
        Anders = "anders", "Anders / X",
    }
}

code_enum! {
    /// Doelgroep as the Wi2021 distinguishes it; DUO's Doelgroepindeling has only two groups.
    pub enum Doelgroep {
        Asielstatushouder = "asielstatushouder", "Asielstatushouder",
        Gezinsmigrant = "gezinsmigrant", "Gezinsmigrant",
        OverigeMigrant = "overige_migrant", "Overige migrant",
    }
}

impl Doelgroep {
    /// The group as DUO's Doelgroepindeling names it, for reports that must match DUO's figures.
    pub fn duo_doelgroepindeling(self) -> &'static str {
        match self {
            Doelgroep::Asielstatushouder => "Asielstatushouder",
            Doelgroep::Gezinsmigrant | Doelgroep::OverigeMigrant => {
                "Gezinsmigrant en overige migrant"
            }
        }
    }
}

code_enum! {
    /// Which law governs this person's inburgering.
    pub enum Regime {
        Wi2021 = "wi2021", "Wet inburgering 2021",
        Wi2013 = "wi2013", "Wet inburgering 2013",
        NietInburgeringsplichtig = "niet_plichtig", "Niet inburgeringsplichtig",
    }
}

code_enum! {
    /// Literacy, as the brede intake records it; it decides between the Z-route and the others.
    /// The labels leave out the intake's letter codes: a bare "NVT" on a dossier read as "niet van
    /// toepassing".
    pub enum Alfabetisering {
        A = "a", "Analfabeet",
        Aa = "aa", "Anders gealfabetiseerd (niet in het Latijnse schrift)",
        Nvt = "nvt", "Gealfabetiseerd in het Latijnse schrift",
    }
}

code_enum! {
    /// Highest education followed (in the country of origin or here).
    pub enum Opleidingsniveau {
        Geen = "geen", "Geen onderwijs gevolgd",
        Basisonderwijs = "basisonderwijs", "Basisonderwijs",
        VoortgezetOnderwijs = "voortgezet", "Voortgezet onderwijs",
        Beroepsonderwijs = "beroeps", "Beroepsonderwijs",
        HogerOnderwijs = "hoger", "Hoger onderwijs",
    }
}

impl Opleidingsniveau {
    /// At most primary education: a signal to look closely at leerbaarheid in the brede intake.
    pub fn is_laagopgeleid(self) -> bool {
        matches!(
            self,
            Opleidingsniveau::Geen | Opleidingsniveau::Basisonderwijs
        )
    }
}

code_enum! {
    /// Work experience, in the brackets the brede intake uses.
    pub enum Werkervaring {
        Geen = "geen", "Geen werkervaring",
        MinderDanTweeJaar = "kort", "Minder dan twee jaar",
        TweeJaarOfMeer = "lang", "Twee jaar of meer",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Every list: codes unique, lowercase snake_case, round-trip through parse, labels present.
    fn assert_list<T: Copy + PartialEq + std::fmt::Debug>(
        all: &[T],
        code: fn(T) -> &'static str,
        parse: fn(&str) -> Option<T>,
        label: fn(T) -> &'static str,
    ) {
        let mut seen = HashSet::new();
        for v in all {
            let c = code(*v);
            assert!(seen.insert(c), "duplicate code {c}");
            assert!(
                c.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{c}"
            );
            assert_eq!(parse(c), Some(*v));
            assert!(!label(*v).is_empty());
        }
        assert_eq!(parse("bestaat_niet"), None);
    }

    #[test]
    fn all_code_lists_are_consistent() {
        assert_list(
            Geslacht::ALL,
            Geslacht::code,
            Geslacht::parse,
            Geslacht::label,
        );
        assert_list(
            Doelgroep::ALL,
            Doelgroep::code,
            Doelgroep::parse,
            Doelgroep::label,
        );
        assert_list(Regime::ALL, Regime::code, Regime::parse, Regime::label);
        assert_list(
            Alfabetisering::ALL,
            Alfabetisering::code,
            Alfabetisering::parse,
            Alfabetisering::label,
        );
        assert_list(
            Opleidingsniveau::ALL,
            Opleidingsniveau::code,
            Opleidingsniveau::parse,
            Opleidingsniveau::label,
        );
        assert_list(
            Werkervaring::ALL,
            Werkervaring::code,
            Werkervaring::parse,
            Werkervaring::label,
        );
    }

    #[test]
    fn stored_codes_do_not_change() {
        // These strings are in databases; renaming one is a migration, not a refactor.
        assert_eq!(Geslacht::CODES, &["man", "vrouw", "anders"]);
        assert_eq!(
            Doelgroep::CODES,
            &["asielstatushouder", "gezinsmigrant", "overige_migrant"]
        );
        assert_eq!(Regime::CODES, &["wi2021", "wi2013", "niet_plichtig"]);
        assert_eq!(Alfabetisering::CODES, &["a", "aa", "nvt"]);
        assert_eq!(
            Opleidingsniveau::CODES,
            &["geen", "basisonderwijs", "voortgezet", "beroeps", "hoger"]
        );
        assert_eq!(Werkervaring::CODES, &["geen", "kort", "lang"]);
        assert_eq!(Geslacht::Anders.label(), "Anders / X");
    }

    #[test]
    fn duo_groups_gezinsmigrant_and_overige_migrant_together() {
        assert_eq!(
            Doelgroep::Asielstatushouder.duo_doelgroepindeling(),
            "Asielstatushouder"
        );
        assert_eq!(
            Doelgroep::Gezinsmigrant.duo_doelgroepindeling(),
            "Gezinsmigrant en overige migrant"
        );
        assert_eq!(
            Doelgroep::OverigeMigrant.duo_doelgroepindeling(),
            "Gezinsmigrant en overige migrant"
        );
    }

    #[test]
    fn laagopgeleid_means_at_most_basisonderwijs() {
        let low: Vec<_> = Opleidingsniveau::ALL
            .iter()
            .filter(|o| o.is_laagopgeleid())
            .copied()
            .collect();
        assert_eq!(
            low,
            vec![Opleidingsniveau::Geen, Opleidingsniveau::Basisonderwijs]
        );
    }
}
