// The `charter` command: dispatches to one verb per file in compiler/driver.
#include <cstdio>
#include <string>
#include <vector>

#include "compiler/driver/verbs.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return charter::driver::Main(args);
}
