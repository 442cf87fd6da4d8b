//! Names, chosen so nobody can mistake demo data for a real person.
//!
//! First names are real names common in the country of origin (a made-up first name would look odd
//! in a demo, and a first name alone identifies nobody). Surnames are always invented: a Dutch word
//! for "example" or "draft" (Demo, Voorbeeld, Proef, Schets, Sjabloon, ...) joined to an ending in the
//! style of the origin, such as "Al-Demouri", "Voorbeeldani", "Tesfademo", "Proefoglu" or
//! "Schetszadeh". No real family carries these names. Staff get Dutch first names with equally
//! invented surnames ("Anouk Demostra", "Bram van Voorbeeld"). Streets are invented too.

use rand::rngs::StdRng;

use super::pick::{chance, one_of};

/// The naming tradition of a country of origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Arabic,
    HornOfAfrica,
    Turkish,
    Persian,
    Somali,
}

const ROOTS: &[&str] = &[
    "Demo",
    "Voorbeeld",
    "Proef",
    "Test",
    "Fictie",
    "Oefen",
    "Model",
    "Schets",
    "Verzin",
    "Droom",
    "Spiegel",
    "Schaduw",
    "Papier",
    "Inkt",
    "Pixel",
    "Sjabloon",
    "Ontwerp",
    "Kladblok",
];

struct StyleNames {
    men: &'static [&'static str],
    women: &'static [&'static str],
}

const ARABIC: StyleNames = StyleNames {
    men: &[
        "Mohammed", "Ahmad", "Omar", "Khaled", "Yousef", "Ali", "Hassan", "Mahmoud", "Ibrahim",
        "Mustafa", "Samer", "Rami", "Bassam", "Tarek", "Walid", "Fadi", "Hussein", "Karim",
        "Nabil", "Ziad", "Anas", "Hamza",
    ],
    women: &[
        "Fatima", "Amal", "Rania", "Noor", "Hiba", "Layla", "Reem", "Mariam", "Aya", "Salma",
        "Dima", "Hala", "Lina", "Yasmin", "Rasha", "Nour", "Sara", "Huda", "Manal", "Ghada",
        "Rawan", "Asmaa",
    ],
};

const HORN: StyleNames = StyleNames {
    men: &[
        "Yonas", "Tesfay", "Mehari", "Dawit", "Filmon", "Semere", "Robel", "Henok", "Kidane",
        "Amanuel", "Berhane", "Tekle", "Biniam", "Mussie", "Yohannes", "Natnael", "Samuel",
        "Efrem",
    ],
    women: &[
        "Helen", "Senait", "Selam", "Hiwet", "Luwam", "Saba", "Rahel", "Mebrat", "Feven", "Eden",
        "Yordanos", "Winta", "Tsega", "Almaz", "Abeba", "Ruth", "Meron", "Sara",
    ],
};

const TURKISH: StyleNames = StyleNames {
    men: &[
        "Mehmet", "Mustafa", "Emre", "Murat", "Hasan", "Serkan", "Baran", "Kemal", "Ahmet",
        "Yusuf", "Burak", "Deniz", "Rojhat", "Cem",
    ],
    women: &[
        "Ayşe", "Elif", "Zeynep", "Fatma", "Emine", "Derya", "Berfin", "Songül", "Hatice", "Leyla",
        "Rojda", "Özlem", "Gül", "Merve",
    ],
};

const PERSIAN: StyleNames = StyleNames {
    men: &[
        "Ahmad", "Reza", "Ali", "Hamid", "Farid", "Mohammad", "Javad", "Sohrab", "Nasir", "Omid",
        "Mehdi", "Karim", "Wahid", "Jawad",
    ],
    women: &[
        "Maryam", "Zahra", "Fatemeh", "Parisa", "Shirin", "Nilufar", "Soraya", "Mina", "Sahar",
        "Farida", "Nazanin", "Roya", "Mahsa", "Freshta",
    ],
};

