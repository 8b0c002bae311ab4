// The JSON wire form of AOM answers (seed 004 Tables 7-9, reference §2.2-§2.3).
// Pure, thread-safe.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "apis/huawei_aom/model.h"

namespace eventemu::huawei_aom {

// {"events":[...], "page_info":{"current_count","previous_marker","next_marker"}}
// as JSON text, written directly (no json tree: at 100 events a page that was
// about half of a ListEvents request). Each event is a ListEventModel: the
// EventModel fields plus event_sn, arrives_at, enterprise_project_id and policy
// ({} when empty, never null: sdk-notes.md). previous_marker echoes the marker
// of this request, next_marker is "" on the last page.
std::string page_text(const EventPage& page, const std::string& request_marker);
// {"step","timestamps","series":[{"event_severity","values"}],"summary":{severity: total}}.
nlohmann::json statistic_json(const EventStatistic& statistic);

}  // namespace eventemu::huawei_aom
