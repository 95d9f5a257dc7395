// The machine's own ceiling for thread scaling, to read fahras's thread sweep
// against: how much faster do N threads do N times the work of one thread when
// the work is (a) pure arithmetic in registers, (b) pointer chasing through a
// 64 MB array per thread (cache and TLB misses, like Xapian's in-memory posting
// maps and B-tree blocks). On a machine with N free cores (a) gives ~N×;
// (b) is bounded by the shared memory system. Prints one line per kind.
//
//   build/bin/fahras-machine-scaling [THREADS]     default: std::thread::hardware_concurrency()
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <random>
#include <thread>
#include <vector>

namespace {

volatile std::uint64_t g_sink;

void compute(std::uint64_t steps) {
  std::uint64_t x = 0x9e3779b97f4a7c15ULL;
  for (std::uint64_t i = 0; i < steps; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
  }
  g_sink = x;
}

// One random cycle through all slots, so every step is a dependent cache miss.
std::vector<std::uint32_t> make_cycle(std::size_t n, unsigned seed) {
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::shuffle(order.begin(), order.end(), std::mt19937(seed));
  std::vector<std::uint32_t> next(n);
  for (std::size_t i = 0; i < n; ++i) next[order[i]] = order[(i + 1) % n];
  return next;
}

void chase(const std::vector<std::uint32_t>& next, std::uint64_t steps) {
  std::uint32_t at = 0;
  for (std::uint64_t i = 0; i < steps; ++i) at = next[at];
  g_sink = at;
}

template <typename Work>
double run(unsigned threads, Work work) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work, t);
  for (std::thread& th : pool) th.join();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  unsigned n = argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : std::thread::hardware_concurrency();
  if (n < 1) n = 1;
  constexpr std::uint64_t kComputeSteps = 600'000'000;
  constexpr std::size_t kSlots = 16u << 20;  // 64 MB of uint32 per thread
  constexpr std::uint64_t kChaseSteps = 20'000'000;

  std::vector<std::vector<std::uint32_t>> cycles;
  for (unsigned t = 0; t < n; ++t) cycles.push_back(make_cycle(kSlots, 17 + t));

  std::printf("%-34s %8s %8s %8s\n", "work (each thread the same)", "1 thread", "threads", "speed-up");
  for (unsigned t = 2; t <= n; t = t < n && t * 2 > n ? n : t * 2) {
    const double c1 = run(1, [&](unsigned) { compute(kComputeSteps); });
    const double cn = run(t, [&](unsigned) { compute(kComputeSteps); });
    std::printf("%-34s %7.2fs %7u %7.2fx\n", "arithmetic in registers", c1, t, t * c1 / cn);
    const double m1 = run(1, [&](unsigned i) { chase(cycles[i], kChaseSteps); });
    const double mn = run(t, [&](unsigned i) { chase(cycles[i], kChaseSteps); });
    std::printf("%-34s %7.2fs %7u %7.2fx\n", "random reads in 64 MB per thread", m1, t, t * m1 / mn);
    if (t == n) break;
  }
  if (n == 1) std::printf("(one thread: nothing to compare)\n");
  return 0;
}
