// `workbench reveal [--json] [--lang fr|en] [--sensitive] [--actor NAME] FILE…`: what the files reveal
// (challenges/reveal.h) as plain French / English text or JSON. Native CLI only (reads files).
#pragma once

namespace sdw::challenge {

// argv[0] is the first option or file. Returns 0 ok, 1 a file failed, 2 usage.
int run_reveal_cli(int argc, char** argv);

}  // namespace sdw::challenge
