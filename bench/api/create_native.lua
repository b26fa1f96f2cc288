-- POST /api/v1/cases with a staff API key (no public rate limit applies to staff keys).
-- Every request has its own phone and text, as real intake does.
-- Usage: JICENG_KEY=jck_... JICENG_VILLAGE=330681... wrk -s create_native.lua ...
local key = os.getenv("JICENG_KEY")
local village = os.getenv("JICENG_VILLAGE")
local n = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function request()
  n = n + 1
  local phone = string.format("139%d%07d", tid or 0, n % 10000000)
  local body = string.format(
    '{"category":"transport","division":"%s","phone":"%s",' ..
    '"description":"压测 %d-%d：村口路灯坏了三个星期，晚上很黑，老人出门不安全。"}',
    village, phone, tid or 0, n)
  return wrk.format("POST", "/api/v1/cases",
    {["Content-Type"] = "application/json", ["X-API-Key"] = key}, body)
end
