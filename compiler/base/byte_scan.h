// Scans for the bytes that need care in JSON text, sixteen at a time: the
// event decoder's "may this document be read in place?" and the decision
// writer's "may this string be copied as it is?" both ask it of every byte.
#pragma once

#include <cstddef>
#include <string_view>

namespace charter {

/// The index of the first control byte (below 0x20) or backslash of `text`, or its size.
size_t FindControlOrBackslash(std::string_view text);

/// The index of the first byte of `text` that a JSON string cannot hold as it
/// is (a control byte, `"` or `\`) or that is not ASCII, or its size.
size_t FindJsonSpecialOrNonAscii(std::string_view text);

}  // namespace charter
