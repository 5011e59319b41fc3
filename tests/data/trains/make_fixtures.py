#!/usr/bin/env python3
"""Train-trip history exports: an SNCF Connect-style "Mes voyages" CSV (UTF-8 BOM, ';', French headers,
decimal commas, "08h12" times, a trip arriving after midnight, a cancelled trip, an unknown station) and a
Trainline-style bookings CSV (',', English headers, ISO dates, "St-Charles" spelling, a GBP price).
Run from this directory: python3 make_fixtures.py."""

sncf = "\ufeff" + ";".join([
    "Référence", "Date de commande", "Date de départ", "Heure de départ", "Gare de départ", "Gare d'arrivée",
    "Heure d'arrivée", "Transporteur", "N° de train", "Classe", "Voyageurs", "Prix (€)", "Statut"]) + "\r\n"
rows = [
    ["QXZ7PL", "02/07/2023", "14/07/2023", "08h12", "Paris Montparnasse", "La Rochelle Ville", "11h05", "TGV INOUI", "8381", "2", "2", "112,00", "Voyagé"],
    ["QXZ7PL", "02/07/2023", "23/07/2023", "18h56", "La Rochelle", "PARIS MONTPARNASSE 1 ET 2", "21h42", "TGV INOUI", "8398", "2", "2", "98,40", "Voyagé"],
    ["RTT9AB", "10/10/2023", "28/10/2023", "22h47", "Paris Austerlitz", "Toulouse Matabiau", "07h31", "Intercités de nuit", "3753", "Couchette", "1", "49,00", "Voyagé"],
    ["MNB4CD", "15/11/2023", "02/12/2023", "07h01", "Lyon Part-Dieu", "Marseille St-Charles", "08h41", "OUIGO", "7651", "2", "1", "19,00", "Annulé"],
    ["ZZZ111", "20/11/2023", "03/12/2023", "09h30", "Saint-Malo", "Dinard Plage", "09h55", "Car TER", "", "2", "1", "4,50", "Voyagé"],
]
sncf += "".join(";".join(r) + "\r\n" for r in rows)
with open("sncf_connect_voyages.csv", "w", encoding="utf-8", newline="") as f:
    f.write(sncf)

tl = "Booking reference,Departure date,Departure time,Origin,Destination,Arrival time,Carrier,Price,Currency,Passengers\n"
tl_rows = [
    ["TL-88231", "2024-03-30", "09:14", "Paris Gare de Lyon", "Marseille St-Charles", "12:35", "SNCF", "45.90", "EUR", "1"],
    ["TL-88232", "2024-03-31", "16:02", "Marseille St-Charles", "Paris Gare de Lyon", "19:20", "SNCF", "52.00", "EUR", "1"],
    ["TL-90001", "2024-04-12", "08:31", "Paris Nord", "London St Pancras", "09:57", "Eurostar", "78.00", "GBP", "1"],
]
tl += "".join(",".join(r) + "\n" for r in tl_rows)
with open("trainline_bookings.csv", "w", encoding="utf-8", newline="") as f:
    f.write(tl)
