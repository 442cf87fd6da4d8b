//! Invariants that must hold for every actor, action and resource, checked with generated input.

use proptest::prelude::*;

use super::tests::{NEDERWEERT, TAALSCHOOL, WEERT, actor, person_of};
use super::*;

fn orgs() -> impl Strategy<Value = OrganisatieId> {
    prop_oneof![Just(WEERT), Just(NEDERWEERT), Just(TAALSCHOOL)]
}

fn any_actor() -> impl Strategy<Value = Actor> {
    let soort = prop_oneof![
        Just(OrganisatieSoort::Gemeente),
        Just(OrganisatieSoort::Partner)
    ];
    (
        orgs(),
        soort,
        proptest::sample::subsequence(Role::ALL, 0..=Role::ALL.len()),
    )
        .prop_map(|(org, soort, roles)| actor(org, soort, &roles))
}

fn any_action() -> impl Strategy<Value = Action> {
    proptest::sample::select(Action::ALL)
}

fn any_resource() -> impl Strategy<Value = Resource> {
    prop_oneof![
        orgs().prop_map(person_of),
        orgs().prop_map(Resource::Gemeente),
        orgs().prop_map(Resource::Organisation),
    ]
}

proptest! {
    #[test]
    fn an_actor_never_gets_a_person_of_another_gemeente(a in any_actor(), action in any_action(), gemeente in orgs()) {
        if can(&a, action, person_of(gemeente)).is_allowed() {
            prop_assert_eq!(a.gemeente_id(), Some(gemeente));
        }
        if can(&a, action, Resource::Gemeente(gemeente)).is_allowed() {
            prop_assert_eq!(a.gemeente_id(), Some(gemeente));
        }
    }

    #[test]
    fn beleid_never_gets_any_person_action(org in orgs(), action in any_action(), resource in any_resource()) {
        // Counts without names are all beleid gets.
        prop_assume!(action != Action::AggregateView);
        let a = actor(org, OrganisatieSoort::Gemeente, &[Role::Beleid]);
        prop_assert!(!can(&a, action, resource).is_allowed());
        prop_assert_eq!(person_scope(&a, action), PersonScope::Nothing);
    }

    #[test]
    fn roles_combine_as_a_union(a in any_actor(), action in any_action(), resource in any_resource()) {
        let combined = can(&a, action, resource).is_allowed();
        let any_single = a.roles.iter().any(|r| can(&Actor { roles: vec![*r], ..a.clone() }, action, resource).is_allowed());
        prop_assert_eq!(combined, any_single);
    }

    #[test]
    fn scope_agrees_with_can(a in any_actor(), action in any_action()) {
        let scope = person_scope(&a, action);
        if a.organisatie_soort == OrganisatieSoort::Partner {
            let open = can(&a, action, Resource::Partner(a.organisatie_id)).is_allowed();
            prop_assert_eq!(matches!(scope, PersonScope::Verwijzingen(g) if g.partner_id == a.organisatie_id), open);
            prop_assert_eq!(scope == PersonScope::Nothing, !open);
            return Ok(());
        }
        match a.gemeente_id() {
            Some(own) if can(&a, action, Resource::Gemeente(own)).is_allowed() => prop_assert_eq!(scope, PersonScope::Gemeente(own)),
            _ => prop_assert_eq!(scope, PersonScope::Nothing),
        }
    }

    #[test]
    fn only_the_privacy_officer_browses_a_gemeentes_whole_log(a in any_actor(), resource in any_resource()) {
        if can(&a, Action::AuditViewGemeente, resource).is_allowed() {
            prop_assert!(a.has(Role::Privacy));
        }
    }

    #[test]
    fn whoever_browses_the_gemeente_log_may_also_see_one_persons_log(a in any_actor(), org in orgs()) {
        if can(&a, Action::AuditViewGemeente, Resource::Gemeente(org)).is_allowed() {
            prop_assert!(can(&a, Action::AuditViewPerson, person_of(org)).is_allowed());
        }
    }

    #[test]
    fn without_roles_nothing_is_allowed(org in orgs(), action in any_action(), resource in any_resource()) {
        prop_assert!(!can(&actor(org, OrganisatieSoort::Gemeente, &[]), action, resource).is_allowed());
    }
}
