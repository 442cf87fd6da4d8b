//! The access rules as a table: what each role may do, and the refusals a case worker can meet.

use uuid::Uuid;

use super::*;

pub(super) const WEERT: OrganisatieId = OrganisatieId(Uuid::from_u128(1));
pub(super) const NEDERWEERT: OrganisatieId = OrganisatieId(Uuid::from_u128(2));
pub(super) const TAALSCHOOL: OrganisatieId = OrganisatieId(Uuid::from_u128(3));

pub(super) fn actor(org: OrganisatieId, soort: OrganisatieSoort, roles: &[Role]) -> Actor {
    Actor {
        system: None,
        user_id: GebruikerId(Uuid::from_u128(99)),
        organisatie_id: org,
        organisatie_soort: soort,
        roles: roles.to_vec(),
    }
}

fn weert(roles: &[Role]) -> Actor {
    actor(WEERT, OrganisatieSoort::Gemeente, roles)
}

pub(super) fn person_of(gemeente: OrganisatieId) -> Resource {
    Resource::Person(PersonRef {
        gemeente_id: gemeente,
        regisseur_id: None,
    })
}

/// The resource each action is normally asked about, for a person/organisation of `org`.
fn natural(action: Action, org: OrganisatieId) -> Resource {
    match action {
        Action::PersonList
        | Action::PersonCreate
        | Action::AuditViewGemeente
        | Action::WorkloadView => Resource::Gemeente(org),
        Action::UserManage
        | Action::OrganisationManage
        | Action::AanbodView
        | Action::AanbodManage => Resource::Organisation(org),
        _ => person_of(org),
    }
}

/// Exactly what each role may do in its own organisation.
const TABLE: &[(Role, &[Action])] = {
    use Action::*;
    &[
        (
            Role::Regisseur,
            &[
                PersonList,
                PersonView,
                PersonCreate,
                PersonEdit,
                PersonTakeOn,
                HouseholdView,
                HouseholdEdit,
                TrajectView,
                TrajectEdit,
                PipDecide,
                HealthView,
                WerkvoorraadView,
                VerwijzingCreate,
                VerwijzingView,
                VerwijzingRevoke,
                UitvoeringView,
                UitvoeringRecord,
                HandhavingView,
                HandhavingEdit,
                AanbodView,
            ],
        ),
        (
            Role::Teamleider,
            &[
                PersonList,
                PersonView,
                PersonReassign,
                WorkloadView,
                HouseholdView,
                AuditViewPerson,
                TrajectView,
                PipDecide,
                HealthView,
                WerkvoorraadView,
                AggregateView,
                VerwijzingView,
                UitvoeringView,
                HandhavingView,
                AanbodView,
            ],
        ),
        (
            Role::Privacy,
            &[AuditViewPerson, AuditViewGemeente, InzageExport],
        ),
        (Role::Beleid, &[AggregateView]),
        (
            Role::Beheerder,
            &[
                UserManage,
                OrganisationManage,
                TaakstellingManage,
                AggregateView,
                AanbodView,
                AanbodManage,
            ],
        ),
        // Held by a gemeente's user, a partner role grants nothing (see `partner_tests` for partners).
        (Role::PartnerMedewerker, &[]),
        (Role::PartnerCoordinator, &[]),
    ]
};

#[test]
fn each_role_may_do_exactly_its_table_row_in_its_own_gemeente() {
    assert_eq!(TABLE.len(), Role::ALL.len());
    for (role, allowed) in TABLE {
        for action in Action::ALL {
            let got = can(&weert(&[*role]), *action, natural(*action, WEERT));
            let want = if allowed.contains(action) {
                Decision::Allow
            } else {
                Decision::Deny(DenyReason::NoRole)
            };
            assert_eq!(got, want, "{role:?} {action:?}");
        }
    }
}

#[test]
fn regisseur_cannot_touch_persons_of_another_gemeente() {
    let r = weert(&[Role::Regisseur]);
    for action in [
        Action::PersonView,
        Action::PersonEdit,
        Action::HouseholdEdit,
    ] {
        assert_eq!(
            can(&r, action, person_of(NEDERWEERT)),
            Decision::Deny(DenyReason::OtherGemeente)
        );
    }
    assert_eq!(
        can(&r, Action::PersonCreate, Resource::Gemeente(NEDERWEERT)),
        Decision::Deny(DenyReason::OtherGemeente)
    );
}

