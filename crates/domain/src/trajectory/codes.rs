//! Code lists of the trajectory. Where DUO's chain specification has a code list (PIP, examens,
//! leerbaarheidstoets, ontheffing, vrijstelling), the codes here are DUO's own values, so the exchange
//! with DUO needs no translation table (see `../shared/duo/*/openapi.yml`).

code_enum! {
    /// The leerroute (Wet art. 6 lid 1 c, 7-9). DUO PIP API `leerroute`.
    #[derive(PartialOrd, Ord)]
    pub enum Leerroute {
        B1 = "B", "B1-route",
        Onderwijs = "O", "Onderwijsroute",
        Z = "Z", "Zelfredzaamheidsroute (Z-route)",
    }
}

code_enum! {
    /// The language level the leerroute aims at. DUO PIP API `niveau`.
    #[derive(PartialOrd, Ord)]
    pub enum Niveau {
        A2 = "A2", "A2",
        B1 = "B1", "B1",
    }
}

code_enum! {
    /// Whether literacy education is part of the route. DUO PIP API `indicatorAlfabetiseringsonderwijs`.
    pub enum AlfaIndicator {
        A = "A", "Onderwijs voor analfabeet",
        Aa = "AA", "Onderwijs voor anders-analfabeet",
        Nvt = "NVT", "Niet van toepassing",
    }
}

code_enum! {
    /// Result of the leerbaarheidstoets. DUO Leerbaarheidstoets API `resultaat`.
    pub enum LbtUitslag {
        B1Haalbaar = "B1-route haalbaar", "B1-route haalbaar",
        B1NietHaalbaar = "B1-route niet haalbaar", "B1-route niet haalbaar",
        Onbekend = "Onbekend", "Onbekend",
    }
}

code_enum! {
    /// An exam component. DUO Examen API `onderdeel`.
    #[derive(PartialOrd, Ord)]
    pub enum ExamenOnderdeel {
        Knm = "KNM", "Kennis van de Nederlandse Maatschappij",
        Le = "LE", "Leesvaardigheid",
        Lu = "LU", "Luistervaardigheid",
        Sc = "SC", "Schrijfvaardigheid",
        Sp = "SP", "Spreekvaardigheid",
    }
}

code_enum! {
    /// The level an exam was taken at. DUO Examen API `niveau`.
    #[derive(PartialOrd, Ord)]
    pub enum ExamenNiveau {
        A2 = "A2", "A2",
        B1 = "B1", "B1",
        B2 = "B2", "B2",
    }
}

code_enum! {
    /// An exam result. DUO Examen API `resultaat`.
    pub enum ExamenUitslag {
        Geslaagd = "Geslaagd", "Geslaagd",
        Gezakt = "Gezakt", "Gezakt",
        Geen = "Geen", "Geen resultaat te bepalen",
    }
}

code_enum! {
    /// Where the PIP stands in its life as a beschikking.
    pub enum PipStatus {
        Concept = "concept", "Concept",
        Vastgesteld = "vastgesteld", "Vastgesteld",
        Vervangen = "vervangen", "Vervangen door een nieuwe versie",
        Ingetrokken = "ingetrokken", "Ingetrokken",
    }
}

code_enum! {
    /// Why a new PIP version replaces the current one (Wet art. 17; Besluit 5.3 lid 3 and 6).
    pub enum PipWijzigingsreden {
        Schakelen = "schakelen", "Schakelen van leerroute",
        Afschalen = "afschalen", "Afschalen van B1 naar A2",
        Verhuizing = "verhuizing", "Verhuizing naar of uit de gemeente",
        Anders = "anders", "Andere reden",
    }
}

code_enum! {
    /// Where an intake conversation took place.
    pub enum GesprekPlaats {
        Azc = "azc", "AZC",
        Thuis = "thuis", "Thuis",
        Gemeentehuis = "gemeentehuis", "Gemeentehuis",
        Online = "online", "Online",
    }
}

code_enum! {
    /// How an interpreter took part.
    pub enum TolkSoort {
        Telefonisch = "telefonisch", "Telefonisch",
        Aanwezig = "aanwezig", "Aanwezig",
        Sleutelpersoon = "sleutelpersoon", "Sleutelpersoon",
    }
}

code_enum! {
    /// Status of one section of the brede intake.
    pub enum SectieStatus {
        NietGestart = "niet_gestart", "Niet gestart",
        Deels = "deels", "Deels ingevuld",
        Compleet = "compleet", "Compleet",
    }
}

code_enum! {
    /// A DUO decision that changes what the obligation asks (Wet art. 5; Besluit 2.3-2.8).
    pub enum DuoBesluitSoort {
        Vrijstelling = "vrijstelling", "Vrijstelling",
        Ontheffing = "ontheffing", "Ontheffing",
    }
}

code_enum! {
    /// Kind of ontheffing. DUO Ontheffing API `soort`.
    pub enum OntheffingSoort {
        Med = "MED", "Medisch",
        Bio = "BIO", "Bijzondere individuele omstandigheden",
    }
}

code_enum! {
    /// Kinds of hours that count towards the obligation (Besluit 3.1, 3.2, 3.14, 5.5).
    pub enum UrenSoort {
        Nt2Cursus = "nt2_cursus", "Cursusuren NT2 (incl. alfabetisering en KNM)",
        Participatie = "participatie", "Uren zelfredzaamheid, activering en participatie",
        Pvt = "pvt", "Participatieverklaringstraject",
        Map = "map", "Module Arbeidsmarkt en Participatie",
    }
}

code_enum! {
    /// The bezwaar and beroep stages of a beschikking (Awb).
    pub enum RechtsmiddelSoort {
        Bezwaar = "bezwaar", "Bezwaar",
        Beroep = "beroep", "Beroep",
    }
}

code_enum! {
    /// How a bezwaar or beroep ended.
    pub enum RechtsmiddelUitkomst {
        Gegrond = "gegrond", "Gegrond",
        DeelsGegrond = "deels_gegrond", "Deels gegrond",
        Ongegrond = "ongegrond", "Ongegrond",
        NietOntvankelijk = "niet_ontvankelijk", "Niet-ontvankelijk",
        Ingetrokken = "ingetrokken", "Ingetrokken",
    }
}

code_enum! {
    /// The ground on which the inburgeringsplicht was met or ended.
    pub enum VoldaanGrond {
        Examen = "examen", "Inburgeringsexamen behaald",
        Onderwijsroute = "onderwijsroute", "Onderwijsroute afgerond",
        ZRoute = "z_route", "Z-route afgerond",
        Vrijstelling = "vrijstelling", "Volledige vrijstelling",
        Ontheffing = "ontheffing", "Volledige ontheffing",
    }
}

code_enum! {
    /// The set of life domains (leefdomeinen) a gemeente uses in the brede intake and the PIP's goals.
    pub enum LeefdomeinenSet {
        Nederweert = "nederweert", "12 leefdomeinen (pilot Nederweert)",
        Drenthe = "drenthe", "5 domeinen (pilot Drenthe)",
        Zrm2017 = "zrm2017", "13 domeinen van de Zelfredzaamheid-Matrix 2017",
    }
}
