// String table and locale-aware formatting. Every key has French and English text; the test suite
// checks that no key lacks either.
#include "viz/locale.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace sdw {
namespace {

struct Entry { const char* key; const char* fr; const char* en; };

// Keep sorted by panel; "…" and "’" are real typographic characters (the font has them).
const Entry k_strings[] = {
  {"app.title", "Self Data Workbench", "Self Data Workbench"},
  {"app.tagline", "Vos données, sur votre appareil", "Your data, on your device"},
  {"menu.open", "Ouvrir des fichiers…", "Open files…"},
  {"menu.open_folder", "Ouvrir un dossier…", "Open a folder…"},
  {"menu.language", "Langue", "Language"},
  {"comfort.smaller", "Texte plus petit", "Smaller text"},
  {"comfort.larger", "Texte plus grand", "Larger text"},
  {"comfort.contrast", "Contraste élevé (noir et blanc)", "High contrast (black and white)"},
  {"menu.charts_demo", "Graphiques (démo)", "Charts (demo)"},
  {"status.private", "Vos fichiers restent sur cet appareil\u00A0: rien n’est envoyé.", "Your files stay on this device: nothing is uploaded."},
  {"status.duck_starting", "Moteur de requêtes\u00A0: démarrage…", "Query engine: starting…"},
  {"status.duck_ready", "Moteur de requêtes prêt", "Query engine ready"},
  {"status.duck_error", "Moteur de requêtes indisponible", "Query engine unavailable"},
  {"sources.title", "Sources", "Sources"},
  {"sources.empty", "Aucun fichier pour l’instant. Glissez-déposez vos exports ici, ou cliquez sur «\u00A0Ouvrir des fichiers…\u00A0».",
                    "No files yet. Drag and drop your exports here, or click “Open files…”."},
  {"sources.col_name", "Fichier", "File"},
  {"sources.col_size", "Taille", "Size"},
  {"sources.col_format", "Format", "Format"},
  {"sources.col_rows", "Lignes", "Rows"},
  {"sources.col_status", "État", "Status"},
  {"sources.remove", "Retirer", "Remove"},
  {"sources.cancel", "Annuler", "Cancel"},
  {"sources.details", "Détails", "Details"},
  {"sources.table", "Table", "Table"},
  {"sources.warnings", "Avertissements", "Warnings"},
  {"status.queued", "En attente", "Queued"},
  {"status.reading", "Lecture…", "Reading…"},
  {"status.loading", "Chargement…", "Loading…"},
  {"status.ready", "Prêt", "Ready"},
  {"status.error", "Erreur", "Error"},
  {"status.cancelling", "Annulation…", "Cancelling…"},
  {"status.cancelled", "Annulé", "Cancelled"},
  {"entry.ok", "Lu", "Read"},
  {"entry.skipped", "Ignoré", "Skipped"},
  {"entry.error", "Erreur", "Error"},
  {"export.label", "Exporter\u00A0:", "Export:"},
  {"export.csv", "CSV", "CSV"},
  {"export.csv.tip", "CSV UTF-8, virgule et point décimal (pour les logiciels de données)", "UTF-8 CSV, comma and decimal point (for data tools)"},
  {"export.csv_fr", "CSV Excel (FR)", "CSV Excel (FR)"},
  {"export.csv_fr.tip", "CSV pour un tableur en français\u00A0: point-virgule et virgule décimale", "CSV for a French spreadsheet: semicolon and decimal comma"},
  {"export.parquet", "Parquet", "Parquet"},
  {"export.parquet.tip", "Parquet\u00A0: compact et typé, se relit sans perte", "Parquet: compact and typed, reads back exactly"},
  {"export.ndjson", "NDJSON", "NDJSON"},
  {"export.ndjson.tip", "Un objet JSON par ligne", "One JSON object per line"},
  {"export.geojson", "GeoJSON", "GeoJSON"},
  {"export.geojson.tip", "Points géographiques (colonnes lat et lon nécessaires)", "Geographic points (needs lat and lon columns)"},
  {"export.saved", "Fichier enregistré\u00A0:", "File saved:"},
  {"undo.removed", "retiré", "removed"},
  {"undo.button", "Annuler", "Undo"},
  {"workshop.badge", "Mode atelier", "Workshop mode"},
  {"classroom.badge", "Mode classe\u00A0: données d’exemple", "Classroom mode: sample data"},
  {"classroom.lead", "Mode classe\u00A0: on explore avec les personnages d’exemple ci-dessous. Aucun fichier personnel ne peut être ouvert ici, pour que personne n’affiche ses propres données devant la classe.",
   "Classroom mode: explore with the sample people below. No personal file can be opened here, so nobody shows their own data in front of the class."},
  {"workshop.end", "Terminer ma session", "End my session"},
  {"workshop.confirm_title", "Tout effacer de cet ordinateur\u202F?", "Erase everything from this computer?"},
  {"workshop.confirm_text", "Les fichiers que vous avez ouverts, les tables et les résultats seront effacés de ce navigateur, puis l’application repartira de zéro pour la personne suivante. Vos fichiers d’origine ne sont pas touchés.",
                            "The files you opened, the tables and the results will be erased from this browser, then the app starts afresh for the next person. Your original files are not touched."},
  {"workshop.confirm_yes", "Tout effacer", "Erase everything"},
  {"workshop.confirm_no", "Revenir", "Go back"},
  {"workshop.wiping", "Effacement…", "Erasing…"},
  {"persist.button", "Espace chiffré…", "Encrypted workspace…"},
  {"persist.tip", "Garder mon espace de travail sur cet appareil (chiffré), le rouvrir, ou tout oublier", "Keep my workspace on this device (encrypted), reopen it, or forget everything"},
  {"persist.on", "Espace enregistré sur cet appareil (chiffré)", "Workspace saved on this device (encrypted)"},
  {"persist.locked", "Espace chiffré sur cet appareil\u00A0: fermé", "Encrypted workspace on this device: closed"},
  {"sql.examples", "Exemples\u00A0:", "Examples:"},
  {"example.timeline", "Chronologie par jour", "Timeline per day"},
  {"example.trips", "Km par mode et par mois", "Km per mode per month"},
  {"example.visits", "Lieux les plus fréquentés", "Most visited places"},
  {"example.energy", "kWh par jour", "kWh per day"},
  {"example.transactions", "Dépenses et recettes par mois", "Spending and income per month"},
  {"example.learning", "Traces par cours", "Traces per course"},
  {"example.purchases", "Achats par catégorie", "Purchases per category"},
  {"example.activity", "Activité par plateforme", "Activity per platform"},
  {"example.health", "Santé\u00A0: payé et remboursé", "Health: paid and reimbursed"},
  {"menu.help", "Récupérer mes données", "Get my data"},
  {"guides.title", "Récupérer mes données", "Get my data"},
  {"steps.title", "Premiers pas", "First steps"},
  {"steps.get", "Récupérez vos données auprès des services que vous utilisez (c’est votre droit\u00A0: RGPD, article 20).", "Get your data from the services you use (it is your right: GDPR Article 20)."},
  {"steps.drop", "Déposez les fichiers ici, tels quels (ZIP compris)\u00A0: ils ne quittent pas cet appareil.", "Drop the files here as they are (ZIPs too): they do not leave this device."},
  {"steps.ask", "Posez votre question\u00A0: choisissez un exemple de requête à droite, ou ouvrez un graphique.", "Ask your question: pick an example query on the right, or open a chart."},
  {"dash.tab.mobility", "Mobilité", "Mobility"},
  {"dash.tab.energy", "Énergie", "Energy"},
  {"dash.tab.learning", "Apprentissage", "Learning"},
  {"dash.loading", "Calcul en cours…", "Computing…"},
  {"dash.factors", "Facteurs d’émission\u00A0:", "Emission factors:"},
  {"dash.data_of", "données du", "data of"},
  {"dash.trips", "trajets", "trips"},
  {"dash.days", "jours", "days"},
  {"dash.km", "Distance", "Distance"},
  {"dash.missing.mobility", "Ce défi a besoin de vos trajets\u00A0: un export Google Maps (Vos trajets), un fichier GPX ou votre historique SNCF.", "This challenge needs your trips: a Google Maps Timeline export, a GPX file or your SNCF history."},
  {"dash.missing.energy", "Ce défi a besoin de vos relevés Linky (export Enedis).", "This challenge needs your Linky readings (Enedis export)."},
  {"dash.missing.learning", "Ce défi a besoin de traces d’apprentissage (fichier xAPI de l’ENT ou de la plateforme).", "This challenge needs learning traces (an xAPI file from the school platform)."},
  {"dash.mobility.title", "Mes déplacements\u00A0: distance et CO₂", "My trips: distance and CO₂"},
  {"dash.mobility.construction", "Inclure la fabrication des véhicules", "Include building the vehicles"},
  {"dash.mobility.electric", "Voiture électrique", "Electric car"},
  {"dash.mobility.occupants", "personnes par voiture", "people per car"},
  {"dash.mobility.km_by_mode", "Kilomètres par mode", "Kilometres per mode"},
  {"dash.mobility.co2_by_mode", "Émissions par mode (kg CO₂e)", "Emissions per mode (kg CO₂e)"},
  {"dash.mobility.whatif1", "Si vos", "If your"},
  {"dash.mobility.whatif2", "en voiture étaient faits en", "by car were made by"},
  {"dash.mobility.saved", "évités", "saved"},
  {"dash.mobility.more", "de plus — un bus peu rempli émet plus par voyageur qu’une voiture (moyenne nationale d’occupation)", "more — a lightly used bus emits more per passenger than a car (national average occupancy)"},
  {"dash.mobility.map", "Où je passe\u00A0: points de position et lieux visités (cercle ∝ durée)", "Where I go: location points and places visited (circle ∝ time spent)"},
  {"dash.mobility.visits", "Lieux visités", "Places visited"},
  {"dash.energy.title", "Mon électricité\u00A0: quand et combien", "My electricity: when and how much"},
  {"dash.energy.base_load", "consommation de fond la nuit", "night-time background use"},
  {"dash.energy.cost", "coût estimé", "estimated cost"},
  {"dash.energy.price", "€/kWh", "€/kWh"},
  {"dash.energy.price_note", "Prix indicatif\u00A0: mettez celui de votre contrat (abonnement 15 €/mois inclus).", "Indicative price: put your contract’s (15 €/month subscription included)."},
  {"dash.energy.per_day", "kWh par jour", "kWh per day"},
  {"dash.energy.per_hour", "kWh moyens par heure de la journée (heure locale)", "Mean kWh per hour of the day (local time)"},
  {"dash.energy.mean_kwh", "kWh moyen", "mean kWh"},
  {"dash.energy.per_month", "kWh par mois", "kWh per month"},
  {"dash.energy.source", "Relevés Enedis (Linky) déposés\u202F; talon = médiane des minimums de 1 h à 5 h.", "Enedis (Linky) readings you dropped; base load = median of the 1 am to 5 am minimums."},
  {"dash.gas.title", "Mon gaz (GRDF)", "My gas (GRDF)"},
  {"dash.gas.heating", "part du chauffage", "heating share"},
  {"dash.gas.price", "€/kWh gaz", "€/kWh gas"},
  {"dash.gas.per_month", "kWh de gaz par mois", "Gas kWh per month"},
  {"dash.gas.source", "Relevés quotidiens GRDF déposés\u202F; chauffage = ce qui dépasse la journée médiane d’été\u202F; prix indicatif (abonnement 22 €/mois inclus).", "GRDF daily readings you dropped; heating = what exceeds the median summer day; indicative price (22 €/month subscription included)."},
  {"dash.alt.ter", "TER", "regional train (TER)"},
  {"dash.alt.busthermique", "bus", "bus"},
  {"dash.alt.velo", "vélo", "bike"},
  {"dash.energy.need_curve", "Le profil par heure a besoin de la courbe de charge (relevés toutes les 30 minutes)\u00A0: activez sa collecte dans votre espace Enedis.", "The hourly profile needs the load curve (readings every 30 minutes): switch its collection on in your Enedis account."},
  {"dash.learning.title", "Mes traces d’apprentissage", "My learning traces"},
  {"dash.learning.who", "Qui suis-je\u202F?", "Who am I?"},
  {"dash.learning.traces", "traces", "traces"},
  {"dash.learning.hours", "heures", "hours"},
  {"dash.learning.sessions", "séances", "sessions"},
  {"dash.learning.completed", "Activités terminées", "Activities finished"},
  {"dash.learning.success", "réussites", "successes"},
  {"dash.learning.per_day", "Minutes par jour", "Minutes per day"},
  {"dash.learning.per_course", "Temps par matière (minutes)", "Time per subject (minutes)"},
  {"dash.learning.verbs", "Ce que j’ai fait", "What I did"},
  {"sample.tag", "exemple", "sample"},
  {"sample.tooltip", "Données d’exemple, inventées", "Sample data, made up"},
  {"sample.try", "Pas de données sous la main\u202F? Essayez avec celles d’une personne inventée\u00A0:", "No data at hand? Try with a made-up person’s:"},
  {"sample.status", "Données d’exemple", "Sample data"},
  {"where.line", "ligne", "line"},
  {"where.offset", "octet", "byte"},
  {"sql.title", "Requête SQL", "SQL query"},
  {"sql.run", "Exécuter (Ctrl+Entrée)", "Run (Ctrl+Enter)"},
  {"sql.history", "Requêtes précédentes…", "Previous queries…"},
  {"sql.running", "Requête en cours…", "Running…"},
  {"dash.mobility.map_lines", "Sur la carte, chaque trajet est une ligne colorée selon son mode", "On the map, each trip is a line coloured by its mode"},
  {"sql.cancel", "Annuler la requête (Échap)", "Cancel the query (Esc)"},
  {"sql.cancelling", "Annulation…", "Cancelling…"},
  {"sql.cancelled", "Requête annulée\u00A0: rien n’a été modifié. Vous pouvez la relancer ou en écrire une autre.",
   "Query cancelled: nothing was changed. You can run it again or write another one."},
  {"sql.row", "ligne", "row"},
  {"sql.rows", "lignes", "rows"},
  {"sql.shown", "affichées", "shown"},
  {"sql.error", "Erreur SQL", "SQL error"},
  {"sql.tables", "Tables", "Tables"},
  {"sql.hint", "Astuce\u00A0: cliquez sur une table pour l’interroger.", "Tip: click a table to query it."},
  {"sql.wait_engine", "Le moteur de requêtes démarre…", "The query engine is starting…"},
  {"viz.other", "Autres", "Other"},
  {"viz.count", "Nombre", "Count"},
  {"viz.no_data", "Aucune donnée", "No data"},
  {"viz.less", "Moins", "Less"},
  {"viz.more", "Plus", "More"},
  {"viz.selection", "Sélection", "Selection"},
  {"viz.share", "Part", "Share"},
  {"viz.days_with_data", "jours avec données", "days with data"},
  {"viz.hint.timeline", "Ctrl+molette (ou clic puis molette)\u00A0: zoom · glisser\u00A0: déplacer · Maj+glisser\u00A0: sélectionner · double-clic\u00A0: tout voir",
                        "Ctrl+wheel (or click, then wheel): zoom · drag: pan · Shift+drag: select · double-click: show all"},
  {"viz.hint.map", "Ctrl+molette (ou clic puis molette)\u00A0: zoom · glisser\u00A0: déplacer · double-clic\u00A0: tout voir",
                   "Ctrl+wheel (or click, then wheel): zoom · drag: pan · double-click: show all"},
  {"viz.week_short", "sem.", "wk"},
  {"viz.demo.title", "Démo des graphiques", "Chart demo"},
  {"viz.demo.power", "Puissance appelée (relevés toutes les 30 min, 2023)", "Power drawn (30-minute readings, 2023)"},
  {"viz.demo.consumption", "Consommation", "Consumption"},
  {"viz.demo.rolling", "Moyenne sur 24 h", "24-hour average"},
  {"viz.demo.million", "Relevés toutes les 30 s", "30-second readings"},
  {"viz.demo.km_week", "Kilomètres par mode et par semaine", "Kilometres per mode and week"},
  {"viz.demo.stacked", "Empiler", "Stack"},
  {"viz.demo.km_share", "Répartition des kilomètres par mode (12 semaines)", "Kilometres by mode (12 weeks)"},
  {"viz.demo.total", "au total", "in total"},
  {"viz.demo.trips", "Trajets", "Trips"},
  {"viz.demo.million_toggle", "Ajouter une série d’un million de points", "Add a one-million-point series"},
  {"viz.demo.density_toggle", "Densité\u00A0: un million de points", "Density: one million points"},
  {"viz.demo.hist", "Distance des trajets", "Trip distance"},
  {"viz.demo.calendar", "Consommation par jour", "Consumption per day"},
  {"viz.demo.map", "Traces GPS autour de La Rochelle", "GPS tracks around La Rochelle"},
  {"viz.demo.visits", "Lieux visités (durée)", "Places visited (duration)"},
  {"viz.demo.density", "Densité des points", "Point density"},
  {"viz.mode.car", "Voiture", "Car"},
  {"viz.mode.transit", "Transports en commun", "Public transport"},
  {"viz.mode.bike", "Vélo", "Bike"},
  {"viz.mode.walk", "Marche", "Walking"},
  {"viz.mode.train", "Train", "Train"},
  {"dash.tab.food", "Alimentation", "Food"},
  {"dash.tab.budget", "Budget", "Budget"},
  {"dash.tab.footprint", "Numérique", "Digital"},
  {"dash.missing.food", "Ce défi a besoin de vos achats\u00A0: l’export de votre carte de fidélité ou de vos tickets de caisse.", "This challenge needs your purchases: your loyalty-card or receipts export."},
  {"dash.missing.budget", "Ce défi a besoin de vos opérations bancaires (export CSV ou OFX de votre banque).", "This challenge needs your bank transactions (your bank’s CSV or OFX export)."},
  {"dash.missing.footprint", "Ce défi a besoin de votre activité en ligne\u00A0: export Facebook, Instagram, Google Mon activité, Spotify ou Netflix.", "This challenge needs your online activity: a Facebook, Instagram, Google My Activity, Spotify or Netflix export."},
  {"dash.export_csv", "Exporter les chiffres (CSV)", "Export the figures (CSV)"},
  {"dash.export_png", "Exporter le graphique (SVG + PNG)", "Export the chart (SVG + PNG)"},
  {"dash.food.title", "Mes courses\u00A0: leur empreinte carbone", "My groceries: their carbon footprint"},
  {"dash.food.lines", "lignes d’achat", "purchase lines"},
  {"dash.food.counted", "comptées", "counted"},
  {"dash.food.per_month", "kg CO₂e par mois", "kg CO₂e per month"},
  {"dash.food.top", "Ce qui pèse le plus (kg CO₂e)", "What weighs most (kg CO₂e)"},
  {"dash.food.swaps", "Des échanges moins carbonés, pour la même quantité\u00A0:", "Lower-carbon swaps, same quantity:"},
  {"dash.food.swap_by", "par", "with"},
  {"dash.food.saves", "économise", "saves"},
  {"dash.food.unmapped", "Produits non reconnus\u00A0: choisissez ce que c’est, le calcul se met à jour.", "Products not recognised: pick what they are, the figures update."},
  {"dash.food.pick", "Choisir…", "Pick…"},
  {"dash.food.ignore", "(ne pas compter)", "(do not count)"},
  {"dash.food.no_weight", "poids inconnu", "weight unknown"},
  {"dash.food.source", "Facteurs Agribalyse 3.2 via l’API impactCO2 de l’ADEME (kg CO₂e par kg, du champ à l’assiette).", "Agribalyse 3.2 factors through ADEME’s impactCO2 API (kg CO₂e per kg, farm to plate)."},
  {"dash.budget.title", "Mon budget\u00A0: où va l’argent", "My budget: where the money goes"},
  {"dash.budget.income", "revenus", "income"},
  {"dash.budget.spending", "dépenses", "spending"},
  {"dash.budget.per_month", "Dépenses par mois et par catégorie (€)", "Spending per month and category (€)"},
  {"dash.budget.by_category", "Dépenses par catégorie (€)", "Spending per category (€)"},
  {"dash.budget.uncategorised", "Opérations sans catégorie\u00A0: choisissez-en une, elle s’appliquera à tous les libellés identiques.", "Uncategorised transactions: pick a category, it applies to every identical label."},
  {"dash.budget.health", "Santé\u00A0: payé, remboursé, reste à charge (€)", "Health: paid, reimbursed, left to pay (€)"},
  {"dash.budget.paid", "payé", "paid"},
  {"dash.budget.reimbursed", "remboursé", "reimbursed"},
  {"dash.budget.remaining", "reste à charge", "left to pay"},
  {"dash.budget.source", "Catégories de votre banque quand l’export en a, sinon règles sur les libellés (modifiables ci-dessous).", "Your bank’s categories when the export has them, else rules on the labels (editable below)."},
  {"dash.footprint.title", "Mon empreinte numérique\u00A0: quand suis-je en ligne\u202F?", "My digital footprint: when am I online?"},
  {"dash.footprint.events", "évènements", "events"},
  {"dash.footprint.night", "la nuit (0 h – 6 h)", "at night (midnight – 6 am)"},
  {"dash.footprint.per_hour", "Activité par heure de la journée (heure locale)", "Activity per hour of the day (local time)"},
  {"dash.footprint.per_weekday", "Activité par jour de la semaine", "Activity per day of the week"},
  {"dash.footprint.per_platform", "Par service", "Per service"},
  {"dash.footprint.busiest", "Heures les plus actives\u00A0:", "Busiest hours:"},
  {"dash.footprint.source", "Évènements datés de vos exports (publications, commentaires, messages, écoutes, vidéos, recherches).", "Dated events from your exports (posts, comments, messages, listens, videos, searches)."},
  {"dash.saved", "Fichier enregistré\u00A0:", "File saved:"},
  {"food.boeuf", "Bœuf", "Beef"},
  {"food.veau", "Veau", "Veal"},
  {"food.porc", "Porc", "Pork"},
  {"food.canard", "Canard", "Duck"},
  {"food.lapin", "Lapin", "Rabbit"},
  {"food.poulet", "Poulet", "Chicken"},
  {"food.crevettes", "Crevettes", "Prawns"},
  {"food.moules", "Moules", "Mussels"},
  {"food.huitres", "Huîtres", "Oysters"},
  {"food.cabillaud", "Cabillaud", "Cod"},
  {"food.lieu", "Lieu", "Pollock"},
  {"food.dorade", "Dorade", "Sea bream"},
  {"food.saumon", "Saumon", "Salmon"},
  {"food.thon", "Thon", "Tuna"},
  {"food.sardines", "Sardines", "Sardines"},
  {"food.beurre", "Beurre", "Butter"},
  {"food.fromagedure", "Fromage à pâte dure", "Hard cheese"},
  {"food.feta", "Feta", "Feta"},
  {"food.fromagemolle", "Fromage à pâte molle", "Soft cheese"},
  {"food.mozarella", "Mozzarella", "Mozzarella"},
  {"food.fromagebleu", "Fromage bleu", "Blue cheese"},
  {"food.oeuf", "Œufs", "Eggs"},
  {"food.matieregrasse", "Matière grasse", "Cooking fat"},
  {"food.yaourt", "Yaourt", "Yoghurt"},
  {"food.fromageblanc", "Fromage blanc", "Fromage frais"},
  {"food.riz", "Riz", "Rice"},
  {"food.pates", "Pâtes", "Pasta"},
  {"food.ble", "Blé", "Wheat"},
  {"food.boulgour", "Boulgour", "Bulgur"},
  {"food.poischiches", "Pois chiches", "Chickpeas"},
  {"food.haricotsrouges", "Haricots rouges", "Kidney beans"},
  {"food.lentilles", "Lentilles", "Lentils"},
  {"food.cheeseburger", "Cheeseburger", "Cheeseburger"},
  {"food.kebab", "Kebab", "Kebab"},
  {"food.burgerpoulet", "Burger au poulet", "Chicken burger"},
  {"food.pizza", "Pizza", "Pizza"},
  {"food.sushis", "Sushis", "Sushi"},
  {"food.burgervegetarien", "Burger végétarien", "Veggie burger"},
  {"food.frites", "Frites", "Chips (fries)"},
  {"food.tofu", "Tofu", "Tofu"},
  {"food.boucheechocolat", "Bouchée au chocolat", "Chocolate bar"},
  {"food.pateatartiner", "Pâte à tartiner", "Chocolate spread"},
  {"food.brownie", "Brownie", "Brownie"},
  {"food.painauchocolat", "Pain au chocolat", "Pain au chocolat"},
  {"food.cookie", "Cookie", "Cookie"},
  {"food.madeleine", "Madeleine", "Madeleine"},
  {"food.painauxraisins", "Pain aux raisins", "Raisin swirl"},
  {"food.chaussonauxpommes", "Chausson aux pommes", "Apple turnover"},
  {"food.croissant", "Croissant", "Croissant"},
  {"food.paindemie", "Pain de mie", "Sliced bread"},
  {"food.bonbons", "Bonbons", "Sweets"},
  {"food.baguette", "Baguette", "Baguette"},
  {"food.pommedeterre", "Pommes de terre", "Potatoes"},
  {"food.boulettesvegetales", "Boulettes végétales", "Plant-based balls"},
  {"food.galettefromage", "Galette au fromage", "Cheese galette"},
  {"food.galettevegetale", "Galette végétale", "Veggie patty"},
  {"food.hachevegetal", "Haché végétal", "Plant-based mince"},
  {"food.nuggetsvegetaux", "Nuggets végétaux", "Plant-based nuggets"},
  {"food.saucissevegetale", "Saucisse végétale", "Plant-based sausage"},
  {"budget.cat.income", "Revenus", "Income"},
  {"budget.cat.health", "Santé", "Health"},
  {"budget.cat.groceries", "Courses", "Groceries"},
  {"budget.cat.energy", "Énergie", "Energy"},
  {"budget.cat.housing", "Logement", "Housing"},
  {"budget.cat.telecom", "Téléphone et internet", "Phone and internet"},
  {"budget.cat.insurance", "Assurances", "Insurance"},
  {"budget.cat.restaurants", "Restaurants", "Restaurants"},
  {"budget.cat.leisure", "Loisirs", "Leisure"},
  {"budget.cat.shopping", "Achats", "Shopping"},
  {"budget.cat.cash", "Retraits d’espèces", "Cash withdrawals"},
  {"budget.cat.taxes", "Impôts et amendes", "Taxes and fines"},
  {"budget.cat.bank_fees", "Frais bancaires", "Bank fees"},
  {"budget.cat.transport", "Transports", "Transport"},
  {"budget.cat.savings", "Épargne et virements", "Savings and transfers"},
  {"budget.cat.other", "Autres", "Other"},
  // the donation window (wasm/app_donation.cpp)
  {"donate.menu", "Faire un don", "Donate"},
  {"donate.title", "Faire un don de données / Donate data", "Donate data / Faire un don de données"},
  {"donate.intro", "Préparez un fichier de totaux anonymisés pour une étude que vous choisissez. Vous voyez exactement ce qu’il contient\u202F; l’application n’envoie rien\u00A0: c’est vous qui le remettez.",
   "Prepare a file of anonymised totals for a study you choose. You see exactly what it holds; the app sends nothing: you hand it over yourself."},
  {"donate.purpose", "Finalité du don", "Purpose of the donation"},
  {"donate.purpose_hint", "Ex.\u00A0: Enquête déplacements La Rochelle 2026", "E.g.: La Rochelle travel survey 2026"},
  {"donate.part_mobility", "Déplacements (km par mode)", "Trips (km per mode)"},
  {"donate.by_month", "par mois plutôt que par semaine", "per month rather than per week"},
  {"donate.part_energy", "Énergie (kWh par mois)", "Energy (kWh per month)"},
  {"donate.part_learning", "Apprentissage (minutes par semaine)", "Learning (minutes per week)"},
  {"donate.k", "personnes au moins par case (5 minimum)", "people at least per cell (5 minimum)"},
  // answer-first journey (home, sources, explorer, comfort)
  {"status.ready_notes", "Prêt, avec remarques", "Ready, with notes"},
  {"status.nothing", "Rien lu", "Nothing read"},
  {"sources.advice", "Que faire", "What to do"},
  {"sources.nothing_read", "Aucune donnée n’a pu être lue dans ce fichier.", "No data could be read from this file."},
  {"sources.technical", "Détails techniques", "Technical details"},
  {"sources.encoding", "Encodage", "Encoding"},
  {"sources.read_in", "Lu en", "Read in"},
  {"sources.loaded_in", "chargé en", "loaded in"},
  {"sources.fold", "Replier le panneau des fichiers", "Fold the files panel"},
  {"sources.unfold", "Déplier le panneau des fichiers", "Unfold the files panel"},
  {"sources.select_tip", "Afficher les messages de ce fichier", "Show this file's messages"},
  {"home.tab", "Accueil", "Home"},
  {"home.title", "Quelle question vous amène\u202F?", "What would you like to know?"},
  {"home.lead", "Choisissez une question\u00A0: l’atelier dit quel fichier demander, puis répond avec vos données, sans rien envoyer.", "Pick a question: the workbench says which file to ask for, then answers with your data, sending nothing anywhere."},
  {"home.see_answer", "Voir la réponse", "See the answer"},
  {"home.how", "Comment l’obtenir", "How to get it"},
  {"home.try", "Essayer avec un exemple", "Try with an example"},
  {"home.q.mobility", "Combien de CO₂ pour mes déplacements\u202F?", "How much CO₂ do my trips emit?"},
  {"home.q.energy", "Quand ma maison consomme-t-elle\u202F?", "When does my home use energy?"},
  {"home.q.food", "Que pèse mon alimentation\u202F?", "What does my food weigh on the climate?"},
  {"home.q.learning", "Qu’ai-je fait sur l’ENT ce trimestre\u202F?", "What did I do on the learning platform this term?"},
  {"home.q.budget", "Où part mon argent\u202F?", "Where does my money go?"},
  {"home.q.footprint", "Mon temps d’écran", "My screen time"},
  {"home.q.reveal", "Ce que mes données disent de moi", "What my data says about me"},
  {"home.needs.mobility", "Il faut\u00A0: Google Maps «\u00A0Vos trajets\u00A0», un historique SNCF Connect ou une trace GPX.", "You need: Google Maps Timeline, an SNCF Connect history or a GPX track."},
  {"home.needs.energy", "Il faut\u00A0: votre consommation Linky (Enedis) ou GRDF.", "You need: your Linky (Enedis) or GRDF consumption."},
  {"home.needs.food", "Il faut\u00A0: vos achats de carte de fidélité (tickets de caisse).", "You need: your loyalty-card purchases (receipts)."},
  {"home.needs.learning", "Il faut\u00A0: les traces xAPI de votre ENT ou plateforme.", "You need: the xAPI traces of your school platform."},
  {"home.needs.budget", "Il faut\u00A0: un relevé bancaire (CSV, OFX, QIF ou camt.053).", "You need: a bank statement (CSV, OFX, QIF or camt.053)."},
  {"home.needs.footprint", "Il faut\u00A0: vos exports Facebook, Instagram, Spotify, Netflix ou YouTube.", "You need: your Facebook, Instagram, Spotify, Netflix or YouTube exports."},
  {"home.needs.reveal", "Il faut\u00A0: n’importe lesquels de vos exports.", "You need: any of your exports."},
  {"dash.tab.reveal", "Ce que mes données disent", "What my data says"},
  {"tabs.label", "Questions et réponses", "Questions and answers"},
  {"sql.editor_note", "Éditeur SQL (pour aller plus loin)\u00A0: cliquez dans la zone de texte pour écrire une requête.", "SQL editor (to go further): click in the text area to write a query."},
  {"sql.result", "Résultat", "Result"},
  {"sql.error_missing", "Cette table ou cette colonne n’existe pas\u00A0: vérifiez son nom dans la liste des tables.", "That table or column does not exist: check its name in the list of tables."},
  {"sql.error_syntax", "La requête est mal écrite\u00A0: vérifiez les virgules, guillemets et mots-clés.", "The query is not well formed: check commas, quotes and keywords."},
  {"sql.error_type", "Une valeur n’a pas pu être convertie (un texte là où un nombre est attendu\u202F?).", "A value could not be converted (text where a number is expected?)."},
  {"sql.error_other", "La requête n’a pas abouti.", "The query did not succeed."},
  {"comfort.theme", "Thème", "Theme"},
  {"comfort.theme_light", "clair", "light"},
  {"comfort.theme_dark", "sombre", "dark"},
  {"menu.more", "Plus", "More"},
  {"live.reading", "Lecture de", "Reading"},
  {"status.label", "État", "Status"},
  {"headline.how", "Comment c’est calculé", "How it is computed"},
  {"dash.emissions", "Émissions", "Emissions"},
  {"dash.energy.total", "Consommation", "Consumption"},
  {"donate.district", "Quartier (code, facultatif)", "District (code, optional)"},
  {"donate.preview", "Aperçu exact du fichier", "Exact preview of the file"},
  {"donate.rows", "Lignes\u00A0:", "Rows:"},
  {"donate.size", "taille\u00A0:", "size:"},
  {"donate.suppressed", "cases retirées (moins de k)\u00A0:", "cells left out (under k):"},
  {"donate.other_language", "Résumé en anglais", "Summary in French"},
  {"donate.download", "Télécharger le fichier du don", "Download the donation file"},
  {"donate.need_purpose", "Indiquez d’abord la finalité.", "State the purpose first."},
  {"donate.nothing", "Rien à donner avec ces choix.", "Nothing to donate with these choices."},
  {"donate.table", "Tableau", "Table"},
  {"donate.raw", "Texte brut (les octets exacts)", "Raw text (the exact bytes)"},
  {"donate.schema", "Schéma", "Schema"},
  {"donate.manifest", "Manifeste", "Manifest"},
  {"donate.col_name", "Colonne", "Column"},
  {"donate.col_type", "Type", "Type"},
  {"donate.col_unit", "Unité", "Unit"},
  {"donate.col_desc", "Description", "Description"},
};

constexpr size_t k_count = sizeof(k_strings) / sizeof(k_strings[0]);

// Groups the integer digits of `digits` with `sep`.
std::string group(std::string_view digits, const char* sep) {
  std::string out;
  size_t n = digits.size();
  for (size_t i = 0; i < n; i++) {
    out += digits[i];
    size_t left = n - 1 - i;
    if (left > 0 && left % 3 == 0) out += sep;
  }
  return out;
}

}  // namespace

