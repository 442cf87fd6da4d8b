//! A partner's access: only through a referral to its own organisation, assigned to the worker, while
//! the referral is accepted or started; afterwards only the referral and its own reports.

use uuid::Uuid;

use super::*;
use crate::partners::verwijzing::VerwijzingStatus;

const WEERT: OrganisatieId = super::WEERT;
const TAALSCHOOL: OrganisatieId = super::TAALSCHOOL;
const WERKBEDRIJF: OrganisatieId = OrganisatieId(Uuid::from_u128(4));
const WORKER: GebruikerId = GebruikerId(Uuid::from_u128(99));
const COLLEAGUE: GebruikerId = GebruikerId(Uuid::from_u128(98));

fn partner(org: OrganisatieId, roles: &[Role]) -> Actor {
    super::actor(org, OrganisatieSoort::Partner, roles)
}

fn via(
    partner_id: OrganisatieId,
    medewerker: Option<GebruikerId>,
    status: VerwijzingStatus,
) -> Resource {
    Resource::ViaVerwijzing {
        person: PersonRef {
            gemeente_id: WEERT,
            regisseur_id: None,
        },
        grant: GrantRef {
            partner_id,
            medewerker_id: medewerker,
            status,
        },
    }
}

const PARTNER_ACTIONS: &[Action] = &[
    Action::PersonList,
    Action::PersonView,
    Action::VerwijzingView,
    Action::VerwijzingRespond,
    Action::UitvoeringView,
    Action::UitvoeringRecord,
];

#[test]
fn an_assigned_worker_works_through_an_active_referral() {
    let w = partner(TAALSCHOOL, &[Role::PartnerMedewerker]);
    for status in [VerwijzingStatus::Geaccepteerd, VerwijzingStatus::Gestart] {
        for a in PARTNER_ACTIONS {
            assert!(
                can(&w, *a, via(TAALSCHOOL, Some(WORKER), status)).is_allowed(),
                "{a:?} {status:?}"
            );
        }
    }
}

#[test]
fn a_partner_never_reaches_a_person_without_a_referral() {
    let w = partner(
        TAALSCHOOL,
        &[Role::PartnerMedewerker, Role::PartnerCoordinator],
    );
    for a in Action::ALL.iter().filter(|a| a.is_person_data()) {
        assert!(!can(&w, *a, super::person_of(WEERT)).is_allowed(), "{a:?}");
        assert!(
            !can(&w, *a, Resource::Gemeente(WEERT)).is_allowed(),
            "{a:?}"
        );
    }
}

#[test]
fn a_referral_to_another_partner_opens_nothing() {
    let w = partner(TAALSCHOOL, &[Role::PartnerCoordinator]);
    for a in PARTNER_ACTIONS {
        assert_eq!(
            can(
                &w,
                *a,
                via(WERKBEDRIJF, Some(WORKER), VerwijzingStatus::Gestart)
            ),
            Decision::Deny(DenyReason::NoReferral),
            "{a:?}"
        );
    }
}

#[test]
fn a_worker_sees_only_what_is_assigned_to_them_and_the_coordinator_sees_all() {
    let w = partner(TAALSCHOOL, &[Role::PartnerMedewerker]);
    let c = partner(TAALSCHOOL, &[Role::PartnerCoordinator]);
    for m in [Some(COLLEAGUE), None] {
        let r = via(TAALSCHOOL, m, VerwijzingStatus::Gestart);
        assert_eq!(
            can(&w, Action::PersonView, r),
            Decision::Deny(DenyReason::NotAssigned)
        );
        assert!(can(&c, Action::PersonView, r).is_allowed());
    }
    let r = via(TAALSCHOOL, None, VerwijzingStatus::Verstuurd);
    assert!(can(&c, Action::VerwijzingAssign, r).is_allowed());
    assert_eq!(
        can(
            &w,
            Action::VerwijzingAssign,
            via(TAALSCHOOL, Some(WORKER), VerwijzingStatus::Verstuurd)
        ),
        Decision::Deny(DenyReason::NoRole)
    );
}

