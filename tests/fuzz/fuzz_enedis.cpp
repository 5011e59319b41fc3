// libFuzzer target: the Enedis / Linky load-curve parser (parsers/formats/enedis.cpp) forced on any input, fed in fuzzer-chosen chunks; see fuzz_harness.h.
#include "tests/fuzz/fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return sdw::fuzz::run_parser("enedis", data, size);
}