Lang lang_from_code(std::string_view code) {
  return (code.size() >= 2 && (code[0] == 'e' || code[0] == 'E') && (code[1] == 'n' || code[1] == 'N')) ? Lang::En : Lang::Fr;
}

const char* lang_code(Lang l) { return l == Lang::En ? "en" : "fr"; }

const char* tr(Lang l, std::string_view key) {
  for (const auto& e : k_strings)
    if (key == e.key) return l == Lang::En ? e.en : e.fr;
  // Unknown keys show themselves, so a missing translation is visible and testable.
  static thread_local std::string missing;
  missing.assign(key);
  return missing.c_str();
}

bool has_translation(std::string_view key) {
  for (const auto& e : k_strings)
    if (key == e.key) return e.fr && *e.fr && e.en && *e.en;
  return false;
}

size_t translation_count() { return k_count; }
std::string_view translation_key(size_t i) { return i < k_count ? k_strings[i].key : std::string_view(); }

std::string format_number(Lang l, double v, int decimals) {
  if (std::isnan(v)) return "–";
  if (std::isinf(v)) return v > 0 ? "∞" : "-∞";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals < 0 ? 0 : decimals, std::fabs(v));
  std::string_view s(buf);
  size_t dot = s.find('.');
  std::string_view int_part = s.substr(0, dot);
  std::string out = (v < 0 && std::strspn(buf, "0.") != s.size()) ? "-" : "";
  out += group(int_part, l == Lang::Fr ? "\u202F" : ",");
  if (dot != std::string_view::npos) {
    out += l == Lang::Fr ? ',' : '.';
    out += s.substr(dot + 1);
  }
  return out;
}

std::string format_count(Lang l, uint64_t n) {
  return group(std::to_string(n), l == Lang::Fr ? "\u202F" : ",");
}

std::string format_bytes(Lang l, double bytes) {
  static const char* fr[] = {"o", "ko", "Mo", "Go", "To"};
  static const char* en[] = {"B", "KB", "MB", "GB", "TB"};
  int u = 0;
  while (bytes >= 1000 && u < 4) { bytes /= 1000; u++; }
  // Decimal units, as file managers show them; one decimal under 10.
  std::string num = format_number(l, bytes, (u == 0 || bytes >= 10) ? 0 : 1);
  return num + (l == Lang::Fr ? "\u00A0" : " ") + (l == Lang::Fr ? fr[u] : en[u]);
}

std::string format_duration_ms(Lang l, double ms) {
  if (ms < 1000) return format_number(l, ms, 0) + " ms";
  if (ms < 60000) return format_number(l, ms / 1000, 1) + " s";
  return format_number(l, ms / 60000, 1) + " min";
}

}  // namespace sdw
