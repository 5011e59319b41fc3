// The guides' text. Menu paths change over time: each guide names the place to look rather than
// promising pixel-exact buttons, and says what to do when the export is not offered.
#include "viz/guides.h"

namespace sdw {
namespace {

const Guide k_guides[] = {
  {"google_timeline", "Google Maps : mes trajets (Vos trajets)", "Google Maps: my trips (Timeline)",
   {"Sur le téléphone où Vos trajets est activé : Paramètres → Localisation → Services de localisation → Vos trajets.",
    "Choisissez « Exporter les données de Vos trajets » et enregistrez le fichier Timeline.json (ou Chronologie.json).",
    "Sur iPhone : application Google Maps → votre photo → Vos trajets → ⋯ → Paramètres de localisation et de confidentialité → Exporter.",
    "Anciennes données : takeout.google.com → cochez seulement « Historique des positions » → vous recevez un ZIP.",
    "Transférez le fichier sur cet ordinateur (câble, clé USB) et déposez-le ici, tel quel.", nullptr},
   {"On the phone where Timeline is on: Settings → Location → Location services → Timeline.",
    "Choose “Export Timeline data” and save the Timeline.json file.",
    "On iPhone: Google Maps app → your picture → Your Timeline → ⋯ → Location and privacy settings → Export.",
    "Older data: takeout.google.com → tick only “Location History” → you receive a ZIP.",
    "Copy the file to this computer (cable, USB stick) and drop it here as it is.", nullptr},
   "Lu : lieux visités, trajets (mode, distance), points GPS. Le ZIP de Takeout se dépose entier.",
   "Read: places visited, trips (mode, distance), GPS points. Drop the Takeout ZIP whole."},
  {"enedis", "Linky : ma consommation d’électricité (Enedis)", "Linky: my electricity use (Enedis)",
   {"Connectez-vous à votre espace client Enedis (compte particulier).",
    "Ouvrez « Mes mesures » (ou « Suivre mes mesures »).",
    "Choisissez la consommation quotidienne, ou la courbe de charge (par 30 minutes : activez d’abord sa collecte, elle démarre le lendemain).",
    "Choisissez la période, puis « Télécharger » : vous obtenez un fichier CSV.", nullptr, nullptr},
   {"Sign in to your Enedis customer account.",
    "Open “Mes mesures” (my readings).",
    "Pick daily consumption, or the load curve (every 30 minutes: switch its collection on first, it starts the next day).",
    "Pick the period, then “Télécharger” (download): you get a CSV file.", nullptr, nullptr},
   "Lu : kWh par jour ou par demi-heure, compteur (PRM), changements d’heure gérés.",
   "Read: kWh per day or per half hour, meter (PRM), clock changes handled."},
  {"bank", "Banque : mes opérations", "Bank: my transactions",
   {"Connectez-vous à votre banque en ligne (sur un ordinateur de préférence).",
    "Ouvrez le compte, puis cherchez « Exporter », « Télécharger les opérations » ou « Relevé au format CSV ».",
    "Choisissez le format CSV (ou « Excel/CSV ») et la période.",
    "Déposez le fichier ici : les virgules décimales et les accents sont lus correctement.", nullptr, nullptr},
   {"Sign in to your online bank (preferably on a computer).",
    "Open the account, then look for “Export”, “Download transactions” or “CSV statement”.",
    "Pick CSV (or “Excel/CSV”) and the period.",
    "Drop the file here: decimal commas and accents are read correctly.", nullptr, nullptr},
   "Lu : date, libellé, montant (débit négatif), catégorie si la banque la donne.",
   "Read: date, label, amount (money out negative), category when the bank gives one."},
  {"lrs", "ENT / plateforme d’apprentissage : mes traces (xAPI)", "School platform: my learning traces (xAPI)",
   {"Les traces d’apprentissage sont gardées dans un LRS (Learning Record Store) de l’établissement ou de la plateforme.",
    "Demandez l’export de vos traces (ou de celles de votre enfant) à l’enseignant ou au responsable numérique : c’est votre droit (RGPD, article 20).",
    "Vous recevez un fichier JSON de « statements » xAPI : déposez-le ici.", nullptr, nullptr, nullptr},
   {"Learning traces are kept in a Learning Record Store (LRS) of the school or the platform.",
    "Ask the teacher or the school’s digital lead for an export of your traces (or your child’s): it is your right (GDPR Article 20).",
    "You receive a JSON file of xAPI “statements”: drop it here.", nullptr, nullptr, nullptr},
   "Lu : quand, quel cours, quelle activité, durée, score, réussite. Les adresses e-mail ne sont pas gardées.",
   "Read: when, which course, which activity, duration, score, success. E-mail addresses are not kept."},
  {"facebook", "Facebook / Instagram : mon activité", "Facebook / Instagram: my activity",
   {"Paramètres et confidentialité → Paramètres → Espace Comptes → Vos informations et autorisations.",
    "« Télécharger vos informations » → choisissez le format JSON et la période.",
    "Quand le fichier est prêt (quelques minutes à quelques jours), téléchargez le ZIP et déposez-le ici.", nullptr, nullptr, nullptr},
   {"Settings and privacy → Settings → Accounts Centre → Your information and permissions.",
    "“Download your information” → choose JSON and the period.",
    "When it is ready (minutes to days), download the ZIP and drop it here.", nullptr, nullptr, nullptr},
   "Lu : publications, commentaires, mentions « J’aime », recherches, avec leur date. Les textes mal encodés (« Ã© ») sont réparés.",
   "Read: posts, comments, likes, searches, with their dates. Badly encoded text (“Ã©”) is repaired."},
  {"receipts", "Courses : mes achats (carte de fidélité)", "Groceries: my purchases (loyalty card)",
   {"Dans l’espace client de votre enseigne (site ou application), rubrique carte de fidélité → historique d’achats ou tickets.",
    "S’il n’y a pas de bouton d’export, demandez vos données à l’enseigne (RGPD, article 20 : droit à la portabilité).",
    "Déposez ici le fichier CSV reçu (un achat par ligne : date, produit, quantité, prix).", nullptr, nullptr, nullptr},
   {"In your store’s customer area (site or app), loyalty card → purchase history or receipts.",
    "If there is no export button, ask the store for your data (GDPR Article 20: right to data portability).",
    "Drop the CSV file you receive here (one purchase per line: date, product, quantity, price).", nullptr, nullptr, nullptr},
   "Lu : date, magasin, produit, quantité, unité, prix. Les produits sont rapprochés des catégories Agribalyse de l’ADEME.",
   "Read: date, store, product, quantity, unit, price. Products are matched to ADEME’s Agribalyse categories."},
  {"sncf", "SNCF : mes voyages en train", "SNCF: my train trips",
   {"Dans SNCF Connect (site ou application) : Mon compte → Mes voyages, l’historique des trajets.",
    "Pour obtenir un fichier, faites une demande de portabilité (RGPD, article 20) au service client : elle vous est due.",
    "Déposez ici le fichier CSV reçu.", nullptr, nullptr, nullptr},
   {"In SNCF Connect (site or app): My account → My trips, the trip history.",
    "To get a file, send a portability request (GDPR Article 20) to customer service: they owe it to you.",
    "Drop the CSV file you receive here.", nullptr, nullptr, nullptr},
   "Lu : date, gare de départ et d’arrivée, prix.", "Read: date, departure and arrival stations, price."},
};

constexpr size_t k_count = sizeof(k_guides) / sizeof(k_guides[0]);

}  // namespace

size_t guide_count() { return k_count; }
const Guide& guide_at(size_t i) { return k_guides[i < k_count ? i : 0]; }
const Guide* find_guide(std::string_view id) {
  for (const Guide& g : k_guides)
    if (id == g.id) return &g;
  return nullptr;
}

}  // namespace sdw
