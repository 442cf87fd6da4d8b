//! What the audit log records, modelled on the Logboek Dataverwerkingen (the Verwerkingenlogging
//! standard of the Dutch government, Logius/VNG).
//!
//! Each audit row answers the standard's questions:
//!
//! | standard field      | here                                                        |
//! |---------------------|-------------------------------------------------------------|
//! | `trace_id`          | the request id of the HTTP request that did the processing  |
//! | `operation`         | [`AuditAction::code`]                                       |
//! | `activity`          | [`Verwerkingsactiviteit::id`] (from [`activiteit_for`])     |
//! | `dataSubjectId`     | the [`PersonId`](crate::ids::PersonId) whose data it was    |
//! | `controller`        | the organisation (gemeente) responsible for the processing  |
//! | legal basis         | [`Verwerkingsactiviteit::grondslag`]                        |
//!
//! The activities are the entries of the gemeente's register of processing activities (AVG art. 30);
//! every action maps to exactly one, so each log row can be explained to the person concerned.

code_enum! {
    /// One kind of processing, as stored in the log and shown in the who-saw view.
    pub enum AuditAction {
        PersonRead = "persoon_inzien", "Persoonsgegevens ingezien",
        PersonListed = "persoon_in_lijst", "Getoond in een overzicht",
        PersonSearched = "personen_gezocht", "Gezocht naar personen",
        PersonCreated = "persoon_aangemaakt", "Persoon geregistreerd",
        PersonUpdated = "persoon_gewijzigd", "Persoonsgegevens gewijzigd",
        PersonReassigned = "regisseur_gewijzigd", "Andere regisseur toegewezen",
        HouseholdRead = "huishouden_inzien", "Huishouden ingezien",
        HouseholdCreated = "huishouden_aangemaakt", "Huishouden vastgelegd",
        HouseholdUpdated = "huishouden_gewijzigd", "Huishouden gewijzigd",
        AuditRead = "inzage_log_bekeken", "Inzagelog bekeken",
        UserCreated = "gebruiker_aangemaakt", "Gebruiker aangemaakt",
        UserUpdated = "gebruiker_gewijzigd", "Gebruiker gewijzigd",
        ApiKeyCreated = "api_sleutel_aangemaakt", "API-sleutel aangemaakt",
        SignIn = "ingelogd", "Ingelogd",
        SignInFailed = "inloggen_mislukt", "Inloggen mislukt",
        SignOut = "uitgelogd", "Uitgelogd",
        PasswordChanged = "wachtwoord_gewijzigd", "Wachtwoord gewijzigd",
        TotpEnabled = "totp_ingeschakeld", "Tweestapsverificatie ingeschakeld",
        TotpReset = "totp_gereset", "Tweestapsverificatie gereset",
        PasswordReset = "wachtwoord_gereset", "Wachtwoord gereset",
        PasswordCheckFailed = "wachtwoordcontrole_mislukt", "Huidig wachtwoord onjuist",
        ApiKeyRevoked = "api_sleutel_ingetrokken", "API-sleutel ingetrokken",
        OrganisationCreated = "organisatie_aangemaakt", "Organisatie aangemaakt",
        OrganisationUpdated = "organisatie_gewijzigd", "Organisatie gewijzigd",
        TotpDisabled = "totp_uitgeschakeld", "Tweestapsverificatie uitgeschakeld",
        RecoveryCodeUsed = "herstelcode_gebruikt", "Ingelogd met een herstelcode",
        SettingChanged = "instelling_gewijzigd", "Instelling van de gemeente gewijzigd",
        DemoLoaded = "demo_geladen", "Demogegevens geladen",
        InzageExported = "inzage_export_gemaakt", "Inzage-export gemaakt (AVG art. 15)",
        // The inburgering trajectory (issue 7).
        KoppelingRead = "koppeling_inzien", "Koppeling en overdracht ingezien",
        KoppelingUpdated = "koppeling_gewijzigd", "Koppeling en overdracht gewijzigd",
        IntakeRead = "intake_inzien", "Brede intake ingezien",
        IntakeUpdated = "intake_gewijzigd", "Brede intake gewijzigd",
        HealthRead = "gezondheid_inzien", "Gezondheid en persoonlijke omstandigheden ingezien (bijzonder persoonsgegeven)",
        HealthUpdated = "gezondheid_gewijzigd", "Gezondheid en persoonlijke omstandigheden gewijzigd (bijzonder persoonsgegeven)",
        PipRead = "pip_inzien", "PIP ingezien",
        PipDrafted = "pip_opgesteld", "PIP-concept opgesteld of gewijzigd",
        PipDecided = "pip_vastgesteld", "PIP vastgesteld (beschikking)",
        PipWithdrawn = "pip_ingetrokken", "PIP ingetrokken",
        PipLetterDownloaded = "beschikking_gedownload", "Beschikking PIP gedownload",
        RechtsmiddelRecorded = "rechtsmiddel_vastgelegd", "Bezwaar of beroep vastgelegd",
        TrajectRead = "traject_inzien", "Termijn en voortgang ingezien",
        VoortgangRecorded = "voortgang_vastgelegd", "Voortgangsgesprek vastgelegd",
        ExamRecorded = "examen_vastgelegd", "Examenuitslag vastgelegd",
        UrenRecorded = "uren_vastgelegd", "Uren vastgelegd",
        TermijnVerlengingRecorded = "termijn_verlenging_vastgelegd", "Verlenging inburgeringstermijn vastgelegd",
        DuoBesluitRecorded = "duo_besluit_vastgelegd", "Vrijstelling of ontheffing vastgelegd",
        AfrondingUpdated = "afronding_gewijzigd", "Afronding PVT, MAP, route of inburgeringsplicht gewijzigd",
        // Chain partners (issue 8).
        VerwijzingSent = "verwijzing_verstuurd", "Verwezen naar een ketenpartner",
        VerwijzingUpdated = "verwijzing_gewijzigd", "Verwijzing beantwoord, gestart, beëindigd of toegewezen",
        VerwijzingRead = "verwijzing_inzien", "Verwijzing ingezien",
        ContactRecorded = "contactmoment_vastgelegd", "Contactmoment vastgelegd",
        ContactRead = "contactmomenten_inzien", "Contactmomenten ingezien",
        UitvoeringRecorded = "uitvoering_vastgelegd", "Aanwezigheid, meting, uren of plaatsing vastgelegd",
        UitvoeringRead = "uitvoering_inzien", "Aanwezigheid, metingen, uren of plaatsingen ingezien",
        HandhavingRecorded = "handhaving_vastgelegd", "Boete, waarschuwing of maatregel vastgelegd",
        HandhavingRead = "handhaving_inzien", "Handhaving ingezien",
        AanbodChanged = "aanbod_gewijzigd", "Sociale kaart gewijzigd",
    }
}

