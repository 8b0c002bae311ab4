// Handlers for custom event definitions under /csm/api/v1/custom/event/configs/
// (reference/baidu.md §3): create, update, delete (POST bodies) and list,
// detail (GET queries). Thread-safe: holds a reference to a thread-safe store.
#pragma once

#include "apis/baidu_bcm/custom_event_store.h"
#include "core/http/http_types.h"
#include "core/result.h"

namespace eventemu::baidu_bcm {

class CustomEventHandlers {
 public:
  explicit CustomEventHandlers(CustomEventStore& store);

  // POST .../create -> 200 the NamespaceEvent; an existing name -> 400.
  core::Result<core::Reply> create(const core::HttpRequest& request);
  // POST .../update -> 200 the NamespaceEvent; an unknown name -> 400.
  core::Result<core::Reply> update(const core::HttpRequest& request);
  // POST .../delete -> 200 {} (unknown names are ignored).
  core::Result<core::Reply> remove(const core::HttpRequest& request);
  // GET .../list -> 200 {pageNo, pageSize, totalCount, result:[...]}
  core::Result<core::Reply> list(const core::HttpRequest& request);
  // GET .../detail -> 200 one NamespaceEvent; an unknown name -> 400.
  core::Result<core::Reply> detail(const core::HttpRequest& request);

 private:
  CustomEventStore& store_;
};

}  // namespace eventemu::baidu_bcm
