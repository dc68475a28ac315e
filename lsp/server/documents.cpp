#include "lsp/server/documents.h"

#include <algorithm>
#include <filesystem>

namespace charter::lsp {

void ApplyChange(std::string& text, const ContentChange& change) {
  if (!change.range) {
    text = change.text;
    return;
  }
  LineIndex index(text);
  uint32_t begin = index.ToOffset(change.range->start);
  uint32_t end = index.ToOffset(change.range->end);
  if (end < begin) std::swap(begin, end);
  text.replace(begin, end - begin, change.text);
}

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string UriToPath(const std::string& uri) {
  const std::string scheme = "file://";
  if (uri.rfind(scheme, 0) != 0) return uri;  // untitled: and friends keep their URI as a name
  std::string path;
  for (size_t i = scheme.size(); i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && HexValue(uri[i + 1]) >= 0 && HexValue(uri[i + 2]) >= 0) {
      path += static_cast<char>(HexValue(uri[i + 1]) * 16 + HexValue(uri[i + 2]));
      i += 2;
    } else {
      path += uri[i];
    }
  }
  // file://host/path is not a local file; keep the path part.
  if (!path.empty() && path[0] != '/') {
    size_t slash = path.find('/');
    path = slash == std::string::npos ? "/" : path.substr(slash);
  }
  return path;
}

std::string PathToUri(const std::string& path) {
  std::error_code ec;
  std::string absolute = path;
  if (!path.empty() && path[0] != '/' && path.find(':') == std::string::npos) {
    absolute = std::filesystem::absolute(path, ec).lexically_normal().string();
  }
  if (absolute.empty() || absolute[0] != '/') return path;  // already a URI
  static const char kHex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (unsigned char c : absolute) {
    bool plain = std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
    if (plain) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri;
}

}  // namespace charter::lsp
