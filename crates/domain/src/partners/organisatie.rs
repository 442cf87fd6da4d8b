//! What kind of organisation a chain partner is. The kind decides nothing about access (only referrals
//! do); it sorts the sociale kaart and tells the regisseur where to refer to.

code_enum! {
    #[derive(PartialOrd, Ord)]
    pub enum PartnerSoort {
        Taalschool = "taalschool", "Taalschool",
        Werkbedrijf = "werkbedrijf", "Werkbedrijf",
        Welzijn = "welzijn", "Welzijnsorganisatie",
        MbOrganisatie = "mb_organisatie", "Organisatie voor maatschappelijke begeleiding",
        Zorg = "zorg", "Zorgaanbieder",
        Schuldhulp = "schuldhulp", "Schuldhulpverlening",
        Onderwijs = "onderwijs", "Onderwijsinstelling",
        Werkgever = "werkgever", "Werkgever",
        Vrijwilligers = "vrijwilligers", "Vrijwilligersorganisatie",
    }
}
