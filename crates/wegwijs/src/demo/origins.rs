//! Countries of origin with the facts that follow from them: nationality, languages (and their
//! script, which decides AA versus NVT), education profile and naming style.
//!
//! Weights follow the seeds: most newcomers come from Syria and Eritrea, then Turkey, Afghanistan,
//! Iraq, Yemen, Iran, Somalia, Ethiopia and Sudan.

use rand::Rng;
use rand::rngs::StdRng;

use super::names::Style;
use super::pick::weighted_by;

/// A language and whether it is written in the Latin script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    pub naam: &'static str,
    pub latin: bool,
}

const ARABISCH: Language = Language {
    naam: "Arabisch",
    latin: false,
};
const TIGRINYA: Language = Language {
    naam: "Tigrinya",
    latin: false,
};
const KOERDISCH_KURMANJI: Language = Language {
    naam: "Koerdisch (Kurmanji)",
    latin: true,
};
const KOERDISCH_SORANI: Language = Language {
    naam: "Koerdisch (Sorani)",
    latin: false,
};
const TURKS: Language = Language {
    naam: "Turks",
    latin: true,
};
const DARI: Language = Language {
    naam: "Dari",
    latin: false,
};
const PASJTOE: Language = Language {
    naam: "Pasjtoe",
    latin: false,
};
const PERZISCH: Language = Language {
    naam: "Perzisch",
    latin: false,
};
const SOMALISCH: Language = Language {
    naam: "Somalisch",
    latin: true,
};
const AMHAARS: Language = Language {
    naam: "Amhaars",
    latin: false,
};
const OROMO: Language = Language {
    naam: "Oromo",
    latin: true,
};

pub struct Country {
    pub naam: &'static str,
    pub nationaliteit: &'static str,
    /// Share of newcomers, in percent.
    pub weight: u32,
    /// Mother tongues with their weights; the first picked is also the tolk's language.
    pub languages: &'static [(Language, u32)],
    /// Percent of people who also speak English.
    pub engels: u32,
    /// Weights for Geen, Basisonderwijs, Voortgezet, Beroeps, Hoger onderwijs.
    pub education: [u32; 5],
    pub style: Style,
}

pub const COUNTRIES: &[Country] = &[
    Country {
        naam: "Syrië",
        nationaliteit: "Syrische",
        weight: 40,
        languages: &[(ARABISCH, 85), (KOERDISCH_KURMANJI, 15)],
        engels: 25,
        education: [12, 33, 30, 10, 15],
        style: Style::Arabic,
    },
    Country {
        naam: "Eritrea",
        nationaliteit: "Eritrese",
        weight: 25,
        languages: &[(TIGRINYA, 92), (ARABISCH, 8)],
        engels: 20,
        education: [30, 35, 25, 6, 4],
        style: Style::HornOfAfrica,
    },
    Country {
        naam: "Turkije",
        nationaliteit: "Turkse",
        weight: 8,
        languages: &[(TURKS, 70), (KOERDISCH_KURMANJI, 30)],
        engels: 20,
        education: [10, 30, 30, 15, 15],
        style: Style::Turkish,
    },
    Country {
        naam: "Afghanistan",
        nationaliteit: "Afghaanse",
        weight: 6,
        languages: &[(DARI, 60), (PASJTOE, 40)],
        engels: 15,
        education: [35, 25, 22, 8, 10],
        style: Style::Persian,
    },
    Country {
        naam: "Irak",
        nationaliteit: "Iraakse",
        weight: 5,
        languages: &[(ARABISCH, 65), (KOERDISCH_SORANI, 35)],
        engels: 25,
        education: [15, 30, 30, 10, 15],
        style: Style::Arabic,
    },
    Country {
        naam: "Jemen",
        nationaliteit: "Jemenitische",
        weight: 4,
        languages: &[(ARABISCH, 100)],
        engels: 15,
        education: [25, 35, 25, 7, 8],
        style: Style::Arabic,
    },
    Country {
        naam: "Iran",
        nationaliteit: "Iraanse",
        weight: 4,
        languages: &[(PERZISCH, 100)],
        engels: 35,
        education: [5, 15, 30, 15, 35],
        style: Style::Persian,
    },
    Country {
        naam: "Somalië",
        nationaliteit: "Somalische",
        weight: 3,
        languages: &[(SOMALISCH, 100)],
        engels: 15,
        education: [40, 30, 20, 5, 5],
        style: Style::Somali,
    },
    Country {
        naam: "Ethiopië",
        nationaliteit: "Ethiopische",
        weight: 3,
        languages: &[(AMHAARS, 60), (OROMO, 40)],
        engels: 20,
        education: [25, 35, 25, 8, 7],
        style: Style::HornOfAfrica,
    },
    Country {
        naam: "Soedan",
        nationaliteit: "Soedanese",
        weight: 2,
        languages: &[(ARABISCH, 100)],
        engels: 25,
        education: [25, 30, 25, 10, 10],
        style: Style::Arabic,
    },
];

pub fn pick_country(rng: &mut StdRng) -> &'static Country {
    weighted_by(rng, COUNTRIES, |c| c.weight)
}

/// The languages one person speaks: a mother tongue, sometimes Arabic or English besides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speech {
    pub mother_tongue: Language,
    /// "Arabisch, Engels": as the talen field holds it.
    pub talen: String,
}

impl Country {
    pub fn speech(&self, rng: &mut StdRng) -> Speech {
        let mother_tongue = weighted_by(rng, self.languages, |(_, w)| *w).0;
        let mut talen = mother_tongue.naam.to_owned();
        if rng.gen_range(0..100) < self.engels {
            talen.push_str(", Engels");
        }
        Speech {
            mother_tongue,
            talen,
        }
    }
}

impl Speech {
    /// The family's language for a child; English only for older children (school).
    pub fn for_child(&self, age: u32) -> Speech {
        let talen = if age >= 12 && self.talen.contains("Engels") {
            self.talen.clone()
        } else {
            self.mother_tongue.naam.to_owned()
        };
        Speech {
            mother_tongue: self.mother_tongue,
            talen,
        }
    }
}
