//! Access decisions: the single place that says who may do what with which data.
//!
//! Two questions, always in this order: does one of the actor's roles grant this action at all, and
//! does the data belong to the actor's own gemeente? Person data is only for medewerkers of a
//! gemeente, and only for persons of that gemeente. Roles combine: an actor may do what any one of
//! their roles allows. Lists are not filtered after fetching: [`person_scope`] gives the storage
//! layer the WHERE clause.

use crate::ids::{GebruikerId, OrganisatieId};

code_enum! {
    /// A role of a medewerker. The partner roles belong to users of partner organisations and open
    /// nothing by themselves: a partner sees a person only through a referral (see [`PartnerGrant`]).
    #[derive(PartialOrd, Ord)]
    pub enum Role {
        Regisseur = "regisseur", "Regisseur inburgering",
        Teamleider = "teamleider", "Teamleider",
        Beleid = "beleid", "Beleidsmedewerker",
        Beheerder = "beheerder", "Functioneel beheerder",
        Privacy = "privacy", "Privacyfunctionaris",
        PartnerMedewerker = "partner-medewerker", "Medewerker ketenpartner",
        PartnerCoordinator = "partner-coordinator", "Coördinator ketenpartner",
    }
}

impl Role {
    /// Whether the role is one for users of a partner organisation (and only for them).
    pub fn is_partner_role(self) -> bool {
        matches!(self, Role::PartnerMedewerker | Role::PartnerCoordinator)
    }

    /// The roles a user of an organisation of kind `soort` may hold: partner roles only in a partner
    /// organisation, the gemeente's roles only in a gemeente, the beheerder in both. A role that does
    /// not fit grants nothing, even if it was stored.
    pub fn fits(self, soort: OrganisatieSoort) -> bool {
        match self {
            Role::Beheerder => true,
            r => r.is_partner_role() == (soort == OrganisatieSoort::Partner),
        }
    }
}

code_enum! {
    pub enum OrganisatieSoort {
        Gemeente = "gemeente", "Gemeente",
        Partner = "partner", "Partnerorganisatie",
    }
}

/// Who acts: a signed-in medewerker (built from the session or API key), or Wegwijs itself doing
/// background work for one organisation (`system` set, no roles, no user).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: GebruikerId,
    pub organisatie_id: OrganisatieId,
    pub organisatie_soort: OrganisatieSoort,
    pub roles: Vec<Role>,
    pub system: Option<SystemTask>,
}

/// Background work that acts without a medewerker. Each task gets only the actions it needs, for one
/// gemeente, so a scheduled job cannot wander into another gemeente's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SystemTask {
    /// The deadline engine's scheduled checks: reads persons to compute what is due.
    DeadlineCheck,
    /// The DUO exchange: registers and updates persons from DUO's notifications.
    DuoExchange,
}

impl SystemTask {
    pub fn code(self) -> &'static str {
        match self {
            SystemTask::DeadlineCheck => "deadline_check",
            SystemTask::DuoExchange => "duo_exchange",
        }
    }

    fn grants(self, action: Action) -> bool {
        use Action::*;
        match self {
            SystemTask::DeadlineCheck => {
                matches!(
                    action,
                    PersonList | PersonView | HouseholdView | TrajectView
                )
            }
            SystemTask::DuoExchange => {
                matches!(action, PersonList | PersonView | PersonCreate | PersonEdit)
            }
        }
    }
}

impl Actor {
    /// Wegwijs itself, doing `task` for `gemeente`. Its user id is the nil id: audit rows of system
    /// work carry no medewerker.
    pub fn system(task: SystemTask, gemeente: OrganisatieId) -> Actor {
        Actor {
            user_id: GebruikerId(uuid::Uuid::nil()),
            organisatie_id: gemeente,
            organisatie_soort: OrganisatieSoort::Gemeente,
            roles: Vec::new(),
            system: Some(task),
        }
    }

    pub fn has(&self, r: Role) -> bool {
        self.roles.contains(&r)
    }