#[test]
fn teamleider_sees_one_persons_log_but_only_the_privacy_officer_browses_the_gemeente_log() {
    let t = weert(&[Role::Teamleider]);
    assert!(can(&t, Action::AuditViewPerson, person_of(WEERT)).is_allowed());
    assert_eq!(
        can(&t, Action::AuditViewGemeente, Resource::Gemeente(WEERT)),
        Decision::Deny(DenyReason::NoRole)
    );
    let p = weert(&[Role::Privacy]);
    assert!(can(&p, Action::AuditViewGemeente, Resource::Gemeente(WEERT)).is_allowed());
    assert!(
        !can(
            &p,
            Action::AuditViewGemeente,
            Resource::Gemeente(NEDERWEERT)
        )
        .is_allowed()
    );
}

#[test]
fn privacy_officer_sees_the_log_but_not_the_person() {
    let p = weert(&[Role::Privacy]);
    assert!(can(&p, Action::AuditViewPerson, person_of(WEERT)).is_allowed());
    assert_eq!(
        can(&p, Action::PersonView, person_of(WEERT)),
        Decision::Deny(DenyReason::NoRole)
    );
    assert_eq!(person_scope(&p, Action::PersonList), PersonScope::Nothing);
    assert_eq!(
        person_scope(&p, Action::AuditViewPerson),
        PersonScope::Gemeente(WEERT)
    );
}

#[test]
fn beheerder_manages_only_its_own_organisation_and_sees_no_persons() {
    let b = weert(&[Role::Beheerder]);
    assert!(can(&b, Action::UserManage, Resource::Organisation(WEERT)).is_allowed());
    assert_eq!(
        can(&b, Action::UserManage, Resource::Organisation(NEDERWEERT)),
        Decision::Deny(DenyReason::OtherGemeente)
    );
    assert_eq!(
        can(&b, Action::PersonView, person_of(WEERT)),
        Decision::Deny(DenyReason::NoRole)
    );
    let partner_admin = actor(TAALSCHOOL, OrganisatieSoort::Partner, &[Role::Beheerder]);
    assert!(
        can(
            &partner_admin,
            Action::UserManage,
            Resource::Organisation(TAALSCHOOL)
        )
        .is_allowed()
    );
    // Partner organisations are shared by the installation: only a gemeente's beheerder adds them.
    assert_eq!(
        can(
            &partner_admin,
            Action::OrganisationManage,
            Resource::Organisation(TAALSCHOOL)
        ),
        Decision::Deny(DenyReason::NotAGemeente)
    );
}

#[test]
fn beheerder_who_is_also_regisseur_gets_the_union() {
    let both = weert(&[Role::Beheerder, Role::Regisseur]);
    assert!(can(&both, Action::PersonEdit, person_of(WEERT)).is_allowed());
    assert!(can(&both, Action::UserManage, Resource::Organisation(WEERT)).is_allowed());
    assert!(!can(&both, Action::PersonReassign, person_of(WEERT)).is_allowed());
}

#[test]
fn gemeente_roles_in_a_partner_organisation_open_no_person_data() {
    let a = actor(
        TAALSCHOOL,
        OrganisatieSoort::Partner,
        &[Role::Regisseur, Role::Teamleider],
    );
    assert_eq!(
        can(&a, Action::PersonView, person_of(TAALSCHOOL)),
        Decision::Deny(DenyReason::NoRole)
    );
    assert_eq!(person_scope(&a, Action::PersonList), PersonScope::Nothing);
}

#[test]
fn actions_on_the_wrong_kind_of_resource_are_refused() {
    let all = weert(Role::ALL);
    assert!(!can(&all, Action::UserManage, Resource::Gemeente(WEERT)).is_allowed());
    assert!(!can(&all, Action::PersonView, Resource::Organisation(WEERT)).is_allowed());
}

#[test]
fn scope_for_a_regisseur_is_the_own_gemeente() {
    let r = weert(&[Role::Regisseur]);
    assert_eq!(
        person_scope(&r, Action::PersonList),
        PersonScope::Gemeente(WEERT)
    );
    assert_eq!(
        person_scope(&r, Action::PersonReassign),
        PersonScope::Nothing
    );
    assert_eq!(
        person_scope(&weert(&[]), Action::PersonList),
        PersonScope::Nothing
    );
}

