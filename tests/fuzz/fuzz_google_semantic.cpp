// libFuzzer target: the google_semantic parser (parsers/formats/google/semantic.cpp) forced on any input, fed in fuzzer-chosen chunks; see fuzz_harness.h.
#include "tests/fuzz/fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return sdw::fuzz::run_parser("google_semantic", data, size);
}