    /// The actor's gemeente, when their organisation is one.
    pub fn gemeente_id(&self) -> Option<OrganisatieId> {
        (self.organisatie_soort == OrganisatieSoort::Gemeente).then_some(self.organisatie_id)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    PersonList,
    PersonView,
    PersonCreate,
    PersonEdit,
    PersonReassign,
    /// A regisseur takes a person without a regisseur into their own caseload (only where the gemeente
    /// allows it: see [`can_take_on`]).
    PersonTakeOn,
    /// The teamleider's workload overview: counts per regisseur (no names of persons).
    WorkloadView,
    HouseholdView,
    HouseholdEdit,
    AuditViewPerson,
    AuditViewGemeente,
    /// Everything held about one person and its log, as a file for that person (AVG art. 15).
    InzageExport,
    UserManage,
    OrganisationManage,
    // The inburgering trajectory (issue 7).
    /// Read a person's koppeling, brede intake (without health), PIPs, termijn and progress.
    TrajectView,
    /// Record or change koppeling, intake, PIP concepts, reviews, exams, hours, extensions.
    TrajectEdit,
    /// Decide (vaststellen) or withdraw a PIP: the beschikking itself. See [`can_decide_pip`].
    PipDecide,
    /// Health and personal circumstances from the intake (special-category data). Granted only
    /// through [`can_view_health`], never by a role alone.
    HealthView,
    /// The list of what needs action (werkvoorraad): a regisseur's own, a teamleider's for anyone.
    WerkvoorraadView,
    /// Counts without names (taakstelling vs. realisatie, later reports).
    AggregateView,
    /// The taakstelling per half-year and the gemeente's trajectory settings.
    TaakstellingManage,
    // Chain partners (issue 8).
    /// Refer a person to a partner's product (the regisseur).
    VerwijzingCreate,
    /// See referrals: the gemeente those of its persons, a partner those to itself (a worker: assigned
    /// to them), also after they ended (the partner's own past reports stay readable).
    VerwijzingView,
    /// The partner accepts, declines, starts, finishes or stops a referral.
    VerwijzingRespond,
    /// A partner's coordinator assigns a referral to one of its workers.
    VerwijzingAssign,
    /// The gemeente revokes a referral.
    VerwijzingRevoke,
    /// Read contact moments, attendance, measurements, placements and hours.
    UitvoeringView,
    /// Record contact moments, attendance, measurements, placements and hours.
    UitvoeringRecord,
    /// Fines and measures (handhaving): the gemeente's decision alone, never a partner's.
    HandhavingView,
    HandhavingEdit,
    /// The sociale kaart: partners and their products. Not person data.
    AanbodView,
    AanbodManage,
}

impl Action {
    pub const ALL: &'static [Action] = &[
        Action::PersonList,
        Action::PersonView,
        Action::PersonCreate,
        Action::PersonEdit,
        Action::PersonReassign,
        Action::PersonTakeOn,
        Action::WorkloadView,
        Action::HouseholdView,
        Action::HouseholdEdit,
        Action::AuditViewPerson,
        Action::AuditViewGemeente,
        Action::InzageExport,
        Action::UserManage,
        Action::OrganisationManage,
        Action::TrajectView,
        Action::TrajectEdit,
        Action::PipDecide,
        Action::HealthView,
        Action::WerkvoorraadView,
        Action::AggregateView,
        Action::TaakstellingManage,
        Action::VerwijzingCreate,
        Action::VerwijzingView,
        Action::VerwijzingRespond,
        Action::VerwijzingAssign,
        Action::VerwijzingRevoke,
        Action::UitvoeringView,
        Action::UitvoeringRecord,
        Action::HandhavingView,
        Action::HandhavingEdit,
        Action::AanbodView,
        Action::AanbodManage,
    ];

    /// Whether the action reads or changes data about persons (including who processed it).
    pub fn is_person_data(self) -> bool {
        !matches!(
            self,
            Action::UserManage
                | Action::OrganisationManage
                | Action::AanbodView
                | Action::AanbodManage
        )
    }

    /// What a partner may do through an ended referral: read it and its own reports, nothing else.
    fn after_grant_ended(self) -> bool {
        matches!(self, Action::VerwijzingView | Action::UitvoeringView)
    }

