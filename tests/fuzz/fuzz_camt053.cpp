// libFuzzer target: the ISO 20022 camt.053 statement parser (parsers/formats/camt053.cpp) forced on any input, fed in fuzzer-chosen chunks; see fuzz_harness.h.
#include "tests/fuzz/fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return sdw::fuzz::run_parser("camt053", data, size);
}