#[test]
fn role_codes_and_deny_messages() {
    assert_eq!(
        Role::CODES,
        &[
            "regisseur",
            "teamleider",
            "beleid",
            "beheerder",
            "privacy",
            "partner-medewerker",
            "partner-coordinator"
        ]
    );
    assert_eq!(Role::parse("privacy"), Some(Role::Privacy));
    assert_eq!(
        OrganisatieSoort::parse("partner"),
        Some(OrganisatieSoort::Partner)
    );
    assert_eq!(OrganisatieSoort::Gemeente.code(), "gemeente");
    assert!(DenyReason::NotAGemeente.message().contains("gemeente"));
    assert_eq!(weert(&[Role::Privacy]).gemeente_id(), Some(WEERT));
    assert_eq!(
        actor(TAALSCHOOL, OrganisatieSoort::Partner, &[]).gemeente_id(),
        None
    );
}

#[test]
fn system_task_acts_only_for_its_own_gemeente_and_task() {
    let duo = Actor::system(SystemTask::DuoExchange, WEERT);
    let person_weert = Resource::Gemeente(WEERT);
    assert!(can(&duo, Action::PersonCreate, person_weert).is_allowed());
    assert!(!can(&duo, Action::PersonCreate, Resource::Gemeente(NEDERWEERT)).is_allowed());
    assert!(!can(&duo, Action::PersonReassign, person_weert).is_allowed());
    assert!(!can(&duo, Action::AuditViewGemeente, person_weert).is_allowed());
    assert!(!can(&duo, Action::UserManage, Resource::Organisation(WEERT)).is_allowed());
    let deadlines = Actor::system(SystemTask::DeadlineCheck, WEERT);
    assert!(can(&deadlines, Action::PersonView, person_weert).is_allowed());
    assert!(!can(&deadlines, Action::PersonEdit, person_weert).is_allowed());
}

fn unassigned(gemeente: OrganisatieId) -> PersonRef {
    PersonRef {
        gemeente_id: gemeente,
        regisseur_id: None,
    }
}

#[test]
fn a_regisseur_takes_on_a_person_without_regisseur_only_where_the_gemeente_allows_it() {
    let r = weert(&[Role::Regisseur]);
    assert_eq!(can_take_on(&r, unassigned(WEERT), true), Decision::Allow);
    assert_eq!(
        can_take_on(&r, unassigned(WEERT), false),
        Decision::Deny(DenyReason::TakeOnOff)
    );
    let taken = PersonRef {
        gemeente_id: WEERT,
        regisseur_id: Some(GebruikerId(Uuid::from_u128(7))),
    };
    assert_eq!(
        can_take_on(&r, taken, true),
        Decision::Deny(DenyReason::AlreadyAssigned)
    );
    assert_eq!(
        can_take_on(&r, unassigned(NEDERWEERT), true),
        Decision::Deny(DenyReason::OtherGemeente)
    );
}

#[test]
fn only_a_regisseur_takes_on_and_only_a_teamleider_sees_the_workload_and_moves_persons() {
    for role in [
        Role::Teamleider,
        Role::Beheerder,
        Role::Beleid,
        Role::Privacy,
    ] {
        assert_eq!(
            can_take_on(&weert(&[role]), unassigned(WEERT), true),
            Decision::Deny(DenyReason::NoRole),
            "{role:?}"
        );
    }
    for role in Role::ALL {
        let a = weert(&[*role]);
        let teamleider = *role == Role::Teamleider;
        assert_eq!(
            can(&a, Action::WorkloadView, Resource::Gemeente(WEERT)).is_allowed(),
            teamleider,
            "{role:?}"
        );
        assert_eq!(
            can(&a, Action::PersonReassign, person_of(WEERT)).is_allowed(),
            teamleider,
            "{role:?}"
        );
    }
    let t = weert(&[Role::Teamleider]);
    assert_eq!(
        can(&t, Action::WorkloadView, Resource::Gemeente(NEDERWEERT)),
        Decision::Deny(DenyReason::OtherGemeente)
    );
    assert_eq!(
        can(&t, Action::PersonReassign, person_of(NEDERWEERT)),
        Decision::Deny(DenyReason::OtherGemeente)
    );
}

#[path = "partner_tests.rs"]
mod partner_tests;
