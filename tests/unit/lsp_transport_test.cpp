// Framing and UTF-16 positions: the byte-level contracts of the language server.
#include <catch2/catch.hpp>

#include <cstring>
#include <memory>
#include <vector>

#include "lsp/protocol/line_index.h"
#include "lsp/server/documents.h"
#include "lsp/transport/framing.h"

using namespace charter::lsp;

namespace {

// A byte source that hands out at most `chunk` bytes per read.
FrameReader::ReadFn Chunked(std::string data, size_t chunk) {
  auto state = std::make_shared<std::pair<std::string, size_t>>(std::move(data), 0);
  return [state, chunk](char* buffer, size_t size) -> long {
    auto& [text, at] = *state;
    size_t n = std::min({size, chunk, text.size() - at});
    std::memcpy(buffer, text.data() + at, n);
    at += n;
    return static_cast<long>(n);
  };
}

}  // namespace

TEST_CASE("Frames are read whole across one-byte reads", "[lsp]") {
  FrameReader reader(Chunked("Content-Length: 2\r\n\r\n{}Content-Length: 4\r\nContent-Type: x\r\n\r\n[1 ]", 1), 1024);
  Frame a = reader.Next();
  REQUIRE(a.kind == Frame::Kind::Message);
  CHECK(a.body == "{}");
  Frame b = reader.Next();
  REQUIRE(b.kind == Frame::Kind::Message);
  CHECK(b.body == "[1 ]");
  CHECK(reader.Next().kind == Frame::Kind::End);
}

TEST_CASE("A bad Content-Length is an error and reading resumes at the next header", "[lsp]") {
  FrameReader reader(Chunked("Content-Length: x1\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}", 7), 1024);
  Frame bad = reader.Next();
  CHECK(bad.kind == Frame::Kind::Error);
  CHECK(bad.error == "invalid Content-Length `x1`");
  Frame good = reader.Next();
  REQUIRE(good.kind == Frame::Kind::Message);
  CHECK(good.body == "{}");
}

TEST_CASE("A missing Content-Length and an oversized body are errors, never a crash", "[lsp]") {
  FrameReader reader(Chunked("Content-Type: a\r\n\r\nContent-Length: 5000\r\n\r\n" + std::string(5000, 'x') +
                                 "Content-Length: 2\r\n\r\n[]",
                             100),
                     1000);
  CHECK(reader.Next().error == "missing Content-Length header");
  CHECK(reader.Next().error == "message of 5000 bytes exceeds the limit of 1000");
  CHECK(reader.Next().body == "[]");
}

TEST_CASE("A truncated body ends the stream", "[lsp]") {
  FrameReader reader(Chunked("Content-Length: 10\r\n\r\n{}", 64), 1024);
  CHECK(reader.Next().kind == Frame::Kind::End);
}

