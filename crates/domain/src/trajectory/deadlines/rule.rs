//! The single list of implemented rules. Every rule the engine, the PIP checks (pip slice) and the
//! werkvoorraad apply has a variant here, named by its row id in
//! `../shared/domain/wi2021-rules-verified.md`; `docs/rules.md` lists them all (a test checks it).

/// How firm a rule's value is (labels of the verified rules file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegelLabel {
    /// Read verbatim in the statute or DUO's published spec.
    VPrimary,
    /// Date arithmetic or interpretation of V-primary text.
    Derived,
    /// Local policy: a per-gemeente setting (name) with a default.
    Lokaal(&'static str),
    /// Not verified: a per-gemeente setting (name) with the unverified value as default.
    R(&'static str),
}

impl RegelLabel {
    /// The status column of docs/rules.md.
    pub fn tekst(self) -> String {
        match self {
            RegelLabel::VPrimary => "verified".to_owned(),
            RegelLabel::Derived => "derived".to_owned(),
            RegelLabel::Lokaal(s) => format!("setting: {s} (local)"),
            RegelLabel::R(s) => format!("setting: {s} (unverified)"),
        }
    }
}

macro_rules! regels {
    ($( $(#[$m:meta])* $v:ident = $id:literal, $naam:literal, $bron:literal, $waarde:literal, $label:expr; )+) => {
        /// One implemented rule.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Regel { $( $(#[$m])* $v ),+ }

        impl Regel {
            pub const ALL: &'static [Regel] = &[$(Regel::$v),+];

            /// Row id in the verified rules file ("D-1", "M-4"); werkvoorraad signals use "WV-n".
            pub fn id(self) -> &'static str { match self { $(Regel::$v => $id),+ } }
            /// Dutch name.
            pub fn naam(self) -> &'static str { match self { $(Regel::$v => $naam),+ } }
            /// Article and lid (or spec section).
            pub fn bron(self) -> &'static str { match self { $(Regel::$v => $bron),+ } }
            /// The value implemented.
            pub fn waarde(self) -> &'static str { match self { $(Regel::$v => $waarde),+ } }
            pub fn label(self) -> RegelLabel { match self { $(Regel::$v => $label),+ } }
        }
    };
}

use RegelLabel::{Derived, Lokaal, R, VPrimary};

regels! {
    PipNaKennisgeving = "D-1", "PIP uiterlijk 10 weken na kennisgeving", "Besluit inburgering 2021 art. 5.3 lid 1 eerste zin", "kennisgeving + 70 dagen", VPrimary;
    PipNaBrpInschrijving = "D-2", "PIP na BRP-inschrijving (Huisvestingswet)", "Besluit inburgering 2021 art. 5.3 lid 1 tweede zin", "BRP-inschrijving in de huisvestingsgemeente + 70 dagen, alleen als nog niet ingeschreven op de kennisgevingsdatum", VPrimary;
    PipNaDerdeInformatie = "D-3", "PIP na informatie van een derde", "Besluit inburgering 2021 art. 5.3 lid 2", "ontvangst + 14 dagen (nooit eerder dan D-1/D-2; niet na verhuizing)", VPrimary;
    PipNaVerhuizing = "D-7", "PIP na verhuizing", "Besluit inburgering 2021 art. 5.3 lid 3", "inschrijving nieuwe gemeente + 70 dagen", VPrimary;
    Termijnenwet = "D-10", "Algemene termijnenwet", "Algemene termijnenwet art. 1 lid 1, art. 3 lid 1", "einde op za/zo/feestdag -> eerstvolgende werkdag", Lokaal("termijnwet_toepassen");
    TermijnDuur = "E-1", "Inburgeringstermijn drie jaar", "Wet inburgering 2021 art. 11 lid 1", "3 jaar", VPrimary;
    TermijnStart = "E-2", "Start inburgeringstermijn", "Wet inburgering 2021 art. 11 lid 2", "dag na dagtekening eerste PIP", VPrimary;
    TermijnVast = "E-3", "Start wijzigt niet bij nieuwe PIP", "Wet inburgering 2021 art. 11 lid 3", "alleen de eerste PIP telt", VPrimary;
    TermijnEinddatum = "E-4", "Einddatum (exclusief)", "Wet inburgering 2021 art. 11; DUO Inburgeringstermijn API", "start + 36 maanden (exclusief), laatste dag = einddatum - 1", Derived;
    TermijnVerlenging = "E-5", "Verlenging door DUO", "Wet inburgering 2021 art. 12 lid 1", "laatste nieuwe einddatum telt, nooit korter", VPrimary;
    VerlengingAanvraagVenster = "E-10", "Aanvraag verlenging", "Besluit inburgering 2021 art. 4.5 lid 1", "niet eerder dan einddatum - 6 maanden", VPrimary;
    TermijnBegrip = "E-12", "Termijn omvat verlengde en nieuwe termijn", "Besluit inburgering 2021 art. 4.1", "verlengingen en nieuwe termijnen na boete tellen als termijn", VPrimary;
    AantalVoortgangsgesprekken = "F-3", "Aantal voortgangsgesprekken in PIP", "Besluit inburgering 2021 art. 5.3 lid 4", "aantal vastleggen in de PIP", VPrimary;
    VoortgangFrequentie = "F-3a", "Frequentie voortgangsgesprekken", "Wet inburgering 2021 art. 17 lid 1; Besluit 5.3 (geen frequentie)", "laatste gesprek (of eerste PIP) + interval", Lokaal("voortgang_interval_maanden");
    SchakelenVenster = "F-4", "Schakelen binnen anderhalf jaar", "Besluit inburgering 2021 art. 5.4 lid 1", "start termijn + 18 maanden", VPrimary;
    AfschalenAlleenB1 = "F-8", "Afschalen alleen in de B1-route", "Wet inburgering 2021 art. 17 lid 3", "B1 -> A2 voor alle of enkele taalonderdelen", VPrimary;
    Afschalen600Uur = "F-9", "Afschalen na 600 cursusuren", "Besluit inburgering 2021 art. 5.5 lid 1-2", "minstens 600 NT2-cursusuren (intake-uren tellen mee)", VPrimary;
    InspanningVoorPip = "F-10", "Inspanningen voor de PIP tellen niet", "Besluit inburgering 2021 art. 5.3 lid 5", "alleen uren vanaf de dagtekening, behalve intake-uren", VPrimary;
    PlichtInhoud = "A-5", "Inhoud inburgeringsplicht", "Wet inburgering 2021 art. 6 lid 1", "PVT + MAP + examen, onderwijsroute of Z-route", VPrimary;
    B1Examen = "G-1", "Inburgeringsexamen B1-route", "Wet inburgering 2021 art. 7 lid 1", "taal op minstens het niveau van de PIP + KNM", VPrimary;
    Taalonderdelen = "G-2", "Taalonderdelen", "Besluit inburgering 2021 art. 3.3", "LE, LU, SC, SP", VPrimary;
    OnderwijsrouteGeenMap = "G-5", "Onderwijsroute zonder MAP", "Wet inburgering 2021 art. 8 lid 3", "geen MAP in de onderwijsroute; PVT wel", VPrimary;
    PvtUren = "G-8", "PVT minstens 12 uur", "Besluit inburgering 2021 art. 3.1 lid 3", "12 uur", VPrimary;
    MapUrennorm = "G-9a", "MAP-urennorm", "Regeling inburgering 2021 (niet gelezen)", "64 uur (standaard)", R("map_urennorm");
    ZRouteAsiel = "G-10", "Z-route asielstatushouders", "Besluit inburgering 2021 art. 3.14 lid 2", "800 cursusuren + 800 participatie-uren + eindgesprek", VPrimary;
    ZRouteOverig = "G-11", "Z-route gezins- en overige migranten", "Besluit inburgering 2021 art. 3.14 lid 3", "800 cursusuren + eindgesprek", VPrimary;
    ZRouteAftrekMapPvt = "G-12", "MAP- en PVT-uren in mindering", "Besluit inburgering 2021 art. 3.14 lid 5", "participatienorm = 800 - MAP - PVT", VPrimary;
    ZRouteIntakeUren = "G-13", "Intake-uren tellen mee", "Besluit inburgering 2021 art. 3.14 lid 6", "uren tijdens de brede intake tellen", VPrimary;
    BegeleidingStart = "H-1", "Start maatschappelijke begeleiding", "Wet inburgering 2021 art. 13 lid 1 en 3", "dag van BRP-inschrijving, asielstatushouders", VPrimary;
    BegeleidingDuur = "H-2", "Duur maatschappelijke begeleiding", "Wet inburgering 2021 art. 13 (geen duur)", "6 maanden (standaard)", Lokaal("begeleiding_maanden");
    OntzorgenDoelgroep = "H-3", "Financieel ontzorgen: doelgroep", "Participatiewet art. 56a lid 1", "bijstand + inburgeringsplichtig + asielvergunning", VPrimary;
    OntzorgenDuur = "H-4", "Financieel ontzorgen zes maanden", "Participatiewet art. 56a lid 2", "precies 6 maanden vanaf recht op bijstand", VPrimary;
    Ontheffing = "K-1", "Ontheffing (geheel of gedeeltelijk)", "Wet inburgering 2021 art. 5 lid 1-2", "geheel: voldaan; gedeeltelijk: onderdelen vervallen", VPrimary;
    Vrijstelling = "K-5", "Vrijstelling (geheel of gedeeltelijk)", "Besluit inburgering 2021 art. 2.3; DUO Vrijstelling API", "geheel: voldaan; gedeeltelijk: onderdelen vervallen", VPrimary;
    DuoDagtekeningNaStart = "M-1", "Dagtekening niet voor start plicht", "DUO M2M README, Het aanleveren van een PIP", "dagtekening >= start inburgeringsplicht", VPrimary;
    DuoDagtekeningGewijzigd = "M-2", "Dagtekening gewijzigde PIP", "DUO M2M README, Het aanleveren van een PIP", "dagtekening >= initiele en actuele PIP", VPrimary;
    DuoDagtekeningVestiging = "M-3", "Dagtekening niet voor vestiging", "DUO M2M README, Het aanleveren van een PIP", "dagtekening >= vestiging in de gemeente", VPrimary;
    DuoRouteNiveau = "M-4", "Combinatie leerroute en niveau", "DUO M2M README, Het aanleveren van een PIP", "geen A2+O, geen B1+Z, geen A2+B op de eerste PIP", VPrimary;
    DuoIntensiteit = "M-5", "Geschatte intensiteit B1-route", "DUO M2M README; PIP API", "alleen B1-route en asielmigranten, 1-9999 uur", VPrimary;
    DuoMapPvtDatum = "M-7", "Datum MAP-eindgesprek en PVT-ondertekening", "DUO M2M README, MAP/PVT", ">= start termijn, niet in de toekomst", VPrimary;
    DuoVerwijtbaar = "M-8", "Verwijtbaar-indicator MAP/PVT", "DUO M2M README, MAP/PVT", "'Nee' alleen als termijn binnen 2 maanden eindigt, 'Ja' alleen na overschrijding", VPrimary;
    SignaalPipTweeWeken = "WV-1", "Werkvoorraad: PIP binnen twee weken", "Issue 7 (werkvoorraad), geen wettelijke regel", "14 dagen voor de wettelijke datum", Lokaal("vast: 14 dagen");
    SignaalTermijnZesMaanden = "WV-2", "Werkvoorraad: termijn eindigt, route onvolledig", "Issue 7; sluit aan bij Besluit 4.5 lid 1", "6 maanden voor de einddatum", Derived;
    SignaalGeenContact = "WV-3", "Werkvoorraad: geen contact", "Issue 7, geen wettelijke regel", "30 dagen (standaard)", Lokaal("geen_contact_dagen");
    SignaalOndersteuningEindigt = "WV-4", "Werkvoorraad: ontzorgen of begeleiding eindigt", "Issue 7, geen wettelijke regel", "28 dagen voor het einde", Lokaal("vast: 28 dagen");
}
