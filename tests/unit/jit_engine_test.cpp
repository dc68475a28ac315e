// The JIT plugin's C entry point (compiler/jit/engine.cpp): whatever compiling
// throws inside the plugin comes back as an error, never as an exception.
#include <catch2/catch.hpp>

#include "compiler/ir/ir.h"
#include "compiler/jit/engine.h"
#include "test_support.h"

using namespace charter;

TEST_CASE("An exception while compiling in the JIT plugin comes back as an error, not through the C entry", "[jit]") {
  auto run = testing::CheckText(
      "policy p\n"
      "event change { n: int }\n"
      "const limit = 3\n"
      "rule r on change {\n"
      "  require event.n < limit else \"too_many\": \"n is {event.n}\"\n"
      "}\n");
  REQUIRE(run->Errors() == 0);
  auto module = ir::Lower(*run->checked);
  REQUIRE(module->globals.size() == 1);
  // A constant typed as a string though it computes an int: making its cell throws std::bad_variant_access.
  module->globals[0].type = run->checked->types.String();
  std::string error;
  std::unique_ptr<jit::Engine> engine;
  REQUIRE_NOTHROW(engine = jit::Engine::Create(*module, jit::EngineOptions{}, error));
  CHECK_FALSE(engine);
  CHECK_THAT(error, Catch::StartsWith("internal error while compiling: "));
}