static std::string Framed(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

const std::string kRequest = R"({"jsonrpc":"2.0","id":1,"method":"shutdown"})";
const std::string kExit = R"({"jsonrpc":"2.0","method":"exit"})";

// Reads every frame; errors as "error", messages as their body.
static std::vector<std::string> ReadAll(const std::string& stream, size_t chunk) {
  FrameReader reader(Chunked(stream, chunk), 1 << 20);
  std::vector<std::string> out;
  for (Frame frame = reader.Next(); frame.kind != Frame::Kind::End; frame = reader.Next()) {
    out.push_back(frame.kind == Frame::Kind::Error ? "error" : frame.body);
  }
  return out;
}

TEST_CASE("A body longer than its Content-Length costs only that message", "[lsp]") {
  std::string stream = "Content-Length: 5\r\n\r\n" + kRequest + Framed(kRequest) + Framed(kExit);
  for (size_t chunk : {1, 7, 4096}) {
    INFO(chunk);
    CHECK(ReadAll(stream, chunk) == std::vector<std::string>{"{\"jso", "error", kRequest, kExit});
  }
}

TEST_CASE("Two different Content-Length headers are an error; the next message is read", "[lsp]") {
  std::string stream = "Content-Length: 10\r\nContent-Length: " + std::to_string(kRequest.size()) + "\r\n\r\n" +
                       kRequest + Framed(kRequest) + Framed(kExit);
  for (size_t chunk : {1, 7, 4096}) {
    INFO(chunk);
    CHECK(ReadAll(stream, chunk) == std::vector<std::string>{"error", kRequest, kExit});
  }
  std::string same = "Content-Length: 2\r\ncontent-length: 2\r\n\r\n{}" + Framed(kExit);
  CHECK(ReadAll(same, 3) == std::vector<std::string>{"{}", kExit});
}

TEST_CASE("A header block without its blank line is an error; the next message is read", "[lsp]") {
  std::string stream = "Content-Length: " + std::to_string(kRequest.size()) + "\r\n" + kRequest + Framed(kRequest) +
                       Framed(kExit);
  for (size_t chunk : {1, 7, 4096}) {
    INFO(chunk);
    CHECK(ReadAll(stream, chunk) == std::vector<std::string>{"error", kRequest, kExit});
  }
}

TEST_CASE("A malformed header is reported as soon as its line shows it, without waiting for more input", "[lsp]") {
  std::string stream = "Content-Length: 7\r\n{\"a\":1}";
  auto reads_past_end = std::make_shared<int>(0);
  auto source = Chunked(stream, 1);
  auto at = std::make_shared<size_t>(0);
  FrameReader reader(
      [=](char* buffer, size_t size) -> long {
        long n = source(buffer, size);
        if (n == 0) ++*reads_past_end;
        *at += static_cast<size_t>(n);
        return n;
      },
      1024);
  Frame frame = reader.Next();
  CHECK(frame.kind == Frame::Kind::Error);
  CHECK(frame.error == "malformed header line `{`");
  CHECK(*reads_past_end == 0);
  CHECK(*at < stream.size());
}

TEST_CASE("Positions count UTF-16 code units", "[lsp]") {
  std::string text = "// § and 𝄞 here\nx\r\nlast";
  LineIndex lines(text);
  uint32_t here = static_cast<uint32_t>(text.find("here"));
  // `§` is 2 bytes / 1 unit, `𝄞` 4 bytes / 2 units.
  CHECK(lines.ToPosition(here) == Position{0, 12});
  CHECK(lines.ToOffset({0, 12}) == here);
  CHECK(lines.ToOffset({0, 99}) == text.find('\n'));
  CHECK(lines.ToOffset({1, 5}) == text.find("x") + 1);  // \r is not part of the line
  CHECK(lines.ToPosition(static_cast<uint32_t>(text.find("last"))) == Position{2, 0});
  CHECK(lines.ToOffset({7, 0}) == text.size());
  // Inside the surrogate pair: before the character.
  CHECK(lines.ToOffset({0, 10}) == text.find("𝄞"));
}

TEST_CASE("Incremental changes apply UTF-16 ranges", "[lsp]") {
  std::string text = "a§b\nc𝄞d\n";
  ApplyChange(text, {Range{{1, 1}, {1, 3}}, "-"});
  CHECK(text == "a§b\nc-d\n");
  ApplyChange(text, {Range{{0, 1}, {0, 2}}, ""});
  CHECK(text == "ab\nc-d\n");
  ApplyChange(text, {std::nullopt, "new"});
  CHECK(text == "new");
}

TEST_CASE("URIs and paths convert both ways", "[lsp]") {
  CHECK(UriToPath("file:///tmp/a%20b/c.charter") == "/tmp/a b/c.charter");
  CHECK(PathToUri("/tmp/a b/§.charter") == "file:///tmp/a%20b/%C2%A7.charter");
  CHECK(UriToPath("untitled:Untitled-1") == "untitled:Untitled-1");
}