    /// What a partner may do with a referral before it is accepted: see it and answer it.
    fn before_grant(self) -> bool {
        matches!(
            self,
            Action::VerwijzingView | Action::VerwijzingRespond | Action::VerwijzingAssign
        )
    }
}

/// The facts about a person that access depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonRef {
    pub gemeente_id: OrganisatieId,
    /// Not used for decisions yet: every regisseur of a gemeente may act for its persons (teams
    /// stand in for each other). Kept so a caseload-only rule can be added here, in one place.
    pub regisseur_id: Option<GebruikerId>,
}

/// A referral as far as access depends on it: to whom, assigned to which worker, and whether it
/// grants access now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GrantRef {
    pub partner_id: OrganisatieId,
    pub medewerker_id: Option<GebruikerId>,
    pub status: crate::partners::verwijzing::VerwijzingStatus,
}

/// What an action is done to. Person-data actions take a `Person`, or a `Gemeente` for "the persons
/// of this gemeente" (lists, creating, scopes), or a person `ViaVerwijzing` (one referral of that
/// person: what a partner reaches); management actions take an `Organisation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    Person(PersonRef),
    Gemeente(OrganisatieId),
    Organisation(OrganisatieId),
    ViaVerwijzing {
        person: PersonRef,
        grant: GrantRef,
    },
    /// "The persons referred to this partner organisation" (a partner's lists and scopes).
    Partner(OrganisatieId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Deny(DenyReason),
}

impl Decision {
    pub fn is_allowed(self) -> bool {
        self == Decision::Allow
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DenyReason {
    /// None of the actor's roles grants this action on this kind of resource.
    NoRole,
    /// The data belongs to another gemeente (or, for management, another organisation).
    OtherGemeente,
    /// Person data is only for medewerkers of a gemeente.
    NotAGemeente,
    /// The gemeente has not switched on that regisseurs take on persons themselves.
    TakeOnOff,
    /// Only a person without a regisseur can be taken on.
    AlreadyAssigned,
    /// Special-category data: only the person's own regisseur and roles the gemeente recorded a need for.
    NoNeed,
    /// Four-eyes: the gemeente requires that someone other than the drafter decides the PIP.
    FourEyes,
    /// A partner reaches a person only through an accepted or started referral to it.
    NoReferral,
    /// A partner worker sees only the referrals assigned to them (the coordinator sees all).
    NotAssigned,
    /// The referral ended: the person is out of the partner's view (its own reports stay readable).
    ReferralEnded,
}

impl DenyReason {
    /// Dutch, for the person who was refused.
    pub fn message(self) -> &'static str {
        match self {
            DenyReason::NoRole => "U heeft geen rol die deze handeling toestaat.",
            DenyReason::OtherGemeente => {
                "Deze gegevens horen bij een andere gemeente of organisatie."
            }
            DenyReason::NotAGemeente => {
                "Alleen medewerkers van een gemeente kunnen persoonsgegevens inzien."
            }
            DenyReason::TakeOnOff => {
                "Uw gemeente staat niet toe dat regisseurs zelf personen overnemen. Vraag uw teamleider."
            }
            DenyReason::AlreadyAssigned => "Deze persoon heeft al een regisseur.",
            DenyReason::NoNeed => {
                "Gezondheid en persoonlijke omstandigheden zijn alleen zichtbaar voor de eigen regisseur van deze persoon en voor rollen waarvoor de gemeente een noodzaak heeft vastgelegd."
            }
            DenyReason::FourEyes => {
                "Uw gemeente werkt met het vier-ogenprincipe: een collega die het concept niet heeft opgesteld moet dit PIP vaststellen."
            }
            DenyReason::NoReferral => {
                "Uw organisatie heeft geen lopende verwijzing voor deze persoon."
            }
            DenyReason::NotAssigned => {
                "Deze verwijzing is niet aan u toegewezen. Vraag de coördinator van uw organisatie."
            }
            DenyReason::ReferralEnded => {
                "De verwijzing is beëindigd: u ziet deze persoon niet meer, alleen uw eigen verslagen."
            }
        }
    }

    /// Stable machine code, e.g. for problem+json and the audit log.
    pub fn code(self) -> &'static str {
        match self {
            DenyReason::NoRole => "no_role",
            DenyReason::OtherGemeente => "other_gemeente",
            DenyReason::NotAGemeente => "not_a_gemeente",
            DenyReason::TakeOnOff => "take_on_off",
            DenyReason::AlreadyAssigned => "already_assigned",
            DenyReason::NoNeed => "no_need",
            DenyReason::FourEyes => "four_eyes",
            DenyReason::NoReferral => "no_referral",
            DenyReason::NotAssigned => "not_assigned",
            DenyReason::ReferralEnded => "referral_ended",
        }
    }
}

