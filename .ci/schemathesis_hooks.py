"""Hooks for .ci/fuzz-api: what JSON Schema cannot say about a valid request, and the document states
in words (the operation descriptions), applied to *positive* cases only. Negative cases are sent as
drawn, so every refusal the schema does describe is still tested.

- a BSN passes the elfproef (the pattern can only say "8 or 9 digits");
- dates lie in their window (birth date within 120 years up to today; other dates from 2000-01-01 to a
  year ahead), which moves with the calendar;
- tolkTaal goes with tolkNodig, uitkeringPwStartdatum with uitkeringPw (rules between fields);
- a regisseurId or huishouden member is a real record of the gemeente (ids are drawn at random;
  when registering, regisseurId is left out: only a teamleider may choose one);
- a household has exactly one referentiepersoon (the first member), at most one partner, and no
  drawn "kind" (whether a kind is young enough depends on the drawn persons' birth dates);
- a cursor (na/voor) is one the server issued in a next/prev link, and only one of them; page numbers
  without a cursor reach the first 1,000 rows.
"""

import datetime
import hashlib
import json
import os
import urllib.request

import schemathesis

BASE = os.environ.get("WEGWIJS_FUZZ_BASE", "")
KEY = os.environ.get("WEGWIJS_FUZZ_KEY", "")


def _get(path):
    req = urllib.request.Request(BASE + path, headers={"Authorization": "Bearer " + KEY})
    with urllib.request.urlopen(req) as res:
        return json.load(res)


_LIST = None


def _persons_list():
    global _LIST
    if _LIST is None:
        _LIST = _get("/api/v1/personen?regisseur=alle&paginaGrootte=200")["personen"]
    return _LIST


def persons():
    """Ids of the demo persons of the key's gemeente (fetched once)."""
    return [p["id"] for p in _persons_list()]


def regisseurs():
    """Ids of regisseurs of the gemeente: those with persons in their caseload."""
    return sorted({p["regisseurId"] for p in _persons_list() if p.get("regisseurId")})


def _digest(value):
    return int(hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest(), 16)


def valid_bsn(seed):
    """A BSN (from 990000000, never issued) that passes the elfproef, chosen by seed."""
    n = 990_000_000 + seed % 9_000_000
    while True:
        digits = [int(d) for d in f"{n:09d}"]
        total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1))) - digits[8]
        if total % 11 == 0 and any(digits):
            return f"{n:09d}"
        n += 1


def _date_in(value, first, last, seed):
    try:
        d = datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return value
    if first <= d <= last:
        return value
    return (first + datetime.timedelta(days=seed % ((last - first).days + 1))).isoformat()


KEY_DATES = ("uitkeringPwStartdatum", "datumKoppeling", "datumBrpInschrijving", "datumKennisgevingDuo", "datumHuisvesting")


def fix_person(body):
    if not isinstance(body, dict):
        return
    seed = _digest(body)
    today = datetime.date.today()
    if isinstance(body.get("bsn"), str):
        body["bsn"] = valid_bsn(seed)
    if isinstance(body.get("geboortedatum"), str):
        oldest = today.replace(year=today.year - 120) + datetime.timedelta(days=1)
        body["geboortedatum"] = _date_in(body["geboortedatum"], oldest, today, seed)
    for k in KEY_DATES:
        if isinstance(body.get(k), str):
            body[k] = _date_in(body[k], datetime.date(2000, 1, 1), today + datetime.timedelta(days=360), seed)
    taal = body.get("tolkTaal")
    blank = not isinstance(taal, str) or not taal.strip()
    if body.get("tolkNodig") is True and blank:
        body["tolkTaal"] = "Arabisch"
    if body.get("tolkNodig") is False and not blank:
        body["tolkTaal"] = None
    if body.get("uitkeringPwStartdatum") is not None and body.get("uitkeringPw") is not True:
        body["uitkeringPwStartdatum"] = None
    if body.get("regisseurId") is not None:
        body["regisseurId"] = None


def fix_household(body):
    if not isinstance(body, dict) or not isinstance(body.get("leden"), list):
        return
    pool = persons()
    start = _digest(body)
    # The household form's plausibility rules (stated in the operation's description): exactly one
    # referentiepersoon, who is no nareiziger, at most one partner, and a kind younger than both
    # (which depends on the drawn persons' birth dates, so drawn members are not made "kind").
    partner_seen = False
    for i, lid in enumerate(body["leden"]):
        if not isinstance(lid, dict):
            continue
        lid["persoonId"] = pool[(start + i) % len(pool)]
        if i == 0:
            lid["relatie"] = "referentiepersoon"
            lid["nareiziger"] = False
        elif lid.get("relatie") == "partner" and not partner_seen:
            partner_seen = True
        else:
            lid["relatie"] = "overig"


def fix_list_query(query):
    if not isinstance(query, dict):
        return
    query.pop("na", None)
    query.pop("voor", None)
    try:
        pagina = int(query.get("pagina", 1))
        grootte = int(query.get("paginaGrootte", 25))
    except (TypeError, ValueError):
        return
    if (pagina - 1) * grootte > 1000:
        query["pagina"] = 1


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return
    path, method = case.operation.path, case.method.upper()
    if path in ("/personen", "/personen/{id}") and method in ("POST", "PUT"):
        fix_person(case.body)
    elif path in ("/huishoudens", "/huishoudens/{id}") and method in ("POST", "PUT"):
        fix_household(case.body)
    elif path == "/personen/{id}/regisseur" and isinstance(case.body, dict):
        if case.body.get("regisseurId") is not None:
            pool = regisseurs()
            case.body["regisseurId"] = pool[_digest(case.body) % len(pool)]
    elif path == "/personen" and method == "GET":
        fix_list_query(case.query)
