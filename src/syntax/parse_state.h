// The arc-hybrid parser's configuration: stack, buffer and the arcs built
// so far, with the per-word summaries the features read (outermost
// children, child counts, label sets). Word 0 is the root.
#ifndef ANNALS_SYNTAX_PARSE_STATE_H_
#define ANNALS_SYNTAX_PARSE_STATE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace annals::syntax {

enum Move : uint32_t { kShift = 0, kLeft = 1, kRight = 2, kNumMoves = 3 };

struct ParseState {
  int n = 0;               // words; they are 1..n
  std::vector<int> stack;  // stack[0] is the root (0)
  int b = 1;               // first word of the buffer; the buffer is b..n
  std::vector<int> head;   // -1 until attached
  std::vector<uint8_t> label;
  std::vector<int> lc1, lc2, rc1, rc2;  // outermost children, 0 = none
  std::vector<uint8_t> nleft, nright;   // child counts
  std::vector<uint64_t> lset, rset;     // bit r set: has a child with relation r

  void Init(int words);
  bool Terminal() const { return b > n && stack.size() == 1; }
  int S(size_t k) const {  // k-th from the top of the stack, -1 if none
    return k < stack.size() ? stack[stack.size() - 1 - k] : -1;
  }
  int B(int k) const { return b + k <= n ? b + k : -1; }

  // The single-root rule: the root takes a dependent only when that word
  // is the last one left.
  bool Valid(Move m) const {
    switch (m) {
      case kShift:
        return b <= n;
      case kLeft:
        return b <= n && stack.size() >= 2;
      case kRight:
        return stack.size() >= 3 || (stack.size() == 2 && b > n);
      default:
        return false;
    }
  }
  // The arc a move makes: (head, dependent), or (-1, -1) for a shift.
  void ArcOf(Move m, int* h, int* d) const;
  // Applies a valid move; `rel` labels the arc it makes.
  void Apply(Move m, uint8_t rel);
};

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_PARSE_STATE_H_
