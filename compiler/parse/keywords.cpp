// The keyword table of keywords.def.
#include "compiler/parse/keywords.h"

#include <algorithm>

namespace charter {

const std::vector<Keyword>& AllKeywords() {
  static const std::vector<Keyword> kKeywords = {
#define KEYWORD(token, spelling, cls, starts) {#token, spelling, KeywordClass::cls, starts},
#include "compiler/parse/keywords.def"
  };
  return kKeywords;
}

namespace {

const Keyword* Find(std::string_view word) {
  const auto& all = AllKeywords();
  auto it = std::find_if(all.begin(), all.end(), [&](const Keyword& k) { return k.spelling == word; });
  return it == all.end() ? nullptr : &*it;
}

}  // namespace

std::vector<std::string_view> KeywordsStarting(KeywordStarts where) {
  std::vector<std::string_view> out;
  for (const Keyword& k : AllKeywords()) {
    if (k.starts & where) out.push_back(k.spelling);
  }
  return out;
}

bool IsKeyword(std::string_view word) { return Find(word) != nullptr; }

bool IsReservedKeyword(std::string_view word) {
  const Keyword* keyword = Find(word);
  return keyword && keyword->cls == KeywordClass::Reserved;
}

}  // namespace charter