/// What one role allows, regardless of whose data it is.
fn role_grants(role: Role, action: Action) -> bool {
    use Action::*;
    match role {
        Role::Regisseur => matches!(
            action,
            PersonList
                | PersonView
                | PersonCreate
                | PersonEdit
                | PersonTakeOn
                | HouseholdView
                | HouseholdEdit
                | TrajectView
                | TrajectEdit
                | PipDecide
                | HealthView
                | WerkvoorraadView
                | VerwijzingCreate
                | VerwijzingView
                | VerwijzingRevoke
                | UitvoeringView
                | UitvoeringRecord
                | HandhavingView
                | HandhavingEdit
                | AanbodView
        ),
        // A teamleider answers "who saw this dossier" for one person of the gemeente, but does not
        // browse the whole gemeente's log: that log is a record of every colleague's work, and browsing
        // it serves supervision of the processing (the privacy officer's task, AVG art. 38-39), not the
        // teamleider's task of steering caseloads (purpose limitation, AVG art. 5(1)(b)). Reading
        // staff behaviour from it would also be a personnel monitoring system (WOR art. 27(1)(l)).
        Role::Teamleider => matches!(
            action,
            PersonList
                | PersonView
                | PersonReassign
                | WorkloadView
                | HouseholdView
                | AuditViewPerson
                | TrajectView
                | PipDecide
                | HealthView
                | WerkvoorraadView
                | AggregateView
                | VerwijzingView
                | UitvoeringView
                | HandhavingView
                | AanbodView
        ),
        // The privacy officer answers a person's request for inzage (AVG art. 15, 38(4)): that
        // export holds the person's data, which the role may not browse otherwise.
        Role::Privacy => matches!(action, AuditViewPerson | AuditViewGemeente | InzageExport),
        // Beleid gets aggregates, never a person.
        Role::Beleid => matches!(action, AggregateView),
        Role::Beheerder => matches!(
            action,
            UserManage
                | OrganisationManage
                | TaakstellingManage
                | AggregateView
                | AanbodView
                | AanbodManage
        ),
        // Partner roles: only ever through a referral to their own organisation (see `can`).
        Role::PartnerMedewerker => matches!(
            action,
            PersonList
                | PersonView
                | VerwijzingView
                | VerwijzingRespond
                | UitvoeringView
                | UitvoeringRecord
                | AanbodView
        ),
        Role::PartnerCoordinator => matches!(
            action,
            PersonList
                | PersonView
                | VerwijzingView
                | VerwijzingRespond
                | VerwijzingAssign
                | UitvoeringView
                | UitvoeringRecord
                | AanbodView
        ),
    }
}

