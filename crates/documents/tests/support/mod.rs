//! A sample beschikking and a way to read back what a PDF says.

use chrono::{TimeZone, Utc};
use wegwijs_documents::beschikking::{
    Activiteit, BeschikkingData, Contactpersoon, Doel, EigenVisie, Geadresseerde, Gemeente,
    Leerroute, Onderdeel, Ondertekenaar, Termijn, Voorwaarden,
};

/// A first PIP in the B1-route for `naam`, with every optional part filled in.
pub fn sample(naam: &str) -> BeschikkingData {
    BeschikkingData {
        gemeente: Gemeente {
            naam: "Weert".into(),
            adres: vec!["Postbus 950".into(), "6000 AZ Weert".into()],
            telefoon: Some("14 0495".into()),
            website: Some("www.weert.nl".into()),
            bezwaaradres: vec!["Postbus 950".into(), "6000 AZ Weert".into()],
        },
        geadresseerde: Geadresseerde {
            naam: naam.into(),
            adres: vec!["Beekstraat 12".into(), "6001 GA Weert".into()],
        },
        kenmerk: "PIP-2027-000123".into(),
        dagtekening: "12 maart 2027".into(),
        gemaakt_op: Utc
            .with_ymd_and_hms(2027, 3, 12, 9, 30, 0)
            .single()
            .expect("time"),
        concept: false,
        versie: 1,
        vervangt: None,
        leerroute: Leerroute {
            naam: "B1-route".into(),
            niveau: "B1".into(),
            alfabetisering: "Geen alfabetisering nodig".into(),
            intensiteit: Some("16 uur per week".into()),
            eenvoudig: "U leert Nederlands tot niveau B1.".into(),
        },
        pvt: Onderdeel {
            inhoud: "Workshops over de Nederlandse kernwaarden en een excursie.".into(),
            intensiteit: "12 uur".into(),
        },
        map: Some(Onderdeel {
            inhoud: "Oriëntatie op werk in de zorg.".into(),
            intensiteit: "64 uur".into(),
        }),
        begeleiding: vec!["Maandelijks gesprek met uw regisseur.".into()],
        doelen: vec![Doel {
            leefdomein: "Werk".into(),
            omschrijving: "Een stageplek in de zorg vinden".into(),
            streefdatum: "1 december 2027".into(),
            wie: "Regisseur en werkcoach".into(),
        }],
        activiteiten: vec![Activiteit {
            wat: "Taalcursus B1".into(),
            aanbieder: "Taalschool Weert".into(),
            uren_per_week: "12".into(),
            start: "1 april 2027".into(),
            eind: None,
        }],
        verplichtingen: vec!["U komt naar elk voortgangsgesprek.".into()],
        voorwaarden: Voorwaarden {
            kinderopvang: Some("Opvang voor uw dochter op maandag en woensdag.".into()),
            vervoer: None,
        },
        vve_afspraken: None,
        participatiewet: vec!["Re-integratie naar werk (artikel 7 Participatiewet)".into()],
        eigen_visie: EigenVisie {
            akkoord: true,
            zienswijze: None,
            datum: "5 maart 2027".into(),
        },
        aantal_voortgangsgesprekken: 12,
        volgend_voortgangsgesprek: Some("14 juni 2027".into()),
        inburgeringstermijn: Some(Termijn {
            start: "13 maart 2027".into(),
            eind: "12 maart 2030".into(),
        }),
        contactpersoon: Some(Contactpersoon {
            naam: "Mevrouw De Vries".into(),
            telefoon: Some("0495 575 000".into()),
            email: None,
        }),
        ondertekenaar: Ondertekenaar {
            naam: "J. Janssen".into(),
            functie: Some("Teamleider inburgering".into()),
        },
        bezwaar_uiterlijk: "24 april 2027".into(),
    }
}

/// The text of each page, whitespace collapsed to single spaces (line breaks are layout).
pub fn pages(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).expect("a readable PDF");
    doc.get_pages()
        .keys()
        .map(|&n| {
            let raw = doc.extract_text(&[n]).expect("page text");
            raw.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// Each page's lines as the PDF holds them (trimmed, empty ones left out): for snapshots a reviewer
/// can read.
pub fn lines(pdf: &[u8]) -> Vec<Vec<String>> {
    let doc = lopdf::Document::load_mem(pdf).expect("a readable PDF");
    doc.get_pages()
        .keys()
        .map(|&n| {
            let raw = doc.extract_text(&[n]).expect("page text");
            raw.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect()
        })
        .collect()
}

/// The whole document's text.
pub fn text(pdf: &[u8]) -> String {
    pages(pdf).join("\n")
}

/// The XMP metadata packet the catalog points to.
pub fn xmp(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("a readable PDF");
    let catalog = doc.catalog().expect("catalog");
    let id = catalog
        .get(b"Metadata")
        .and_then(|o| o.as_reference())
        .expect("a /Metadata stream");
    let stream = doc
        .get_object(id)
        .and_then(|o| o.as_stream())
        .expect("stream");
    let bytes = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    String::from_utf8(bytes).expect("XMP is UTF-8")
}
