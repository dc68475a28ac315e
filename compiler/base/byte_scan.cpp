#include "compiler/base/byte_scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace charter {
namespace {

template <typename VectorTest, typename ByteTest>
size_t FindFirst(std::string_view text, VectorTest vector_hits, ByteTest byte_hit) {
  size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= text.size(); i += 16) {
    __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    if (int mask = _mm_movemask_epi8(vector_hits(bytes)); mask != 0) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
#else
  (void)vector_hits;
#endif
  for (; i < text.size(); ++i) {
    if (byte_hit(static_cast<unsigned char>(text[i]))) return i;
  }
  return text.size();
}

#if defined(__SSE2__)
// A byte is a control byte when max(byte, 0x1F) is 0x1F (an unsigned compare SSE2 lacks).
__m128i ControlBytes(__m128i bytes) {
  const __m128i last_control = _mm_set1_epi8(0x1F);
  return _mm_cmpeq_epi8(_mm_max_epu8(bytes, last_control), last_control);
}
#endif

}  // namespace

size_t FindControlOrBackslash(std::string_view text) {
  return FindFirst(
      text,
      [](auto bytes) {
#if defined(__SSE2__)
        return _mm_or_si128(ControlBytes(bytes), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\')));
#else
        return bytes;
#endif
      },
      [](unsigned char c) { return c < 0x20 || c == '\\'; });
}

size_t FindJsonSpecialOrNonAscii(std::string_view text) {
  return FindFirst(
      text,
      [](auto bytes) {
#if defined(__SSE2__)
        // The sign bit marks non-ASCII bytes; movemask reads exactly that bit, so OR them in.
        __m128i quotes = _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\')));
        return _mm_or_si128(_mm_or_si128(ControlBytes(bytes), quotes), bytes);
#else
        return bytes;
#endif
      },
      [](unsigned char c) { return c < 0x20 || c >= 0x80 || c == '"' || c == '\\'; });
}

}  // namespace charter