/// May `actor` do `action` on `resource`?
pub fn can(actor: &Actor, action: Action, resource: Resource) -> Decision {
    let target = match (action.is_person_data(), resource) {
        (true, Resource::Person(p)) => p.gemeente_id,
        (true, Resource::ViaVerwijzing { person, .. }) => person.gemeente_id,
        (true, Resource::Gemeente(g)) => g,
        (true, Resource::Partner(p)) => p,
        (false, Resource::Organisation(o)) => o,
        // An action on the wrong kind of resource is granted by no role.
        _ => return Decision::Deny(DenyReason::NoRole),
    };
    let granted = match actor.system {
        Some(task) => task.grants(action),
        None => actor
            .roles
            .iter()
            .any(|r| r.fits(actor.organisatie_soort) && role_grants(*r, action)),
    };
    if !granted {
        return Decision::Deny(DenyReason::NoRole);
    }
    if actor.organisatie_soort == OrganisatieSoort::Partner && action.is_person_data() {
        return partner_access(actor, action, resource);
    }
    // The sociale kaart is shared by the installation: every role that may see it sees all of it.
    if action == Action::AanbodView {
        return Decision::Allow;
    }
    // A gemeente reaches its persons directly; the "persons referred to a partner" are not its list.
    if matches!(resource, Resource::Partner(_)) {
        return Decision::Deny(DenyReason::NotAGemeente);
    }
    // Partner organisations are shared by the whole installation: only a gemeente's beheerder adds them.
    if (action.is_person_data() || action == Action::OrganisationManage)
        && actor.gemeente_id().is_none()
    {
        return Decision::Deny(DenyReason::NotAGemeente);
    }
    if target != actor.organisatie_id {
        return Decision::Deny(DenyReason::OtherGemeente);
    }
    Decision::Allow
}

/// A partner's access: only through a referral to its own organisation, assigned to the worker (a
/// coordinator sees all of the organisation's), granting access now (or, once ended, only the referral
/// and the partner's own reports; before acceptance only the referral itself, to answer it).
fn partner_access(actor: &Actor, action: Action, resource: Resource) -> Decision {
    match resource {
        Resource::Partner(p) if p == actor.organisatie_id => Decision::Allow,
        Resource::Partner(_) => Decision::Deny(DenyReason::OtherGemeente),
        Resource::ViaVerwijzing { grant, .. } => {
            if grant.partner_id != actor.organisatie_id {
                return Decision::Deny(DenyReason::NoReferral);
            }
            let coordinator = actor.has(Role::PartnerCoordinator);
            if !coordinator && grant.medewerker_id != Some(actor.user_id) {
                return Decision::Deny(DenyReason::NotAssigned);
            }
            if action == Action::VerwijzingAssign && !coordinator {
                return Decision::Deny(DenyReason::NoRole);
            }
            use crate::partners::verwijzing::VerwijzingStatus as S;
            match grant.status {
                s if s.geeft_toegang() => Decision::Allow,
                S::Verstuurd if action.before_grant() => Decision::Allow,
                S::Verstuurd => Decision::Deny(DenyReason::NoReferral),
                _ if action.after_grant_ended() => Decision::Allow,
                _ => Decision::Deny(DenyReason::ReferralEnded),
            }
        }
        // A person or a gemeente as such: partners never reach those without a referral.
        _ => Decision::Deny(DenyReason::NoReferral),
    }
}

/// May `actor` take `person` into their own caseload? Besides the role (a regisseur of the person's
/// gemeente), the gemeente must allow it (`gemeente_allows`: its setting, off by default, because who
/// works with whom is normally the teamleider's choice), and the person must have no regisseur yet
/// (taking on never takes a person away from a colleague).
pub fn can_take_on(actor: &Actor, person: PersonRef, gemeente_allows: bool) -> Decision {
    let d = can(actor, Action::PersonTakeOn, Resource::Person(person));
    if !d.is_allowed() {
        return d;
    }
    if !gemeente_allows {
        return Decision::Deny(DenyReason::TakeOnOff);
    }
    if person.regisseur_id.is_some() {
        return Decision::Deny(DenyReason::AlreadyAssigned);
    }
    Decision::Allow
}

/// May `actor` see the health and personal circumstances of `person`? Besides the role, special-category
/// data needs a need (AVG art. 9, Besluit inburgering art. 9.11): the person's own regisseur has it;
/// anyone else only through a role the gemeente recorded a need for (`need_roles`, setting
/// `gezondheid_rollen` with its reason in `gezondheid_noodzaak`).
pub fn can_view_health(actor: &Actor, person: PersonRef, need_roles: &[Role]) -> Decision {
    let d = can(actor, Action::HealthView, Resource::Person(person));
    if !d.is_allowed() {
        return d;
    }
    let own_regisseur = actor.has(Role::Regisseur) && person.regisseur_id == Some(actor.user_id);
    if own_regisseur || actor.roles.iter().any(|r| need_roles.contains(r)) {
        Decision::Allow
    } else {
        Decision::Deny(DenyReason::NoNeed)
    }
}

