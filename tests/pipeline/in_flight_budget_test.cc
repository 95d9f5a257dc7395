// The default in-flight limit: `base` articles always, more only under the
// text budget, and a wait that cannot hang when nobody else is working.
#include "pipeline/in_flight_budget.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

using fahras::pipeline::InFlightBudget;
using namespace std::chrono_literals;

namespace {

// How long wait_for_room() blocks, in ms.
double timed_wait(InFlightBudget& b) {
  const auto start = std::chrono::steady_clock::now();
  b.wait_for_room();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("the in-flight budget lets small articles pile up and holds large ones to its base", "[pipeline][in-flight]") {
  InFlightBudget b(4, 1000, 5000ms);  // a long patience: any real wait would show
  // Many small articles: never a wait while their text stays under the budget.
  for (int i = 0; i < 99; ++i) {
    CHECK(timed_wait(b) < 1000);
    b.enter(10);
  }
  CHECK(b.articles() == 99);
  for (int i = 0; i < 99; ++i) b.leave(10);
  CHECK(b.articles() == 0);
  // Large ones: the base is always allowed, whatever their size.
  for (int i = 0; i < 4; ++i) {
    CHECK(timed_wait(b) < 1000);
    b.enter(600);
  }
  // Over the base and over the budget: the next waits until one leaves.
  std::atomic<bool> left{false};
  std::thread writer([&] {
    std::this_thread::sleep_for(100ms);
    left = true;
    b.leave(600);
  });
  const double waited = timed_wait(b);
  writer.join();
  CHECK(left);
  CHECK(waited >= 90);
  CHECK(waited < 4000);
  CHECK(b.articles() == 3);
}

TEST_CASE("the in-flight budget's wait gives up when no article leaves (no deadlock)", "[pipeline][in-flight]") {
  InFlightBudget b(1, 10, 30ms);
  b.enter(100);
  const double waited = timed_wait(b);  // nobody will call leave()
  CHECK(waited >= 25);
  CHECK(waited < 3000);
}
