#include "compiler/format/comments.h"

#include <algorithm>

namespace charter::format {

std::string WithoutTrailingSpace(const std::string& text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.pop_back();
    out += line;
    if (end == std::string::npos) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

Comments::Comments(const syntax::Tree& tree, const std::string& text) : attached_(tree.tokens.size()) {
  int previous_code = -1;
  bool on_previous_line = false;  // still on the line of the previous code token
  uint32_t previous_end = 0;
  std::vector<Comment> pending;
  for (size_t i = 0; i < tree.tokens.size(); ++i) {
    const syntax::Token& token = tree.tokens[i];
    uint32_t begin = std::max(previous_end, token.span.offset);
    auto newlines = std::count(text.begin() + previous_end, text.begin() + begin, '\n');
    // What precedes this token learns whether a line break follows it.
    if (i > 0 && tree.tokens[i - 1].channel == syntax::Channel::Code) attached_[i - 1].newline_after = newlines > 0;
    if (!pending.empty()) pending.back().newline_after = newlines > 0;  // pending.back() is token i - 1
    if (token.channel != syntax::Channel::Code) {
      Comment comment{WithoutTrailingSpace(token.text), token.text.rfind("//", 0) == 0, newlines >= 2, false};
      if (previous_code >= 0 && on_previous_line && newlines == 0) {
        attached_[previous_code].trailing.push_back(std::move(comment));
      } else {
        on_previous_line = false;
        pending.push_back(std::move(comment));
      }
    } else {
      Attached& here = attached_[i];
      here.blank_before_token = newlines >= 2;
      here.blank_before_first = pending.empty() ? here.blank_before_token : pending.front().blank_before;
      here.leading = std::move(pending);
      pending.clear();
      previous_code = static_cast<int>(i);
      on_previous_line = true;
    }
    previous_end = std::max(previous_end, token.span.end());
  }
}

std::vector<Comment> Comments::TakeLeading(int token) {
  std::vector<Comment> out;
  out.swap(attached_[token].leading);
  return out;
}

std::vector<Comment> Comments::TakeTrailing(int token) {
  std::vector<Comment> out;
  out.swap(attached_[token].trailing);
  return out;
}

}  // namespace charter::format
