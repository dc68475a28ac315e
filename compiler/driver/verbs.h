// The `charter` verbs. Each returns the process exit code (see PRODUCT.md):
// 0 ok, 1 warnings with --strict (or a deny / failed test), 2 errors or bad usage,
// 3 a malformed event.
#pragma once

#include <string>
#include <vector>

namespace charter::driver {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitBadEvent = 3;

int Main(const std::vector<std::string>& args);
int RunCheck(const std::vector<std::string>& args);
int RunEval(const std::vector<std::string>& args);
int RunTest(const std::vector<std::string>& args);
int RunFmt(const std::vector<std::string>& args);
int RunLsp(const std::vector<std::string>& args);
int RunLog(const std::vector<std::string>& args);
int RunBench(const std::vector<std::string>& args);

}  // namespace charter::driver
