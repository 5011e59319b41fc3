// `workbench challenge <name> [options] FILE…`: parses the files with a Session (ZIPs too), collects the
// domain tables the challenge needs, runs it and prints French / English text or JSON. Native CLI only
// (reads files); the computations it calls are the platform-free ones of challenges/*.h.
#pragma once

namespace sdw::challenge {

// argv[0] is the challenge name. Returns the exit code: 0 ok, 1 a file failed or no data, 2 usage.
int run_cli(int argc, char** argv);

}  // namespace sdw::challenge
