// The advice table (see advice.h): codes and recognisable first bytes to a sentence of what to do.
// Does not own: the messages.
#include "parsers/core/advice.h"

#include <string_view>

namespace sdw {
namespace {

bool has(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }
bool starts(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

Advice advice_for(const Message& m) {
  const std::string_view code = m.code, text = m.en;
  if (code == "format.unknown") {
    if (has(text, "%PDF"))
      return {"C’est un PDF, fait pour être lu, pas pour être analysé : téléchargez plutôt le relevé au format CSV, OFX ou QIF "
              "depuis l’espace en ligne de votre banque (rubrique « Télécharger » ou « Exporter mes opérations »).",
              "This is a PDF, made to be read, not analysed: download the statement as CSV, OFX or QIF instead from your bank’s "
              "website (the “Download” or “Export transactions” page)."};
    if (has(text, "D0 CF 11 E0"))
      return {"C’est un ancien fichier Excel (.xls) ou Word : ouvrez-le dans votre tableur et enregistrez-le au format CSV ou .xlsx, "
              "puis déposez ce fichier-là.",
              "This is an old Excel (.xls) or Word file: open it in your spreadsheet and save it as CSV or .xlsx, then drop that file."};
    if (has(text, "89 50 4E 47") || has(text, "FF D8 FF") || has(text, "GIF8"))
      return {"C’est une image : l’atelier lit les fichiers de données (CSV, JSON, XML, ZIP…) que les services vous donnent, pas les "
              "captures d’écran.",
              "This is an image: the workbench reads the data files (CSV, JSON, XML, ZIP…) services give you, not screenshots."};
    return {"Vérifiez qu’il s’agit bien du fichier téléchargé depuis le service (CSV, JSON, XML, ZIP…). La page « Comment obtenir "
            "mes données » (bouton Aide) indique quoi demander à chaque service.",
            "Check that this is the file downloaded from the service (CSV, JSON, XML, ZIP…). The “How to get my data” page (Help "
            "button) says what to ask each service for."};
  }
  if (code == "format.empty" || ends(code, ".empty"))
    return {"Le fichier ne contient rien d’utilisable : téléchargez-le de nouveau depuis le service, en choisissant une période qui "
            "contient des données.",
            "The file holds nothing usable: download it again from the service, choosing a period that has data."};
  if (ends(code, ".truncated") || code == "json.eof" || code == "json.eof_in_string" || code == "zip.unexpected_data")
    return {"Le fichier semble coupé avant la fin (téléchargement interrompu ?) : ce qui précède la coupure est gardé ; pour tout "
            "avoir, téléchargez-le de nouveau.",
            "The file seems cut before its end (an interrupted download?): what comes before the cut is kept; to get everything, "
            "download it again."};
  if (code == "parse.out_of_memory")
    return {"Le navigateur manque de mémoire pour ce fichier : fermez les autres onglets et réessayez, ou déposez seulement la partie "
            "utile de l’archive (par exemple le dossier « Historique des positions »).",
            "The browser ran out of memory for this file: close other tabs and try again, or drop only the useful part of the "
            "archive (for example the “Location History” folder)."};
  if (code == "csv.record_too_long")
    return {"Ce fichier n’a pas de fin de ligne : ce n’est sans doute pas un tableau CSV. Vérifiez que c’est le bon fichier.",
            "This file has no line breaks: it is probably not a CSV table. Check that it is the right file."};
  if (starts(code, "encoding."))
    return {"Des caractères ne sont pas lisibles : si le texte semble abîmé, ouvrez le fichier dans votre tableur et enregistrez-le "
            "en « CSV UTF-8 ».",
            "Some characters are unreadable: if the text looks damaged, open the file in your spreadsheet and save it as “CSV UTF-8”."};
  if (ends(code, ".no_header") || ends(code, ".no_root") || code == "xlsx.no_workbook" || code == "xlsx.no_sheet")
    return {"Ce fichier ne ressemble pas à l’export attendu : vérifiez que c’est bien celui que le service vous a donné, sans l’avoir "
            "modifié. La page « Comment obtenir mes données » (bouton Aide) montre à quoi il ressemble.",
            "This file does not look like the expected export: check that it is the one the service gave you, unmodified. The "
            "“How to get my data” page (Help button) shows what it looks like."};
  if (code == "zip.too_deep" || code == "zip.stopped" || code == "xlsx.too_many_cells" || code == "xlsx.strings_too_big")
    return {"L’archive est anormale (trop imbriquée ou bien plus grande une fois décompressée que ce qu’elle annonce) : elle a été "
            "arrêtée pour protéger votre appareil. Décompressez-la vous-même et déposez les fichiers utiles.",
            "The archive is abnormal (nested too deep, or far larger once unpacked than it says): it was stopped to protect your "
            "device. Unpack it yourself and drop the useful files."};
  if (code == "parse.internal")
    return {"C’est une erreur de l’atelier, pas de votre fichier : les autres fichiers ne sont pas touchés. Vous pouvez le retirer "
            "et réessayer.",
            "This is the workbench’s error, not your file’s: other files are untouched. You can remove it and try again."};
  return {};
}

}  // namespace sdw
