#include "coding/coding_data.h"

#include <cstdlib>
#include <mutex>

namespace annals {

std::string DefaultDataDir() {
  const char* dir = std::getenv("ANNALS_DATA_DIR");
  return dir != nullptr && *dir != '\0' ? dir : ANNALS_DATA_DIR;
}

StatusOr<std::shared_ptr<const CodingData>> LoadCodingData(const std::string& data_dir) {
  auto data = std::make_shared<CodingData>();
  if (Status s = dict::Ontology::Load(data_dir + "/ontology", &data->ontology); !s.ok()) return s;
  if (Status s = data->actors.LoadDirectory(data_dir + "/dict"); !s.ok()) return s;
  if (Status s = data->patterns.LoadDirectory(data_dir + "/dict/verbs", &data->ontology); !s.ok())
    return s;
  return std::shared_ptr<const CodingData>(std::move(data));
}

StatusOr<std::shared_ptr<const CodingData>> DefaultCodingData() {
  static std::once_flag once;
  static StatusOr<std::shared_ptr<const CodingData>>* loaded = nullptr;
  std::call_once(once, [] {
    loaded = new StatusOr<std::shared_ptr<const CodingData>>(LoadCodingData(DefaultDataDir()));
  });
  return *loaded;
}

}  // namespace annals
