// Status and StatusOr: how every fallible library call reports failure.
//
// The library never throws across its public API, never prints and never exits;
// a failure is a value the caller decides about (the CLI prints it, a batch
// records it and goes on). Messages carry a stable code so a user can search for
// it: "[E003] invalid UTF-8 at byte 1042".
//
// Tested by src/core/status_test.cc.
#ifndef ANNALS_STATUS_H_
#define ANNALS_STATUS_H_

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace annals {

// Stable error codes; the number is part of the message, never reuse one.
enum class ErrorCode : int {
  kOk = 0,
  kInvalidArgument = 1,  // the caller passed something meaningless
  kIo = 2,               // a file could not be opened, read or written
  kInvalidUtf8 = 3,      // bytes are not UTF-8
  kNulBytes = 4,         // text contains NUL bytes (binary data)
  kEmptyDocument = 5,    // nothing but white space
  kTooLarge = 6,         // over the configured size budget
  kBadJson = 7,          // a JSON value could not be parsed
  kBadCsv = 8,           // a CSV record could not be parsed
  kBadRecord = 9,        // parsed, but lacks what a document needs (text)
  kUnknownFormat = 10,   // input format could not be recognised
  kStore = 11,           // the store failed (SQLite or PostgreSQL refused or broke)
  kSchema = 12,          // the store's schema is newer than this program
  kNotFound = 13,        // a requested object does not exist
  kInternal = 14,        // a broken invariant inside annals
  kBinary = 15,          // input looks like binary data, not text
  kBadModel = 16,        // a model file is missing parts or corrupt
  kBadDictionary = 17,   // a dictionary or ontology line is malformed (FILE:LINE)
  kBadArchive = 18,      // a WARC or gzip record is malformed or truncated
  kBadFeed = 19,         // an RSS or Atom feed is not well-formed XML or lacks items
  kUnavailable = 20,     // a database server cannot be reached (down, refused, lost)
  kQueue = 21,           // the work queue cannot be reached or refused a message (NATS)
};

// The "[E003]" prefix for a code.
std::string ErrorTag(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "[E003] invalid UTF-8 at byte 12", or "OK".
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// A value or the Status explaining why there is none.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  StatusOr(Status status) : v_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace annals

#define ANNALS_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::annals::Status annals_status_ = (expr);        \
    if (!annals_status_.ok()) return annals_status_; \
  } while (0)

#endif  // ANNALS_STATUS_H_
