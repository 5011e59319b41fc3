// Cozy Cloud exports (format "cozy"): the JSON documents of a Cozy ("Télécharger mes données" archive), one
// file per doctype — io.cozy.bank.operations, io.cozy.bills, io.cozy.timeseries.geojson (CoachCO2 trips) —
// as an array of documents, {"docs": […]} or {"rows": [{"doc": …}]} -> transactions, health_records,
// location_points and trips. Does not own: JSON tokenizing (parsers/readers/json_reader.h), the files of "My Cozy/"
// (each is read by its own format's parser when the archive is dropped).
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int cozy_detect(std::string_view head, std::string_view file_name);  // doctype in the name: 92; _id + cozyMetadata: 88
std::unique_ptr<Parser> cozy_create(const ParseOptions& opts);

}  // namespace sdw
