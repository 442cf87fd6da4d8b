//! The PIP beschikking as the person receives it: read back from the PDF's text and metadata.

mod support;

use support::{lines, pages, sample, text, xmp};
use wegwijs_documents::beschikking::{Activiteit, Doel, Vervanging};
use wegwijs_documents::{beschikking_pdf, samenvatting_pdf};

const SUMMARY_HEADINGS: [&str; 3] = [
    "Wat gaat u doen?",
    "Wie helpt u?",
    "Wanneer praten we weer?",
];

#[test]
fn the_letter_names_the_person_the_decision_the_route_the_date_and_the_bezwaar_clause() {
    let pdf = beschikking_pdf(&sample("Amal Haddad")).expect("pdf");
    let t = text(&pdf);
    for expected in [
        "Gemeente Weert",
        "Amal Haddad",
        "Beekstraat 12",
        "12 maart 2027",
        "PIP-2027-000123",
        "Besluit",
        "artikel 15 van de Wet inburgering 2021",
        "B1-route",
        "Geen alfabetisering nodig",
        "16 uur per week",
        "Participatieverklaringstraject (PVT)",
        "Module Arbeidsmarkt en Participatie (MAP)",
        "Een stageplek in de zorg vinden",
        "Taalschool Weert",
        "Opvang voor uw dochter",
        "Re-integratie naar werk",
        "heeft u gezegd dat u het eens bent met dit plan",
        "Wij voeren 12 voortgangsgesprekken met u",
        "loopt van 13 maart 2027 tot en met 12 maart 2030",
        // The bezwaar clause: Awb, six weeks, the deadline, where to send it.
        "Dan kunt u bezwaar maken",
        "binnen zes weken",
        "Algemene wet bestuursrecht",
        "24 april 2027",
        "Postbus 950",
        // Signature block.
        "namens het college van burgemeester en wethouders van Weert",
        "J. Janssen",
        "Teamleider inburgering",
    ] {
        assert!(t.contains(expected), "missing {expected:?} in:\n{t}");
    }
}

#[test]
fn the_summary_is_the_last_page_and_has_its_plain_dutch_headings() {
    let pdf = beschikking_pdf(&sample("Amal Haddad")).expect("pdf");
    let pages = pages(&pdf);
    assert!(
        pages.len() >= 3,
        "letter and summary: {} pages",
        pages.len()
    );
    let (last, letter) = pages.split_last().expect("pages");
    assert!(last.contains("Uw plan in het kort"), "{last}");
    for heading in SUMMARY_HEADINGS {
        assert!(
            last.contains(heading),
            "{heading:?} not on the last page:\n{last}"
        );
        assert!(
            letter.iter().all(|p| !p.contains(heading)),
            "{heading:?} is a summary heading"
        );
    }
    assert!(last.contains("U leert Nederlands tot niveau B1."), "{last}");
    assert!(last.contains("Mevrouw De Vries"), "{last}");
    assert!(last.contains("14 juni 2027"), "{last}");
    assert!(
        last.contains("Stuur de brief naar: het college van burgemeester en wethouders van Weert, Postbus 950, 6000 AZ Weert."),
        "{last}"
    );
}

#[test]
fn the_summary_stays_on_one_page_with_many_activities_and_goals() {
    let mut data = sample("Amal Haddad");
    let activiteit = data.activiteiten[0].clone();
    let doel = data.doelen[0].clone();
    data.activiteiten = (1..=20)
        .map(|i| Activiteit {
            wat: format!("Activiteit nummer {i} met een vrij lange omschrijving erbij"),
            aanbieder: format!("Aanbieder {i}"),
            ..activiteit.clone()
        })
        .collect();
    data.doelen = (1..=12)
        .map(|i| Doel {
            omschrijving: format!("Doel {i} met een omschrijving van een hele regel lang of meer"),
            ..doel.clone()
        })
        .collect();
    let pdf = samenvatting_pdf(&data).expect("pdf");
    let pages = pages(&pdf);
    assert_eq!(pages.len(), 1, "{pages:#?}");
    assert!(
        pages[0].contains("En nog 15 andere activiteiten"),
        "{}",
        pages[0]
    );
    let full = text(&beschikking_pdf(&data).expect("pdf"));
    assert!(
        full.contains("Activiteit nummer 20"),
        "the letter lists everything"
    );
}