impl AuditAction {
    /// Whether this action discloses or changes a person's registered facts, i.e. belongs in that
    /// person's "wie heeft mijn gegevens gezien" view. `AuditRead` is not: looking at the log shows
    /// who processed data, not the data itself (it is logged under supervision instead).
    pub fn is_person_data(self) -> bool {
        use AuditAction::*;
        matches!(
            self,
            PersonRead
                | PersonListed
                | PersonSearched
                | PersonCreated
                | PersonUpdated
                | PersonReassigned
                | HouseholdRead
                | HouseholdCreated
                | HouseholdUpdated
                | KoppelingRead
                | KoppelingUpdated
                | IntakeRead
                | IntakeUpdated
                | HealthRead
                | HealthUpdated
                | PipRead
                | PipDrafted
                | PipDecided
                | PipWithdrawn
                | PipLetterDownloaded
                | RechtsmiddelRecorded
                | TrajectRead
                | VoortgangRecorded
                | ExamRecorded
                | UrenRecorded
                | TermijnVerlengingRecorded
                | DuoBesluitRecorded
                | AfrondingUpdated
                | VerwijzingSent
                | VerwijzingUpdated
                | VerwijzingRead
                | ContactRecorded
                | ContactRead
                | UitvoeringRecorded
                | UitvoeringRead
                | HandhavingRecorded
                | HandhavingRead
        )
    }
}

