// libFuzzer target: the Tempo calendar parser (parsers/formats/tempo.cpp: CSV and JSON layouts) forced on any input, fed in fuzzer-chosen chunks; see fuzz_harness.h.
#include "tests/fuzz/fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return sdw::fuzz::run_parser("tempo", data, size);
}