#[test]
fn the_pdf_is_pdf_a_2b() {
    let pdf = beschikking_pdf(&sample("Amal Haddad")).expect("pdf");
    let xmp = xmp(&pdf);
    let squashed: String = xmp.split_whitespace().collect();
    assert!(
        squashed.contains("<pdfaid:part>2</pdfaid:part>") || squashed.contains("pdfaid:part=\"2\""),
        "{xmp}"
    );
    assert!(
        squashed.contains("<pdfaid:conformance>B</pdfaid:conformance>")
            || squashed.contains("pdfaid:conformance=\"B\""),
        "{xmp}"
    );
}

#[test]
fn typst_markup_in_the_data_prints_as_written() {
    let hostile = "#panic(\"x\") *bold* $x^2$ ] _kort_ <label> @ref // \\ #sys.exit()";
    let mut data = sample(hostile);
    data.kenmerk = "PIP-]#panic()".into();
    data.activiteiten[0].wat = hostile.into();
    data.eigen_visie.zienswijze = Some(hostile.into());
    let pdf = beschikking_pdf(&data).expect("markup in data is text, never code");
    let t = text(&pdf);
    for literal in [
        "#panic(\"x\")",
        "*bold*",
        "$x^2$",
        "_kort_",
        "<label>",
        "#sys.exit()",
    ] {
        assert!(
            t.contains(literal),
            "{literal:?} not printed as written:\n{t}"
        );
    }
    assert!(t.contains("PIP-]#panic()"), "{t}");
}

#[test]
fn same_data_same_bytes() {
    let a = beschikking_pdf(&sample("Amal Haddad")).expect("pdf");
    let b = beschikking_pdf(&sample("Amal Haddad")).expect("pdf");
    assert_eq!(a, b);
}

#[test]
fn the_onderwijsroute_has_no_map() {
    let mut data = sample("Amal Haddad");
    data.map = None;
    data.leerroute.naam = "Onderwijsroute".into();
    data.leerroute.intensiteit = None;
    let t = text(&beschikking_pdf(&data).expect("pdf"));
    assert!(t.contains("Onderwijsroute"), "{t}");
    assert!(!t.contains("MAP"), "{t}");
    assert!(!t.contains("Intensiteit 16"), "{t}");
}

#[test]
fn a_replacing_version_says_which_decision_it_replaces_and_why() {
    let mut data = sample("Amal Haddad");
    data.versie = 2;
    data.vervangt = Some(Vervanging {
        vorige_dagtekening: "12 maart 2027".into(),
        reden: "Schakelen naar de Z-route".into(),
    });
    let t = text(&beschikking_pdf(&data).expect("pdf"));
    assert!(t.contains("versie 2"), "{t}");
    assert!(
        t.contains("Dit besluit vervangt het besluit van 12 maart 2027"),
        "{t}"
    );
    assert!(t.contains("Schakelen naar de Z-route"), "{t}");
}

#[test]
fn a_concept_says_it_is_no_decision_yet() {
    let mut data = sample("Amal Haddad");
    data.concept = true;
    let t = text(&beschikking_pdf(&data).expect("pdf"));
    assert!(t.contains("CONCEPT"), "{t}");
    assert!(t.contains("Dit is nog geen besluit"), "{t}");
}

#[test]
fn a_name_the_fonts_cannot_show_is_transliterated_and_explained() {
    let pdf = beschikking_pdf(&sample("ሰምሃር ተስፋይ")).expect("pdf");
    let t = text(&pdf);
    assert!(t.contains("(*)"), "{t}");
    assert!(
        t.contains("In onze administratie staat de exacte schrijfwijze"),
        "{t}"
    );
}