/// An entry of the register of processing activities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Verwerkingsactiviteit {
    pub id: &'static str,
    pub naam: &'static str,
    pub grondslag: &'static str,
}

pub const REGIE_INBURGERING: Verwerkingsactiviteit = Verwerkingsactiviteit {
    id: "regie-inburgering",
    naam: "Regie op inburgering en participatie",
    grondslag: "Wet inburgering 2021, art. 14-16 en 47 (AVG art. 6 lid 1 sub c en e)",
};

pub const BEHEER_ACCOUNTS: Verwerkingsactiviteit = Verwerkingsactiviteit {
    id: "beheer-accounts",
    naam: "Beheer van gebruikers en toegang",
    grondslag: "AVG art. 6 lid 1 sub e; art. 32 (beveiliging)",
};

pub const TOEZICHT_PRIVACY: Verwerkingsactiviteit = Verwerkingsactiviteit {
    id: "toezicht-verwerkingen",
    naam: "Toezicht op de verwerking van persoonsgegevens",
    grondslag: "AVG art. 5 lid 2, art. 30 en 39",
};

pub const RECHTEN_BETROKKENEN: Verwerkingsactiviteit = Verwerkingsactiviteit {
    id: "rechten-betrokkenen",
    naam: "Afhandeling van verzoeken van betrokkenen",
    grondslag: "AVG art. 12 en 15 (AVG art. 6 lid 1 sub c)",
};

/// Health and other personal circumstances from the brede intake: special-category data (AVG art. 9),
/// processed only as far as the intake, the PIP and begeleiding need it.
pub const BIJZONDERE_GEGEVENS_INBURGERING: Verwerkingsactiviteit = Verwerkingsactiviteit {
    id: "bijzondere-gegevens-inburgering",
    naam: "Gezondheid en persoonlijke omstandigheden bij inburgering",
    grondslag: "Wet inburgering 2021, art. 37 lid 2 onder b (AVG art. 9 lid 2 sub g)",
};

/// A partner's processing through a referral: logged per row with that referral's own basis (task or
/// consent, with the referral's id and end date) instead of this general text.
pub const UITVOERING_VERWIJZING: Verwerkingsactiviteit = Verwerkingsactiviteit {
    id: "uitvoering-verwijzing",
    naam: "Uitvoering van een verwijzing door een ketenpartner",
    grondslag: "Wet inburgering 2021 art. 16-17 en 35 lid 3 (AVG art. 6 lid 1 sub e), of toestemming per verwijzing (AVG art. 6 lid 1 sub a)",
};

/// Every activity, for the register page and for checking stored ids.
pub const ACTIVITEITEN: &[Verwerkingsactiviteit] = &[
    REGIE_INBURGERING,
    UITVOERING_VERWIJZING,
    BIJZONDERE_GEGEVENS_INBURGERING,
    BEHEER_ACCOUNTS,
    TOEZICHT_PRIVACY,
    RECHTEN_BETROKKENEN,
];

/// The legal basis of a partner's processing through referral `verwijzing`, for its audit rows.
pub fn verwijzing_grondslag(
    verwijzing: uuid::Uuid,
    grondslag: crate::partners::verwijzing_input::Grondslag,
    geldig_tot: chrono::NaiveDate,
) -> String {
    format!(
        "Verwijzing {verwijzing}: {} (gegevens gedeeld tot en met {})",
        grondslag.label(),
        geldig_tot.format("%d-%m-%Y")
    )
}

