// charter_rt_seq: list concatenation, positions, slices, index_of and join over
// cells, with the interpreter's semantics from runtime/builtins/sequence.h.
#include <cstring>

#include "compiler/jit/cell_ops.h"
#include "compiler/jit/runtime.h"
#include "runtime/builtins/sequence.h"

namespace {

using charter::jit::kCellNone;
using charter::jit::Runtime;
using charter::jit::SeqOp;
namespace rt = charter::runtime;

const CharterCell* Cells(CharterCell list) { return reinterpret_cast<const CharterCell*>(list.a); }
std::string_view Str(CharterCell c) { return {reinterpret_cast<const char*>(c.a), c.b}; }
CharterCell StrCell(std::string_view s) { return CharterCell{reinterpret_cast<uint64_t>(s.data()), s.size()}; }
constexpr CharterCell kNone{0, kCellNone};

CharterCell Seq(CharterJitContext* ctx, SeqOp op, CharterCell x, CharterCell y, CharterCell z, int32_t element_type) {
  Runtime& host = *static_cast<Runtime*>(ctx->host);
  switch (op) {
    case SeqOp::ListConcat: {
      CharterCell* cells = host.arena.Cells(x.b + y.b);
      if (x.b) std::memcpy(cells, Cells(x), x.b * sizeof(CharterCell));
      if (y.b) std::memcpy(cells + x.b, Cells(y), y.b * sizeof(CharterCell));
      return CharterCell{reinterpret_cast<uint64_t>(cells), x.b + y.b};
    }
    case SeqOp::ListAt: {
      auto at = rt::ResolveIndex(static_cast<int64_t>(y.a), x.b);
      return at ? Cells(x)[*at] : kNone;
    }
    case SeqOp::ListSlice: {
      auto [first, last] = rt::ResolveSlice(static_cast<int64_t>(y.a), static_cast<int64_t>(z.a), x.b);
      // A slice shares its list's cells: values are never written after they are made.
      return CharterCell{reinterpret_cast<uint64_t>(Cells(x) + first), last - first};
    }
    case SeqOp::IndexOf: {
      const charter::Type* type = host.tables.types.at(element_type);
      for (uint64_t i = 0; i < x.b; ++i) {
        if (charter::jit::CellEqual(Cells(x)[i], y, type, host.program)) return CharterCell{i, 0};
      }
      return kNone;
    }
    case SeqOp::StrJoin: {
      std::string_view sep = Str(y);
      size_t size = 0;
      for (uint64_t i = 0; i < x.b; ++i) size += Str(Cells(x)[i]).size() + (i ? sep.size() : 0);
      char* bytes = host.arena.Bytes(size);
      char* at = bytes;
      for (uint64_t i = 0; i < x.b; ++i) {
        if (i) at = static_cast<char*>(std::memcpy(at, sep.data(), sep.size())) + sep.size();
        std::string_view part = Str(Cells(x)[i]);
        if (!part.empty()) at = static_cast<char*>(std::memcpy(at, part.data(), part.size())) + part.size();
      }
      return CharterCell{reinterpret_cast<uint64_t>(bytes), size};
    }
    case SeqOp::StrAt: {
      auto piece = rt::CodePointAt(Str(x), static_cast<int64_t>(y.a));
      return piece ? StrCell(*piece) : kNone;
    }
    case SeqOp::StrSlice:
      return StrCell(rt::CodePointSlice(Str(x), static_cast<int64_t>(y.a), static_cast<int64_t>(z.a)));
    case SeqOp::StrIndexOf: {
      auto at = rt::CodePointIndexOf(Str(x), Str(y));
      return at ? CharterCell{static_cast<uint64_t>(*at), 0} : kNone;
    }
  }
  return kNone;
}

}  // namespace

extern "C" void charter_rt_seq(CharterJitContext* ctx, int32_t op, const CharterCell* x, const CharterCell* y,
                               const CharterCell* z, int32_t element_type, CharterCell* out) {
  CharterCell none{0, 0};
  *out = Seq(ctx, static_cast<SeqOp>(op), *x, y ? *y : none, z ? *z : none, element_type);
}