#[test]
fn the_letter_text_snapshot() {
    let t = lines(&beschikking_pdf(&sample("Amal Haddad")).expect("pdf"))
        .iter()
        .map(|page| page.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n--- pagina ---\n\n");
    insta::assert_snapshot!(t);
}

#[test]
fn the_letterhead_and_bezwaar_clause_print_the_gemeentes_own_details() {
    let mut data = sample("Amal Haddad");
    data.gemeente.bezwaaradres = vec!["Postbus 10".into(), "6000 AB Weert".into()];
    let pages = pages(&beschikking_pdf(&data).expect("pdf"));
    let first = &pages[0];
    for expected in [
        "Postbus 950",
        "6000 AZ Weert",
        "Telefoon 14 0495",
        "www.weert.nl",
        "Retouradres: Postbus 950, 6000 AZ Weert",
    ] {
        assert!(
            first.contains(expected),
            "{expected:?} not in the letterhead:\n{first}"
        );
    }
    let t = pages.join("\n");
    assert!(
        t.contains("Het college van burgemeester en wethouders van Weert Postbus 10 6000 AB Weert"),
        "the bezwaar goes to its own address:\n{t}"
    );
    assert!(
        t.contains("U kunt ook bezwaar maken via www.weert.nl"),
        "{t}"
    );
}

#[test]
fn a_gemeente_without_letter_details_gets_no_placeholders() {
    let mut data = sample("Amal Haddad");
    data.gemeente.adres = vec![];
    data.gemeente.bezwaaradres = vec![];
    data.gemeente.telefoon = None;
    data.gemeente.website = None;
    data.contactpersoon = None;
    let t = text(&beschikking_pdf(&data).expect("pdf"));
    for placeholder in [
        "netnummer",
        "de website van de gemeente",
        "Retouradres",
        "Telefoon",
        "Bel ",
        "bezwaar maken via",
    ] {
        assert!(!t.contains(placeholder), "{placeholder:?} printed:\n{t}");
    }
    assert!(
        t.contains("Het college van burgemeester en wethouders van Weert"),
        "{t}"
    );
    assert!(t.contains("De gemeente Weert helpt u."), "{t}");
}

#[test]
fn a_word_longer_than_a_line_is_wrapped_not_cut() {
    let word: String = "Werkervaringsplek".chars().cycle().take(3_000).collect();
    let mut data = sample("Amal Haddad");
    data.doelen[0].wie = word.clone();
    data.doelen[0].omschrijving = "Een stageplek in de zorg vinden en daar een jaar blijven".into();
    let pdf = beschikking_pdf(&data).expect("pdf");
    // The word spans pages, so the running header and footer sit between its pieces: read back the
    // lines made only of its letters.
    let pieces: Vec<String> = lines(&pdf)
        .into_iter()
        .flatten()
        .filter(|l| l.chars().count() >= 8 && l.chars().all(|c| "Werkvaingspl".contains(c)))
        .collect();
    assert!(pieces.len() > 10, "wrapped over many lines: {pieces:?}");
    assert!(
        pieces.concat().contains(&word),
        "the long word is cut: {pieces:?}"
    );
    let longest = lines(&pdf)
        .iter()
        .flatten()
        .map(|l| l.chars().filter(|c| *c != '\u{200B}').count())
        .max()
        .unwrap_or(0);
    assert!(
        longest < 150,
        "a line of {longest} characters runs off the page"
    );
    // The goal keeps its column: its words are not put one per line.
    let t = text(&pdf);
    assert!(t.contains("Een stageplek in de zorg"), "{t}");
}

#[test]
fn one_activity_more_is_singular() {
    let mut data = sample("Amal Haddad");
    let activiteit = data.activiteiten[0].clone();
    data.activiteiten = (1..=6)
        .map(|i| Activiteit {
            wat: format!("Activiteit {i}"),
            ..activiteit.clone()
        })
        .collect();
    let t = text(&samenvatting_pdf(&data).expect("pdf"));
    assert!(
        t.contains("En nog 1 andere activiteit. Die staat in de brief."),
        "{t}"
    );
    assert!(!t.contains("activiteiten. Die staan"), "{t}");
}

#[test]
fn the_signature_says_namens_het_college_once() {
    let t = text(&beschikking_pdf(&sample("Amal Haddad")).expect("pdf"));
    assert_eq!(
        t.matches("namens het college van burgemeester en wethouders")
            .count(),
        1,
        "{t}"
    );
    let mut data = sample("Amal Haddad");
    data.ondertekenaar.functie = None;
    let t = text(&beschikking_pdf(&data).expect("pdf"));
    assert!(t.contains("J. Janssen"), "{t}");
}

#[test]
fn the_summary_has_its_own_title() {
    let letter = xmp(&beschikking_pdf(&sample("Amal Haddad")).expect("pdf"));
    let summary = xmp(&samenvatting_pdf(&sample("Amal Haddad")).expect("pdf"));
    assert!(
        letter.contains("Besluit persoonlijk plan inburgering"),
        "{letter}"
    );
    assert!(!summary.contains("Besluit persoonlijk plan"), "{summary}");
    assert!(summary.contains("Uw plan in het kort"), "{summary}");
}