/// The processing activity (and so the legal basis) under which an action is logged.
pub fn activiteit_for(action: AuditAction) -> Verwerkingsactiviteit {
    use AuditAction::*;
    match action {
        PersonRead | PersonListed | PersonSearched | PersonCreated | PersonUpdated
        | PersonReassigned | HouseholdRead | HouseholdCreated | HouseholdUpdated => {
            REGIE_INBURGERING
        }
        KoppelingRead
        | KoppelingUpdated
        | IntakeRead
        | IntakeUpdated
        | PipRead
        | PipDrafted
        | PipDecided
        | PipWithdrawn
        | PipLetterDownloaded
        | RechtsmiddelRecorded
        | TrajectRead
        | VoortgangRecorded
        | ExamRecorded
        | UrenRecorded
        | TermijnVerlengingRecorded
        | DuoBesluitRecorded
        | AfrondingUpdated
        | VerwijzingSent
        | VerwijzingUpdated
        | VerwijzingRead
        | ContactRecorded
        | ContactRead
        | UitvoeringRecorded
        | UitvoeringRead
        | HandhavingRecorded
        | HandhavingRead => REGIE_INBURGERING,
        HealthRead | HealthUpdated => BIJZONDERE_GEGEVENS_INBURGERING,
        AuditRead => TOEZICHT_PRIVACY,
        // Answering the person's own request: the export is made for them, not for regie.
        InzageExported => RECHTEN_BETROKKENEN,
        // Loading demo data creates fictitious accounts and persons in a test environment: an act of
        // system management, not of regie on real people.
        UserCreated | UserUpdated | ApiKeyCreated | SignIn | SignInFailed | SignOut
        | PasswordChanged | TotpEnabled | DemoLoaded | TotpReset | PasswordReset
        | PasswordCheckFailed | ApiKeyRevoked | OrganisationCreated | OrganisationUpdated
        | TotpDisabled | RecoveryCodeUsed | SettingChanged | AanbodChanged => BEHEER_ACCOUNTS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_named_by_the_spec_are_stable() {
        assert_eq!(AuditAction::PersonRead.code(), "persoon_inzien");
        assert_eq!(AuditAction::PersonListed.code(), "persoon_in_lijst");
        assert_eq!(AuditAction::PersonCreated.code(), "persoon_aangemaakt");
        assert_eq!(AuditAction::PersonUpdated.code(), "persoon_gewijzigd");
        assert_eq!(AuditAction::PersonReassigned.code(), "regisseur_gewijzigd");
        assert_eq!(AuditAction::AuditRead.code(), "inzage_log_bekeken");
        assert_eq!(AuditAction::SignIn.code(), "ingelogd");
    }

    #[test]
    fn every_action_has_a_unique_code_that_parses_back() {
        let codes: HashSet<_> = AuditAction::ALL.iter().map(|a| a.code()).collect();
        assert_eq!(codes.len(), AuditAction::ALL.len());
        for a in AuditAction::ALL {
            assert_eq!(AuditAction::parse(a.code()), Some(*a));
            assert!(!a.label().is_empty());
        }
    }

    #[test]
    fn person_data_is_processed_under_regie_and_nothing_else_is() {
        for a in AuditAction::ALL {
            assert_eq!(
                a.is_person_data(),
                [REGIE_INBURGERING, BIJZONDERE_GEGEVENS_INBURGERING].contains(&activiteit_for(*a)),
                "{a:?}"
            );
        }
        assert_eq!(activiteit_for(AuditAction::AuditRead), TOEZICHT_PRIVACY);
        assert_eq!(activiteit_for(AuditAction::SignInFailed), BEHEER_ACCOUNTS);
    }

    #[test]
    fn every_activity_is_used_and_has_a_legal_basis() {
        // A partner's rows are logged under the referral's activity (set per row, not per action).
        let used: HashSet<_> = AuditAction::ALL
            .iter()
            .map(|a| activiteit_for(*a).id)
            .chain([UITVOERING_VERWIJZING.id])
            .collect();
        let ids: HashSet<_> = ACTIVITEITEN.iter().map(|a| a.id).collect();
        assert_eq!(used, ids);
        assert!(ACTIVITEITEN.iter().all(|a| a.grondslag.contains("AVG")));
    }
}