#[test]
fn before_acceptance_only_the_referral_itself_after_the_end_only_own_reports() {
    let w = partner(TAALSCHOOL, &[Role::PartnerMedewerker]);
    let sent = via(TAALSCHOOL, Some(WORKER), VerwijzingStatus::Verstuurd);
    assert!(can(&w, Action::VerwijzingView, sent).is_allowed());
    assert!(can(&w, Action::VerwijzingRespond, sent).is_allowed());
    assert_eq!(
        can(&w, Action::PersonView, sent),
        Decision::Deny(DenyReason::NoReferral)
    );
    for ended in [
        VerwijzingStatus::Afgerond,
        VerwijzingStatus::Gestopt,
        VerwijzingStatus::Ingetrokken,
        VerwijzingStatus::Afgewezen,
    ] {
        let r = via(TAALSCHOOL, Some(WORKER), ended);
        assert!(can(&w, Action::VerwijzingView, r).is_allowed());
        assert!(can(&w, Action::UitvoeringView, r).is_allowed());
        for a in [
            Action::PersonView,
            Action::UitvoeringRecord,
            Action::VerwijzingRespond,
        ] {
            assert_eq!(
                can(&w, a, r),
                Decision::Deny(DenyReason::ReferralEnded),
                "{a:?} {ended:?}"
            );
        }
    }
}

#[test]
fn partners_never_get_health_trajectory_or_handhaving() {
    let w = partner(
        TAALSCHOOL,
        &[Role::PartnerMedewerker, Role::PartnerCoordinator],
    );
    let r = via(TAALSCHOOL, Some(WORKER), VerwijzingStatus::Gestart);
    for a in [
        Action::HealthView,
        Action::TrajectView,
        Action::TrajectEdit,
        Action::HandhavingView,
        Action::HandhavingEdit,
        Action::PersonEdit,
        Action::VerwijzingCreate,
        Action::VerwijzingRevoke,
        Action::AuditViewPerson,
    ] {
        assert_eq!(can(&w, a, r), Decision::Deny(DenyReason::NoRole), "{a:?}");
    }
}

#[test]
fn gemeente_roles_held_by_a_partner_user_grant_nothing() {
    let odd = partner(TAALSCHOOL, &[Role::Regisseur, Role::Teamleider]);
    let r = via(TAALSCHOOL, Some(WORKER), VerwijzingStatus::Gestart);
    for a in Action::ALL {
        assert!(!can(&odd, *a, r).is_allowed(), "{a:?}");
    }
}

#[test]
fn the_partner_scope_is_its_referrals_and_a_worker_only_their_own() {
    let w = partner(TAALSCHOOL, &[Role::PartnerMedewerker]);
    assert_eq!(
        person_scope(&w, Action::PersonList),
        PersonScope::Verwijzingen(PartnerGrant {
            partner_id: TAALSCHOOL,
            medewerker_id: Some(WORKER)
        })
    );
    let c = partner(TAALSCHOOL, &[Role::PartnerCoordinator]);
    assert_eq!(
        person_scope(&c, Action::PersonView),
        PersonScope::Verwijzingen(PartnerGrant {
            partner_id: TAALSCHOOL,
            medewerker_id: None
        })
    );
    assert_eq!(person_scope(&c, Action::HealthView), PersonScope::Nothing);
    assert_eq!(
        person_scope(&partner(TAALSCHOOL, &[]), Action::PersonList),
        PersonScope::Nothing
    );
}

#[test]
fn a_gemeente_works_on_referrals_of_its_own_persons_only() {
    let r = super::actor(WEERT, OrganisatieSoort::Gemeente, &[Role::Regisseur]);
    assert!(
        can(
            &r,
            Action::VerwijzingRevoke,
            via(TAALSCHOOL, None, VerwijzingStatus::Gestart)
        )
        .is_allowed()
    );
    let nederweert = super::actor(
        super::NEDERWEERT,
        OrganisatieSoort::Gemeente,
        &[Role::Regisseur],
    );
    assert_eq!(
        can(
            &nederweert,
            Action::VerwijzingView,
            via(TAALSCHOOL, None, VerwijzingStatus::Gestart)
        ),
        Decision::Deny(DenyReason::OtherGemeente)
    );
    assert_eq!(
        can(&r, Action::PersonList, Resource::Partner(TAALSCHOOL)),
        Decision::Deny(DenyReason::NotAGemeente)
    );
}
