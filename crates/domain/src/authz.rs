//! Access decisions: the single place that says who may do what with which data.
//!
//! Two questions, always in this order: does one of the actor's roles grant this action at all, and
//! does the data belong to the actor's own gemeente? Person data is only for medewerkers of a
//! gemeente, and only for persons of that gemeente. Roles combine: an actor may do what any one of
//! their roles allows. Lists are not filtered after fetching: [`person_scope`] gives the storage
//! layer the WHERE clause.

use crate::ids::{GebruikerId, OrganisatieId};

code_enum! {
    /// A role of a medewerker. Partner roles (taalschool, welzijn) come with partner grants later.
    #[derive(PartialOrd, Ord)]
    pub enum Role {
        Regisseur = "regisseur", "Regisseur inburgering",
        Teamleider = "teamleider", "Teamleider",
        Beleid = "beleid", "Beleidsmedewerker",
        Beheerder = "beheerder", "Functioneel beheerder",
        Privacy = "privacy", "Privacyfunctionaris",
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
    ];

    /// Whether the action reads or changes data about persons (including who processed it).
    pub fn is_person_data(self) -> bool {
        !matches!(self, Action::UserManage | Action::OrganisationManage)
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

/// What an action is done to. Person-data actions take a `Person`, or a `Gemeente` for "the persons
/// of this gemeente" (lists, creating, scopes); management actions take an `Organisation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    Person(PersonRef),
    Gemeente(OrganisatieId),
    Organisation(OrganisatieId),
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
        ),
        // The privacy officer answers a person's request for inzage (AVG art. 15, 38(4)): that
        // export holds the person's data, which the role may not browse otherwise.
        Role::Privacy => matches!(action, AuditViewPerson | AuditViewGemeente | InzageExport),
        // Beleid gets aggregates, never a person.
        Role::Beleid => matches!(action, AggregateView),
        Role::Beheerder => matches!(
            action,
            UserManage | OrganisationManage | TaakstellingManage | AggregateView
        ),
    }
}

/// May `actor` do `action` on `resource`?
pub fn can(actor: &Actor, action: Action, resource: Resource) -> Decision {
    let target = match (action.is_person_data(), resource) {
        (true, Resource::Person(p)) => p.gemeente_id,
        (true, Resource::Gemeente(g)) => g,
        (false, Resource::Organisation(o)) => o,
        // An action on the wrong kind of resource is granted by no role.
        _ => return Decision::Deny(DenyReason::NoRole),
    };
    let granted = match actor.system {
        Some(task) => task.grants(action),
        None => actor.roles.iter().any(|r| role_grants(*r, action)),
    };
    if !granted {
        return Decision::Deny(DenyReason::NoRole);
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
/// (never fetch-then-filter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonScope {
    Nothing,
    Gemeente(OrganisatieId),
}

/// `Gemeente(own)` exactly when the actor may do `action` for the persons of their own gemeente.
pub fn person_scope(actor: &Actor, action: Action) -> PersonScope {
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
