// `workbench challenge <name> [options] FILE…`: parses the files with a Session (ZIPs too), collects the
// domain tables the challenge needs, runs it and prints French / English text or JSON. Native CLI only
// (reads files); the computations it calls are the platform-free ones of challenges/*.h.
#pragma once
#include <memory>
#include <string>

#include "parsers/core/parser.h"

namespace sdw::challenge {

// argv[0] is the challenge name. Returns the exit code: 0 ok, 1 a file failed or no data, 2 usage.
int run_cli(int argc, char** argv);

// `workbench donate --purpose TEXT [--k 5] [--by-month] [--out DIR] [--district CODE] [--actor NAME] [--zone LAT,LON,M]…
//  [--parts mobility,energy,learning] [--date YYYY-MM-DD] [--lang fr|en] FILE…` (argv[0] is the first option):
// writes donation-<sha8>.csv + .manifest.json (challenges/donation.h) and prints the summary. 0 ok, 1 no data.
int run_donate_cli(int argc, char** argv);
// `workbench donations validate DIR [--json] [--lang fr|en]`: every donation in DIR checked, rejections with
// reasons, exit 1 if any is rejected. `workbench donations merge DIR --out FILE.ndjson`: the valid ones,
// deduplicated by hash, as NDJSON rows with a donation_id (first 16 hex digits of the SHA-256), streamed.
// `workbench donations schema`: the schema object every manifest carries.
int run_donations_cli(int argc, char** argv);

// Opens `path` and streams it through a finished Session (1 MiB reads, file name and size as hints).
// nullptr when the file cannot be opened; `error` then holds the system's reason.
std::unique_ptr<sdw::Session> parse_path(const std::string& path, std::string& error);

}  // namespace sdw::challenge
