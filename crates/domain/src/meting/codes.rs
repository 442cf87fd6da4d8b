//! The code lists of measurements: the instruments, the ZRM 2017 domains and steps, the language
//! skills and levels, and the moments of measuring.

code_enum! {
    /// The measuring instrument.
    pub enum Instrument {
        Zrm2017 = "zrm_2017", "Zelfredzaamheid-Matrix 2017",
        Taal = "taal", "Taalniveau per vaardigheid",
    }
}

code_enum! {
    /// The thirteen domains of the Zelfredzaamheid-Matrix 2017 (GGD Amsterdam, ZRM-Handleiding 2017),
    /// in the matrix's own order; the same list as the intake's `leefdomeinen::ZRM_2017`.
    pub enum ZrmDomein {
        Financien = "financien", "Financiën",
        WerkOpleiding = "werk_opleiding", "Werk & opleiding",
        Tijdsbesteding = "tijdsbesteding", "Tijdsbesteding",
        Huisvesting = "huisvesting", "Huisvesting",
        HuiselijkeRelaties = "huiselijke_relaties", "Huiselijke relaties",
        GeestelijkeGezondheid = "geestelijke_gezondheid", "Geestelijke gezondheid",
        LichamelijkeGezondheid = "lichamelijke_gezondheid", "Lichamelijke gezondheid",
        Middelengebruik = "middelengebruik", "Middelengebruik",
        BasaleAdl = "basale_adl", "Basale ADL",
        InstrumenteleAdl = "instrumentele_adl", "Instrumentele ADL",
        SociaalNetwerk = "sociaal_netwerk", "Sociaal netwerk",
        MaatschappelijkeParticipatie = "maatschappelijke_participatie", "Maatschappelijke participatie",
        Justitie = "justitie", "Justitie",
    }
}

impl ZrmDomein {
    /// A score on this domain is special-category data: health and addiction (AVG art. 9) or
    /// criminal matters (AVG art. 10). Shown only with a need, like the intake's gezondheid section
    /// (L-3, Besluit 9.11), and matching `bijzonder` of the intake's ZRM leefdomeinen.
    pub fn is_bijzonder(self) -> bool {
        matches!(
            self,
            Self::GeestelijkeGezondheid
                | Self::LichamelijkeGezondheid
                | Self::Middelengebruik
                | Self::Justitie
        )
    }

    /// The code of the same domain in the intake's leefdomeinen (kebab-case there), so a ZRM score
    /// can be shown next to the intake section and the PIP goals of that domain.
    pub fn leefdomein_code(self) -> String {
        self.code().replace('_', "-")
    }
}

code_enum! {
    /// A step (trede) of the ZRM scale, lowest first, with the matrix's official names.
    #[derive(PartialOrd, Ord)]
    pub enum ZrmTrede {
        AcuteProblematiek = "1", "1 – Acute problematiek",
        NietZelfredzaam = "2", "2 – Niet zelfredzaam",
        BeperktZelfredzaam = "3", "3 – Beperkt zelfredzaam",
        VoldoendeZelfredzaam = "4", "4 – Voldoende zelfredzaam",
        VolledigZelfredzaam = "5", "5 – Volledig zelfredzaam",
    }
}

code_enum! {
    /// The four language skills measured.
    pub enum Vaardigheid {
        Spreken = "spreken", "Spreken",
        Luisteren = "luisteren", "Luisteren",
        Lezen = "lezen", "Lezen",
        Schrijven = "schrijven", "Schrijven",
    }
}

code_enum! {
    /// A language level of the Common European Framework, lowest first (A0: not yet A1).
    #[derive(PartialOrd, Ord)]
    pub enum Taalniveau {
        A0 = "a0", "A0",
        A1 = "a1", "A1",
        A2 = "a2", "A2",
        B1 = "b1", "B1",
        B2 = "b2", "B2",
    }
}

code_enum! {
    /// When in the trajectory a measurement was taken.
    pub enum MeetMoment {
        Start = "start", "Startmeting",
        Tussentijds = "tussentijds", "Tussentijdse meting",
        Eind = "eind", "Eindmeting",
        AdHoc = "ad_hoc", "Losse meting",
    }
}

/// The position on its scale, for charts: ZRM 1 to 5, language A0 = 0 to B2 = 4.
pub trait Schaal: Copy {
    fn positie(self) -> u8;
}

impl Schaal for ZrmTrede {
    fn positie(self) -> u8 {
        match self {
            Self::AcuteProblematiek => 1,
            Self::NietZelfredzaam => 2,
            Self::BeperktZelfredzaam => 3,
            Self::VoldoendeZelfredzaam => 4,
            Self::VolledigZelfredzaam => 5,
        }
    }
}

impl Schaal for Taalniveau {
    fn positie(self) -> u8 {
        match self {
            Self::A0 => 0,
            Self::A1 => 1,
            Self::A2 => 2,
            Self::B1 => 3,
            Self::B2 => 4,
        }
    }
}
