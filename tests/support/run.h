// run(): a shell command line with its exit code, stdout, stderr and duration,
// for the end-to-end tests of the command-line tools.
#pragma once

#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fahras::test {

struct Run {
  int code = -1;
  std::string out, err;
  double seconds = 0;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// Runs `cmd` with sh; stdout and stderr go through files in `scratch`.
inline Run run(const std::string& cmd, const std::filesystem::path& scratch) {
  const auto out = scratch / "stdout", err = scratch / "stderr";
  const auto t0 = std::chrono::steady_clock::now();
  const int status = std::system((cmd + " >'" + out.string() + "' 2>'" + err.string() + "'").c_str());
  Run r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

// 'FAHRAS_BIN_DIR/tool', quoted for the shell.
inline std::string bin(const char* tool) { return std::string("'") + FAHRAS_BIN_DIR + "/" + tool + "'"; }

}  // namespace fahras::test
