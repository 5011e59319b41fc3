#!/usr/bin/env python3
"""Cozy Cloud fixtures shaped like the documents of a Cozy export ("Paramètres > Télécharger mes données"):
one JSON file per doctype, as CouchDB gives them (_id, _rev, cozyMetadata). Run from this directory:
python3 make_fixtures.py. Deterministic; the tests repeat the values."""
import json
import zipfile

META = {"doctypeVersion": 1, "metadataVersion": 1, "createdAt": "2024-01-06T08:00:00.000Z",
        "createdByApp": "banks", "updatedAt": "2024-01-06T08:00:00.000Z"}


def rev(i):
    return f"1-{i:04d}a9c2f0e1d7b3c5a4e6f8d0b2c4e6f8a0"


# 1. io.cozy.bank.operations in a {"docs": [...]} wrapper (as the _find API gives them). Dates are UTC
#    instants of Paris local midnights ("2024-01-04T23:00:00.000Z" is 5 January); one doc has no date.
ops = [
    {"date": "2024-01-04T23:00:00.000Z", "label": "CB CARREFOUR NANTES", "amount": -54.32, "currency": "EUR",
     "automaticCategoryId": "400110", "cozyCategoryId": "400110", "account": "c0ffee01", "originalBankLabel":
     "CARTE X1234 04/01 CARREFOUR NANTES"},
    {"date": "2024-01-05T00:00:00+01:00", "label": "VIR SALAIRE", "amount": 2150.0, "currency": "EUR",
     "manualCategoryId": "200110", "cozyCategoryId": "200120", "account": "c0ffee01"},
    {"date": "2024-01-31T23:00:00.000Z", "label": "PRLV GRDF", "amount": -87.0, "account": "c0ffee01",
     "cozyCategoryId": "401080", "realisationDate": "2024-02-01T09:12:00.000Z"},
    {"label": "ECRITURE SANS DATE", "amount": -1.0, "account": "c0ffee01"},
]
docs = []
for i, o in enumerate(ops):
    d = {"_id": f"op{i:03d}9d2c", "_rev": rev(i), **o, "cozyMetadata": META,
         "relationships": {"reimbursements": {"data": []}}}
    docs.append(d)
with open("io.cozy.bank.operations.json", "w", encoding="utf-8") as f:
    json.dump({"docs": docs, "bookmark": "g1AAAA", "warning": "no matching index found"}, f, ensure_ascii=False, indent=1)

# 2. io.cozy.bills as a plain array: an Ameli refund, a mutuelle refund, a phone bill.
bills = [
    {"type": "health_costs", "vendor": "Ameli", "date": "2024-01-17T23:00:00.000Z", "originalDate": "2024-01-14T23:00:00.000Z",
     "amount": 17.5, "originalAmount": 26.5, "isRefund": True, "subtype": "Consultation médecin généraliste",
     "beneficiary": "MARTIN LÉA", "socialSecurityRefund": 17.5, "currency": "EUR", "isThirdPartyPayer": False},
    {"type": "health_costs", "vendor": "Harmonie Mutuelle", "date": "2024-01-19T23:00:00.000Z",
     "originalDate": "2024-01-14T23:00:00.000Z", "amount": 7.5, "originalAmount": 26.5, "groupAmount": 7.5,
     "isRefund": True, "subtype": "Consultation médecin généraliste", "currency": "EUR"},
    {"type": "phone", "vendor": "Free Mobile", "date": "2024-01-09T23:00:00.000Z", "amount": 19.99, "currency": "EUR",
     "vendorRef": "FM-2024-01-998877", "fileurl": "https://example.invalid/facture.pdf"},
]
with open("io.cozy.bills.json", "w", encoding="utf-8") as f:
    json.dump([{"_id": f"bill{i:02d}", "_rev": rev(i), **b, "cozyMetadata": {**META, "createdByApp": "ameli"}}
               for i, b in enumerate(bills)], f, ensure_ascii=False)