/// May `actor` decide (vaststellen) a PIP concept drafted by `drafter`? With the gemeente's four-eyes
/// setting on, the decider must be someone else than the drafter.
pub fn can_decide_pip(
    actor: &Actor,
    person: PersonRef,
    drafter: Option<GebruikerId>,
    four_eyes: bool,
) -> Decision {
    let d = can(actor, Action::PipDecide, Resource::Person(person));
    if !d.is_allowed() {
        return d;
    }
    if four_eyes && drafter == Some(actor.user_id) {
        return Decision::Deny(DenyReason::FourEyes);
    }
    Decision::Allow
}

/// The rows of `personen` an actor may list/view, rendered by the storage layer into a WHERE clause
/// (never fetch-then-filter; one helper, `storage::scope`, renders it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonScope {
    Nothing,
    Gemeente(OrganisatieId),
    /// The persons with an accepted or started referral to a partner (for a worker: assigned to them).
    Verwijzingen(PartnerGrant),
}

/// What a partner's scope opens: persons through its referrals. The fields and sections it opens are
/// fixed by [`PartnerGrant::SECTIES`]; the legal basis of each read is the referral's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartnerGrant {
    pub partner_id: OrganisatieId,
    /// `Some(worker)`: only referrals assigned to that worker; `None`: all of the organisation's.
    pub medewerker_id: Option<GebruikerId>,
}

code_enum! {
    /// The parts of a dossier; a grant opens some of them.
    pub enum DossierSectie {
        Identificatie = "identificatie", "Naam, geboortedatum en burgerservicenummer",
        Contact = "contact", "Adres, telefoon en e-mail",
        Huishouden = "huishouden", "Huishouden",
        Doelen = "doelen", "Toegewezen doelen en activiteiten uit het PIP",
        EigenVerslagen = "eigen_verslagen", "Eigen verslagen, aanwezigheid, metingen en uren",
        Intake = "intake", "Brede intake",
        Gezondheid = "gezondheid", "Gezondheid en persoonlijke omstandigheden",
        Handhaving = "handhaving", "Handhaving",
        Termijn = "termijn", "Termijn, examens en voortgang",
    }
}

impl PartnerGrant {
    /// What a referral opens: need-to-know for the work asked, nothing of the intake, health, the
    /// termijn or handhaving (special-category goals only when the referral shares them, see
    /// `partners::verwijzing_input::Grondslag`).
    pub const SECTIES: &'static [DossierSectie] = &[
        DossierSectie::Identificatie,
        DossierSectie::Contact,
        DossierSectie::Doelen,
        DossierSectie::EigenVerslagen,
    ];

    pub fn opens(sectie: DossierSectie) -> bool {
        Self::SECTIES.contains(&sectie)
    }
}

/// `Gemeente(own)` when the actor may do `action` for the persons of their own gemeente;
/// `Verwijzingen(..)` for a partner's users with a role for it; `Nothing` otherwise.
pub fn person_scope(actor: &Actor, action: Action) -> PersonScope {
    if actor.organisatie_soort == OrganisatieSoort::Partner {
        let own = actor.organisatie_id;
        if !can(actor, action, Resource::Partner(own)).is_allowed() {
            return PersonScope::Nothing;
        }
        return PersonScope::Verwijzingen(PartnerGrant {
            partner_id: own,
            medewerker_id: (!actor.has(Role::PartnerCoordinator)).then_some(actor.user_id),
        });
    }
    match actor.gemeente_id() {
        Some(own) if can(actor, action, Resource::Gemeente(own)).is_allowed() => {
            PersonScope::Gemeente(own)
        }
        _ => PersonScope::Nothing,
    }
}

// Werkvoorraad (issue 7): whose list of actions an actor may see.
mod werkvoorraad;
pub use werkvoorraad::{WerkvoorraadKeuze, WerkvoorraadScope, werkvoorraad_scope};
// End werkvoorraad.

#[cfg(test)]
mod invariants;
#[cfg(test)]
mod tests;
