-- GET /open311/v2/requests.json where every request is a new query (an ignored parameter
-- differs each time), so none is answered from the few-seconds list cache: the cost of
-- computing a full answer. JICENG_END is the window's end (local time), e.g. the demo's
-- last day, so the 90 days before it hold at least 1,000 requests.
-- Usage: JICENG_END=2026-11-29T12:00:00 wrk -s open311_uncached.lua http://127.0.0.1:8000
local n = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function request()
  n = n + 1
  local path = string.format(
    "/open311/v2/requests.json?end_date=%s%%2B08:00&nocache=%d-%d", os.getenv("JICENG_END"), tid or 0, n)
  return wrk.format("GET", path)
end
