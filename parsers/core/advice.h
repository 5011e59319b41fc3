// What to do about a message: a plain sentence of advice for an error or warning the parsers report
// (a PDF statement: download the CSV or OFX instead; a cut file: download it again…), in French and
// English. The browser shows it under the message, the CLI after it.
// Owns: the advice table. Does not own: the messages (each parser), their display.
#pragma once
#include <string>

#include "parsers/core/diagnostics.h"

namespace sdw {

struct Advice {
  std::string fr, en;
  bool empty() const { return fr.empty(); }
};
// Advice for `m` (by its code, and for unknown formats by what the first bytes were); empty when the
// message needs none (most notes).
Advice advice_for(const Message& m);

}  // namespace sdw
