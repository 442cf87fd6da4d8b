//! The fixed Dutch text of the inzage export (AVG art. 15 lid 1-3): why, where from, to whom, how
//! long, the person's rights and whom to ask. Plain language (B1): the reader is an inburgeraar, often
//! reading Dutch as a second language. Only what the code really does is promised here.

use serde::Serialize;
use wegwijs_domain::audit::{
    ACTIVITEITEN, BEHEER_ACCOUNTS, RECHTEN_BETROKKENEN, REGIE_INBURGERING, TOEZICHT_PRIVACY,
    Verwerkingsactiviteit,
};

#[derive(Serialize, Clone)]
pub struct Doel {
    pub naam: &'static str,
    pub grondslag: &'static str,
    pub uitleg: &'static str,
}

#[derive(Serialize, Clone)]
pub struct Recht {
    pub recht: &'static str,
    pub uitleg: &'static str,
}

/// What an activity means for the person, in one sentence.
fn uitleg(a: &Verwerkingsactiviteit) -> &'static str {
    match a.id {
        id if id == REGIE_INBURGERING.id => {
            "Wij begeleiden u bij uw inburgering: wij maken samen met u een plan, volgen hoe het gaat \
             en regelen wat u daarvoor nodig heeft."
        }
        id if id == TOEZICHT_PRIVACY.id => {
            "Wij controleren wie uw gegevens heeft bekeken of gewijzigd, om misbruik te voorkomen en \
             te ontdekken."
        }
        id if id == RECHTEN_BETROKKENEN.id => {
            "Wij beantwoorden uw vragen over uw gegevens, zoals deze vraag om inzage."
        }
        id if id == BEHEER_ACCOUNTS.id => {
            "Wij beheren wie toegang heeft tot Wegwijs en beveiligen het systeem."
        }
        _ => "Een taak van de gemeente.",
    }
}

/// The purposes that apply to this person: the activities under which their log has rows, plus
/// regie (they are registered) and answering their request (this export), in register order.
pub fn doelen<'a>(logged: impl IntoIterator<Item = &'a str>) -> Vec<Doel> {
    let logged: Vec<&str> = logged.into_iter().collect();
    ACTIVITEITEN
        .iter()
        .filter(|a| {
            a.id == REGIE_INBURGERING.id
                || a.id == RECHTEN_BETROKKENEN.id
                || logged.contains(&a.id)
                || logged.contains(&a.naam)
        })
        .map(|a| Doel {
            naam: a.naam,
            grondslag: a.grondslag,
            uitleg: uitleg(a),
        })
        .collect()
}

pub const ONTVANGERS: &str = "Wegwijs geeft uw gegevens niet door aan organisaties buiten de \
     gemeente. Alleen medewerkers die daarvoor werken, kunnen ze zien. Wie dat heeft gedaan en voor \
     welke organisatie, staat hieronder bij \"Wie uw gegevens heeft verwerkt\".";

/// What the code does: nothing in Wegwijs deletes a record or the log; the log cannot be changed.
pub const BEWAARTERMIJN: &str = "Wegwijs verwijdert uw gegevens niet vanzelf. Er is in Wegwijs \
     nog geen eigen bewaarregel; daarom geldt de bewaartermijn volgens de selectielijst van de \
     gemeente. Het overzicht van wie uw gegevens heeft bekeken of gewijzigd, \
     wordt bewaard en kan door niemand worden veranderd, zodat het altijd klopt.";

pub const RECHTEN: [Recht; 4] = [
    Recht {
        recht: "Rectificatie",
        uitleg: "Klopt een gegeven niet? Dan kunt u vragen het te verbeteren of aan te vullen.",
    },
    Recht {
        recht: "Wissing",
        uitleg: "U kunt vragen uw gegevens te verwijderen. Dat kan niet als de wet de gemeente \
                 verplicht ze te bewaren.",
    },
    Recht {
        recht: "Beperking",
        uitleg: "U kunt vragen uw gegevens tijdelijk niet te gebruiken, bijvoorbeeld zolang wordt \
                 bekeken of ze kloppen.",
    },
    Recht {
        recht: "Bezwaar",
        uitleg: "U kunt bezwaar maken tegen het gebruik van uw gegevens vanwege uw persoonlijke \
                 situatie.",
    },
];

pub const KLACHT: &str = "Bent u het niet eens met hoe de gemeente met uw gegevens omgaat? Dan \
     kunt u een klacht indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).";

pub fn contact(gemeente: &str, kenmerk: &str) -> String {
    format!(
        "Heeft u vragen over dit overzicht, of wilt u een van uw rechten gebruiken? Neem dan contact \
         op met de privacyfunctionaris (functionaris gegevensbescherming) van de gemeente {gemeente}. \
         Noem daarbij het kenmerk {kenmerk}."
    )
}

/// The source of a log row as a person reads it.
pub fn bron(code: &str) -> String {
    match code {
        "ui" => "Wegwijs (scherm)".into(),
        "api" => "Wegwijs (koppeling)".into(),
        "cli" => "Wegwijs (beheer)".into(),
        "systeem" => "Wegwijs (automatisch)".into(),
        "" => "niet bekend".into(),
        other => other.to_string(),
    }
}

pub const LEESMIJ_ZONDER_PDF: &str = "Inzage in uw persoonsgegevens\r\n\r\nDe PDF van dit \
     overzicht kon niet worden gemaakt. Alle gegevens staan in het bestand inzage.json in deze \
     ZIP, met de exacte schrijfwijze. De privacyfunctionaris van de gemeente kan u helpen het te \
     lezen.\r\n";