# 3. io.cozy.timeseries.geojson (CoachCO2): one trip with a start place, a bike section whose vertices carry
#    timestamps in ms, then a bus section without timestamps; a second doc with a car trip (sensed mode only).
def section(mode_manual, sensed, coords, t0_ms, step_s, dist, start, end, with_ts=True):
    props = {"feature_type": "section", "sensed_mode": sensed, "distance": dist, "duration": step_s * (len(coords) - 1),
             "start_fmt_time": start, "end_fmt_time": end, "source": "SmoothedHighConfidenceMotion",
             "speeds": [0] + [dist / (step_s * (len(coords) - 1))] * (len(coords) - 1)}
    if mode_manual:
        props["manual_mode"] = mode_manual
    if with_ts:
        props["timestamps"] = [t0_ms + k * step_s * 1000 for k in range(len(coords))]
        props["times"] = [t0_ms / 1000 + k * step_s for k in range(len(coords))]
    return {"type": "Feature", "id": f"sec{t0_ms}", "geometry": {"type": "LineString", "coordinates": coords},
            "properties": props}


bike = [[-1.5536, 47.2184], [-1.5491, 47.2189], [-1.5444, 47.2196], [-1.5402, 47.2208]]
bus = [[-1.5402, 47.2208], [-1.5301, 47.2251], [-1.5207, 47.2290]]
trip1 = {"type": "FeatureCollection",
         "properties": {"start_fmt_time": "2024-03-31T08:05:00+02:00", "end_fmt_time": "2024-03-31T08:31:00+02:00",
                        "duration": 1560, "distance": 3400, "start_loc": {"type": "Point", "coordinates": bike[0]},
                        "end_loc": {"type": "Point", "coordinates": bus[-1]}, "manual_purpose": "WORK"},
         "features": [
             {"type": "Feature", "geometry": {"type": "Point", "coordinates": bike[0]}, "id": "p1",
              "properties": {"feature_type": "start_place", "display_name": "Rue des Olivettes, Nantes",
                             "enter_fmt_time": "2024-03-30T19:02:11+01:00", "exit_fmt_time": "2024-03-31T08:05:00+02:00"}},
             {"type": "FeatureCollection", "features": [
                 section("BICYCLING", "PredictedModeTypes.BICYCLING", bike, 1711865100000, 240, 1240.5,
                         "2024-03-31T08:05:00+02:00", "2024-03-31T08:17:00+02:00")]},
             {"type": "FeatureCollection", "features": [
                 section(None, "PredictedModeTypes.BUS", bus, 1711865820000, 420, 2159.5,
                         "2024-03-31T08:17:00+02:00", "2024-03-31T08:31:00+02:00", with_ts=False)]},
         ]}
car = [[-1.5536, 47.2184], [-1.4712, 47.2433], [-1.3920, 47.2671]]
trip2 = {"type": "FeatureCollection", "properties": {"start_fmt_time": "2024-03-29T17:40:00", "duration": 1500},
         "features": [{"type": "FeatureCollection", "features": [
             section(None, "PredictedModeTypes.CAR", car, 1711730400000, 750, 14300.0, "2024-03-29T17:40:00",
                     "2024-03-29T18:05:00")]}]}
ts = [{"_id": "ts01", "_rev": rev(1), "startDate": "2024-03-31T06:05:00Z", "endDate": "2024-03-31T06:31:00Z",
       "source": "cozy.io", "theme": "trip", "series": [trip1], "cozyMetadata": {**META, "createdByApp": "openpath"}},
      {"_id": "ts02", "_rev": rev(2), "startDate": "2024-03-29T16:40:00Z", "endDate": "2024-03-29T17:05:00Z",
       "source": "cozy.io", "series": [trip2], "cozyMetadata": META}]
with open("io.cozy.timeseries.geojson.json", "w", encoding="utf-8") as f:
    json.dump(ts, f, ensure_ascii=False, indent=2)

