// libFuzzer target: a Session on any input (detection over every registered format, head buffering, then
// the chosen parser), fed in fuzzer-chosen chunks; see fuzz_harness.h.
#include "tests/fuzz/fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { return sdw::fuzz::run_session(data, size); }