const SOMALI: StyleNames = StyleNames {
    men: &[
        "Abdi",
        "Abdullahi",
        "Mahad",
        "Liban",
        "Hassan",
        "Yusuf",
        "Faarax",
        "Cabdi",
        "Mohamed",
        "Guled",
    ],
    women: &[
        "Hodan", "Faadumo", "Sahra", "Ifrah", "Ayaan", "Hawa", "Nimco", "Ubah", "Sagal", "Ladan",
    ],
};

impl Style {
    fn names(self) -> &'static StyleNames {
        match self {
            Style::Arabic => &ARABIC,
            Style::HornOfAfrica => &HORN,
            Style::Turkish => &TURKISH,
            Style::Persian => &PERSIAN,
            Style::Somali => &SOMALI,
        }
    }

    /// One or (sometimes) two first names.
    pub fn voornamen(self, rng: &mut StdRng, man: bool) -> String {
        let list = if man {
            self.names().men
        } else {
            self.names().women
        };
        let first = one_of(rng, list);
        if chance(rng, 0.15) {
            let second = one_of(rng, list);
            if second != first {
                return format!("{first} {second}");
            }
        }
        (*first).to_owned()
    }

    /// An invented surname, with a tussenvoegsel now and then ("el").
    pub fn achternaam(self, rng: &mut StdRng) -> (Option<String>, String) {
        let root = one_of(rng, ROOTS);
        let lower = root.to_lowercase();
        match self {
            Style::Arabic => {
                let ending = one_of(
                    rng,
                    &["ouri", "ani", "awi", "adi", "ami", "ari", "eddin", "oun"],
                );
                match rng_pct(rng) {
                    0..=34 => (None, format!("Al-{root}{ending}")),
                    35..=39 => (Some("el".to_owned()), format!("{root}{ending}")),
                    _ => (None, format!("{root}{ending}")),
                }
            }
            Style::HornOfAfrica => {
                let head = one_of(
                    rng,
                    &[
                        "Tesfa", "Gebre", "Haile", "Weldu", "Berhe", "Kidane", "Mehari", "Asmerom",
                    ],
                );
                (None, format!("{head}{lower}"))
            }
            Style::Turkish => {
                let ending = one_of(rng, &["oglu", "kaya", "han", "soy", "dag", "tas"]);
                (None, format!("{root}{ending}"))
            }
            Style::Persian => {
                let ending = one_of(rng, &["zadeh", "pour", "ian", "i", "nejad", "yar"]);
                (None, format!("{root}{ending}"))
            }
            Style::Somali => {
                let ending = one_of(rng, &["waal", "le", "ow", "ane", "deeq"]);
                (None, format!("{root}{ending}"))
            }
        }
    }
}

fn rng_pct(rng: &mut StdRng) -> u32 {
    rand::Rng::gen_range(rng, 0..100)
}

const STAFF_FIRST: &[&str] = &[
    "Anouk", "Bram", "Sanne", "Joris", "Lotte", "Daan", "Fleur", "Thijs", "Iris", "Ruben", "Eva",
    "Bas", "Noor", "Sem", "Lieke", "Koen", "Femke", "Jeroen", "Marloes", "Pieter",
];

const STAFF_SURNAME: &[&str] = &[
    "Demostra",
    "van Voorbeeld",
    "Proefsma",
    "Testerink",
    "van der Oefen",
    "Fictiema",
    "de Schets",
    "Modelaar",
    "van Sjabloon",
    "Verzinga",
    "de Demo",
    "Kladhuis",
    "van Ontwerpen",
    "Papierse",
    "Inktvelt",
];

/// The `i`-th staff name of gemeente number `g`: distinct for the first 300 of a gemeente.
pub fn staff_name(g: usize, i: usize) -> String {
    let first = STAFF_FIRST[(i + g * 7) % STAFF_FIRST.len()];
    let last = STAFF_SURNAME[(i / STAFF_FIRST.len() + g * 3) % STAFF_SURNAME.len()];
    format!("{first} {last}")
}

pub const STREETS: &[&str] = &[
    "Voorbeeldstraat",
    "Demolaan",
    "Proefweg",
    "Oefenpad",
    "Fictiefplein",
    "Testerstraat",
    "Schetsboog",
    "Modelhof",
    "Verzinselsingel",
    "Sjabloonstraat",
    "Concepthof",
    "Denkbeeldlaan",
];
