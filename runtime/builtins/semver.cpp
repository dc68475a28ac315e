#include <vector>

#include "runtime/builtins/builtins.h"

namespace charter::runtime {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdentChar(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'; }

bool Numeric(std::string_view part) {
  if (part.empty()) return false;
  for (char c : part) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// A numeric identifier: digits without a leading zero (a lone "0" is fine).
bool NumericIdentifier(std::string_view part) { return Numeric(part) && (part.size() == 1 || part[0] != '0'); }

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == separator) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

struct Version {
  std::vector<std::string_view> core;  // major, minor, patch
  std::vector<std::string_view> pre;   // pre-release identifiers
};

std::optional<Version> ParseSemver(std::string_view text) {
  size_t plus = text.find('+');
  if (plus != std::string_view::npos) {
    std::string_view build = text.substr(plus + 1);
    for (std::string_view part : Split(build, '.')) {
      if (part.empty()) return std::nullopt;
      for (char c : part) {
        if (!IsIdentChar(c)) return std::nullopt;
      }
    }
    text = text.substr(0, plus);
  }
  Version version;
  size_t dash = text.find('-');
  if (dash != std::string_view::npos) {
    for (std::string_view part : Split(text.substr(dash + 1), '.')) {
      if (part.empty()) return std::nullopt;
      for (char c : part) {
        if (!IsIdentChar(c)) return std::nullopt;
      }
      if (Numeric(part) && !NumericIdentifier(part)) return std::nullopt;
      version.pre.push_back(part);
    }
    text = text.substr(0, dash);
  }
  version.core = Split(text, '.');
  if (version.core.size() != 3) return std::nullopt;
  for (std::string_view part : version.core) {
    if (!NumericIdentifier(part)) return std::nullopt;
  }
  return version;
}

// Numeric strings without leading zeros compare by length, then digits: no overflow.
int CompareNumeric(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

}  // namespace

bool SemverValid(std::string_view version) { return ParseSemver(version).has_value(); }

std::optional<int> SemverCompare(std::string_view a, std::string_view b) {
  auto x = ParseSemver(a), y = ParseSemver(b);
  if (!x || !y) return std::nullopt;
  for (size_t i = 0; i < 3; ++i) {
    if (int c = CompareNumeric(x->core[i], y->core[i])) return c;
  }
  // A version with a pre-release has lower precedence than the same one without.
  if (x->pre.empty() || y->pre.empty()) return x->pre.empty() == y->pre.empty() ? 0 : (x->pre.empty() ? 1 : -1);
  for (size_t i = 0; i < x->pre.size() && i < y->pre.size(); ++i) {
    std::string_view p = x->pre[i], q = y->pre[i];
    bool pn = Numeric(p), qn = Numeric(q);
    int c = pn && qn ? CompareNumeric(p, q) : (pn ? -1 : (qn ? 1 : p.compare(q)));
    if (c != 0) return c < 0 ? -1 : 1;
  }
  if (x->pre.size() == y->pre.size()) return 0;
  return x->pre.size() < y->pre.size() ? -1 : 1;
}

int SemverOrder(std::string_view a, std::string_view b) {
  if (auto order = SemverCompare(a, b)) return *order;
  bool va = SemverValid(a), vb = SemverValid(b);
  return va == vb ? 0 : (va ? 1 : -1);
}

}  // namespace charter::runtime
