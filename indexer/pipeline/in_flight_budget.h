// InFlightBudget: the default limit on the articles in build_index's pipeline
// (IndexOptions::max_in_flight == 0, more than one thread).
//
// `base` articles may always be in flight, whatever their size; more (up to
// the pipeline's token count) only while those in flight hold under `budget`
// bytes of text. So many small articles can queue behind a thread that is
// flushing its shard, while a run of huge ones stays bounded by `base`. The
// read stage calls wait_for_room() before reading an article, enter() after;
// the write stage calls leave() when it is done with one. If no article leaves
// within `patience` (no other thread is working, so waiting longer cannot
// help), wait_for_room() returns anyway: a wait never becomes a deadlock.
//
// Thread safety: all members may be called from any threads at once.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>

namespace fahras::pipeline {

class InFlightBudget {
 public:
  InFlightBudget(std::size_t base, std::uint64_t budget, std::chrono::milliseconds patience = std::chrono::milliseconds(20))
      : base_(base), budget_(budget), patience_(patience) {}

  // Returns when fewer than `base` articles are in flight, or they hold less
  // than `budget` bytes, or no article left during `patience`.
  void wait_for_room() {
    std::unique_lock lock(m_);
    while (count_ >= base_ && bytes_ >= budget_) {
      const std::uint64_t before = left_;
      if (!cv_.wait_for(lock, patience_, [&] { return left_ != before; })) return;
    }
  }
  // An article of `bytes` enters the pipeline / leaves it.
  void enter(std::uint64_t bytes) {
    std::lock_guard lock(m_);
    ++count_;
    bytes_ += bytes;
  }
  void leave(std::uint64_t bytes) {
    {
      std::lock_guard lock(m_);
      --count_;
      bytes_ -= bytes;
      ++left_;
    }
    cv_.notify_one();
  }

  std::size_t articles() const {
    std::lock_guard lock(m_);
    return count_;
  }

 private:
  const std::size_t base_;
  const std::uint64_t budget_;
  const std::chrono::milliseconds patience_;
  mutable std::mutex m_;
  std::condition_variable cv_;
  std::size_t count_ = 0;
  std::uint64_t bytes_ = 0, left_ = 0;
};

}  // namespace fahras::pipeline
