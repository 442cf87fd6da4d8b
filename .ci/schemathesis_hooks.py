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
  without a cursor reach the first 1,000 rows;
- in the trajectory (PIP, intake, koppeling, progress): all dates of one body on one recent day, and
  the pairs the descriptions name (tolk taal with soort, a decision's type with its soort, ...); see
  the section at the end.
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
    elif path.endswith("/secties/{sectie}") and method == "PUT" and isinstance(case.body, dict):
        # `inhoud` has a shape per part (the description names it); a drawn object is not one. The
        # leerbaarheidstoets is taken or skipped with a reason; other parts may leave every question
        # unasked.
        if (case.path_parameters or {}).get("sectie") == "leerbaarheidstoets":
            case.body["inhoud"] = {"stand": "overgeslagen", "reden": "ontheffing_visueel"}
        else:
            case.body["inhoud"] = {}
    elif method in ("POST", "PUT") and path.endswith(PARTNERS):
        fix_partners(path, case.body)
    elif method in ("POST", "PUT") and any(t in path for t in TRAJECTORY):
        fix_trajectory(path, method, case.body)


# --- The trajectory (issue 7) -------------------------------------------------------------------
# Rules between fields and against the calendar that the operation descriptions state, applied to
# positive cases only. Every date in one body becomes the same recent day: not in the future, after
# 1900, and every "not before" between two fields of the body holds. What depends on the stored dossier
# (a termijn, an intake begun, the PIP's leerroute) is not fixed here: the server answers it with 409
# (code `state`) or, for a decision on an unfinished PIP, 422, both accepted for valid data.

TRAJECTORY = ("/brede-intake", "/pips", "/koppeling", "/voortgangsgesprekken", "/examens", "/uren",
              "/duo-besluiten", "/termijnen", "/afronding", "/rechtsmiddelen", "/vaststelling", "/intrekking")


def _is_date(v):
    if not isinstance(v, str) or len(v) != 10:
        return False
    try:
        datetime.date.fromisoformat(v)
        return True
    except ValueError:
        return False


def _same_day(node, day):
    if isinstance(node, dict):
        for k, v in node.items():
            if _is_date(v):
                node[k] = day
            else:
                _same_day(v, day)
    elif isinstance(node, list):
        for v in node:
            _same_day(v, day)


def _blank(v):
    return not isinstance(v, str) or not v.strip()


def fix_intake_gesprek(b):
    if b.get("tolkSoort") is not None and _blank(b.get("tolkTaal")):
        b["tolkTaal"] = "Arabisch"
    if b.get("tolkSoort") is None and not _blank(b.get("tolkTaal")):
        b["tolkTaal"] = None


def fix_voortgangsgesprek(b, day):
    # A held conversation has its report; goals are the current PIP's (not known here: none sent).
    b["doelvoortgang"] = []
    held = any(not _blank(b.get(k)) for k in ("verslag", "besluiten")) or b.get("pipAanpassen")
    if held or b.get("gehoudenOp") is not None:
        b["gehoudenOp"] = day
        b["geplandOp"] = day
    if not b.get("pipAanpassen"):
        b["pipAanpassenReden"] = None
    elif b.get("pipAanpassenReden") is None:
        b["pipAanpassenReden"] = "anders"


def fix_uren(b):
    # At most 24 hours a day of the period (all dates of the body are one day here).
    if isinstance(b.get("uren"), (int, float)) and b["uren"] > 24:
        b["uren"] = 24


TAALONDERDELEN = ("LE", "LU", "SC", "SP")


def fix_examen(b):
    if b.get("onderdeel") in TAALONDERDELEN and b.get("niveau") is None:
        b["niveau"] = "B1"
    if b.get("onderdeel") not in TAALONDERDELEN:
        b["niveau"] = None


VRIJSTELLING = ("AVI", "DIP", "DOC", "GED", "INB", "INS", "OPL")
ONTHEFFING = ("MED", "BIO")


def fix_duo_besluit(b):
    # The type belongs to the soort; a full decision names no components, a partial one at least one,
    # and a partial vrijstelling only language components.
    codes = VRIJSTELLING if b.get("soort") == "vrijstelling" else ONTHEFFING
    if b.get("type") not in codes:
        b["type"] = codes[_digest(b) % len(codes)]
    if b.get("volledig"):
        b["onderdelen"] = []
        return
    onderdelen = [o for o in b.get("onderdelen") or [] if b.get("soort") != "vrijstelling" or o != "KNM"]
    b["onderdelen"] = onderdelen or ["LE"]


def fix_afronding(b, day):
    for datum, vlag in (("pvtOndertekendOp", "pvtVerwijtbaar"), ("mapEindgesprekOp", "mapVerwijtbaar")):
        if b.get(datum) is None:
            b[vlag] = None
    if b.get("voldaanGrond") is not None and b.get("voldaanOp") is None:
        b["voldaanOp"] = day


def fix_pip(b):
    # New goals and activities (ids from the plan itself are not known here), each activity on its own.
    for d in b.get("doelen") or []:
        if isinstance(d, dict):
            d["doelId"] = None
    for a in b.get("activiteiten") or []:
        if isinstance(a, dict):
            a["activiteitId"] = None
            a["doelId"] = None
    if b.get("eigenVisie") == "zienswijze" and _blank(b.get("zienswijze")):
        b["zienswijze"] = "De inburgeraar wil eerst werken."
    if b.get("versie") is None:
        b["versie"] = 1
    # The onderwijsroute has no MAP (Wi2021 art. 8 lid 3).
    if b.get("leerroute") == "O":
        b["mapInhoud"] = None
        b["mapUren"] = None


def fix_rechtsmiddel(b):
    if b.get("uitkomst") is None or b.get("beslistOp") is None:
        b["uitkomst"] = None
        b["beslistOp"] = None


def fix_koppeling(b, day):
    profiel = b.get("profiel") or {}
    for k in ("talen", "opleiding", "werk", "beperkingen"):
        g = profiel.get(k)
        if isinstance(g, dict):
            if g.get("status") == "bekend" and _blank(g.get("toelichting")):
                g["toelichting"] = "Zie het COA-profiel."
            elif g.get("status") in ("onbekend", "geen", "", None):
                g["toelichting"] = ""
    if b.get("datumKoppeling") is not None or b.get("taakstellingJaar") is not None or b.get("taakstellingHalfjaar") is not None:
        d = datetime.date.fromisoformat(day)
        b["taakstellingJaar"] = d.year
        b["taakstellingHalfjaar"] = 1 if d.month <= 6 else 2
    for t in b.get("toetsen") or []:
        if isinstance(t, dict) and t.get("instrument") == "anders" and _blank(t.get("instrumentNaam")):
            t["instrumentNaam"] = "TaalStartToets"
    o = b.get("overdracht")
    if isinstance(o, dict):
        if _blank(o.get("vanNaam")):
            o["vanNaam"] = "M. de Vries"
        if _blank(o.get("vanOrganisatie")):
            o["vanOrganisatie"] = "COA"
        pool = regisseurs()
        if pool:
            o["naar"] = pool[_digest(o) % len(pool)]


def fix_trajectory(path, method, body):
    if not isinstance(body, dict):
        return
    day = (datetime.date.today() - datetime.timedelta(days=1 + _digest(body) % 300)).isoformat()
    _same_day(body, day)
    if path.endswith("/brede-intake/gesprekken"):
        fix_intake_gesprek(body)
    elif "/voortgangsgesprekken" in path:
        fix_voortgangsgesprek(body, day)
    elif path.endswith("/uren"):
        fix_uren(body)
    elif path.endswith("/examens"):
        fix_examen(body)
    elif path.endswith("/duo-besluiten"):
        fix_duo_besluit(body)
    elif path.endswith("/afronding") and method == "PUT":
        fix_afronding(body, day)
    elif path == "/personen/{id}/pips/{pipId}" and method == "PUT":
        fix_pip(body)
    elif path.endswith("/rechtsmiddelen"):
        fix_rechtsmiddel(body)
    elif path.endswith("/koppeling"):
        fix_koppeling(body, day)




# --- Chain partners (issue 8) ----------------------------------------------------------------------
# The bodies of these operations carry rules the operation descriptions state in words: a product of the
# key's own gemeente's sociale kaart, goals of the person's current PIP, dates not in the future (and a
# "shared until" within two years), an interpreter's language with `tolk`, a score on the instrument's
# scale, a fine only after a warning, free text without control characters. Positive cases get a valid
# body of that operation; negative cases are sent as drawn, so every refusal is still tested.

_AANBOD = None


def _aanbod():
    global _AANBOD
    if _AANBOD is None:
        items = _get("/api/v1/aanbod").get("items", [])
        _AANBOD = [a["id"] for a in items]
    return _AANBOD


def _today(offset=0):
    return (datetime.date.today() + datetime.timedelta(days=offset)).isoformat()


def _text(v, fallback):
    return v if isinstance(v, str) and v.strip() else fallback


def fix_partners(path, body):
    if not isinstance(body, dict):
        return
    if path.endswith("/verwijzingen"):
        pool = _aanbod()
        if pool:
            body["aanbodId"] = pool[_digest(body) % len(pool)]
        body["vraag"] = "Leerroute B1, drie dagdelen per week"
        body["doelIds"] = []
        body["grondslag"] = "wettelijke_taak"
        body["toestemmingDatum"] = None
        body["geldigTot"] = _today(30)
        body["gezondheidDelen"] = False
        body["gezondheidRechtvaardiging"] = None
        body["medewerkerId"] = None
    elif path.endswith("/contactmomenten"):
        body.update({"soort": "gesprek", "datum": _today(-1), "duurMinuten": "30", "tolk": False,
                     "tolkTaal": None, "vertrouwelijkheid": "normaal"})
        body["samenvatting"] = "Gesprek gevoerd over de voortgang"
        body["deelnemers"] = None
        body["vervolgafspraak"] = None
    elif path.endswith("/metingen"):
        body.update({"instrument": "taal", "moment": "start", "datum": _today(-1),
                     "scores": [{"domein": "spreken", "score": "a1"}], "toelichting": None})
    elif path.endswith("/urenregistraties"):
        body.update({"activiteitId": None, "datum": _today(-1), "uren": "1,5", "omschrijving": None})
    elif path.endswith("/plaatsingen"):
        body.update({"soort": "werkervaringsplek", "start": _today(-1), "eind": None, "urenPerWeek": "16"})
        body["organisatie"] = "Groenbedrijf Weert"
    elif path.endswith("/handhaving"):
        body.update({"soort": "waarschuwing", "overtreding": None, "verwijtbaarheid": None,
                     "besluitDatum": _today(-1), "nieuweTermijn": None, "toelichting": None})
    elif path.endswith("/aanwezigheid"):
        body.update({"datum": _today(-1), "aanwezigheid": "aanwezig", "reden": None, "uren": "2"})
    elif path.endswith("/overgangen"):
        body.update({"overgang": "accepteren", "datum": None, "reden": None, "toelichting": None})


PARTNERS = ("/verwijzingen", "/contactmomenten", "/metingen", "/urenregistraties", "/plaatsingen",
            "/handhaving", "/aanwezigheid", "/overgangen")

