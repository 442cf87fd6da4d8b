use super::*;

fn weert() -> RawBriefGegevens {
    RawBriefGegevens {
        postadres: " Postbus 950 ".into(),
        postcode: "6000az".into(),
        plaats: "Weert".into(),
        telefoon: "14  0495".into(),
        website: "www.weert.nl".into(),
        ..Default::default()
    }
}

fn parsed(raw: &RawBriefGegevens) -> Result<BriefGegevens, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let g = parse(raw, &mut e);
    e.into_result(g)
}

fn fields(raw: &RawBriefGegevens) -> Vec<&'static str> {
    match parsed(raw) {
        Ok(_) => vec![],
        Err(e) => e.iter().map(|f| f.field).collect(),
    }
}

#[test]
fn complete_details_are_normalised_and_the_bezwaar_goes_to_the_postadres() {
    let g = parsed(&weert()).expect("valid");
    let adres = g.postadres.as_ref().expect("postadres");
    assert_eq!(adres.regels(), ["Postbus 950", "6000 AZ Weert"]);
    assert_eq!(g.telefoon.as_deref(), Some("14 0495"));
    assert_eq!(g.bezwaar(), Some(adres));
    assert!(g.ontbreekt().is_empty());
    assert_eq!(RawBriefGegevens::from_gegevens(&g).postcode, "6000 AZ");
}

#[test]
fn a_separate_bezwaar_address_wins() {
    let raw = RawBriefGegevens {
        bezwaar_postadres: "Postbus 10".into(),
        bezwaar_postcode: "6000 AB".into(),
        bezwaar_plaats: "Weert".into(),
        ..weert()
    };
    let g = parsed(&raw).expect("valid");
    assert_eq!(
        g.bezwaar().map(Postadres::regels),
        Some(vec!["Postbus 10".to_string(), "6000 AB Weert".to_string()])
    );
}

#[test]
fn nothing_set_is_valid_and_everything_is_missing() {
    let g = parsed(&RawBriefGegevens::default()).expect("empty is allowed");
    assert_eq!(g.ontbreekt(), ["postadres", "telefoonnummer", "website"]);
    assert_eq!(g.bezwaar(), None);
}

#[test]
fn half_an_address_names_the_missing_fields() {
    let raw = RawBriefGegevens {
        postcode: String::new(),
        plaats: String::new(),
        ..weert()
    };
    assert_eq!(fields(&raw), ["briefPostcode", "briefPlaats"]);
    let raw = RawBriefGegevens {
        bezwaar_plaats: "Weert".into(),
        ..weert()
    };
    assert_eq!(fields(&raw), ["bezwaarPostadres", "bezwaarPostcode"]);
}

#[test]
fn a_postcode_must_have_the_dutch_format() {
    for bad in ["600 AZ", "0600 AZ", "6000 SS", "6000-AZ-1"] {
        let raw = RawBriefGegevens {
            postcode: bad.into(),
            ..weert()
        };
        assert_eq!(fields(&raw), ["briefPostcode"], "{bad}");
    }
}

#[test]
fn a_phone_number_is_digits_spaces_and_a_leading_plus() {
    for good in ["14 0495", "+31 495 575 000", "0495575000"] {
        let raw = RawBriefGegevens {
            telefoon: good.into(),
            ..weert()
        };
        assert!(fields(&raw).is_empty(), "{good}");
    }
    for bad in [
        "14-0495",
        "bel 14 0495",
        "12",
        "0495+575",
        "1234567890123456",
    ] {
        let raw = RawBriefGegevens {
            telefoon: bad.into(),
            ..weert()
        };
        assert_eq!(fields(&raw), ["briefTelefoon"], "{bad}");
    }
}

#[test]
fn a_website_has_no_spaces_and_a_dot() {
    for bad in ["weert", "www weert.nl", "https://"] {
        let raw = RawBriefGegevens {
            website: bad.into(),
            ..weert()
        };
        assert_eq!(fields(&raw), ["briefWebsite"], "{bad}");
    }
}
