#include "syntax/parse_state.h"

namespace annals::syntax {

void ParseState::Init(int words) {
  n = words;
  const size_t size = static_cast<size_t>(words) + 1;
  stack.clear();
  stack.push_back(0);
  b = 1;
  head.assign(size, -1);
  label.assign(size, 0);
  lc1.assign(size, 0);
  lc2.assign(size, 0);
  rc1.assign(size, 0);
  rc2.assign(size, 0);
  nleft.assign(size, 0);
  nright.assign(size, 0);
  lset.assign(size, 0);
  rset.assign(size, 0);
}

void ParseState::ArcOf(Move m, int* h, int* d) const {
  *h = *d = -1;
  if (m == kLeft) {
    *h = b;
    *d = S(0);
  } else if (m == kRight) {
    *h = S(1);
    *d = S(0);
  }
}

void ParseState::Apply(Move m, uint8_t rel) {
  if (m == kShift) {
    stack.push_back(b++);
    return;
  }
  int h, d;
  ArcOf(m, &h, &d);
  stack.pop_back();
  head[d] = h;
  label[d] = rel;
  const uint64_t bit = rel < 64 ? uint64_t{1} << rel : 0;
  if (d < h) {
    // Left children arrive nearest first, so each new one is outermost.
    lc2[h] = lc1[h];
    lc1[h] = d;
    if (nleft[h] < 255) ++nleft[h];
    lset[h] |= bit;
  } else {
    rc2[h] = rc1[h];
    rc1[h] = d;
    if (nright[h] < 255) ++nright[h];
    rset[h] |= bit;
  }
}

}  // namespace annals::syntax
