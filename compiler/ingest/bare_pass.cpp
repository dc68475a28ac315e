#include "compiler/ingest/bare_pass.h"

#include <cstring>
#include <vector>

#include <simdjson.h>

namespace charter::ingest {

namespace od = simdjson::ondemand;

struct BarePass::Impl {
  bool Iterate(std::string_view json, od::document& doc);
  bool Visit(od::value value, uint64_t& sink);

  od::parser parser_;
  std::vector<char> padded_;
};

BarePass::BarePass() : impl_(std::make_unique<Impl>()) {}
BarePass::~BarePass() = default;

bool BarePass::Impl::Iterate(std::string_view json, od::document& doc) {
  // The same copy into a padded buffer the fast decoder makes, so the two compare like for like.
  padded_.resize(json.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(padded_.data(), json.data(), json.size());
  std::memset(padded_.data() + json.size(), 0, simdjson::SIMDJSON_PADDING);
  return !parser_.iterate(padded_.data(), json.size(), padded_.size()).get(doc);
}

bool BarePass::Walk(std::string_view json, uint64_t& sink) {
  od::document doc;
  od::value root;
  return impl_->Iterate(json, doc) && !doc.get_value().get(root) && impl_->Visit(root, sink);
}

bool BarePass::Skim(std::string_view json, uint64_t& sink) {
  od::document doc;
  size_t fields = 0;
  if (!impl_->Iterate(json, doc) || doc.count_fields().get(fields)) return false;
  sink += fields;
  return true;
}

bool BarePass::Impl::Visit(od::value value, uint64_t& sink) {
  od::json_type type;
  if (value.type().get(type)) return false;
  switch (type) {
    case od::json_type::object: {
      od::object object;
      if (value.get_object().get(object)) return false;
      for (auto result : object) {
        od::field field;
        std::string_view key;
        if (std::move(result).get(field) || field.unescaped_key().get(key)) return false;
        sink += key.size();
        if (!Visit(field.value(), sink)) return false;
      }
      return true;
    }
    case od::json_type::array: {
      od::array array;
      if (value.get_array().get(array)) return false;
      for (auto result : array) {
        od::value item;
        if (std::move(result).get(item) || !Visit(item, sink)) return false;
      }
      return true;
    }
    case od::json_type::string: {
      std::string_view text;
      if (value.get_string().get(text)) return false;
      sink += text.size();
      return true;
    }
    case od::json_type::number: {
      double number = 0;
      if (value.get_double().get(number)) return false;
      sink += static_cast<uint64_t>(number != 0);
      return true;
    }
    case od::json_type::boolean: {
      bool flag = false;
      if (value.get_bool().get(flag)) return false;
      sink += flag;
      return true;
    }
    case od::json_type::null: {
      bool null = false;
      return !value.is_null().get(null) && null;
    }
  }
  return false;
}

}  // namespace charter::ingest