with zipfile.ZipFile("cozy_export.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for name in ["io.cozy.bank.operations.json", "io.cozy.bills.json", "io.cozy.timeseries.geojson.json"]:
        zi = zipfile.ZipInfo("cozy-lea.mycozy.cloud/" + name, date_time=(2024, 4, 2, 10, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(zi, open(name, "rb").read())
    zi = zipfile.ZipInfo("cozy-lea.mycozy.cloud/My Cozy/Administratif/notes.txt", date_time=(2024, 4, 2, 10, 0, 0))
    z.writestr(zi, "Penser à envoyer la feuille de soins\n")

# 4. A file keyed by doctype, as cozy-banks writes its fixtures and demo data (cozy/cozy-banks
#    test/fixtures/unit-tests.json, operations.json): other doctypes first (io.cozy.files without _id,
#    io.cozy.bank.accounts), operations with currency "€" (one without a currency), bills (a health refund
#    -> health_records, a phone bill -> transactions). Transactions: -1231 - 77.5 + 3870.54 - 25 - 15.99 = 2521.05.
keyed = {
    "io.cozy.files": [
        {"__SRC__": "{{ dir }}/Fichiers_de_démo/Free mobile/Demo_cozy-freemobile_15082017.pdf",
         "__DEST__": "/Fichiers_de_démo/Free mobile/Demo_cozy-freemobile_15082017.pdf"},
        {"__SRC__": "{{ dir }}/Fichiers_de_démo/MAIF/Demo_cozy-Appel_cotisation_MAIF_2017.pdf",
         "__DEST__": "/Fichiers_de_démo/MAIF/Demo_cozy-Appel_cotisation_MAIF_2017.pdf"},
    ],
    "io.cozy.bank.accounts": [
        {"_id": "compteisa1", "label": "Compte courant Isabelle", "institutionLabel": "BNPP", "balance": 3974.25,
         "type": "Checkings"},
        {"_id": "compteisa3", "label": "Livret A Isabelle", "institutionLabel": "La Banque Postale",
         "balance": 11635.12, "type": "Savings"},
    ],
    "io.cozy.bank.operations": [
        {"demo": True, "manualCategoryId": "401010", "account": "compteisa1", "label": "REMBOURSEMENT PRET LCL",
         "currency": "€", "amount": -1231, "date": "2017-08-25T00:00:00Z"},
        {"_id": "edf", "demo": True, "manualCategoryId": "401080", "account": "compteisa1", "label": "EDF PARTICULIERS",
         "currency": "€", "amount": -77.5, "date": "2017-08-26T00:00:00Z"},
        {"_id": "salaireisa1", "demo": True, "manualCategoryId": "200110", "account": "compteisa1", "label": "SALAIRE",
         "currency": "€", "amount": 3870.54, "date": "2017-08-29T00:00:00Z",
         "action": {"url": "https://example.org/paie", "trad": "Accéder à votre paie", "type": "url"}},
        {"_id": "depsantelou1", "demo": True, "manualCategoryId": "400610", "account": "compteisa1",
         "label": "DR MARTIN CONSULTATION", "amount": -25, "date": "2017-08-20T00:00:00Z"},
    ],
    "io.cozy.bills": [
        {"_id": "janvremboursementisa1", "date": "2017-08-24T00:00:00Z", "originalDate": "2017-08-20T00:00:00Z",
         "type": "health_costs", "subtype": "C GENERALISTE", "vendor": "Ameli", "isThirdPartyPayer": False,
         "amount": 17.5, "originalAmount": 25, "isRefund": True,
         "originalOperation": "io.cozy.bank.operations:depsantelou1"},
        {"_id": "b0", "date": "2017-08-15T00:00:00Z", "vendor": "Free Mobile", "type": "phone", "amount": 15.99},
    ],
}
with open("cozy_banks_keyed.json", "w", encoding="utf-8") as f:
    json.dump(keyed, f, ensure_ascii=False, indent=2)
