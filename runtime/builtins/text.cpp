#include "runtime/builtins/builtins.h"

namespace charter::runtime {

bool HasControlChars(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x20 || byte == 0x7F) return true;
    // C1 controls are U+0080..U+009F, encoded as C2 80..C2 9F.
    if (byte == 0xC2 && i + 1 < s.size()) {
      auto next = static_cast<unsigned char>(s[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return true;
    }
  }
  return false;
}

}  // namespace charter::runtime
