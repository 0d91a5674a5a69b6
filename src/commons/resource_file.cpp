// Reading a resource's uploaded file, for its download: only for those who may see the resource.
#include "commons/store.hpp"
#include "commons/use_cases.hpp"

namespace fabrique::commons {

files::StoredFile resource_file(storage::Connection& c, const User* actor, std::string_view slug, std::string& bytes) {
  storage::Transaction tx(c, false);
  auto r = store::resource(c, slug);
  if (!r || !r->file_id || !can_see(c, actor, *r)) throw NotFound();
  auto f = files::find(c, *r->file_id);
  if (!f) throw NotFound();
  bytes = files::content(c, f->id);
  tx.commit();
  return *f;
}

}  // namespace fabrique::commons
