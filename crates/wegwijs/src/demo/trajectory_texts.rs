//! The fictitious texts of the trajectory demo data: AZC locations, COA contacts, life domains with
//! their situation, barrier, wish and goal, and the activities of a PIP. Static, so rows borrow them.

/// AZC locations in and around the region (real towns, no real persons).
pub const AZC: &[&str] = &[
    "AZC Weert",
    "AZC Budel-Cranendonck",
    "AZC Venlo",
    "AZC Echt",
    "AZC Heerlen",
];

/// COA contacts: invented names with the `.example`-style obviousness of the rest of the demo.
pub const COA_CONTACTS: &[&str] = &[
    "M. Demovaart (COA)",
    "S. van Proefhoven (COA)",
    "K. Voorbeeldt (COA)",
    "A. Testerink (COA)",
];

pub const FUNCTIES: &[&str] = &[
    "Kapper",
    "Monteur",
    "Kok",
    "Boekhouder",
    "Verpleegkundige",
    "Leraar",
    "Bouwvakker",
    "Chauffeur",
    "Naaister",
    "Winkelmedewerker",
];

pub const KLACHTEN: &[&str] = &[
    "Rugklachten; kan niet lang zitten.",
    "Slaapproblemen sinds de vlucht.",
    "Diabetes, onder behandeling van de huisarts.",
    "Slechthorend aan één oor.",
];

/// A life domain of the Nederweert set (the default `leefdomeinen_set`) with demo texts.
pub struct Domein {
    pub code: &'static str,
    /// Special-category data (health): `bijzonder = true` on its intake section.
    pub bijzonder: bool,
    pub situatie: &'static str,
    pub belemmering: &'static str,
    pub wens: &'static str,
    pub doel: &'static str,
    pub uitvoerder: &'static str,
}

const fn dm(
    code: &'static str,
    bijzonder: bool,
    situatie: &'static str,
    belemmering: &'static str,
    wens: &'static str,
    doel: (&'static str, &'static str),
) -> Domein {
    Domein {
        code,
        bijzonder,
        situatie,
        belemmering,
        wens,
        doel: doel.0,
        uitvoerder: doel.1,
    }
}

pub const DOMEINEN: &[Domein] = &[
    dm(
        "participatie",
        false,
        "Zoekt werk, heeft nog geen netwerk.",
        "Diploma niet erkend.",
        "Werken in het eigen vak.",
        (
            "Werkervaring opdoen via een werkervaringsplaats",
            "Werk.Kom",
        ),
    ),
    dm(
        "communicatie",
        false,
        "Spreekt een beetje Engels.",
        "Weinig Nederlands.",
        "Zelf afspraken maken.",
        (
            "Zelfstandig een afspraak bij de huisarts maken",
            "Gilde Educatie",
        ),
    ),
    dm(
        "financien",
        false,
        "Ontvangt bijstand; ontzorgd.",
        "Brieven van instanties zijn moeilijk.",
        "Zelf de post en betalingen regelen.",
        (
            "Zelf de administratie bijhouden",
            "Algemeen Maatschappelijk Werk Midden-Limburg",
        ),
    ),
    dm(
        "huisvesting",
        false,
        "Woont in een huurwoning.",
        "Onbekend met huurtoeslag.",
        "Rustig wonen.",
        ("Huurtoeslag en woonregels kennen", "Wonen Limburg"),
    ),
    dm(
        "opvoeding-kinderopvang",
        false,
        "Kinderen op de basisschool.",
        "Onbekend met het schoolsysteem.",
        "Meedoen op school.",
        (
            "Deelnemen aan oudergesprekken op school",
            "Centrum voor Jeugd en Gezin Midden-Limburg",
        ),
    ),
    dm(
        "geestelijke-gezondheid",
        true,
        "Slaapt slecht.",
        "Zorgen over familie.",
        "Rust vinden.",
        (
            "Contact met de praktijkondersteuner GGZ",
            "GGD Limburg-Noord",
        ),
    ),
    dm(
        "lichamelijke-gezondheid",
        true,
        "Ingeschreven bij de huisarts.",
        "Rugklachten.",
        "Fit blijven.",
        ("Wekelijks bewegen bij de buurtsportcoach", "Punt Welzijn"),
    ),
    dm(
        "sociaal-netwerk",
        false,
        "Kent vooral landgenoten.",
        "Weinig Nederlandse contacten.",
        "Nederlandse vrienden maken.",
        ("Vrijwilligerswerk in de buurt", "Punt Welzijn"),
    ),
    dm(
        "dagelijks-leven",
        false,
        "Redt zich met hulp.",
        "Digitale formulieren.",
        "Zelf DigiD gebruiken.",
        ("DigiD aanvragen en gebruiken", "Bibliocenter"),
    ),
    dm(
        "onderwijs",
        false,
        "Wil verder leren.",
        "Geen Nederlands diploma.",
        "Een mbo-opleiding volgen.",
        ("Oriënteren op een mbo-opleiding", "Gilde Opleidingen"),
    ),
];

/// An activity of the PIP: what, by whom, hours per week.
pub struct Activiteit {
    pub omschrijving: &'static str,
    pub aanbieder: &'static str,
    pub uren: f64,
}

pub const TAALCURSUS: Activiteit = Activiteit {
    omschrijving: "Taalcursus Nederlands met KNM",
    aanbieder: "Gilde Educatie",
    uren: 12.0,
};

pub const PVT: Activiteit = Activiteit {
    omschrijving: "Participatieverklaringstraject (PVT)",
    aanbieder: "Punt Welzijn",
    uren: 3.0,
};

pub const MAP: Activiteit = Activiteit {
    omschrijving: "Module Arbeidsmarkt en Participatie (MAP)",
    aanbieder: "Werk.Kom",
    uren: 4.0,
};

/// Why a PIP version replaced the one before, by the reason's code.
pub fn toelichting(reden: &str) -> &'static str {
    match reden {
        "schakelen" => "Na de voortgangsgesprekken past een andere leerroute beter.",
        "afschalen" => "Na ruim 600 lesuren is niveau B1 niet haalbaar gebleken; verder op A2.",
        _ => "Doelen bijgesteld na het voortgangsgesprek.",
    }
}
